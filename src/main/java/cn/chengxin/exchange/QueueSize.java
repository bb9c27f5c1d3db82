package cn.chengxin.exchange;

import java.time.Instant;

/**
 * A partner's outbox: messages waiting for acknowledgement and the oldest of them (its lag), and those it refused
 * (set aside).
 */
public record QueueSize(String partnerCode, long waiting, Instant oldestWaiting, long acknowledged, long setAside) {
}
