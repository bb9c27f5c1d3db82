package cn.chengxin.exchange;

import java.time.Instant;

/**
 * An outbound message in the outbox: to which partner, what (kind, source id, version, the status it carries) and
 * whether the partner acknowledged it.
 */
public record QueuedMessage(long seq, String partnerCode, String kind, String sourceId, long version, String status,
                            Instant queuedAt, int attempts, Instant ackedAt) {

    public boolean acknowledged() {
        return ackedAt != null;
    }
}
