package cn.chengxin.ingestion.domain;

import cn.chengxin.ingestion.RowError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShownTextTests {

    @Test
    void masksEveryNumberInAMessageAndKeepsTheRest() {
        assertThat(ShownText.of("信用信息目录中没有事项「11010519491231002X」", 500))
                .isEqualTo("信用信息目录中没有事项「1101**********002X」");
        assertThat(ShownText.of("（2025）豫1702执123号", 500)).isEqualTo("（2025）豫1702执123号");
        assertThat(ShownText.of("事项「110105-19491231-002X」", 500)).as("written in groups")
                .doesNotContain("19491231").contains("002X");
    }

    @Test
    void cutsALongTextAfterMaskingANumberThatCrossesTheCut() {
        String shown = ShownText.of("字".repeat(8) + "11010519491231002X" + "尾".repeat(1000), 10);

        assertThat(shown).isEqualTo("字".repeat(8) + "11…");
    }

    @Test
    void aRowErrorKeepsItsFieldAndMessageMaskedAndBounded() {
        RowError error = new RowError(3, "fields.11010519491231002X" + "x".repeat(500), "FIELD_UNKNOWN",
                "字段「11010519491231002X」不在事项中" + "。".repeat(1000));

        assertThat(error.field()).startsWith("fields.1101**********002X").hasSize(121).endsWith("…");
        assertThat(error.message()).startsWith("字段「1101**********002X」").doesNotContain("0519");
        assertThat(error.message().codePointCount(0, error.message().length())).isEqualTo(501);
    }
}
