package cn.chengxin.exchange.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What travels between two platforms: messages from one platform to another, with an id that is never accepted
 * twice and the time it was made, both covered by the sender's SM2 signature over the batch's exact bytes.
 */
public record Batch(String format, UUID batchId, String from, String to, Instant createdAt, Long cursor,
                    List<ExchangeMessage> messages) {

    public static final int MAX_MESSAGES = 1_000;

    public Batch {
        messages = messages == null ? null : List.copyOf(messages);
    }
}
