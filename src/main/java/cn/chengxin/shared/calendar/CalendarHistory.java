package cn.chengxin.shared.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The working calendar with its history (H9 of gaps-review-xxv; RULES.md §12): the days as they stand and every change
 * of a day with the state it replaced, so that {@link #asKnownAt} rebuilds the calendar as it was known at an instant.
 * A supervision figure that judges a past deadline counts it with the calendar known when the deadline began
 * ({@link #whenCounted}), so that an approved correction of a past day, or next year's schedule entered later, does
 * not rewrite figures already reported. The calendar is small: load it once per figure; each version is built once.
 */
public final class CalendarHistory {

    /** A day's state before a change at {@code changedAt}: {@code former} null when the day was ordinary. */
    public record Change(LocalDate day, CalendarDay former, Instant changedAt) {
    }

    private final Map<LocalDate, CalendarDay> current;
    /** Oldest first. */
    private final List<Change> changes;
    private final ZoneId zone;
    /** Built calendars, by the number of changes they include. */
    private final Map<Integer, WorkingCalendar> versions = new ConcurrentHashMap<>();

    /** {@code changes} in the order they were made. */
    public CalendarHistory(Collection<CalendarDay> current, List<Change> changes, ZoneId zone) {
        Map<LocalDate, CalendarDay> map = new TreeMap<>();
        current.forEach(d -> map.put(d.date(), d));
        this.current = map;
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(Change::changedAt)); // stable: changes of one instant keep their order
        this.changes = List.copyOf(sorted);
        this.zone = zone;
    }

    /** The calendar as it stands. */
    public WorkingCalendar current() {
        return version(changes.size());
    }

    /** The calendar as it was known at {@code instant}: every change made after it undone. */
    public WorkingCalendar asKnownAt(Instant instant) {
        int known = 0;
        while (known < changes.size() && !changes.get(known).changedAt().isAfter(instant)) {
            known++;
        }
        return version(known);
    }

    /**
     * The calendar a deadline counted from {@code start} (the day of receipt, decision or check, which does not count)
     * is judged by: as known at the end of that day, when the count begins.
     */
    public WorkingCalendar whenCounted(LocalDate start) {
        return asKnownAt(start.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private WorkingCalendar version(int known) {
        return versions.computeIfAbsent(known, k -> {
            Map<LocalDate, CalendarDay> days = new TreeMap<>(current);
            for (int i = changes.size() - 1; i >= k; i--) { // undo the latest first: the earliest leaves its former state
                Change c = changes.get(i);
                if (c.former() == null) {
                    days.remove(c.day());
                } else {
                    days.put(c.day(), c.former());
                }
            }
            return new WorkingCalendar(days.values());
        });
    }
}
