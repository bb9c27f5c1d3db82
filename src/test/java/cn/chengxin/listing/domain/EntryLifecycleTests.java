package cn.chengxin.listing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListType;
import cn.chengxin.subject.domain.SubjectKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntryLifecycleTests {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    private static final java.time.ZoneId CITY = java.time.ZoneId.of("Asia/Shanghai");

    @Test
    void aBlackListEntryWaitsForItsPriorNoticeARedOneForItsPublicNoticeAGreyOneNot() {
        assertThat(EntryLifecycle.approve(ListType.BLACK, 5, NOW, CITY).status()).isEqualTo(EntryStatus.NOTIFIED);
        assertThat(EntryLifecycle.approve(ListType.BLACK, 0, NOW, CITY))
                .isEqualTo(new EntryLifecycle.AfterApproval(EntryStatus.EFFECTIVE, NOW));
        assertThat(EntryLifecycle.approve(ListType.RED, 7, NOW, CITY).status()).isEqualTo(EntryStatus.PUBLIC_NOTICE);
        assertThat(EntryLifecycle.approve(ListType.RED, 0, NOW, CITY)).as("RULES.md §7: never red-listed at once")
                .isEqualTo(EntryLifecycle.approve(ListType.RED, 1, NOW, CITY));
        assertThat(EntryLifecycle.approve(ListType.GREY, 7, NOW, CITY))
                .isEqualTo(new EntryLifecycle.AfterApproval(EntryStatus.EFFECTIVE, NOW));
    }

    /**
     * A period of days begins the day after the approval and ends at 24:00 of its last day, in the city's time
     * (《民法典》第二百零一条、第二百零三条): approved at 10:00 on 30 November in Beijing, five days run to the end
     * of 5 December and the entry takes effect at 00:00 on 6 December, whatever the hour of the approval.
     */
    @Test
    void aNoticePeriodRunsWholeDaysFromTheDayAfterTheApprovalInTheCitysTime() {
        Instant sixthOfDecember = java.time.ZonedDateTime.of(2026, 12, 6, 0, 0, 0, 0, CITY).toInstant();
        assertThat(EntryLifecycle.approve(ListType.BLACK, 5, NOW, CITY).effectiveFrom()).isEqualTo(sixthOfDecember);
        assertThat(EntryLifecycle.approve(ListType.BLACK, 5, Instant.parse("2026-11-30T15:59:00Z"), CITY)
                .effectiveFrom()).as("23:59 in Beijing is still 30 November").isEqualTo(sixthOfDecember);
        assertThat(EntryLifecycle.approve(ListType.RED, 5, Instant.parse("2026-11-29T16:00:00Z"), CITY)
                .effectiveFrom()).as("00:00 in Beijing is already 30 November").isEqualTo(sixthOfDecember);
    }

    @Test
    void anEntryNeverOutlivesItsRecord() {
        LocalDate decided = LocalDate.of(2026, 3, 2);
        assertThat(EntryLifecycle.validUntil(decided, 36, LocalDate.of(2028, 3, 1))).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(EntryLifecycle.validUntil(decided, 12, LocalDate.of(2028, 3, 1))).isEqualTo(LocalDate.of(2027, 3, 2));
        assertThat(EntryLifecycle.validUntil(decided, null, LocalDate.of(2028, 3, 1))).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(EntryLifecycle.validUntil(decided, 12, null)).isEqualTo(LocalDate.of(2027, 3, 2));
        assertThat(EntryLifecycle.validUntil(decided, null, null)).isNull();
    }

    /**
     * RULES.md §7; 法释〔2017〕7号第一条、第二条: a court's listing lasts as the court decided — the last day it delivered
     * (an extension for aggravating grounds included), capped by the record's publication; none for a defaulter able
     * to perform and refusing (第一条第一项); the two years of 第二条 for the other grounds. Not the rule's validity alone.
     */
    @Test
    void aCourtsListingLastsAsTheCourtDecidedNotAsTheRuleSays() {
        LocalDate decided = LocalDate.of(2026, 3, 2);
        LocalDate published = LocalDate.of(2029, 3, 1);
        Map<String, String> ableAndRefusing = Map.of("behaviour", "其他有履行能力而拒不履行生效法律文书确定义务");
        Map<String, String> evading = Map.of("behaviour", "违反限制消费令");
        Map<String, String> extended = Map.of("behaviour", "以暴力、威胁方法妨碍、抗拒执行", "listing_end", "2029-03-02");

        assertThat(EntryLifecycle.validUntil("P_COURT_DEFAULTER", ableAndRefusing, decided, 24, published))
                .as("Art. 1(1): no term, whatever the rule says").isNull();
        assertThat(EntryLifecycle.validUntil("O_COURT_DEFAULTER", Map.of("behaviour", "有履行能力 拒不履行"), decided,
                null, null)).isNull();
        assertThat(EntryLifecycle.validUntil("P_COURT_DEFAULTER", evading, decided, 24, published))
                .as("Art. 1(2)-(6): two years").isEqualTo(LocalDate.of(2028, 3, 2));
        assertThat(EntryLifecycle.validUntil("P_COURT_DEFAULTER", evading, decided, null, published))
                .as("a rule leaving the term to the court: the law's two years").isEqualTo(LocalDate.of(2028, 3, 2));
        assertThat(EntryLifecycle.validUntil("P_COURT_DEFAULTER", Map.of("behaviour", "无正当理由拒不履行执行和解协议"),
                decided, 24, published)).as("a refused settlement (Art. 1(6)) is not Art. 1(1)")
                .isEqualTo(LocalDate.of(2028, 3, 2));
        assertThat(EntryLifecycle.validUntil("P_COURT_DEFAULTER", extended, decided, 24, null))
                .as("extended by the court: its own last day").isEqualTo(LocalDate.of(2029, 3, 2));
        assertThat(EntryLifecycle.validUntil("P_COURT_DEFAULTER", extended, decided, 24, published))
                .as("never beyond the record's publication").isEqualTo(published);
        Map<String, String> endedEarly = Map.of("behaviour", "有履行能力而拒不履行", "listing_end", "2027-01-31");
        assertThat(EntryLifecycle.validUntil("P_COURT_DEFAULTER", endedEarly, decided, 24, published))
                .as("the court's last day wins over the grounds").isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(EntryLifecycle.validUntil("P_DRUNK_DRIVING", ableAndRefusing, decided, 24, published))
                .as("any other item: the rule's validity").isEqualTo(LocalDate.of(2028, 3, 2));
    }

    /** 《民法典》第二百零二条: a validity in months ends on the corresponding day, or the month's last when it has none. */
    @Test
    void aValidityInMonthsEndsOnTheCorrespondingDayOfItsLastMonth() {
        assertThat(EntryLifecycle.validUntil(LocalDate.of(2025, 3, 10), 24, null)).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(EntryLifecycle.validUntil(LocalDate.of(2025, 11, 30), 3, null)).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    /** A department's entry rests on no record: it needs its own last day, within RULES.md §4's longest period. */
    @Test
    void aProposalByHandNeedsALastDayAfterTodayAndWithinThreeYears() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        assertThat(EntryLifecycle.manualValidityProblem(null, today)).hasValueSatisfying(p ->
                assertThat(p).contains("须填写有效期至"));
        assertThat(EntryLifecycle.manualValidityProblem(today, today)).isPresent();
        assertThat(EntryLifecycle.manualValidityProblem(today.minusDays(1), today)).isPresent();
        assertThat(EntryLifecycle.manualValidityProblem(today.plusDays(1), today)).isEmpty();
        assertThat(EntryLifecycle.manualValidityProblem(LocalDate.of(2029, 11, 30), today)).isEmpty();
        assertThat(EntryLifecycle.manualValidityProblem(LocalDate.of(2029, 12, 1), today)).hasValueSatisfying(p ->
                assertThat(p).contains("2029-11-30"));
    }

    /** RULES.md §6: a proposal by hand names the day of the act, the day a minor's age is checked on. */
    @Test
    void aProposalByHandNeedsTheDayOfTheActNotInTheFuture() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        assertThat(EntryLifecycle.actDayProblem(null, today)).hasValueSatisfying(p ->
                assertThat(p).contains("须填写行为发生日期"));
        assertThat(EntryLifecycle.actDayProblem(today.plusDays(1), today)).hasValueSatisfying(p ->
                assertThat(p).contains("不得晚于今天"));
        assertThat(EntryLifecycle.actDayProblem(today, today)).isEmpty();
        assertThat(EntryLifecycle.actDayProblem(LocalDate.of(2020, 1, 1), today)).isEmpty();
    }

    /** RULES.md §6: minors are never put on dishonesty lists; what they did as minors stays protected. */
    @Test
    void minorsAreNeverPutOnADishonestyListNotEvenOnceOfAgeButMayBeRedListed() {
        LocalDate act = LocalDate.of(2026, 11, 30);
        assertThat(EntryLifecycle.refusal(ListType.BLACK, true, LocalDate.of(2008, 12, 1), act))
                .map(EntryLifecycle.Refusal::code).hasValue("LIST_MINOR");
        assertThat(EntryLifecycle.refusal(ListType.GREY, true, LocalDate.of(2008, 12, 1), act)).isPresent();
        assertThat(EntryLifecycle.refusal(ListType.BLACK, true, LocalDate.of(2008, 11, 30), act))
                .as("18 on the day of the act").isEmpty();
        assertThat(EntryLifecycle.refusal(ListType.BLACK, true, LocalDate.of(2008, 6, 1), LocalDate.of(2026, 3, 2)))
                .as("of age now, a minor when the decision was taken").map(EntryLifecycle.Refusal::code)
                .hasValue("LIST_MINOR");
        assertThat(EntryLifecycle.refusal(ListType.RED, true, LocalDate.of(2012, 1, 1), act)).isEmpty();
    }

    /** Refused until the birth date is completed: a code of its own, not the minors' refusal that stands for good. */
    @Test
    void aPersonOfUnknownAgeIsNotPutOnADishonestyListAndAnOrganisationHasNoAge() {
        LocalDate act = LocalDate.of(2026, 11, 30);
        assertThat(EntryLifecycle.refusal(ListType.BLACK, true, null, act)).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("LIST_AGE_UNKNOWN");
            assertThat(r.message()).as("says where the clerk completes the date, and that a second person approves it")
                    .contains("出生日期不明", "“信用主体”页", "另一名工作人员审核").doesNotContain("未成年人");
        });
        assertThat(EntryLifecycle.refusal(ListType.GREY, true, null, act)).map(EntryLifecycle.Refusal::code)
                .hasValue("LIST_AGE_UNKNOWN");
        assertThat(EntryLifecycle.refusal(ListType.RED, true, null, act)).isEmpty();
        assertThat(EntryLifecycle.refusal(ListType.BLACK, false, null, act)).isEmpty();
    }

    @Test
    void aRuleProposesOnlyForItsItemsAndItsThreshold() {
        ListRule volunteers = new ListRule("RED_VOLUNTEER", 1, ListType.RED, "优秀志愿者", Set.of("P_VOLUNTEER_SERVICE"),
                "hours", new BigDecimal("1500"), "《志愿服务条例》", 24, 7, "期满", true);
        assertThat(volunteers.proposes("P_VOLUNTEER_SERVICE", Map.of("hours", "1600"))).isTrue();
        assertThat(volunteers.proposes("P_VOLUNTEER_SERVICE", Map.of("hours", "20"))).isFalse();
        assertThat(volunteers.proposes("P_VOLUNTEER_SERVICE", Map.of("hours", "很多"))).isFalse();
        assertThat(volunteers.proposes("P_BLOOD_DONATION", Map.of("hours", "2000"))).isFalse();
        assertThat(volunteers.problems()).isEmpty();
    }

    @Test
    void aRuleWithoutLegalBasisOrItemsIsRefusedWithReasons() {
        ListRule bad = new ListRule("bad code", 0, ListType.BLACK, "", Set.of(), "hours", null, " ", 0, -1, "", true,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER);
        assertThat(bad.problems()).hasSize(8).anyMatch(p -> p.contains("认定依据"));
    }

    @Test
    void thePriorNoticeNamesBasisReasonsMeasuresObjectionAndRepair() {
        NoticeText.Text text = NoticeText.prior("张三", SubjectKind.PERSON, "失信被执行人",
                SeriousGround.LEGAL_OBLIGATIONS_REFUSED, "法释〔2017〕7号", "有履行能力而拒不履行", "限制乘坐飞机",
                5, "履行完毕", "信用驻马店");
        // RULES.md §7: the notice names which of the four grounds of 国办发〔2020〕49号 the listing rests on.
        assertThat(text.body()).contains("严重失信情形：拒不履行法定义务，严重影响司法机关、行政机关公信力", "法释〔2017〕7号", "有履行能力而拒不履行", "限制乘坐飞机", "异议", "信用修复",
                "送达之日起满5日后生效", "不收取任何费用");
    }

    /** F6: an objection decided after the notice period lets the entry take effect at 00:00 after the decision. */
    @Test
    void anEntryHeldByAnObjectionTakesEffectTheDayAfterItsDecisionNeverBeforeItsNoticeEnds() {
        Instant noticeUntil = LocalDate.of(2026, 3, 11).atStartOfDay(CITY).toInstant();
        Instant decidedLate = LocalDate.of(2026, 3, 12).atTime(15, 30).atZone(CITY).toInstant();
        assertThat(EntryLifecycle.afterHold(noticeUntil, decidedLate, CITY))
                .isEqualTo(LocalDate.of(2026, 3, 13).atStartOfDay(CITY).toInstant());
        Instant decidedEarly = LocalDate.of(2026, 3, 8).atTime(9, 0).atZone(CITY).toInstant();
        assertThat(EntryLifecycle.afterHold(noticeUntil, decidedEarly, CITY)).isEqualTo(noticeUntil);
        assertThat(EntryLifecycle.afterHold(noticeUntil, null, CITY)).isEqualTo(noticeUntil);
    }
}
