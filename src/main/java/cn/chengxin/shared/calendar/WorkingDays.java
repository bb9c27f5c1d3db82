package cn.chengxin.shared.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The platform's working-day calendar, kept in {@code shared.calendar_day} and edited in the console; deadlines ask
 * {@link #calendar()} for the current one. The calendar is read again after every change on this instance and at
 * most a minute after a change on another. A change made in a transaction (with its audit event) is read again once
 * the transaction ends: until then, a request on this instance would cache the calendar as it was — or, in the
 * change's own transaction, a day that a rollback then takes back. Every change first keeps the day's former state
 * ({@code shared.calendar_day_change}), so that {@link #history()} can tell the calendar as it was known at any instant.
 */
@Service
public class WorkingDays {

    private static final long RELOAD_NANOS = 60_000_000_000L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile WorkingCalendar current;
    private volatile long loadedAt;
    /** Counts changes, so that a calendar read before a change ended is not cached after it. */
    private final AtomicLong changes = new AtomicLong();

    WorkingDays(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public WorkingCalendar calendar() {
        WorkingCalendar calendar = current;
        if (calendar == null || System.nanoTime() - loadedAt > RELOAD_NANOS) {
            long seen = changes.get();
            calendar = new WorkingCalendar(all());
            if (changes.get() == seen) {
                current = calendar;
                loadedAt = System.nanoTime();
            }
        }
        return calendar;
    }

    /** The exceptions of one year, in date order. */
    public List<CalendarDay> year(int year) {
        return jdbc.sql("SELECT day, kind, holiday FROM shared.calendar_day WHERE day >= ? AND day < ? ORDER BY day")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
                .query(WorkingDays::day)
                .list();
    }

    /** Declares a day a holiday or an adjusted working day (replacing what it was), with the notice it comes from. */
    public void set(CalendarDay day, String source, String by) {
        if (day.date() == null || day.kind() == null || day.holiday() == null || day.holiday().isBlank()
                || day.holiday().length() > 40 || source == null || source.isBlank() || source.length() > 100) {
            throw new CodedProblem("CALENDAR_DAY_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    "须填写日期、类型、节日名称（不超过 40 字）和依据文件（不超过 100 字）");
        }
        boolean weekend = day.date().getDayOfWeek().getValue() >= 6;
        if (day.kind() == DayKind.ADJUSTED_WORKDAY && !weekend) {
            throw new CodedProblem("CALENDAR_ADJUSTED_NOT_WEEKEND", DomainProblem.Kind.INVALID_INPUT,
                    "调休工作日只能是星期六或星期日（工作日本来就上班）");
        }
        keepFormerState(day.date(), by);
        jdbc.sql("""
                        INSERT INTO shared.calendar_day (day, kind, holiday, source, updated_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, holiday = excluded.holiday,
                            source = excluded.source, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(day.date(), day.kind().name(), day.holiday().strip(), source.strip(), by,
                        Timestamp.from(clock.instant()))
                .update();
        changed();
    }

    /** Makes a day ordinary again (a weekday works, a weekend day rests); false if it was ordinary already. */
    public boolean clear(LocalDate date) {
        return clear(date, "system");
    }

    /** As {@link #clear(LocalDate)}, naming who made the change in the calendar's history. */
    public boolean clear(LocalDate date, String by) {
        keepFormerState(date, by);
        boolean removed = jdbc.sql("DELETE FROM shared.calendar_day WHERE day = ?").param(date).update() == 1;
        changed();
        return removed;
    }

    /**
     * The calendar with its history, read now (two small queries): for figures that judge past deadlines with the
     * calendar known when each began (H9 of gaps-review-xxv). Load it once per figure computation.
     */
    public CalendarHistory history() {
        List<CalendarHistory.Change> changes = jdbc.sql("""
                        SELECT day, former_kind, former_holiday, changed_at FROM shared.calendar_day_change
                        ORDER BY changed_at, id""")
                .query((rs, n) -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    String kind = rs.getString(2);
                    return new CalendarHistory.Change(day,
                            kind == null ? null : new CalendarDay(day, DayKind.valueOf(kind), rs.getString(3)),
                            rs.getTimestamp(4).toInstant());
                })
                .list();
        return new CalendarHistory(all(), changes, clock.getZone());
    }

    /** Keeps the day's state before a change (none: an ordinary day), with the instant it changed. */
    private void keepFormerState(LocalDate date, String by) {
        jdbc.sql("""
                        INSERT INTO shared.calendar_day_change (day, former_kind, former_holiday, changed_at, changed_by)
                        SELECT ?, c.kind, c.holiday, ?, ?
                        FROM (SELECT 1) one LEFT JOIN shared.calendar_day c ON c.day = ?""")
                .params(date, Timestamp.from(clock.instant()), by == null ? "system" : by, date)
                .update();
    }

    /** Forgets the cached calendar now and, in a transaction, again once it has committed or rolled back. */
    private void changed() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private void forget() {
        changes.incrementAndGet();
        current = null;
    }

    private static CalendarDay day(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CalendarDay(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)), rs.getString(3));
    }

    private List<CalendarDay> all() {
        return jdbc.sql("SELECT day, kind, holiday FROM shared.calendar_day")
                .query(WorkingDays::day)
                .list();
    }
}
