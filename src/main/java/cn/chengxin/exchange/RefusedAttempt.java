package cn.chengxin.exchange;

import java.time.Instant;

/**
 * An inbound request this platform refused: a pushed batch, a pull or a reconciliation question, from the partner
 * code the request named (as sent: possibly no declared partner, which is what the office looks for when a partner
 * is missing from configuration), with the stable problem code and its reason (fields, never values).
 *
 * @param operation {@code batch}, {@code pull}, {@code reconcile}, {@code relayed} or {@code fetch}
 */
public record RefusedAttempt(Instant at, String partnerSent, String operation, String code, String reason) {
}
