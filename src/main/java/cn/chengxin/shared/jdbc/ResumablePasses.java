package cn.chengxin.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passes over many records (the holders of a rule's or an item's records, hundreds of thousands in a city) that run
 * after the commit that asked for them, a chunk of records per transaction, and survive a crash or a failed chunk.
 * A pass is a row of the module's own table, keyed by a code and a version; the row moves with each chunk, in the
 * chunk's transaction, so running the pass again goes on after the last chunk committed. Two runners never pass the
 * same chunk (the row is locked {@code FOR UPDATE SKIP LOCKED}). A chunk's work must be idempotent: a chunk whose
 * transaction failed is passed again.
 *
 * <p>The table has, besides its two key columns, {@code after_record uuid} (the last record key passed),
 * {@code records_passed bigint}, {@code holders_evaluated bigint}, {@code started_at}, {@code progressed_at},
 * {@code finished_at} ({@code timestamptz}) and {@code superseded boolean} (listing.rule_reevaluation, V60). It may
 * have columns of its own that a chunk's work moves in the same transaction.
 */
public final class ResumablePasses {

    /** A pass no chunk has moved for this long has lost its runner (a stop, a failed chunk). */
    public static final Duration STALLED = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(ResumablePasses.class);

    /** Table and column names are the module's constants, never input: checked, since they are written into SQL. */
    private static final Pattern NAME = Pattern.compile("[a-z_]+(\\.[a-z_]+)?");

    private final JdbcClient jdbc;
    private final TransactionTemplate chunkTransaction;
    private final Clock clock;
    private final String table;
    private final String code;
    private final String version;

