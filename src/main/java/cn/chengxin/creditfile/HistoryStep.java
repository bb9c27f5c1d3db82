package cn.chengxin.creditfile;

import java.time.Instant;

/**
 * One step of a record's history (every version kept with who, when and why, issue #4): a version stored, with the
 * {@code action} its department sent it with (and a revocation's reason), or a later change of its status, from
 * {@code from} to {@code to}, with the reason given for it.
 */
public record HistoryStep(int version, Instant at, RecordAction action, RecordStatus from, RecordStatus to, String by,
                          String reason) {
}
