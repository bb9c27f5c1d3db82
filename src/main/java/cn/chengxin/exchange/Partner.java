package cn.chengxin.exchange;

import java.time.Instant;

import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;

/**
 * A platform this one exchanges with, its SM2 public key, where to push (null: it pulls) and how delivery stands.
 *
 * @param failures   failed pushes in a row; the next push waits until {@code nextAttemptAt}
 * @param pull       whether this platform pulls the partner's feed at {@code baseUrl} ({@link Pulling})
 * @param pullState  how pulling it stands
 */
public record Partner(String code, String name, PlatformLevel level, Relation relation, String baseUrl,
                      String publicKey, boolean enabled, int failures, Instant nextAttemptAt, String lastError,
                      Instant lastAckAt, boolean pull, PullState pullState) {

    /**
     * @param cursor    the partner's cursor the next pull starts after
     * @param failures  failed pulls in a row; the next pull waits until {@code nextAt}
     * @param lastAt    when a pull last succeeded
     * @param lastError why the last pull failed, null when it did not
     */
    public record PullState(long cursor, int failures, Instant nextAt, Instant lastAt, String lastError) {
    }
}
