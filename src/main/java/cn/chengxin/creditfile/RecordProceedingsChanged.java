package cn.chengxin.creditfile;

import java.util.UUID;

/**
 * Published in the transaction that flags or clears a pending administrative review or lawsuit on a record
 * ({@link RecordProceedings}): the record itself does not change, so {@link RecordStatesChanged} is not published,
 * but what carries the flag beyond this platform must be told (the exchange sends the record again).
 */
public record RecordProceedingsChanged(UUID subjectId, UUID recordKey) {
}