    /**
     * @param table         the module's table of passes, with its schema
     * @param codeColumn    the column of the pass's code (a rule's, an item's)
     * @param versionColumn the column of the version of that code the pass is for
     */
    public ResumablePasses(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, String table,
                           String codeColumn, String versionColumn) {
        for (String name : List.of(table, codeColumn, versionColumn)) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a table or column name: " + name);
            }
        }
        this.jdbc = jdbc;
        this.chunkTransaction = new TransactionTemplate(transactions);
        this.chunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.table = table;
        this.code = codeColumn;
        this.version = versionColumn;
    }

    /**
     * How far a pass got and what it did. A pass a later version ended is {@code superseded}: the later version's own
     * pass reaches the holders.
     */
    public record Pass(String code, int version, UUID afterRecord, long recordsPassed, long holdersEvaluated,
                       Instant startedAt, Instant progressedAt, Instant finishedAt, boolean superseded) {

        public boolean finished() {
            return finishedAt != null;
        }
    }

    /**
     * What a chunk's work went through: the records read ({@code lastRecord}, the last of them in key order; null
     * when none) and the holders evaluated.
     */
    public record Chunk(UUID lastRecord, int records, int holders) {
    }

    /** A chunk's work, in the chunk's transaction. */
    @FunctionalInterface
    public interface Work {

        /** Works on the holders of the next {@code size} records after record key {@code afterRecord} (null: all). */
        Chunk pass(UUID afterRecord, int size);
    }

    /** Starts the pass, in the caller's transaction, unless it has a row already; true if it started now. */
    public boolean start(String passCode, int passVersion) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("INSERT INTO " + table + " (" + code + ", " + version + ", started_at, progressed_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(passCode, passVersion, now, now).update() == 1;
    }

    /**
     * Starts the pass unless it has a row already and then ends the unfinished passes of the code's versions before
     * it, which it takes over; true if it started now.
     */
    public boolean startSuperseding(String passCode, int passVersion) {
        boolean started = start(passCode, passVersion);
        if (started) {
            supersedeBefore(passCode, passVersion);
        }
        return started;
    }

    /** Ends the unfinished passes of the code's versions before {@code passVersion}: the later pass takes over. */
    public void supersedeBefore(String passCode, int passVersion) {
        jdbc.sql("UPDATE " + table + " SET finished_at = ?, superseded = true WHERE " + code + " = ? AND " + version
                        + " < ? AND finished_at IS NULL")
                .params(Timestamp.from(clock.instant()), passCode, passVersion).update();
    }

    public Optional<Pass> pass(String passCode, int passVersion) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE " + code + " = ? AND " + version + " = ?")
                .params(passCode, passVersion).query(this::pass).optional();
    }

    /** The passes not finished, the longest without progress first. */
    public List<Pass> unfinished() {
        return jdbc.sql("SELECT * FROM " + table + " WHERE finished_at IS NULL ORDER BY progressed_at")
                .query(this::pass).list();
    }

    /** The unfinished passes no chunk has moved for {@code quiet}: their runner failed or stopped. */
    public List<Pass> stalled(Duration quiet) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE finished_at IS NULL AND progressed_at < ? "
                        + "ORDER BY progressed_at")
                .param(Timestamp.from(clock.instant().minus(quiet))).query(this::pass).list();
    }

    /**
     * Takes up again the passes no chunk has moved for {@link #STALLED} (their runner stopped, or a chunk failed), each
     * on {@code executor}, off the scheduler's thread: a pass takes minutes.
     *
     * @param what what the passes are of, for the log of a failure ("Item", "Withdrawal")
     * @param run  runs a pass to its end, or until another runner holds it ({@link #run})
     */
    public void resumeStalled(Executor executor, String what, Consumer<Pass> run) {
        for (Pass stalled : stalled(STALLED)) {
            resume(executor, what + " " + stalled.code() + " v" + stalled.version(), () -> run.accept(stalled));
        }
    }

    /** Runs a pass on {@code executor}; a failure is logged, and the next tick takes the pass up again. */
    public static void resume(Executor executor, String what, Runnable pass) {
        executor.execute(() -> {
            try {
                pass.run();
            } catch (RuntimeException e) {
                log.warn("{}: a chunk of its pass failed; the next tick takes the pass up again", what, e);
            }
        });
    }

    /**
     * Runs the pass to its end, a chunk of {@code size} records per transaction, or until another runner holds it;
     * returns how many chunks were passed here. A pass with no row, or a finished one, does nothing.
     */
    public int run(String passCode, int passVersion, int size, Work work) {
        int chunks = 0;
        while (chunk(passCode, passVersion, size, work).isPresent()) {
            chunks++;
        }
        return chunks;
    }

    /** Passes the next chunk in its own transaction; false when the pass is finished or another runner holds it. */
    public boolean nextChunk(String passCode, int passVersion, int size, Work work) {
        return chunk(passCode, passVersion, size, work).filter(finished -> !finished).isPresent();
    }

    /** One chunk: whether it finished the pass; empty when there was nothing to pass here. */
    private Optional<Boolean> chunk(String passCode, int passVersion, int size, Work work) {
        return chunkTransaction.execute(tx -> {
            LongStatements.allowIn(jdbc);
            Optional<Pass> pass = jdbc.sql("SELECT * FROM " + table + " WHERE " + code + " = ? AND " + version
                            + " = ? AND finished_at IS NULL FOR UPDATE SKIP LOCKED")
                    .params(passCode, passVersion).query(this::pass).optional();
            if (pass.isEmpty()) {
                return Optional.<Boolean>empty();
            }
            Chunk done = work.pass(pass.get().afterRecord(), size);
            boolean finished = done.records() < size;
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("UPDATE " + table + " SET after_record = coalesce(?, after_record), "
                            + "records_passed = records_passed + ?, holders_evaluated = holders_evaluated + ?, "
                            + "progressed_at = ?, finished_at = CASE WHEN ? THEN ?::timestamptz END "
                            + "WHERE " + code + " = ? AND " + version + " = ?")
                    .params(done.lastRecord(), done.records(), done.holders(), now, finished, now, passCode,
                            passVersion)
                    .update();
            return Optional.of(finished);
        });
    }

    /**
     * For a table of passes whose counts are audited ({@code audited_at}): whether a pass is unfinished or its counts
     * are still to be audited.
     */
    public boolean awaitingAudit() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE audited_at IS NULL)")
                .query(Boolean.class).single();
    }

    /**
     * For a table of passes whose counts are audited: once every pass has finished, marks those not audited yet as
     * audited and returns them (empty while a pass runs, or when all were audited). The caller records their counts in
     * the same transaction, so once, whichever instance gets there first.
     */
    public List<Pass> takeUnaudited() {
        return jdbc.sql("UPDATE " + table + " SET audited_at = ? WHERE audited_at IS NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM " + table + " WHERE finished_at IS NULL) RETURNING *")
                .param(Timestamp.from(clock.instant())).query(this::pass).list();
    }

    private Pass pass(ResultSet rs, int n) throws SQLException {
        return new Pass(rs.getString(code), rs.getInt(version), rs.getObject("after_record", UUID.class),
                rs.getLong("records_passed"), rs.getLong("holders_evaluated"), instant(rs, "started_at"),
                instant(rs, "progressed_at"), instant(rs, "finished_at"), rs.getBoolean("superseded"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
