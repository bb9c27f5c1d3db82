package cn.chengxin.creditfile;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /** {@code records} first received in a period whose items fall in {@code group}, about {@code subjects}. */
    public record GroupFigure(String group, long records, long subjects) {
    }

    /**
     * The records first received from {@code from} to {@code to} (both included, as {@link #delays}) and the distinct
     * subjects they are about, by a grouping of their items ({@code groupOfItem}: item code to group, for example the
     * key domain, 攀枝花 三(二)); an item it does not name counts under {@code otherwise}. One GROUP BY, nobody named.
     */
    public List<GroupFigure> receivedByItemGroup(LocalDate from, LocalDate to, Map<String, String> groupOfItem,
                                                 String otherwise) {
        List<String> items = List.copyOf(groupOfItem.keySet());
        return jdbc.sql("""
                        SELECT coalesce(g.grp, :otherwise), count(*), count(DISTINCT r.subject_id)
                        FROM creditfile.record r
                        LEFT JOIN unnest(CAST(:items AS text[]), CAST(:groups AS text[])) AS g(item, grp)
                          ON g.item = r.item_code
                        WHERE r.version = 1 AND r.linked_from IS NULL
                         AND r.accepted_at >= :from AND r.accepted_at < :until
                        GROUP BY 1 ORDER BY 1""")
                .param("otherwise", otherwise)
                .param("items", items.toArray(String[]::new))
                .param("groups", items.stream().map(groupOfItem::get).toArray(String[]::new))
                .param("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("until", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new GroupFigure(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** How many of {@code subjects} have a file now (as {@link #subjectsWithFile()}). */
    public long withFileAmong(Collection<UUID> subjects) {
        if (subjects.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        SELECT count(DISTINCT subject_id) FROM creditfile.record
                        WHERE current AND subject_id = ANY(CAST(:ids AS uuid[]))""")
                .param("ids", subjects.stream().map(UUID::toString).toArray(String[]::new))
                .query(Long.class).single();
    }

    /** How many subjects have a file now: at least one record in its current version. */
    public long subjectsWithFile() {
        return jdbc.sql("SELECT count(DISTINCT subject_id) FROM creditfile.record WHERE current")
                .query(Long.class).single();
    }
}
