package cn.chengxin.measures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.shared.jdbc.RetentionPasses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How long a check row stays (gaps review xxxiii N9). A check row is part of the check's query log (RULES.md §9:
 * "time, querier, organisation, authoriser, proof, purpose, items returned; kept ≥ 10 years"): its audit event
 * ({@code measures.check}, category QUERY) holds the time, caller, department, subject and purpose but only counts
 * of what was answered, the row holds which measures were returned. So it is kept as long as a query log, at least
 * ten calendar years ({@code chengxin.measures.retention.checks}, refused at start below that as
 * {@code audit.AuditRetention} refuses), and then deleted with its feedback and acknowledged lift; the audit event
 * stays in any case (its content is emptied by the audit's own retention). A check past its period that still owes
 * feedback or waits to be lifted (RULES.md §7: punishment stops at exit, H3) stays until it no longer does: deleting
 * it would silently drop what a department still owes or must still be told. The 案例统计 counts (case tally) are
 * kept apart and do not shrink, nor do the feedback figures kept per day (V411) of the days the checks were made.
 *
 * <p>Nightly, a chunk of checks per transaction under a claim ({@link ResumablePasses}): a pass per day, never one
 * huge DELETE; two instances never prune the same chunk, and a pass a stop interrupted goes on with the next day's.
 */
@Service
public class CheckRetention {

    private static final Logger log = LoggerFactory.getLogger(CheckRetention.class);

    /** RULES.md §9: query logs at least ten years, as calendar years with their leap days (audit.AuditRetention). */
    static final Duration QUERY_LOG_MINIMUM = Duration.ofDays(10 * 365 + 3);

    static final String CODE = "check_made";

    private static final int CHUNK = 2_000;

    private final Duration period;
    private final JdbcClient jdbc;
    private final RetentionPasses passes;
    private final Clock clock;

    CheckRetention(@Value("${chengxin.measures.retention.checks:3660d}") Duration period, JdbcClient jdbc,
                   PlatformTransactionManager transactions, Clock clock) {
        this.period = RetentionPasses.atLeast(period, QUERY_LOG_MINIMUM, "chengxin.measures.retention.checks",
                "RULES.md §9: query logs at least 10 years");
        this.jdbc = jdbc;
        this.clock = clock;
        this.passes = new RetentionPasses(jdbc, transactions, clock, "measures.check_retention_pass");
    }

    /** Nightly at 04:10 Beijing time, after the audit's retention (03:30). */
    @Scheduled(cron = "${chengxin.measures.retention.cron:0 10 4 * * *}", zone = "Asia/Shanghai")
    public void nightly() {
        prune(clock);
    }

    /**
     * Runs (or joins, or goes on with) the pass of {@code now}'s day: deletes the checks made before {@code now} less
     * the period that owe nothing any more. Returns the checks deleted here.
     */
    public long prune(Clock now) {
        return prune(now, CHUNK);
    }

    /** As {@link #prune(Clock)}, {@code chunk} checks per transaction (a test's small chunks). */
    long prune(Clock now, int chunk) {
        long deleted = passes.prune(CODE, now, period, chunk, (day, after, size) -> chunk(day, size));
        if (deleted > 0) {
            log.info("Check retention: {} checks past their period deleted (their audit events stay)", deleted);
        }
        return deleted;
    }

    public java.util.Optional<ResumablePasses.Pass> pass(LocalDate day) {
        return passes.pass(CODE, day);
    }

    private record Read(UUID id, Instant at, boolean kept) {
    }

    /**
     * The first time slice a chunk reads (gaps review xlii W8): the BRIN index on {@code at} (V380) cannot order, so a
     * chunk bounded only by the cutoff read and sorted every check from its position to the cutoff for its 2,000 (half
     * a million half-way through a city's day: a night's pass was quadratic in what was due). Bounded by a slice, the
     * index returns the block ranges of the slice only; ten minutes of a city's checks are a few thousand.
     */
    static final Duration SLICE = Duration.ofMinutes(10);

    /** Below any check's id: a slice that starts at a time, not after a check. */
    private static final UUID NONE = new UUID(0L, 0L);

    /**
     * One slice of checks: made from {@code low_at} on (after check {@code low_id} at that very time) and before the
     * slice's end, in (time, id) order, with whether each must stay. Both bounds on {@code at} reach the BRIN index.
     */
    static final String SLICE_READ = """
            SELECT c.id, c.at,
                   (c.entries_ended_on IS NULL
                    AND (c.feedback_due
                         OR EXISTS (SELECT 1 FROM measures.feedback f WHERE f.check_id = c.id
                                    AND f.applied AND f.measure_code = ANY (c.owed_codes))))
                   OR EXISTS (SELECT 1 FROM measures.check_lifted l WHERE l.check_id = c.id
                              AND l.acknowledged_at IS NULL)
            FROM measures.check_made c
            WHERE c.at >= ? AND c.at < ? AND (c.at > ? OR c.id > ?)
            ORDER BY c.at, c.id LIMIT ?""";

    /** The parameters of {@link #SLICE_READ}, in order. */
    static Object[] sliceParameters(Instant lowAt, UUID lowId, Instant end, int limit) {
        Timestamp low = Timestamp.from(lowAt);
        return new Object[] {low, Timestamp.from(end), low, lowId == null ? NONE : lowId, limit};
    }

    /**
     * The next {@code size} checks made before the cutoff after the pass's position (by time, then id): those that
     * owe nothing are deleted with their feedback and acknowledged lifts. {@code records}: checks read, {@code
     * holders}: checks deleted. Read slice by slice ({@link #SLICE}); a slice that holds too few doubles the next one,
     * so a gap of days (the service off, a quiet night) costs a few statements, not one per ten minutes.
     */
    private ResumablePasses.Chunk chunk(int day, int size) {
        var position = jdbc.sql("SELECT cutoff, after_at, after_record FROM measures.check_retention_pass "
                        + "WHERE code = ? AND day = ?").params(CODE, day)
                .query((rs, n) -> new Object[] {rs.getTimestamp(1), rs.getTimestamp(2),
                        rs.getObject(3, UUID.class)}).single();
        Instant cutoff = ((Timestamp) position[0]).toInstant();
        Instant lowAt;
        UUID lowId;
        if (position[1] == null) {
            // The pass's first chunk: from the oldest check before the cutoff, read once a pass (the index skips
            // the ranges of later checks).
            Timestamp first = jdbc.sql("SELECT min(at) FROM measures.check_made WHERE at < ?")
                    .param(position[0]).query(Timestamp.class).single();
            if (first == null) {
                return new ResumablePasses.Chunk(null, 0, 0);
            }
            lowAt = first.toInstant();
            lowId = null;
        } else {
            lowAt = ((Timestamp) position[1]).toInstant();
            lowId = (UUID) position[2];
        }
        List<Read> read = new ArrayList<>();
        Duration width = SLICE;
        while (read.size() < size) {
            Instant end = lowAt.plus(width).isBefore(cutoff) ? lowAt.plus(width) : cutoff;
            read.addAll(jdbc.sql(SLICE_READ).params(sliceParameters(lowAt, lowId, end, size - read.size()))
                    .query((rs, n) -> new Read(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                            rs.getBoolean(3))).list());
            if (!end.isBefore(cutoff)) {
                break;
            }
            // A short slice was read to its end: the next starts there.
            lowAt = end;
            lowId = null;
            width = width.multipliedBy(2);
        }
        List<UUID> doomed = new ArrayList<>();
        read.stream().filter(r -> !r.kept()).forEach(r -> doomed.add(r.id()));
        if (!doomed.isEmpty()) {
            UUID[] ids = doomed.toArray(UUID[]::new);
            jdbc.sql("DELETE FROM measures.feedback WHERE check_id = ANY (?)").param(ids).update();
            jdbc.sql("DELETE FROM measures.check_lifted WHERE check_id = ANY (?)").param(ids).update();
            jdbc.sql("DELETE FROM measures.check_made WHERE id = ANY (?)").param(ids).update();
        }
        if (read.isEmpty()) {
            return new ResumablePasses.Chunk(null, 0, 0);
        }
        Read last = read.get(read.size() - 1);
        jdbc.sql("UPDATE measures.check_retention_pass SET after_at = ? WHERE code = ? AND day = ?")
                .params(Timestamp.from(last.at()), CODE, day).update();
        return new ResumablePasses.Chunk(last.id(), read.size(), doomed.size());
    }
}
