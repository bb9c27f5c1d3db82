package cn.chengxin.listing.domain;

import cn.chengxin.subject.domain.SubjectKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of the prior notice say where its subject objects: self-service is the citizens' alone. */
class NoticeTextTests {

    private static NoticeText.Text priorNoticeTo(String name, SubjectKind kind) {
        return NoticeText.prior(name, kind, "重大税收违法失信主体", SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER,
                "《重大税收违法失信主体信息公布管理办法》",
                "依据市税务局报送的信用记录", "限制乘坐飞机", 5, "缴清税款", "驻马店市");
    }

    /** The period counts from service (RULES.md §7): no day of effect is promised before anyone received the notice. */
    @Test
    void theNoticePeriodIsToldFromServiceNotAsADay() {
        assertThat(priorNoticeTo("张三", SubjectKind.PERSON).body())
                .contains("本决定自本告知书送达之日起满5日后生效（送达之日不计入）").doesNotContain("拟于");
    }

    @Test
    void aPersonObjectsInSelfServiceOrAtTheWindow() {
        assertThat(priorNoticeTo("张三", SubjectKind.PERSON).body())
                .contains("可在生效前通过驻马店市个人中心或窗口提出异议（异议期间标注“异议处理中”）");
    }

    @Test
    void anOrganisationIsSentToTheCreditOfficesWindowNotToASelfServiceAccountItHasNot() {
        String body = priorNoticeTo("驻马店市某某商贸有限公司", SubjectKind.ORGANISATION).body();
        assertThat(body).contains("可在生效前到驻马店市信用办窗口提出异议（异议期间标注“异议处理中”）")
                .doesNotContain("个人中心");
    }
}
