package cn.chengxin.exchange;

import java.time.Instant;

/**
 * A partner's outbox: messages waiting for acknowledgement and the oldest of them (its lag), those it refused (set
 * aside), and the messages it acknowledged over the last {@link Exchange#ACKNOWLEDGED_OVER} (kept per hour, not the
 * acknowledged rows counted).
 */
public record QueueSize(String partnerCode, long waiting, Instant oldestWaiting, long acknowledged, long setAside) {
}
