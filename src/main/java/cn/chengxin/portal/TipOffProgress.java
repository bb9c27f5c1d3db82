package cn.chengxin.portal;

import java.time.Instant;

import cn.chengxin.portal.tipoff.domain.TipOffStatus;

/** What the holder of a receipt code sees: the status and the office's public reply, nothing else. */
public record TipOffProgress(TipOffStatus status, String reply, Instant receivedAt, Instant handledAt) {
}
