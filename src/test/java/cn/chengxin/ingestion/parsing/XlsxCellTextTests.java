package cn.chengxin.ingestion.parsing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxCellTextTests {

    @Test
    void excelsEscapesAreReadAsTheCharactersTheyStandFor() {
        assertThat(XlsxCellText.unescaped("某人_x0001_")).isEqualTo("某人\u0001");
        assertThat(XlsxCellText.unescaped("a_x000D_\nb")).isEqualTo("a\r\nb");
        assertThat(XlsxCellText.unescaped("_x005F_x0041_")).as("an escaped underscore, then text").isEqualTo("_x0041_");
        assertThat(XlsxCellText.unescaped("CX_x005F_1")).isEqualTo("CX_1");
    }

    @Test
    void textThatIsNoEscapeIsLeftAsItIs() {
        assertThat(XlsxCellText.unescaped("ZX-2025_x01_")).isEqualTo("ZX-2025_x01_");
        assertThat(XlsxCellText.unescaped("_xGGGG_ _x00４1_ _x")).isEqualTo("_xGGGG_ _x00４1_ _x");
        assertThat(XlsxCellText.unescaped("无转义")).isEqualTo("无转义");
    }
}
