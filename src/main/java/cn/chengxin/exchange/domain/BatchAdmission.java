package cn.chengxin.exchange.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a parsed batch whose signature checked out may be applied. Over HTTP a batch is all or nothing: one bad
 * message refuses it, and the sender finds the message by halves and sets it aside. Over Kafka, which has no answer
 * to a push, the batch is checked as a batch ({@link #batchRefusal}) and each message on its own
 * ({@link #messageRefusal}): the rest is applied and the refused messages are answered (RULES.md §6, §11).
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
        Optional<Refusal> whole = batchRefusal(batch, sender, self, now, skew);
        if (whole.isPresent()) {
            return whole;
        }
        for (int i = 0; i < batch.messages().size(); i++) {
            Optional<Refusal> refusal = messageRefusal(batch.messages().get(i), i, sender, relation, level);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /**
     * The refusal of an answer to our pull (docs/exchange-format.md, Pull): a batch like any pushed one, which carries
     * the cursor to pull after next and may have no message at all (nothing waits for us).
     */
    public static Optional<Refusal> answerRefusal(Batch batch, String sender, String self, Relation relation,
                                                  PlatformLevel level, Instant now, Duration skew) {
        if (batch.cursor() == null || batch.cursor() < 0) {
            return refuse("EXCHANGE_BATCH_MALFORMED", "an answer to a pull carries its cursor");
        }
        if (batch.messages() != null && batch.messages().isEmpty()) {
            return whole(batch, sender, self, now, skew, true);
        }
        return refusal(batch, sender, self, relation, level, now, skew);
    }

    /** The refusal of the batch as such (format, addressing, time, size), whatever its messages say. */
    public static Optional<Refusal> batchRefusal(Batch batch, String sender, String self, Instant now,
                                                 Duration skew) {
        return whole(batch, sender, self, now, skew, false);
    }

    private static Optional<Refusal> whole(Batch batch, String sender, String self, Instant now, Duration skew,
                                           boolean mayBeEmpty) {
        if (!ExchangeFormats.accepted(batch.format())) {
            return refuse("EXCHANGE_FORMAT_UNSUPPORTED", "format must be one of " + ExchangeFormats.ACCEPTED);
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
        if (batch.messages().isEmpty() && !mayBeEmpty || batch.messages().size() > Batch.MAX_MESSAGES) {
            return refuse("EXCHANGE_BATCH_MALFORMED", "a batch has 1 to " + Batch.MAX_MESSAGES + " messages");
        }
        return Optional.empty();
    }

    /** The refusal of message {@code i} for what it says ({@link Refusal#OF_A_MESSAGE}), or empty. */
    public static Optional<Refusal> messageRefusal(ExchangeMessage m, int i, String sender, Relation relation,
                                                   PlatformLevel level) {
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
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String code, String reason) {
        return Optional.of(new Refusal(code, reason));
    }
}
