package cn.chengxin.exchange;

import java.time.Instant;

import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;

/**
 * A platform this one exchanges with, its SM2 public key, where to push (null: it pulls) and how delivery stands.
 *
 * @param failures failed pushes in a row; the next push waits until {@code nextAttemptAt}
 */
public record Partner(String code, String name, PlatformLevel level, Relation relation, String baseUrl,
                      String publicKey, boolean enabled, int failures, Instant nextAttemptAt, String lastError,
                      Instant lastAckAt) {
}
