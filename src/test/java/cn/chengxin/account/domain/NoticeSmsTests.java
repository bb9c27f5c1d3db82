package cn.chengxin.account.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeSmsTests {

    @Test
    void carriesTheTitleAndThePointerToSelfService() {
        assertThat(NoticeSms.of("您的异议已受理")).isEqualTo("【信用平台】您的异议已受理。详情请登录个人中心“消息通知”查看。");
    }

    @Test
    void masksAnythingShapedLikeAnIdentityNumberOrCreditCode() {
        assertThat(NoticeSms.of("11010519491231002X 的异议已受理")).doesNotContain("11010519491231002X")
                .contains("1101**********002X");
        assertThat(NoticeSms.of("主体 91350100M000100Y43 已列入名单")).doesNotContain("91350100M000100Y43")
                .contains("9135**********0Y43");
        assertThat(NoticeSms.of("旧号 110105491231002")).doesNotContain("110105491231002");
    }

    /** M5: a passport, a travel permit or a phone in a title is masked as on screens. */
    @Test
    void masksPassportsPermitsAndPhones() {
        assertThat(NoticeSms.of("护照 E12345678、通行证H12345678 的异议已受理，回电13912345678"))
                .contains("护照 E1*****78、通行证H1*****78 的异议已受理，回电139****5678")
                .doesNotContain("E12345678").doesNotContain("13912345678");
    }

    @Test
    void leavesDecisionNumbersAndDatesAlone() {
        assertThat(NoticeSms.of("驻市监罚〔2026〕501号 于 2026-12-03 前办结")).contains("驻市监罚〔2026〕501号")
                .contains("2026-12-03");
    }

    @Test
    void shortensLongTitles() {
        assertThat(NoticeSms.of("长".repeat(100))).contains("长".repeat(60) + "…").doesNotContain("长".repeat(61));
    }
}
