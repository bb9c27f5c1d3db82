package cn.chengxin.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import cn.chengxin.shared.jdbc.LongStatements;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One category's retention pass over the log by position (gaps review xlii W2): a range of {@code seq} (the primary
 * key) per transaction, emptied through the owner's range function (V770), from the category's mark
 * ({@code audit.retention_mark}), which each chunk appends in its own transaction. A pass stopped by a crash or a
 * timeout goes on from the last chunk committed; events emptied on earlier nights are not read again.
 *
 * <p><b>Time order.</b> Events are numbered nearly in time order: the writer stamps an event when it is recorded and
 * numbers it at the next group commit, so an event's time runs behind an earlier one's by at most
 * {@link AuditEvents#DISORDER} (clocks of instances, the commit's wait). The pass has two parts:
 * <ol>
 * <li>the <b>walk</b> empties the category's events due from its mark on and stops at the first of the category not due
 * yet (the frontier: every event of the category up to the mark is emptied, so nothing below it is read again). The
 * last chunk empties whatever is due in its whole range, also beyond the frontier: a bounded re-check of a chunk's
 * width (10,000 events, a quarter of an hour at a city's rate), wider than the disorder the writer allows;</li>
 * <li>the <b>re-check</b> looks once at every event written since the last pass (from its own mark to the end of the
 * log) and empties those already past their period when written: an event stamped long before its number (an import
 * of old events, a clock stepped back, the tests' {@code PastAuditLog}) is emptied the next night, not when the walk
 * reaches its neighbours years later. It reads a day of events a night.</li>
 * </ol>
 * An event stamped out of order that was not yet due when the re-check saw it (stamped back, but by less than its
 * period) is emptied when the walk reaches it, that is late by as much as it was stamped back. No writer of the
 * platform stamps events back; an import that does should come with a walk from its first position (a mark appended
 * with {@code walked_through} before it). Finding such events sooner would need an index on the time that orders, which
 * every audited action would pay for (V40).
 */
final class RetentionWalk {

    /** Where a category's pass stands: its latest mark. */
    record Mark(long n, long walkedThrough, long recheckedThrough) {
    }

    /** What a category's pass emptied here, and whether it stopped before its end (another runner, a lost claim). */
    record Passed(long emptied, boolean stopped) {
    }

    /** What one chunk did: events emptied, and whether the part it belongs to is done for this pass. */
    private record Step(int emptied, boolean done) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate chunkTransaction;

    /**
     * Chunks join the caller's transaction if there is one (a test rolls a whole pass back); the nightly job has none,
     * so each chunk is a transaction of its own.
     */
    RetentionWalk(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.chunkTransaction = new TransactionTemplate(transactions);
    }

    /** One past the last event stored now: a pass goes no further, so it ends. */
    long end() {
        return jdbc.sql("SELECT coalesce(max(seq), -1) + 1 FROM audit.event").query(Long.class).single();
    }

    Mark mark(AuditCategory category) {
        return jdbc.sql("SELECT n, walked_through, rechecked_through FROM audit.retention_mark WHERE category = ? "
                        + "ORDER BY n DESC LIMIT 1")
                .param(category.name()).query((rs, n) -> new Mark(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .optional().orElse(new Mark(0, -1, -1));
    }

    /**
     * Walks and then re-checks the category's events below {@code end}, {@code size} positions a chunk, emptying those
     * before {@code cutoff} as of {@code now}; {@code afterChunk} is asked after each chunk whether to go on (the
     * night's claim still held). Stops when it says no, or when another runner appended a mark meanwhile.
     */
    Passed pass(AuditCategory category, long end, Instant cutoff, Instant now, int size,
                        BooleanSupplier afterChunk) {
        long emptied = 0;
        for (boolean walk : new boolean[] {true, false}) {
            while (true) {
                Optional<Step> step;
                try {
                    step = Optional.ofNullable(chunkTransaction.execute(
                            tx -> walk ? walkChunk(category, end, cutoff, now, size)
                                    : recheckChunk(category, end, cutoff, now, size)));
                } catch (DuplicateKeyException e) {
                    // another runner appended the same mark: it runs the pass
                    return new Passed(emptied, true);
                }
                emptied += step.map(Step::emptied).orElse(0);
                cn.chengxin.shared.JobAmount.add(step.map(Step::emptied).orElse(0)); // the run's amount (W5 rest)
                if (step.isEmpty() || step.get().done()) {
                    break;
                }
                if (!afterChunk.getAsBoolean()) {
                    return new Passed(emptied, true);
                }
            }
        }
        return new Passed(emptied, false);
    }

    /**
     * The walk's next range: empties what is due in it, then moves the mark to just before the first event of the
     * category still holding content (or to the range's end). Done when that event is found or the end is reached;
     * null when there was nothing to walk.
     */
    private Step walkChunk(AuditCategory category, long end, Instant cutoff, Instant now, int size) {
        LongStatements.allowIn(jdbc);
        Mark mark = mark(category);
        long from = mark.walkedThrough() + 1;
        long to = Math.min(mark.walkedThrough() + size, end - 1);
        if (from > to) {
            return null;
        }
        int emptied = empty(category, from, to, cutoff, now);
        // -1: none (positions start at 0)
        long kept = jdbc.sql("SELECT coalesce(min(seq), -1) FROM audit.event WHERE seq >= ? AND seq <= ? "
                        + "AND category = ? AND pruned_at IS NULL")
                .params(from, to, category.name()).query(Long.class).single();
        long walked = kept < 0 ? to : kept - 1;
        if (walked != mark.walkedThrough() || emptied > 0) {
            append(category, mark.n() + 1, walked, mark.recheckedThrough(), cutoff, emptied, now);
        }
        return new Step(emptied, kept >= 0 || to >= end - 1);
    }

    /**
     * The re-check's next range, from past both marks (the walk has emptied what it passed): empties what is due in
     * it and moves its mark to the range's end; null when the log's end is reached.
     */
    private Step recheckChunk(AuditCategory category, long end, Instant cutoff, Instant now, int size) {
        LongStatements.allowIn(jdbc);
        Mark mark = mark(category);
        long after = Math.max(mark.walkedThrough(), mark.recheckedThrough());
        long to = Math.min(after + size, end - 1);
        if (after + 1 > to) {
            return null;
        }
        int emptied = empty(category, after + 1, to, cutoff, now);
        append(category, mark.n() + 1, mark.walkedThrough(), to, cutoff, emptied, now);
        return new Step(emptied, to >= end - 1);
    }

    /** Through the owner's function (V770): the runtime role may not UPDATE audit.event (gaps review xxxiii N12). */
    private int empty(AuditCategory category, long from, long to, Instant cutoff, Instant now) {
        return jdbc.sql("SELECT audit.empty_past_retention(?, ?, ?, ?, ?)")
                .params(category.name(), from, to, Timestamp.from(cutoff), Timestamp.from(now))
                .query(Integer.class).single();
    }

    /**
     * Deletes every mark but each category's latest through the owner's function (V861): only the latest is read, and
     * the runtime role may not delete from the audit schema. Returns how many were deleted.
     */
    int forgetPassedMarks() {
        return jdbc.sql("SELECT audit.forget_passed_retention_marks()").query(Integer.class).single();
    }

    /** A mark taken meanwhile by another runner fails on the key, and this chunk's emptying is rolled back with it. */
    private void append(AuditCategory category, long n, long walked, long rechecked, Instant cutoff, int emptied,
                        Instant now) {
        jdbc.sql("INSERT INTO audit.retention_mark (category, n, walked_through, rechecked_through, cutoff, emptied, "
                        + "at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(category.name(), n, walked, rechecked, Timestamp.from(cutoff), emptied, Timestamp.from(now))
                .update();
    }
}
