package cn.chengxin.shared.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The limits' counts in {@code shared.limit_count} (V370; gaps-review-xxxiii N7): every instance over one database
 * counts together, and a restart empties nothing. A request is one statement: the upsert of its window's row
 * ({@code INSERT … ON CONFLICT … DO UPDATE SET n = n + 1 RETURNING n}) with the previous window's count read
 * alongside. Keys are stored as {@link LimitKeys} pseudonyms. Rows whose next window has ended are pruned.
 */
@Repository
public class JdbcLimitCounters implements LimitCounters {

    /** Rows deleted per statement, so that pruning after a flood holds no long lock. */
    static final int PRUNE_CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final LimitKeys keys;
    private final Clock clock;

    JdbcLimitCounters(JdbcClient jdbc, LimitKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Counts add(String limit, String key, SlidingWindow window, long amount, Instant now) {
        Instant start = window.start(now);
        return jdbc.sql("""
                        WITH added AS (
                            INSERT INTO shared.limit_count AS c (limit_name, key_hash, window_start, n, expires_at)
                            VALUES (:limit, :key, :start, :amount, :expires)
                            ON CONFLICT (limit_name, key_hash, window_start) DO UPDATE SET n = c.n + EXCLUDED.n
                            RETURNING n)
                        SELECT COALESCE((SELECT n FROM shared.limit_count WHERE limit_name = :limit
                                         AND key_hash = :key AND window_start = :previous), 0) AS previous,
                               (SELECT n FROM added) AS current""")
                .param("limit", limit).param("key", keys.pseudonym(key)).param("start", Timestamp.from(start))
                .param("amount", amount).param("expires", Timestamp.from(window.expiry(start)))
                .param("previous", Timestamp.from(window.previousStart(now)))
                .query((rs, row) -> new Counts(rs.getLong("previous"), rs.getLong("current"))).single();
    }

    @Override
    public Counts read(String limit, String key, SlidingWindow window, Instant now) {
        return jdbc.sql("""
                        SELECT COALESCE(sum(n) FILTER (WHERE window_start = :previous), 0) AS previous,
                               COALESCE(sum(n) FILTER (WHERE window_start = :start), 0) AS current
                          FROM shared.limit_count
                         WHERE limit_name = :limit AND key_hash = :key AND window_start IN (:previous, :start)""")
                .param("limit", limit).param("key", keys.pseudonym(key))
                .param("start", Timestamp.from(window.start(now)))
                .param("previous", Timestamp.from(window.previousStart(now)))
                .query((rs, row) -> new Counts(rs.getLong("previous"), rs.getLong("current"))).single();
    }

    @Override
    public void takeBack(String limit, String key, SlidingWindow window, long amount, Instant now) {
        jdbc.sql("UPDATE shared.limit_count SET n = greatest(0, n - :amount) "
                        + "WHERE limit_name = :limit AND key_hash = :key AND window_start = :start")
                .param("amount", amount).param("limit", limit).param("key", keys.pseudonym(key))
                .param("start", Timestamp.from(window.start(now))).update();
    }

    /** Deletes the rows of no more use at {@code now}; how many. */
    public int prune(Instant now) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            DELETE FROM shared.limit_count WHERE ctid IN (
                                SELECT ctid FROM shared.limit_count WHERE expires_at <= ? LIMIT ?)""")
                    .params(Timestamp.from(now), PRUNE_CHUNK).update();
            total += deleted;
        } while (deleted == PRUNE_CHUNK);
        return total;
    }

    /** Every instance prunes; deleting what another already deleted is nothing. */
    @Scheduled(fixedDelayString = "${chengxin.limits.prune-tick:PT5M}",
            initialDelayString = "${chengxin.limits.prune-tick:PT5M}")
    public int prune() {
        return prune(clock.instant());
    }
}
