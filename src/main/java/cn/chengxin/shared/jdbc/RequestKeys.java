package cn.chengxin.shared.jdbc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import cn.chengxin.shared.IdempotencyKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A module's table of API requests' {@link IdempotencyKey}s (gaps review xxxiii N11): per calling client and key, the
 * request's digest and what it was answered with (a report's number, a commitment's id). The table is the module's
 * own, of the shape V365 gives: {@code (client_id, idempotency_key)} its primary key, so that two requests with one key
 * claim it once — the second insert waits for the first's transaction and finds the key taken, never a
 * check-then-insert race. A key is kept for {@link IdempotencyKey#KEPT}; an hourly pass deletes older ones (any
 * instance may run it: a delete of what is past is the same on each).
 */
public class RequestKeys {

    private final JdbcClient jdbc;
    private final String table;
    private final Clock clock;

    protected RequestKeys(JdbcClient jdbc, String table, Clock clock) {
        this.jdbc = jdbc;
        this.table = table;
        this.clock = clock;
    }

    /** A key kept: the digest of the request it came with and what that request was answered with. */
    public record Kept(String digest, String answer) {
    }

    /**
     * Claims the key for this request, answered with {@code answer}, in the caller's transaction: false when the key is
     * kept for the client already (another request holds it, or held it within {@link IdempotencyKey#KEPT}); a key
     * kept longer ago is taken over.
     */
    public boolean claim(String clientId, IdempotencyKey key, String answer) {
        Instant now = clock.instant();
        return jdbc.sql("INSERT INTO " + table + " (client_id, idempotency_key, request_digest, answer, created_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (client_id, idempotency_key) DO UPDATE "
                        + "SET request_digest = EXCLUDED.request_digest, answer = EXCLUDED.answer, "
                        + "created_at = EXCLUDED.created_at WHERE " + table + ".created_at < ?")
                .params(clientId, key.key(), key.digest(), answer, Timestamp.from(now),
                        Timestamp.from(IdempotencyKey.keptSince(now)))
                .update() == 1;
    }

    /** The key as kept for the client, while it is kept. */
    public Optional<Kept> find(String clientId, IdempotencyKey key) {
        return jdbc.sql("SELECT request_digest, answer FROM " + table
                        + " WHERE client_id = ? AND idempotency_key = ? AND created_at >= ?")
                .params(clientId, key.key(), Timestamp.from(IdempotencyKey.keptSince(clock.instant())))
                .query((rs, n) -> new Kept(rs.getString(1), rs.getString(2))).optional();
    }

    /** What the request kept under the key was answered with; 409 IDEMPOTENCY_KEY_CONFLICT for another request. */
    public Optional<String> answer(String clientId, IdempotencyKey key) {
        return find(clientId, key).map(kept -> {
            if (!key.sameRequest(kept.digest())) {
                throw IdempotencyKey.conflict();
            }
            return kept.answer();
        });
    }

    /** The hourly pass: {@link #prune()}. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    public void pruneHourly() {
        prune();
    }

    /** Deletes the keys kept longer than {@link IdempotencyKey#KEPT}; how many. */
    public int prune() {
        return jdbc.sql("DELETE FROM " + table + " WHERE created_at < ?")
                .param(Timestamp.from(IdempotencyKey.keptSince(clock.instant()))).update();
    }
}
