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

    /**
     * Finding L2 of gaps review xxx (驻政办〔2017〕102号 四(三)): the prior notice tells the person that correcting the
     * conduct within the period and proving it prevents the listing, where they file the proof, in Chinese and in the
     * English reading aid.
     */
    @Test
    void theNoticeSaysThatCorrectingWithinThePeriodPreventsTheListingInBothLanguages() {
        NoticeText.Text person = priorNoticeTo("张三", SubjectKind.PERSON);
        assertThat(person.body()).contains("在告知期内纠正失信行为并通过驻马店市个人中心或窗口提交证明的，经核实后不予列入"
                + "（证明审核期间本决定暂不生效）。");
        assertThat(inEnglish(person)).contains("If you correct the dishonest conduct within the notice period and submit "
                + "proof of it in self-service (personal centre) or at the window of the credit office, you will not be "
                + "listed once it is verified (the decision does not take effect while the proof is reviewed).");
        assertThat(priorNoticeTo("某某公司", SubjectKind.ORGANISATION).body())
                .contains("在告知期内纠正失信行为并到驻马店市信用办窗口提交证明的，经核实后不予列入");
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

    /**
     * Finding I2 of gaps review xxvii: an entry on a court's listing given the court's term at its subject's next
     * evaluation is not a correction of the record; the notice says it is the term the court decided, in Chinese and
     * in the English reading aid.
     */
    @Test
    void theCourtsTermIsTheReasonNotACorrectionInBothLanguages() {
        NoticeText.Text none = NoticeText.periodChanged("张三", SubjectKind.PERSON, ListType.BLACK, "失信被执行人",
                LocalDate.of(2029, 3, 1), null, NoticeText.courtsTerm("(2026)豫1702执8号", null), "驻马店市");
        assertThat(none.body()).contains("原有效期至2029年3月1日，现有效期至无固定期限",
                "变更原因：按人民法院决定的纳入期限：失信被执行人有履行能力而拒不履行生效法律文书确定义务（法释〔2017〕7号第一条第一项），"
                        + "无固定期限，至人民法院删除该失信信息时止（决定文书号：(2026)豫1702执8号）。",
                "相应措施将继续执行至新的有效期届满").doesNotContain("报送部门更正");
        assertThat(inEnglish(none)).contains("and now runs until no fixed end",
                "Reason: the term the people's court decided: a judgment debtor able to perform and refusing",
                "Art. 1(1)", "until the court deletes the listing (decision number: (2026)豫1702执8号).");

        NoticeText.Text until = NoticeText.periodChanged("张三", SubjectKind.PERSON, ListType.BLACK, "失信被执行人",
                LocalDate.of(2029, 3, 1), LocalDate.of(2031, 3, 1),
                NoticeText.courtsTerm("(2026)豫1702执8号", LocalDate.of(2031, 3, 1)), "驻马店市");
        assertThat(until.body()).contains("变更原因：按人民法院决定的纳入期限：至2031年3月1日（法释〔2017〕7号第二条；决定文书号：(2026)豫1702执8号）。");
        assertThat(inEnglish(until)).contains(
                "Reason: the term the people's court decided: until 2031-03-01 (SPC Interpretation Fa Shi [2017] No. 7, "
                        + "Art. 2; decision number: (2026)豫1702执8号).");
        for (NoticeText.Text text : List.of(none, until)) {
            assertThat(NoticeBundles.inChinese(text.wording(), "body", text.args())).isEqualTo(text.body());
        }
    }

    /** The body as the English reading aid renders it (NoticeWording): labels by their keys, the rest as they are. */
    private static String inEnglish(NoticeText.Text text) {
        java.util.Properties english = NoticeBundles.english();
        Object[] values = text.args().stream().map(a -> switch (a.type()) {
            case LABEL -> new java.text.MessageFormat(english.getProperty(a.value()), java.util.Locale.ENGLISH)
                    .format(a.params().toArray());
            case ITEM -> english.getProperty("lists.type." + a.value().substring("LIST_".length()));
            default -> a.value();
        }).toArray();
        return new java.text.MessageFormat(english.getProperty("notice." + text.wording() + ".body"),
                java.util.Locale.ENGLISH).format(values);
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
