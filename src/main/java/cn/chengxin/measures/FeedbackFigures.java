package cn.chengxin.measures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Per department, how the loop 发起 → 响应 → 反馈 (RULES.md §7) was closed on the checks made in a period, for the credit
 * office's supervision of feedback on joint measures (RULES.md §12). One aggregate over the period's checks.
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

    private final JdbcClient jdbc;
    private final Clock clock;

    FeedbackFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The checks made from {@code from} to {@code to} (both included, days of the city); {@code overdueBefore}: a
     * check made before this day that still owes feedback counts as overdue.
     */
    public List<DepartmentFeedback> between(LocalDate from, LocalDate to, LocalDate overdueBefore) {
        ZoneId zone = clock.getZone();
        return jdbc.sql("""
                        SELECT department_code, count(*),
                               count(*) FILTER (WHERE cardinality(owed_codes) > 0
                                                  AND NOT (feedback_due AND entries_ended_on IS NOT NULL)),
                               count(*) FILTER (WHERE cardinality(owed_codes) > 0 AND NOT feedback_due),
                               count(*) FILTER (WHERE feedback_due AND entries_ended_on IS NULL AND at < ?)
                        FROM measures.check_made WHERE at >= ? AND at < ?
                        GROUP BY department_code ORDER BY department_code""")
                .params(Timestamp.from(overdueBefore.atStartOfDay(zone).toInstant()),
                        Timestamp.from(from.atStartOfDay(zone).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new DepartmentFeedback(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5))).list();
    }
}
