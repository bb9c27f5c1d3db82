package cn.chengxin.exchange.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What travels between two platforms: messages from one platform to another, with an id that is never accepted
 * twice and the time it was made, both covered by the sender's SM2 signature over the batch's exact bytes.
 *
 * @param test {@code true}: a test batch of a partner trying its implementation (gaps review xxxvii R6): checked in
 *             full and answered as a batch would be, but applied to nothing, relayed nowhere and its id not kept;
 *             left out (null) otherwise
 */
public record Batch(String format, UUID batchId, String from, String to, Instant createdAt, Long cursor,
                    List<ExchangeMessage> messages, Boolean test) {

    public static final int MAX_MESSAGES = 1_000;

    public Batch {
        messages = messages == null ? null : List.copyOf(messages);
        test = Boolean.TRUE.equals(test) ? Boolean.TRUE : null;
    }

    /** A batch to apply (not a test). */
    public Batch(String format, UUID batchId, String from, String to, Instant createdAt, Long cursor,
                 List<ExchangeMessage> messages) {
        this(format, batchId, from, to, createdAt, cursor, messages, null);
    }

    /** Whether this is a test batch, checked and answered but applied to nothing. */
    public boolean markedTest() {
        return Boolean.TRUE.equals(test);
    }
}
