package cn.chengxin.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import cn.chengxin.audit.domain.RestoreMarks;
import cn.chengxin.shared.JobOutcome;
import cn.chengxin.shared.jdbc.HandedOutSequences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a restored database from handing out again what others already hold (gaps review xxxiii N2; RULES.md §6, §11
 * a repair's result reaches the provincial and national platforms; §9–10 the audit log protected against change;
 * GB/T 22239-2019 8.1.4.9). Every few seconds it writes the highest numbers handed out so far (the sequences the
 * modules name as {@link HandedOutSequences}, and the audit log's size) to a mark file outside the database
 * ({@code chengxin.restore.marks-file}, by default in the key directory, which is backed up apart from the database).
 * The request paths do not touch the file: it is read once at start and written by the job.
 *
 * <p>At start, before anything is served, the database is compared with the marks. A database behind them was restored
 * (or replaced): the start is refused, naming what is behind, until an operator confirms the restore by naming it
 * ({@code chengxin.restore.confirm}). On confirmation every sequence behind is moved past its mark by
 * {@code chengxin.restore.margin} (the numbers handed out between the last write of the marks and the loss), and a
 * sealed, checkpointed audit event {@code audit.restore.confirm} records the log's size now and the size it had
 * reached, so that verification reports the fork once and explains a checkpoint an auditor kept from before it.
 */
@Service
public class RestoreGuard implements SmartInitializingSingleton {

    /** The audit action of a confirmed restore. */
    public static final String ACTION = "audit.restore.confirm";
    /** Its detail's reason code. */
    public static final String DETAIL = "RESTORE_CONFIRMED";
    /** The mark of the audit log's size (positions auditors and citizens hold in checkpoints and proofs). */
    public static final String AUDIT_LOG = "audit.log_size";

    private static final Logger log = LoggerFactory.getLogger(RestoreGuard.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Checkpoints checkpoints;
    private final Clock clock;
    private final List<HandedOutSequences> handedOut;
    private final Path file;
    private final long margin;
    private final String confirmation;
    private final Map<String, String> sequenceNames = new ConcurrentHashMap<>();

    RestoreGuard(JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit, Checkpoints checkpoints,
                 Clock clock, List<HandedOutSequences> handedOut,
                 @Value("${chengxin.restore.marks-file:${chengxin.keys.dir:data/keys}/restore-marks.txt}") Path file,
                 @Value("${chengxin.restore.margin:1000000}") long margin,
                 @Value("${chengxin.restore.confirm:}") String confirmation,
                 @Value("${chengxin.db.clean-on-start:false}") boolean databaseThrownAway) throws IOException {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.handedOut = List.copyOf(handedOut);
        this.file = file;
        this.margin = margin;
        this.confirmation = confirmation == null ? "" : confirmation.strip();
        if (margin < 0) {
            throw new IllegalStateException("chengxin.restore.margin must not be negative");
        }
        if (databaseThrownAway) {
            // A database made anew at every start (tests) starts its marks anew with it.
            Files.deleteIfExists(file);
        }
    }

    /** The start is refused: the database is behind the marks and no (new) confirmation names the restore. */
    public static final class RestoreUnconfirmed extends IllegalStateException {
        RestoreUnconfirmed(String message) {
            super(message);
        }
    }

    /** What the check found: nothing behind, or a restore confirmed with what was moved. */
    public record Outcome(boolean restored, List<RestoreMarks.Behind> behind) {
    }

    @Override
    public void afterSingletonsInstantiated() {
        check(confirmation);
    }

    /**
     * Compares the database with the marks; when it is behind, refuses without {@code confirm} (or with one used
     * before), and otherwise moves the sequences past the marks and records the restore. Writes the marks anew.
     *
     * @throws RestoreUnconfirmed naming what is behind and how to confirm
     */
    public synchronized Outcome check(String confirm) {
        RestoreMarks kept = marks();
        Map<String, Long> now = current();
        List<RestoreMarks.Behind> behind = new ArrayList<>(kept.behind(now));
        Optional<Instant> lastRestore = lastRestore();
        if (lastRestore.isPresent() && lastRestore.get().isAfter(kept.written())) {
            // Another instance confirmed the restore since these marks were written: the audit log's fork is recorded,
            // and the sequences were moved past the marks by the margin (checked all the same below).
            behind.removeIf(b -> b.name().equals(AUDIT_LOG));
        }
        String name = confirm == null ? "" : confirm.strip();
        if (behind.isEmpty()) {
            write(kept.raisedTo(now, clock.instant()));
            if (!name.isEmpty()) {
                log.warn("chengxin.restore.confirm={} is set but the database is not behind the restore marks in {}: "
                        + "nothing to confirm; unset it", name, file);
            }
            return new Outcome(false, List.of());
        }
        String what = behind.stream().map(RestoreMarks.Behind::toString).collect(Collectors.joining("; "));
        if (name.isEmpty()) {
            throw refused("The database is behind the numbers this platform had already handed out (" + what
                    + "), by the restore marks in " + file + ": it was restored from a backup or replaced. Serving "
                    + "now would hand those numbers out again (partners would drop the next changes). Check the "
                    + "restore (README 备份与恢复), then start once with CHENGXIN_RESTORE_CONFIRM (chengxin.restore."
                    + "confirm) naming it, e.g. 2026-12-06-restore-1 (letters, digits, . _ : -).");
        }
        if (!RestoreMarks.CONFIRMATION.matcher(name).matches()) {
            throw refused("chengxin.restore.confirm='" + name + "' is not a restore's name: letters, digits and "
                    + ". _ : - only, at most 64. The database is behind: " + what);
        }
        if (kept.confirmed().contains(name) || restoreNamed(name)) {
            throw refused("chengxin.restore.confirm=" + name + " confirmed an earlier restore: name this one anew. "
                    + "The database is behind: " + what);
        }
        return confirm(kept, now, behind, name);
    }

    private Outcome confirm(RestoreMarks kept, Map<String, Long> now, List<RestoreMarks.Behind> behind, String name) {
        List<String> moved = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('chengxin.restore'))").query(Object.class).list();
            for (RestoreMarks.Behind b : behind) {
                if (!b.name().equals(AUDIT_LOG)) {
                    long to = jdbc.sql("SELECT setval(?::regclass, greatest(?, coalesce(pg_sequence_last_value("
                                    + "?::regclass), 0)))")
                            .params(sequence(b.name()), b.mark() + margin, sequence(b.name()))
                            .query(Long.class).single();
                    moved.add(b.name() + ":" + b.database() + ">" + to);
                }
            }
        });
        long position = now.get(AUDIT_LOG);
        long reached = Math.max(position, kept.marks().getOrDefault(AUDIT_LOG, 0L));
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        AuditDetail detail = AuditDetail.of("RESTORE_CONFIRMED").with("name", name).with("position", position)
                .with("reached", reached).with("moved", moved.isEmpty() ? "-" : String.join(" ", moved));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "audit.restore.confirm").detail(detail), RESTORE_ROWS,
                new Restored(name, at, position, reached));
        checkpoints.checkpointNow();
        write(kept.confirmedAs(name, current(), clock.instant()));
        log.warn("Restore '{}' confirmed: the audit log restarts at position {} (it had reached {}); sequences moved "
                + "past the marks by {}: {}", name, position, reached, margin, moved.isEmpty() ? "none" : moved);
        return new Outcome(true, List.copyOf(behind));
    }

    private RestoreUnconfirmed refused(String message) {
        log.error(message);
        return new RestoreUnconfirmed(message);
    }

    /** Writes the highest numbers handed out so far; never lowers a mark (only a confirmed restore does). */
    @Scheduled(fixedDelayString = "${chengxin.restore.interval:5s}", initialDelayString = "${chengxin.restore.interval:5s}")
    public void scheduled() {
        try {
            keepMarks();
        } catch (RuntimeException e) {
            log.error("Cannot write the restore marks to {}: a restore would go unnoticed until this is fixed", file, e);
            JobOutcome.failed("restore marks", e);
        }
    }

    /** Raises the marks in the file to what the database now stands at. */
    public synchronized void keepMarks() {
        RestoreMarks kept = marks();
        RestoreMarks raised = kept.raisedTo(current(), clock.instant());
        if (!raised.marks().equals(kept.marks()) || !Files.exists(file)) {
            write(raised);
        }
    }

    /** The marks as the file holds them (none without a file). */
    public RestoreMarks marks() {
        try {
            return RestoreMarks.read(file).orElse(RestoreMarks.none());
        } catch (RestoreMarks.Corrupt e) {
            throw refused(e.getMessage() + ". Put back the last good copy, or, only if you know the database was "
                    + "not restored since, move the file aside.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the marks are kept. */
    public Path file() {
        return file;
    }

    /** What the database now stands at: each named sequence's last number and the audit log's size. */
    public Map<String, Long> current() {
        Map<String, Long> now = new LinkedHashMap<>();
        for (HandedOutSequences module : handedOut) {
            for (String name : module.sequences()) {
                now.put(name, jdbc.sql("SELECT coalesce(pg_sequence_last_value(?::regclass), 0)")
                        .param(sequence(name)).query(Long.class).single());
            }
        }
        now.put(AUDIT_LOG, jdbc.sql("SELECT coalesce(max(seq) + 1, 0) FROM audit.event").query(Long.class).single());
        return now;
    }

    private String sequence(String name) {
        return sequenceNames.computeIfAbsent(name, n -> {
            if (!HandedOutSequences.identityColumn(n)) {
                return n;
            }
            int dot = n.lastIndexOf('.');
            return jdbc.sql("SELECT pg_get_serial_sequence(?, ?)").params(n.substring(0, dot), n.substring(dot + 1))
                    .query(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst()
                    .orElseThrow(() -> new IllegalStateException(n + " is not an identity column"));
        });
    }

    private Optional<Instant> lastRestore() {
        return jdbc.sql("SELECT at FROM audit.restore ORDER BY at DESC LIMIT 1").query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    private boolean restoreNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM audit.restore WHERE name = ?").param(name).query(Long.class).single() > 0;
    }

    private void write(RestoreMarks marks) {
        try {
            marks.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the restore marks to " + file, e);
        }
    }

    private record Restored(String name, Instant at, long position, long reached) {
    }

    private static final AuditedRows<Restored> RESTORE_ROWS = new AuditedRows<>() {

        @Override
        public String sql() {
            return "INSERT INTO audit.restore (name, at, position, reached) "
                    + "SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::bigint[], ?::bigint[])";
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int first, List<Restored> rows) throws SQLException {
            int n = first;
            ps.setArray(n++, c.createArrayOf("text", rows.stream().map(Restored::name).toArray()));
            ps.setArray(n++, c.createArrayOf("timestamptz", rows.stream().map(r -> Timestamp.from(r.at())).toArray()));
            ps.setArray(n++, c.createArrayOf("bigint", rows.stream().map(Restored::position).toArray()));
            ps.setArray(n++, c.createArrayOf("bigint", rows.stream().map(Restored::reached).toArray()));
            return n;
        }
    };
}
