package cn.chengxin.creditfile;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How quickly and how much each department's decisions reached the file in a period, for the credit office's
 * supervision of collection timeliness (RULES.md §12). Aggregates only: the records are grouped by department,
 * decision date and day of receipt, so the answer grows with the days, not with the records.
 */
@Service
public class CollectionFigures {

    /** {@code records} first received on {@code receivedOn} for decisions of {@code decisionDate}. */
    public record DecisionDelay(String departmentCode, LocalDate decisionDate, LocalDate receivedOn, long records) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CollectionFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The records first received (their first version, not a responsible person's linked copy) from {@code from} to
     * {@code to} (both included, days of the city), by department, decision date and day of receipt.
     */
    public List<DecisionDelay> delays(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT department_code, decision_date, (accepted_at AT TIME ZONE :zone)::date, count(*)
                        FROM creditfile.record WHERE version = 1 AND linked_from IS NULL
                         AND accepted_at >= :from AND accepted_at < :until
                        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
                .param("zone", clock.getZone().getId())
                .param("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("until", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new DecisionDelay(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getLong(4))).list();
    }

    /** The day (of the city) a record of {@code itemCode} from {@code departmentCode} last reached the file. */
    public record LastReceived(String departmentCode, String itemCode, LocalDate receivedOn) {
    }

    /**
     * For every department and item it ever delivered, the day it last delivered one of the item's records (a first
     * version or a correction; a responsible person's linked copy is no delivery), kept per insert by V216. One row
     * per department and item, never a record.
     */
    public List<LastReceived> lastReceived() {
        return jdbc.sql("""
                        SELECT department_code, item_code, (received_at AT TIME ZONE :zone)::date
                        FROM creditfile.last_received ORDER BY 1, 2""")
                .param("zone", clock.getZone().getId())
                .query((rs, n) -> new LastReceived(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class))).list();
    }

    /** How many subjects have a file now: at least one record in its current version. */
    public long subjectsWithFile() {
        return jdbc.sql("SELECT count(DISTINCT subject_id) FROM creditfile.record WHERE current")
                .query(Long.class).single();
    }
}
