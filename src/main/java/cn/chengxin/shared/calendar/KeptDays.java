package cn.chengxin.shared.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Figures kept per closed day and summed for a period (gaps review xxxv P2): the days of a period whose figures are
 * kept are read from the kept rows, the others (today, a closed day not rolled up yet) are counted live, range by
 * range. This tells the second from the first.
 */
public final class KeptDays {

    /** Days from {@code from} to {@code to}, both included. */
    public record DayRange(LocalDate from, LocalDate to) {
    }

    private KeptDays() {
    }

    /**
     * The days from {@code from} to {@code to} (both included) that are not in {@code kept}, as the fewest ranges,
     * earliest first: none when every day is kept, the whole period when none is.
     */
    public static List<DayRange> notKept(LocalDate from, LocalDate to, Collection<LocalDate> kept) {
        List<DayRange> ranges = new ArrayList<>();
        LocalDate start = null;
        TreeSet<LocalDate> days = new TreeSet<>(kept);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (days.contains(day)) {
                if (start != null) {
                    ranges.add(new DayRange(start, day.minusDays(1)));
                    start = null;
                }
            } else if (start == null) {
                start = day;
            }
        }
        if (start != null) {
            ranges.add(new DayRange(start, to));
        }
        return ranges;
    }

    /**
     * The closed days (before {@code today}) from {@code from} to {@code to}, both included: the days a roll-up may
     * keep; empty when none is closed yet.
     */
    public static java.util.Optional<DayRange> closed(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        LocalDate last = to.isAfter(yesterday) ? yesterday : to;
        return last.isBefore(from) ? java.util.Optional.empty() : java.util.Optional.of(new DayRange(from, last));
    }

    /**
     * Keeps ({@code keep}: true when kept here) each day from {@code from} to {@code to} (both included) that is not
     * in {@code kept}, earliest first; returns the days kept here.
     */
    public static List<LocalDate> keepEach(LocalDate from, LocalDate to, Collection<LocalDate> kept,
                                           Predicate<LocalDate> keep) {
        List<LocalDate> done = new ArrayList<>();
        for (DayRange range : notKept(from, to, kept)) {
            for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
                if (keep.test(day)) {
                    done.add(day);
                }
            }
        }
        return done;
    }
}
