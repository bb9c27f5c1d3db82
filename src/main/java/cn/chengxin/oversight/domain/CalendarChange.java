package cn.chengxin.oversight.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem.Kind;
import cn.chengxin.shared.calendar.DayKind;

/**
 * A proposed change of the working calendar (H9 of gaps-review-xxv): a run of days made holidays, adjusted working
 * days or ordinary again, with the notice it follows (国办发明电…). Every deadline counted in working days and every
 * supervision figure computed from the calendar follows such a change (RULES.md §5, §6, §12), so one person alone
 * must not make it (RULES.md §10: least privilege, every operation traceable): a second {@code calendar:edit} holder
 * approves it ({@link CalendarProposal#requireSecondPerson}). A day already past is changed only as a correction that
 * names its reason: changing it rewrites figures already reported, and moves no deadline the parties were told.
 */
public record CalendarChange(LocalDate firstDay, LocalDate lastDay, Change change, String holiday, String source,
                             String correctionReason) {

    /** The longest run of days one proposal may change: a month, more than any holiday period. */
    public static final int MAX_DAYS = 31;
    public static final int MAX_HOLIDAY = 40;
    public static final int MAX_SOURCE = 100;
    public static final int MAX_REASON = 500;

    /** What the days become. */
    public enum Change {
        HOLIDAY(DayKind.HOLIDAY), ADJUSTED_WORKDAY(DayKind.ADJUSTED_WORKDAY),
        /** A weekday works again, a weekend day rests again (the day's entry is removed). */
        ORDINARY(null);

        private final DayKind kind;

        Change(DayKind kind) {
            this.kind = kind;
        }

        /** The kind of day written, or null for an ordinary day (no entry). */
        public DayKind kind() {
            return kind;
        }
    }

    /**
     * Refuses an incomplete or impossible change: both days, in order and at most {@link #MAX_DAYS} apart; what the
     * days become; the holiday's name unless they become ordinary; the notice it follows; an adjusted working day
     * only on a weekend (a weekday works anyway).
     */
    public void requireComplete() {
        if (firstDay == null || lastDay == null || change == null
                || (change != Change.ORDINARY && (blank(holiday) || holiday.strip().length() > MAX_HOLIDAY))
                || blank(source) || source.strip().length() > MAX_SOURCE
                || (correctionReason != null && correctionReason.strip().length() > MAX_REASON)) {
            throw new CodedProblem("CALENDAR_DAY_INVALID", Kind.INVALID_INPUT,
                    "须填写日期、类型、节日名称（不超过 40 字）和依据文件（不超过 100 字）");
        }
        if (lastDay.isBefore(firstDay) || ChronoUnit.DAYS.between(firstDay, lastDay) >= MAX_DAYS) {
            throw new CodedProblem("CALENDAR_RANGE_INVALID", Kind.INVALID_INPUT,
                    "结束日期不能早于开始日期，一次最多变更 " + MAX_DAYS + " 天");
        }
        if (change == Change.ADJUSTED_WORKDAY && days().stream().anyMatch(d -> !weekend(d))) {
            throw new CodedProblem("CALENDAR_ADJUSTED_NOT_WEEKEND", Kind.INVALID_INPUT,
                    "调休工作日只能是星期六或星期日（工作日本来就上班）");
        }
    }

    /**
     * Refuses a change reaching a day before {@code today} (the Beijing date) unless it is a correction naming its
     * reason. Checked when proposed and again when approved: a proposal for tomorrow approved the day after is a
     * change of the past by then.
     */
    public void requireNotPast(LocalDate today) {
        if (firstDay.isBefore(today) && !correction()) {
            throw new CodedProblem("CALENDAR_DAY_PAST", Kind.INVALID_INPUT,
                    "不能直接变更今天以前的日期（" + firstDay + "）：确属更正的，须写明更正理由，经另一名工作人员审核");
        }
    }

    /** A correction of days already past, with its reason. */
    public boolean correction() {
        return !blank(correctionReason);
    }

    /** The days changed, in order. */
    public List<LocalDate> days() {
        return firstDay.datesUntil(lastDay.plusDays(1)).toList();
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
