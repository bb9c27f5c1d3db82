package cn.chengxin.listing.domain;

import java.time.LocalDate;

import cn.chengxin.listing.NoticeDelivery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An older system's decision is held to the platform's rules on its own days (gaps review xliii X2, RULES.md §7). */
class MigratedEntryTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate ACT = LocalDate.of(2025, 6, 10);

    @Test
    void aDecisionWithItsNoticeServedBeforeItsEffectStands() {
        assertThat(MigratedEntry.problem(days(ACT.plusDays(10), ACT.plusYears(3), ACT.plusDays(1), ACT.plusDays(4),
                NoticeDelivery.Channel.POST), true, false, TODAY)).isEmpty();
        assertThat(MigratedEntry.problem(days(ACT, ACT.plusYears(2), null, null, null), false, true, TODAY))
                .as("a court's own listing owes no notice of the rule").isEmpty();
    }

    @Test
    void theValidityIsCountedFromTheActDayNotFromToday() {
        assertThat(MigratedEntry.problem(days(ACT, ACT.plusYears(3), null, null, null), false, false, TODAY)).isEmpty();
        assertThat(MigratedEntry.problem(days(ACT, ACT.plusYears(3).plusDays(1), null, null, null), false, false, TODAY))
                .hasValueSatisfying(p -> assertThat(p).contains("自认定决定日期起最长 3 年"));
        assertThat(MigratedEntry.problem(days(ACT, ACT.plusMonths(6), null, null, null), false, false, TODAY))
                .as("ended before the cut-over: stored ended").isEmpty();
        assertThat(MigratedEntry.expired(ACT.plusMonths(6), TODAY)).isTrue();
        assertThat(MigratedEntry.expired(TODAY, TODAY)).as("its last day is still in force").isFalse();
    }

    @Test
    void theNoticeIsServedAfterItsIssueAndBeforeTheEffect() {
        assertThat(MigratedEntry.problem(days(ACT.plusDays(10), ACT.plusYears(3), ACT.plusDays(4), ACT.plusDays(1),
                NoticeDelivery.Channel.POST), true, false, TODAY))
                .hasValueSatisfying(p -> assertThat(p).contains("送达日期不得早于告知书出具日期"));
        assertThat(MigratedEntry.problem(days(ACT.plusDays(3), ACT.plusYears(3), ACT.plusDays(1), ACT.plusDays(4),
                NoticeDelivery.Channel.POST), true, false, TODAY))
                .hasValueSatisfying(p -> assertThat(p).contains("送达后方可生效"));
        assertThat(MigratedEntry.problem(days(ACT.plusDays(10), ACT.plusYears(3), ACT.minusDays(1), ACT.plusDays(4),
                NoticeDelivery.Channel.POST), true, false, TODAY))
                .hasValueSatisfying(p -> assertThat(p).contains("告知书出具日期不得早于认定决定日期"));
        assertThat(MigratedEntry.problem(days(ACT.plusDays(10), ACT.plusYears(3), null, null, null), true, false, TODAY))
                .as("the rule owes a prior notice: its days are required")
                .hasValueSatisfying(p -> assertThat(p).contains("事先告知"));
        assertThat(MigratedEntry.problem(days(ACT.plusDays(10), ACT.plusYears(3), ACT.plusDays(1), null, null), false, false,
                TODAY)).hasValueSatisfying(p -> assertThat(p).contains("一并填写"));
    }

    @Test
    void onlyACourtsListingMayComeWithoutALastDay() {
        assertThat(MigratedEntry.problem(days(ACT, null, null, null, null), false, true, TODAY))
                .as("法释〔2017〕7号第一条第一项: listed until the court deletes him").isEmpty();
        assertThat(MigratedEntry.expired(null, TODAY)).as("no last day: in force until an exit").isFalse();
        assertThat(MigratedEntry.problem(days(ACT, null, null, null, null), false, false, TODAY))
                .as("every other list has a term").hasValueSatisfying(p -> assertThat(p).contains("须填写有效期至"));
        assertThat(MigratedEntry.problem(days(ACT.plusDays(10), null, ACT.plusDays(1), ACT.plusDays(4),
                NoticeDelivery.Channel.POST), true, false, TODAY))
                .hasValueSatisfying(p -> assertThat(p).contains("须填写有效期至"));
    }

    @Test
    void aCourtsTermRunsToFiveYearsFromTheAct() {
        assertThat(MigratedEntry.problem(days(ACT, ACT.plusYears(5), null, null, null), false, true, TODAY))
                .as("two years extended by three (法释〔2017〕7号第二条第二款)").isEmpty();
        assertThat(MigratedEntry.problem(days(ACT, ACT.plusYears(5).plusDays(1), null, null, null), false, true,
                TODAY)).hasValueSatisfying(p -> assertThat(p).contains("最长 5 年"));
        assertThat(MigratedEntry.problem(days(ACT, ACT.plusYears(4), null, null, null), false, false, TODAY))
                .as("other lists keep three years").hasValueSatisfying(p -> assertThat(p).contains("最长 3 年"));
    }

    @Test
    void anEffectStillToComeIsNotTheOlderSystemsToGive() {
        assertThat(MigratedEntry.problem(days(TODAY.plusDays(1), TODAY.plusYears(1), null, null, null), false, false, TODAY))
                .hasValueSatisfying(p -> assertThat(p).contains("尚未生效"));
        assertThat(MigratedEntry.problem(days(ACT.minusDays(1), ACT.plusYears(1), null, null, null), false, false, TODAY))
                .hasValueSatisfying(p -> assertThat(p).contains("生效日期不得早于认定决定日期"));
    }

    private static MigratedEntry.Days days(LocalDate effective, LocalDate until, LocalDate issued, LocalDate served,
                                           NoticeDelivery.Channel channel) {
        return new MigratedEntry.Days(ACT, effective, until, issued, served, channel);
    }
}
