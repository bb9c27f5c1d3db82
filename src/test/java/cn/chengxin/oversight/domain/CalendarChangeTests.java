package cn.chengxin.oversight.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.oversight.domain.CalendarChange.Change;
import cn.chengxin.shared.CodedProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** H9: a calendar change reaches no past day unless it is a correction naming its reason, and needs a second person. */
class CalendarChangeTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void aDayBeforeTodayIsRefusedUnlessTheChangeIsACorrectionWithItsReason() {
        CalendarChange yesterday = change(TODAY.minusDays(1), TODAY.minusDays(1), null);
        assertThat(code(() -> yesterday.requireNotPast(TODAY))).isEqualTo("CALENDAR_DAY_PAST");
        assertThat(code(() -> change(TODAY.minusDays(1), TODAY.minusDays(1), "  ").requireNotPast(TODAY)))
                .as("a blank reason is no reason").isEqualTo("CALENDAR_DAY_PAST");
        assertThat(code(() -> change(TODAY.minusDays(3), TODAY.plusDays(3), null).requireNotPast(TODAY)))
                .as("a run that starts in the past").isEqualTo("CALENDAR_DAY_PAST");

        assertThatCode(() -> change(TODAY.minusDays(1), TODAY.minusDays(1), "录入时日期输错").requireNotPast(TODAY))
                .doesNotThrowAnyException();
        assertThatCode(() -> change(TODAY, TODAY.plusDays(2), null).requireNotPast(TODAY))
                .as("today and later need no reason").doesNotThrowAnyException();
    }

    @Test
    void aChangeNamesItsDaysInOrderAndAdjustedWorkingDaysOnlyOnWeekends() {
        assertThat(code(() -> change(TODAY, TODAY.minusDays(1), null).requireComplete()))
                .isEqualTo("CALENDAR_RANGE_INVALID");
        assertThat(code(() -> change(TODAY, TODAY.plusDays(CalendarChange.MAX_DAYS), null).requireComplete()))
                .isEqualTo("CALENDAR_RANGE_INVALID");
        assertThat(change(TODAY, TODAY.plusDays(CalendarChange.MAX_DAYS - 1), null).days())
                .hasSize(CalendarChange.MAX_DAYS);
        assertThat(code(() -> new CalendarChange(TODAY, TODAY, Change.HOLIDAY, "", "国办发明电〔2026〕1号", null)
                .requireComplete())).as("a holiday needs its name").isEqualTo("CALENDAR_DAY_INVALID");
        assertThat(code(() -> new CalendarChange(TODAY, TODAY, Change.HOLIDAY, "元旦", " ", null)
                .requireComplete())).as("every change names its notice").isEqualTo("CALENDAR_DAY_INVALID");
        assertThatCode(() -> new CalendarChange(TODAY, TODAY, Change.ORDINARY, null, "国办发明电〔2026〕1号", null)
                .requireComplete()).as("an ordinary day needs no holiday name").doesNotThrowAnyException();

        // 2026-12-05 is a Saturday, 12-07 a Monday.
        assertThatCode(() -> new CalendarChange(TODAY, TODAY.plusDays(1), Change.ADJUSTED_WORKDAY, "春节",
                "国办发明电〔2026〕1号", null).requireComplete()).doesNotThrowAnyException();
        assertThat(code(() -> new CalendarChange(TODAY, TODAY.plusDays(2), Change.ADJUSTED_WORKDAY, "春节",
                "国办发明电〔2026〕1号", null).requireComplete())).isEqualTo("CALENDAR_ADJUSTED_NOT_WEEKEND");
    }

    @Test
    void theProposerNeitherApprovesNorRejectsAndADecidedProposalStaysDecided() {
        CalendarProposal pending = new CalendarProposal(UUID.randomUUID(), change(TODAY, TODAY, null), "maker",
                "甲", Instant.EPOCH, CalendarProposal.Status.PENDING, null, null, null, null);
        assertThat(code(() -> pending.requireSecondPerson("maker"))).isEqualTo("CALENDAR_SELF_REVIEW");
        assertThatCode(() -> pending.requireSecondPerson("checker")).doesNotThrowAnyException();
        CalendarProposal decided = new CalendarProposal(pending.id(), pending.change(), "maker", "甲", Instant.EPOCH,
                CalendarProposal.Status.APPROVED, "checker", "乙", Instant.EPOCH, null);
        assertThat(code(decided::requirePending)).isEqualTo("CALENDAR_PROPOSAL_DECIDED");
        assertThat(code(() -> CalendarProposal.requireRejectionReason(" "))).isEqualTo("REVIEW_NOTE_REQUIRED");
    }

    private static CalendarChange change(LocalDate first, LocalDate last, String reason) {
        return new CalendarChange(first, last, Change.HOLIDAY, "测试假日", "国办发明电〔2026〕1号", reason);
    }

    private static String code(Runnable action) {
        return catchThrowableOfType(CodedProblem.class, action::run).code();
    }
}
