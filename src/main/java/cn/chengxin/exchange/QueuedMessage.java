package cn.chengxin.exchange;

import java.time.Instant;

/**
 * An outbound message in the outbox: to which partner, what (kind, source id, version, the status it carries) and
 * whether the partner acknowledged it, or refused it for what it says (then it is set aside, with the partner's code
 * and the reason it gave, null for one set aside before reasons were kept).
 */
public record QueuedMessage(long seq, String partnerCode, String kind, String sourceId, long version, String status,
                            Instant queuedAt, int attempts, Instant ackedAt, String refusedCode, Instant refusedAt,
                            String refusedReason) {

    public boolean acknowledged() {
        return ackedAt != null;
    }

    public boolean setAside() {
        return ackedAt == null && refusedAt != null;
    }
}
