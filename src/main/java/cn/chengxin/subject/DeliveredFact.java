package cn.chengxin.subject;

import java.util.UUID;

/**
 * A fact about a registered person a department delivered as a catalogue record (a residence, an occupational group):
 * the person, the record it came from (the credit file's record key, the same for every version of the record) and the
 * fact as the record's latest version states it; {@code null} when the record was revoked, which takes the fact away.
 */
public record DeliveredFact<T>(UUID personId, UUID recordKey, T fact) {
}
