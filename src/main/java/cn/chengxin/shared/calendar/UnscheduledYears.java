package cn.chengxin.shared.calendar;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deadlines counted into a year whose holiday schedule was not entered (review X7): the deadline is still given — the
 * person is owed one the day the case is received (RULES.md §5: objections decided within 3 / 7 working days; §6: repair
 * feedback within 10), and no later data can stand in for it then — counted over weekends and the holidays the law
 * dates ({@link StatutoryHolidays}), the lunar holidays as ordinary days, so that it falls early rather than late for
 * the person. The operators are told once per year (and run): the pages warn from November ({@link
 * WorkingCalendar#missingSchedules}); this log line names the year only, never a case or a person.
 */
final class UnscheduledYears {

    private static final Logger log = LoggerFactory.getLogger(UnscheduledYears.class);
    private static final Set<Integer> WARNED = ConcurrentHashMap.newKeySet();

    private UnscheduledYears() {
    }

    /** Notes a deadline counted into {@code year}; the first time, logs a warning. Returns whether it logged. */
    static boolean counted(int year) {
        if (!WARNED.add(year)) {
            return false;
        }
        log.warn("A working-day deadline was counted into {}, whose holiday schedule is not entered in the working "
                + "calendar: its lunar holidays and adjusted days count as ordinary days until the State Council's "
                + "notice is entered (console 工作日历)", year);
        return true;
    }

    static boolean warned(int year) {
        return WARNED.contains(year);
    }
}
