package cn.chengxin.creditfile;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.chengxin.shared.calendar.KeptDays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate dayTransaction;

    CollectionFigures(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dayTransaction = new TransactionTemplate(transactions);
        this.dayTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The records first received (their first version, not a responsible person's linked copy) from {@code from} to
     * {@code to} (both included, days of the city), by department, decision date and day of receipt: the kept days
     * ({@code creditfile.collection_day}, V412; gaps review xxxv P2) as kept, the others counted from their records.
     */
    public List<DecisionDelay> delays(LocalDate from, LocalDate to) {
        List<DecisionDelay> delays = new ArrayList<>();
        List<LocalDate> kept = new ArrayList<>();
        // The kept days and their rows in one statement: a day kept meanwhile is either here whole or counted live.
        jdbc.sql("""
                        SELECT k.day, c.department_code, c.decision_date, c.records
                        FROM creditfile.collection_day_kept k LEFT JOIN creditfile.collection_day c ON c.day = k.day
                        WHERE k.day >= ? AND k.day <= ?""")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    kept.add(day);
                    if (rs.getString(2) != null) {
                        delays.add(new DecisionDelay(rs.getString(2), rs.getObject(3, LocalDate.class), day,
                                rs.getLong(4)));
                    }
                });
        for (KeptDays.DayRange live : KeptDays.notKept(from, to, kept)) {
            delays.addAll(jdbc.sql("""
                            SELECT department_code, decision_date, (accepted_at AT TIME ZONE :zone)::date, count(*)
                            FROM creditfile.record WHERE version = 1 AND linked_from IS NULL
                             AND accepted_at >= :from AND accepted_at < :until
                            GROUP BY 1, 2, 3""")
                    .param("zone", clock.getZone().getId())
                    .param("from", Timestamp.from(live.from().atStartOfDay(clock.getZone()).toInstant()))
                    .param("until", Timestamp.from(live.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                    .query((rs, n) -> new DecisionDelay(rs.getString(1), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class), rs.getLong(4))).list());
        }
        delays.sort(Comparator.comparing(DecisionDelay::departmentCode).thenComparing(DecisionDelay::decisionDate)
                .thenComparing(DecisionDelay::receivedOn));
        return delays;
    }

    /**
     * How quickly each department's decisions reached the file from {@code from} to {@code to} (both included): its
     * records first received and the median and 90th percentile of the days from decision to receipt, interpolated
     * as PostgreSQL's {@code percentile_cont} does, from the kept days ({@link #delays}), no record sorted.
     */
    public List<CreditFile.Timeliness> timeliness(LocalDate from, LocalDate to) {
        Map<String, TreeMap<Long, Long>> byDepartment = new TreeMap<>();
        for (DecisionDelay d : delays(from, to)) {
            byDepartment.computeIfAbsent(d.departmentCode(), k -> new TreeMap<>())
                    .merge(ChronoUnit.DAYS.between(d.decisionDate(), d.receivedOn()), d.records(), Long::sum);
        }
        List<CreditFile.Timeliness> lines = new ArrayList<>();
        byDepartment.forEach((code, days) -> {
            long records = days.values().stream().mapToLong(Long::longValue).sum();
            lines.add(new CreditFile.Timeliness(code, records, percentile(days, records, 0.5),
                    percentile(days, records, 0.9)));
        });
        return lines;
    }

    /**
     * The {@code fraction} percentile of {@code records} values, {@code counts} of each: the value at row
     * {@code fraction × (records − 1)} of the sorted rows, interpolated between the rows either side (percentile_cont).
     */
    static double percentile(TreeMap<Long, Long> counts, long records, double fraction) {
        double row = fraction * (records - 1);
        long lower = (long) Math.floor(row);
        long upper = (long) Math.ceil(row);
        double below = valueAt(counts, lower);
        return upper == lower ? below : below + (valueAt(counts, upper) - below) * (row - lower);
    }

    private static double valueAt(TreeMap<Long, Long> counts, long row) {
        long seen = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (row < seen) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("row " + row + " of " + seen);
    }

    /**
     * Keeps the figures of each closed day from {@code from} to {@code to} (both included, before today) not kept
     * yet, a day a transaction; returns the days kept here.
     */
    public List<LocalDate> keepDays(LocalDate from, LocalDate to) {
        return KeptDays.closed(from, to, LocalDate.now(clock)).map(days -> KeptDays.keepEach(days.from(), days.to(),
                jdbc.sql("SELECT day FROM creditfile.collection_day_kept WHERE day >= ? AND day <= ?")
                        .params(Date.valueOf(days.from()), Date.valueOf(days.to())).query(LocalDate.class).list(),
                this::keep)).orElse(List.of());
    }

    /**
     * The first day to keep: that of the earliest record received before the earliest kept day (or before today,
     * when none is kept), or the earliest kept day when there is none. Reads only the records of days not kept yet,
     * over the receipt time's index: once every past day is kept, no block.
     */
    public LocalDate firstDayToKeep() {
        LocalDate oldest = jdbc.sql("SELECT coalesce(min(day), ?) FROM creditfile.collection_day_kept")
                .param(Date.valueOf(LocalDate.now(clock))).query(LocalDate.class).single();
        Timestamp earliest = jdbc.sql("SELECT min(accepted_at) FROM creditfile.record WHERE accepted_at < ?")
                .param(Timestamp.from(oldest.atStartOfDay(clock.getZone()).toInstant()))
                .query(Timestamp.class).list().get(0);
        return earliest == null ? oldest : LocalDate.ofInstant(earliest.toInstant(), clock.getZone());
    }

    /**
     * Keeps {@code day}'s figures, in a transaction of its own, unless kept already (by another instance too): false
     * then, and nothing changes. A first version is never changed nor deleted: a kept day stays true.
     */
    public boolean keep(LocalDate day) {
        return Boolean.TRUE.equals(dayTransaction.execute(tx -> {
            if (jdbc.sql("INSERT INTO creditfile.collection_day_kept (day, kept_at) VALUES (?, ?) "
                            + "ON CONFLICT DO NOTHING")
                    .params(Date.valueOf(day), Timestamp.from(clock.instant())).update() == 0) {
                return false;
            }
            jdbc.sql("""
                            INSERT INTO creditfile.collection_day (day, department_code, decision_date, records)
                            SELECT ?, department_code, decision_date, count(*)
                            FROM creditfile.record WHERE version = 1 AND linked_from IS NULL
                             AND accepted_at >= ? AND accepted_at < ?
                            GROUP BY department_code, decision_date""")
                    .params(Date.valueOf(day), Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant()),
                            Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                    .update();
            return true;
        }));
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
