package cn.chengxin.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Chinese working days (工作日): Monday to Friday, except the public holidays and their rest days that the State
 * Council's yearly notice (国务院办公厅关于部分节假日安排的通知) declares, plus the weekend days it declares worked
 * (调休). Every deadline of the rules counted in working days (RULES.md §5 objections, §6 repair) is counted with it.
 * Immutable; the schedules are data ({@link CalendarDay}), one set per year. The holidays whose dates the law fixes
 * ({@link StatutoryHolidays}) rest even where no schedule was entered (the notice not yet published or not yet
 * entered); such a year is otherwise Monday to Friday, and {@link #missingSchedules} lets the pages warn that its
 * deadlines are provisional.
 */
public final class WorkingCalendar {

    /** From November on, next year's schedule is expected (see {@link #missingSchedules}). */
    private static final int NEXT_YEAR_DUE_MONTH = 11;

    private final Map<LocalDate, DayKind> exceptions;
    private final Set<Integer> scheduledYears;

    public WorkingCalendar(Collection<CalendarDay> days) {
        this(days.stream().collect(Collectors.toMap(CalendarDay::date, CalendarDay::kind, (a, b) -> b)));
    }

    private WorkingCalendar(Map<LocalDate, DayKind> map) {
        this.exceptions = Map.copyOf(map);
        this.scheduledYears = map.keySet().stream().map(LocalDate::getYear).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * This calendar with the days from {@code first} to {@code last} (both included) made {@code kind}, or ordinary
     * again when {@code kind} is null: a proposed change, to tell which stored deadlines it would count differently.
     */
    public WorkingCalendar changed(LocalDate first, LocalDate last, DayKind kind) {
        Map<LocalDate, DayKind> map = new TreeMap<>(exceptions);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (kind == null) {
                map.remove(d);
            } else {
                map.put(d, kind);
            }
        }
        return new WorkingCalendar(map);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayKind kind = exceptions.get(date);
        if (kind != null) {
            return kind == DayKind.ADJUSTED_WORKDAY;
        }
        if (StatutoryHolidays.isFixedHoliday(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** Whether the year's holiday schedule has been entered (at least one of its days declared). */
    public boolean isScheduled(int year) {
        return scheduledYears.contains(year);
    }

    /**
     * The years whose schedule deadlines counted today may need and that are missing: the current year, and from
     * 1 November the next one (the State Council publishes it in the autumn, and a 20-day objection ceiling or a
     * 10-working-day repair period started in December already ends in January).
     */
    public List<Integer> missingSchedules(LocalDate today) {
        List<Integer> missing = new ArrayList<>(2);
        if (!isScheduled(today.getYear())) {
            missing.add(today.getYear());
        }
        if (today.getMonthValue() >= NEXT_YEAR_DUE_MONTH && !isScheduled(today.getYear() + 1)) {
            missing.add(today.getYear() + 1);
        }
        return List.copyOf(missing);
    }

    /** The date itself if it is a working day, else the next working day (a deadline falling on a rest day moves). */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The last day of a period of {@code workingDays} working days that starts the day after {@code start} (the day
     * of receipt does not count, as in 《行政许可法》 and the objection rules): e.g. 3 working days from a Friday
     * end on Wednesday. Zero days: {@code start} itself, moved to a working day.
     */
    public LocalDate plusWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("a period of working days cannot be negative");
        }
        if (workingDays == 0) {
            return onOrAfter(start);
        }
        LocalDate d = start;
        int counted = 0;
        while (counted < workingDays) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        if (!scheduledYears.contains(d.getYear())) {
            // Given all the same, early rather than late; the operators are told once (UnscheduledYears, review X7).
            UnscheduledYears.counted(d.getYear());
        }
        return d;
    }

    /** Working days in (from, to]: how many of a period have passed by {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
