package cn.chengxin.repair;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Per department whose record is to be repaired, whether repair deadlines were met (RULES.md §6: feedback within 10
 * working days, the authority's decision within 3, extensions recorded), for the credit office's supervision
 * (RULES.md §12). One aggregate over the applications. An application that ended without a decision — its record left
 * display or changed, or the applicant withdrew it (G8) — is neither decided nor overdue; one paused while its record
 * is in dispute is overdue only if its deadline had passed before the pause.
 */
@Service
public class RepairFigures {

    /**
     * One department's applications: decided in the period, of them decided by the deadline that applied (the
     * authority's, extended as recorded, once proposed; the platform's feedback before), and those open now and past
     * their deadline.
     */
    public record DepartmentRepairs(String departmentCode, long decided, long decidedInTime, long overdueNow) {
    }

    private static final String DUE = "CASE WHEN decision_due IS NOT NULL THEN decision_due ELSE feedback_due END";

    private final JdbcClient jdbc;
    private final Clock clock;

    RepairFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The applications decided from {@code from} to {@code to} (both included) and those overdue today. */
    public List<DepartmentRepairs> between(LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        return jdbc.sql("""
                        SELECT department_code,
                               count(*) FILTER (WHERE decided_at >= :from AND decided_at < :until
                                                AND status IN ('APPROVED', 'REFUSED')),
                               count(*) FILTER (WHERE decided_at >= :from AND decided_at < :until
                                                AND status IN ('APPROVED', 'REFUSED')
                                                AND (decided_at AT TIME ZONE :zone)::date <= %s),
                               count(*) FILTER (WHERE status IN ('APPLIED', 'PROPOSED') AND
                                                CASE WHEN status = 'PROPOSED' AND decision_due IS NOT NULL
                                                     THEN decision_due ELSE feedback_due END
                                                < COALESCE(paused_since, :today))
                        FROM repair.application
                        WHERE (decided_at >= :from AND decided_at < :until AND status IN ('APPROVED', 'REFUSED'))
                              OR status IN ('APPLIED', 'PROPOSED')
                        GROUP BY department_code ORDER BY department_code""".formatted(DUE))
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("until", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .param("zone", zone.getId()).param("today", LocalDate.now(clock))
                .query((rs, n) -> new DepartmentRepairs(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4))).list();
    }
}
