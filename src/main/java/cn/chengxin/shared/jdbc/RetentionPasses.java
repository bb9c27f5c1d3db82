package cn.chengxin.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.chengxin.shared.JobAmount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Nightly retention passes (gaps review xxxiii N9): a {@link ResumablePasses} table keyed by what is pruned and the
 * day, whose row also holds the cutoff (rows before it are past their period), so that every instance joining the
 * day's pass prunes up to the same time. A day's pass takes over an earlier day's that stopped.
 */
public final class RetentionPasses {

    /** Table and column names are the module's constants, never input: checked, since they are written into SQL. */
    private static final Pattern NAME = Pattern.compile("[a-z_]+(\\.[a-z_]+)?");

    /** Below any row's id: a pass's first chunk starts at its first row's time. */
    private static final UUID NONE = new UUID(0L, 0L);

    private final JdbcClient jdbc;
    private final ResumablePasses passes;
    private final String table;

    /** @param table the table of passes, with {@code code text}, {@code day int} and {@code cutoff timestamptz} */
    public RetentionPasses(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, String table) {
        this.jdbc = jdbc;
        this.passes = new ResumablePasses(jdbc, transactions, clock, table, "code", "day");
        this.table = table;
    }

    /**
     * A period configured below what the law or the platform needs is refused at start, naming the property (as
     * {@code audit.AuditRetention} does).
     */
    public static Duration atLeast(Duration configured, Duration minimum, String property, String why) {
        if (configured.compareTo(minimum) < 0) {
            throw new IllegalStateException(property + " (" + configured.toDays() + " days) is below the minimum of "
                    + minimum.toDays() + " days (" + why + ")");
        }
        return configured;
    }

    /**
     * As {@link #atLeast(Duration, Duration, String, String)} for a period in calendar terms (P3Y, P10Y): a setting
     * may lengthen the retention the law or the lead's schedule sets, never shorten it (gaps review xlvi AA2).
     */
    public static Period atLeast(Period configured, Period minimum, String property, String why) {
        LocalDate any = LocalDate.of(2000, 1, 1);
        if (configured.isNegative() || any.plus(configured).isBefore(any.plus(minimum))) {
            throw new IllegalStateException(property + " (" + configured + ") is below the minimum of " + minimum
                    + " (" + why + ")");
        }
        return configured;
    }

    /**
     * A calendar period back from {@code now} as the duration {@link #run} takes, counted in {@code now}'s zone (with
     * its leap days), so that "three years" ends on the same calendar day three years later.
     */
    public static Duration back(Period period, Clock now) {
        Instant at = now.instant();
        return Duration.between(at.atZone(now.getZone()).minus(period).toInstant(), at);
    }

    /** The day of {@code now} (days since 1970-01-01, in its zone): a pass's key. */
    public static int day(Clock now) {
        return (int) LocalDate.now(now).toEpochDay();
    }

    /**
     * Starts the pass of {@code code} for {@code now}'s day, pruning what is older than {@code period}, unless it has
     * started already (another instance, an earlier run that day); then runs it, or joins it, to its end. The holders
     * of the chunks passed here are the scheduled run's amount ({@link JobAmount}; gaps review xlii W5 rest), 0 when
     * nothing was due or another instance passed it all.
     */
    public void run(String code, Clock now, Duration period, int size, ResumablePasses.Work work) {
        int day = day(now);
        Instant at = now.instant();
        if (jdbc.sql("INSERT INTO " + table + " (code, day, cutoff, started_at, progressed_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(code, day, Timestamp.from(at.minus(period)), Timestamp.from(at), Timestamp.from(at))
                .update() == 1) {
            passes.supersedeBefore(code, day);
        }
        JobAmount.add(0);
        passes.run(code, day, size, (after, chunk) -> {
            ResumablePasses.Chunk done = work.pass(after, chunk);
            JobAmount.add(done.holders());
            return done;
        });
    }

    /**
     * One chunk of a retention job's pass: the next {@code size} rows past the cutoff after the pass's position,
     * pruned. {@code day} keys the pass's row, where the job reads the cutoff and keeps its own position.
     */
    @FunctionalInterface
    public interface Step {

        ResumablePasses.Chunk prune(int day, UUID after, int size);
    }

    /**
     * The step every nightly retention job shares: {@link #run} the pass of {@code code} for {@code now}'s day,
     * {@code chunk} rows per transaction, pruning what is older than {@code period}. Returns the holders the chunks
     * passed here pruned (0 when another instance passed them all), for the job to audit and log by count.
     */
    public long prune(String code, Clock now, Duration period, int chunk, Step step) {
        int day = day(now);
        long[] pruned = {0};
        run(code, now, period, chunk, (after, size) -> {
            ResumablePasses.Chunk done = step.prune(day, after, size);
            pruned[0] += done.holders();
            return done;
        });
        return pruned[0];
    }

    public Optional<ResumablePasses.Pass> pass(String code, LocalDate day) {
        return passes.pass(code, (int) day.toEpochDay());
    }

    /** A row a walk read: its id and its time. */
    public record Timed(UUID id, Instant at) {
    }

    /** The cutoff of the pass of {@code code} on {@code day}: rows before it are past their period. */
    public Instant cutoff(String code, int day) {
        return jdbc.sql("SELECT cutoff FROM " + table + " WHERE code = ? AND day = ?").params(code, day)
                .query(Timestamp.class).single().toInstant();
    }

    /**
     * For a pass that walks {@code rows} by time (gaps review xlvi AA2: notices, consents): the next {@code size} rows
     * whose {@code timeColumn} is before the pass's cutoff, after the pass's position, in ({@code timeColumn}, id)
     * order, which an index on those two columns answers without reading what earlier chunks passed. The table of
     * passes has {@code after_at timestamptz} (the time of the last row passed, with {@code after_record}); the
     * chunk's work calls {@link #movePast} in its transaction, so that the position moves past the rows read, deleted
     * or not, and a chunk never steps again over the index entries of rows earlier chunks deleted (until vacuum, they
     * are still there).
     *
     * @param after the pass's {@code after_record}, as the chunk's work is given it
     */
    public List<Timed> nextBefore(String code, int day, UUID after, int size, String rows, String timeColumn) {
        for (String name : List.of(rows, timeColumn)) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a table or column name: " + name);
            }
        }
        Object[] position = jdbc.sql("SELECT cutoff, after_at FROM " + table + " WHERE code = ? AND day = ?")
                .params(code, day).query((rs, n) -> new Object[] {rs.getTimestamp(1), rs.getTimestamp(2)}).single();
        String read = "SELECT id, " + timeColumn + " FROM " + rows + " WHERE " + timeColumn + " < ? ";
        String order = "ORDER BY " + timeColumn + ", id LIMIT ?";
        // The pass's first chunk starts at its first row; each later one after the last row passed.
        return position[1] == null
                ? jdbc.sql(read + order).params(position[0], size).query(RetentionPasses::timed).list()
                : jdbc.sql(read + "AND (" + timeColumn + ", id) > (?, ?) " + order)
                        .params(position[0], position[1], after == null ? NONE : after, size)
                        .query(RetentionPasses::timed).list();
    }

    /** The walk's position past {@code last}, the last row a chunk read ({@link #nextBefore}). */
    public void movePast(String code, int day, Timed last) {
        jdbc.sql("UPDATE " + table + " SET after_at = ? WHERE code = ? AND day = ?")
                .params(Timestamp.from(last.at()), code, day).update();
    }

    private static Timed timed(ResultSet rs, int row) throws SQLException {
        return new Timed(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
    }
}
