package cn.chengxin.ingestion;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What each department delivered in a period, for the credit office's supervision of collection completeness
 * (RULES.md §12): one aggregate over the batches begun in the period, no row is read.
 */
@Service
public class DeliveryFigures {

    /** One department's deliveries: batches begun, rows in them, and how those rows ended. */
    public record Delivered(String departmentCode, long batches, long rows, long accepted, long duplicates,
                            long rejected) {

        /** Rejected rows in whole per mille of the rows, rounded down; null when nothing was delivered. */
        public Integer rejectedPerMille() {
            return rows == 0 ? null : (int) (rejected * 1000 / rows);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Per department, the batches begun from {@code from} to {@code to} (both included, days of the city). */
    public List<Delivered> between(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT department_code, count(*), coalesce(sum(rows_done), 0), coalesce(sum(accepted), 0),
                               coalesce(sum(duplicates), 0), coalesce(sum(rejected), 0)
                        FROM ingestion.batch WHERE started_at >= ? AND started_at < ?
                        GROUP BY department_code ORDER BY department_code""")
                .params(Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new Delivered(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6))).list();
    }
}
