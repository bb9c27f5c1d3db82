package cn.chengxin.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chinese working days (工作日): Monday to Friday, except the public holidays and their rest days that the State
 * Council's yearly notice (国务院办公厅关于部分节假日安排的通知) declares, plus the weekend days it declares worked
 * (调休). Every deadline of the rules counted in working days (RULES.md §5 objections, §6 repair) is counted with it.
 * Immutable; the schedules are data ({@link CalendarDay}), one set per year.
 */
public final class WorkingCalendar {

    private final Map<LocalDate, DayKind> exceptions;

    public WorkingCalendar(Collection<CalendarDay> days) {
        Map<LocalDate, DayKind> map = new TreeMap<>();
        days.forEach(d -> map.put(d.date(), d.kind()));
        this.exceptions = Map.copyOf(map);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayKind kind = exceptions.get(date);
        if (kind != null) {
            return kind == DayKind.ADJUSTED_WORKDAY;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
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
