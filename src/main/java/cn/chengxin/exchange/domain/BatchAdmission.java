package cn.chengxin.exchange.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a parsed batch whose signature checked out may be applied. A batch is all or nothing: one bad message
 * refuses it, so that the sender fixes and resends it whole rather than losing part of a subject's history.
 * Freshness bounds replay: a batch older (or newer) than the allowed skew is refused, and batch ids are remembered
 * at least that long (RULES.md §11: idempotent exchange).
 */
public final class BatchAdmission {

    private BatchAdmission() {
    }

    /**
     * @param sender   the platform code the request named, whose key verified the signature
     * @param self     this platform's code
     * @param relation what the sender is to this platform
     * @param level    the sender's level in the federation
     */
    public static Optional<Refusal> refusal(Batch batch, String sender, String self, Relation relation,
                                            PlatformLevel level, Instant now, Duration skew) {
        if (!ExchangeMessage.FORMAT.equals(batch.format())) {
            return refuse("EXCHANGE_FORMAT_UNSUPPORTED", "format must be " + ExchangeMessage.FORMAT);
        }
        if (batch.batchId() == null || batch.createdAt() == null || batch.messages() == null) {
            return refuse("EXCHANGE_BATCH_MALFORMED", "batchId, createdAt and messages are required");
        }
        if (!sender.equals(batch.from()) || !self.equals(batch.to())) {
            return refuse("EXCHANGE_BATCH_MISADDRESSED", "the batch must be from the signing platform and to " + self);
        }
        if (Duration.between(batch.createdAt(), now).abs().compareTo(skew) > 0) {
            return refuse("EXCHANGE_BATCH_STALE", "createdAt is more than " + skew.toSeconds()
                    + " s away from this platform's clock");
        }
        if (batch.messages().isEmpty() || batch.messages().size() > Batch.MAX_MESSAGES) {
            return refuse("EXCHANGE_BATCH_MALFORMED", "a batch has 1 to " + Batch.MAX_MESSAGES + " messages");
        }
        for (int i = 0; i < batch.messages().size(); i++) {
            ExchangeMessage m = batch.messages().get(i);
            if (m == null) {
                return refuse("EXCHANGE_MESSAGE_INVALID", "messages[" + i + "]: null");
            }
            List<String> problems = m.problems();
            if (!problems.isEmpty()) {
                return refuse("EXCHANGE_MESSAGE_INVALID", "messages[" + i + "]: " + String.join("; ", problems));
            }
            if (!sender.equals(m.sourcePlatform()) && !relation.mayRelay(sender, level, m.sourcePlatform())) {
                return refuse("EXCHANGE_RELAY_REFUSED", "messages[" + i + "]: only the parent platform, or a child "
                        + "for the platforms below it, relays messages issued by other platforms");
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String code, String reason) {
        return Optional.of(new Refusal(code, reason));
    }
}
