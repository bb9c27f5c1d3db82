package cn.chengxin.measures;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.chengxin.shared.calendar.KeptDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per department, how the loop 发起 → 响应 → 反馈 (RULES.md §7) was closed on the checks made in a period, for the credit
 * office's supervision of feedback on joint measures (RULES.md §12). Kept per closed day and department
 * ({@code measures.feedback_day}, V411; gaps review xxxv P2): a period sums its kept days and counts only the days not
 * kept live, over the checks' time index — today's checks, not the year's.
 */
@Service
public class FeedbackFigures {

    /**
     * One department's checks made in the period: all of them, those that owed feedback (a measure followed a list
     * entry), of these the ones whose feedback is complete, and those still owing it that were made before the day
     * the caller counts as overdue. A check whose entries all ended before its feedback was complete owes none any
     * more (H3: nothing is left to apply, RULES.md §7 "punishment stops at exit"): it is neither owed nor overdue.
     */
    public record DepartmentFeedback(String departmentCode, long checks, long owed, long returned, long overdue) {
    }

    /** The advisory lock of a day's kept row: the roll-up holds it exclusively, a change of a check shared. */
    public static final String DAY_LOCK = "hashtextextended('measures.feedback_day:' || %s, 7)";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate dayTransaction;

    FeedbackFigures(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dayTransaction = new TransactionTemplate(transactions);
        this.dayTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The checks made from {@code from} to {@code to} (both included, days of the city); {@code overdueBefore}: a
     * check made before this day that still owes feedback counts as overdue. The kept days are summed, the others
     * counted from their checks.
     */
    public List<DepartmentFeedback> between(LocalDate from, LocalDate to, LocalDate overdueBefore) {
        Map<String, long[]> sums = new TreeMap<>();
        List<LocalDate> kept = new ArrayList<>();
        // The kept days and their rows in one statement: a day kept meanwhile is either here whole or counted live.
        jdbc.sql("""
                        SELECT k.day, f.department_code, f.checks, f.owing - f.dropped, f.returned,
                               CASE WHEN k.day < ? THEN f.owing - f.returned - f.dropped ELSE 0 END
                        FROM measures.feedback_day_kept k LEFT JOIN measures.feedback_day f ON f.day = k.day
                        WHERE k.day >= ? AND k.day <= ?""")
                .params(Date.valueOf(overdueBefore), Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    kept.add(rs.getObject(1, LocalDate.class));
                    if (rs.getString(2) != null) {
                        add(sums, rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
                    }
                });
        ZoneId zone = clock.getZone();
        for (KeptDays.DayRange live : KeptDays.notKept(from, to, kept)) {
            jdbc.sql("""
                            SELECT department_code, count(*),
                                   count(*) FILTER (WHERE cardinality(owed_codes) > 0
                                                      AND NOT (feedback_due AND entries_ended_on IS NOT NULL)),
                                   count(*) FILTER (WHERE cardinality(owed_codes) > 0 AND NOT feedback_due),
                                   count(*) FILTER (WHERE feedback_due AND entries_ended_on IS NULL AND at < ?)
                            FROM measures.check_made WHERE at >= ? AND at < ?
                            GROUP BY department_code""")
                    .params(Timestamp.from(overdueBefore.atStartOfDay(zone).toInstant()),
                            Timestamp.from(live.from().atStartOfDay(zone).toInstant()),
                            Timestamp.from(live.to().plusDays(1).atStartOfDay(zone).toInstant()))
                    .query(rs -> {
                        add(sums, rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
                    });
        }
        List<DepartmentFeedback> figures = new ArrayList<>();
        sums.forEach((code, s) -> figures.add(new DepartmentFeedback(code, s[0], s[1], s[2], s[3])));
        return figures;
    }

    private static void add(Map<String, long[]> sums, String code, long checks, long owed, long returned,
                            long overdue) {
        long[] s = sums.computeIfAbsent(code, c -> new long[4]);
        s[0] += checks;
        s[1] += owed;
        s[2] += returned;
        s[3] += overdue;
    }

    /**
     * Keeps the figures of each closed day from {@code from} to {@code to} (both included, before today) not kept
     * yet, a day a transaction; returns the days kept here.
     */
    public List<LocalDate> keepDays(LocalDate from, LocalDate to) {
        return KeptDays.closed(from, to, LocalDate.now(clock)).map(days -> KeptDays.keepEach(days.from(), days.to(),
                jdbc.sql("SELECT day FROM measures.feedback_day_kept WHERE day >= ? AND day <= ?")
                        .params(Date.valueOf(days.from()), Date.valueOf(days.to())).query(LocalDate.class).list(),
                this::keep)).orElse(List.of());
    }

    /**
     * The first day to keep: that of the earliest check made before the earliest kept day (or before today, when none
     * is kept), or the earliest kept day when there is none. Reads only the checks of days not kept yet, over the
     * time index: once every past day is kept, no block.
     */
    public LocalDate firstDayToKeep() {
        LocalDate today = LocalDate.now(clock);
        LocalDate oldest = jdbc.sql("SELECT coalesce(min(day), ?) FROM measures.feedback_day_kept")
                .param(Date.valueOf(today)).query(LocalDate.class).single();
        Timestamp earliest = jdbc.sql("SELECT min(at) FROM measures.check_made WHERE at < ?")
                .param(Timestamp.from(oldest.atStartOfDay(clock.getZone()).toInstant()))
                .query(Timestamp.class).list().get(0);
        return earliest == null ? oldest : LocalDate.ofInstant(earliest.toInstant(), clock.getZone());
    }

    /**
     * Keeps {@code day}'s figures, in a transaction of its own, unless kept already (by another instance too): false
     * then, and nothing changes.
     */
    public boolean keep(LocalDate day) {
        ZoneId zone = clock.getZone();
        Boolean kept = dayTransaction.execute(tx -> {
            // Changes of the day's checks (feedback completed, entries ended) under way finish first; later ones wait
            // for this transaction and then add to its rows (JdbcMeasures).
            jdbc.sql("SELECT pg_advisory_xact_lock(" + DAY_LOCK.formatted("CAST(? AS date)::text") + ")")
                    .param(Date.valueOf(day)).query(Object.class).list();
            if (jdbc.sql("INSERT INTO measures.feedback_day_kept (day, kept_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(Date.valueOf(day), Timestamp.from(clock.instant())).update() == 0) {
                return false;
            }
            jdbc.sql("""
                            INSERT INTO measures.feedback_day (day, department_code, checks, owing, returned, dropped)
                            SELECT ?, department_code, count(*), count(*) FILTER (WHERE cardinality(owed_codes) > 0),
                                   count(*) FILTER (WHERE cardinality(owed_codes) > 0 AND NOT feedback_due),
                                   count(*) FILTER (WHERE feedback_due AND entries_ended_on IS NOT NULL)
                            FROM measures.check_made WHERE at >= ? AND at < ?
                            GROUP BY department_code""")
                    .params(Date.valueOf(day), Timestamp.from(day.atStartOfDay(zone).toInstant()),
                            Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                    .update();
            return true;
        });
        return Boolean.TRUE.equals(kept);
    }
}
