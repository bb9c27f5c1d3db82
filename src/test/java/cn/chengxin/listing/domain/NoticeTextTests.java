package cn.chengxin.listing.domain;

import java.time.LocalDate;
import java.util.List;

import cn.chengxin.listing.ListType;
import cn.chengxin.support.NoticeBundles;
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

    /** RULES.md §7, §5: a correction moved the last day of an entry in force; the person is told both days and may object. */
    @Test
    void aLaterLastDayIsToldWithBothDaysTheReasonAndTheRightToObject() {
        NoticeText.Text text = NoticeText.periodChanged("张三", SubjectKind.PERSON, ListType.BLACK, "失信被执行人",
                LocalDate.of(2027, 5, 10), LocalDate.of(2028, 5, 10), "报送部门更正了所依据的信用记录（决定文书号：(2025)豫1702执8号）",
                "驻马店市");
        assertThat(text.title()).isEqualTo("严重失信主体名单有效期变更告知书");
        assertThat(text.body()).contains("原有效期至2027年5月10日，现有效期至2028年5月10日",
                "变更原因：报送部门更正了所依据的信用记录（决定文书号：(2025)豫1702执8号）。",
                "相应措施将继续执行至新的有效期届满", "可通过驻马店市个人中心或窗口提出异议");
    }

    @Test
    void anEarlierLastDayStopsTheMeasuresSoonerAndAnOrganisationObjectsAtTheWindow() {
        String body = NoticeText.periodChanged("某某公司", SubjectKind.ORGANISATION, ListType.BLACK, "失信被执行人",
                LocalDate.of(2028, 5, 10), LocalDate.of(2027, 5, 10), "更正", "驻马店市").body();
        assertThat(body).contains("原有效期至2028年5月10日，现有效期至2027年5月10日", "相应措施于新的有效期届满时停止执行",
                "到驻马店市信用办窗口提出异议").doesNotContain("个人中心", "继续执行");
    }

    @Test
    void aRedEntryIsToldItsNewDayWithoutAnObjectionOrRepairClause() {
        String body = NoticeText.periodChanged("李四", SubjectKind.PERSON, ListType.RED, "诚信之星", null,
                LocalDate.of(2027, 1, 1), "更正", "驻马店市").body();
        assertThat(body).contains("原有效期至无固定期限，现有效期至2027年1月1日").doesNotContain("异议", "信用修复");
    }

    /**
     * G13: each notice's Chinese wording in messages.properties, filled with its arguments, is its text word for word —
     * every kind and every variant — so that the English reading aid renders the same notice.
     */
    @Test
    void theChineseWordingOfEveryListNoticeIsItsTextWordForWord() {
        LocalDate until = LocalDate.of(2027, 5, 10);
        List<NoticeText.Text> texts = List.of(
                priorNoticeTo("张三", SubjectKind.PERSON), priorNoticeTo("某某公司", SubjectKind.ORGANISATION),
                NoticeText.prior("张三", SubjectKind.PERSON, "规则", null, "依据", "理由", "措施", 7, "条件", "驻马店市"),
                NoticeText.effective("张三", ListType.BLACK, "失信被执行人", "依据", until, "限制高消费", "履行义务"),
                NoticeText.effective("张三", ListType.RED, "诚信之星", "依据", null, "绿色通道", "期满"),
                NoticeText.effective("张三", ListType.GREY, "重点关注", "依据", null, "加强监管", "整改"),
                NoticeText.periodChanged("张三", SubjectKind.PERSON, ListType.BLACK, "规则", until, until.plusYears(1),
                        "更正", "驻马店市"),
                NoticeText.periodChanged("某某公司", SubjectKind.ORGANISATION, ListType.GREY, "规则", until, null,
                        "更正", "驻马店市"),
                NoticeText.periodChanged("张三", SubjectKind.PERSON, ListType.RED, "规则", until, until.plusYears(1),
                        "更正", "驻马店市"),
                NoticeText.periodChanged("张三", SubjectKind.PERSON, ListType.RED, "规则", null, until, "更正", "驻马店市"),
                NoticeText.publicNotice("张三", "诚信之星", until),
                NoticeText.withdrawn("张三", ListType.BLACK, "规则", "撤回"),
                NoticeText.withdrawn("张三", ListType.RED, "规则", "撤回"),
                NoticeText.exit("张三", ListType.GREY, "规则", "期满"));
        for (NoticeText.Text text : texts) {
            assertThat(NoticeBundles.inChinese(text.wording(), "title", text.args())).isEqualTo(text.title());
            assertThat(NoticeBundles.inChinese(text.wording(), "body", text.args())).isEqualTo(text.body());
        }
    }
}
