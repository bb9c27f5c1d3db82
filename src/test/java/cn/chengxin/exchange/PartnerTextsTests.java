package cn.chengxin.exchange;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding F12: a partner's refusal text is stored and shown without the identity number it may echo. */
class PartnerTextsTests {

    @Test
    void aNumberInAPartnersRefusalIsMaskedAndControlCharactersGo() {
        String shown = PartnerTexts.shown("messages[3]: subject.number 41150219850312041X 校验不通过\r\n\u001b[0m", 300);
        assertThat(shown).doesNotContain("41150219850312041X").doesNotContain("198503")
                .contains("messages[3]", "校验不通过").doesNotContainPattern("\\p{Cntrl}");
    }

    @Test
    void aNumberAtTheCutIsMaskedBeforeItIsCut() {
        String body = "x".repeat(290) + " 41150219850312041X";
        String shown = PartnerTexts.shown(body, 300);
        assertThat(shown).hasSizeLessThanOrEqualTo(300).doesNotContain("4115021985");
        assertThat(PartnerTexts.shown(null, 10)).isEmpty();
    }
}
