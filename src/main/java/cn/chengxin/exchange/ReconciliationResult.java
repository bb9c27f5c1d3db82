package cn.chengxin.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One partner and day reconciled: how many messages we sent and the partner holds (latest version each), their
 * digests, the source ids missing or behind at the partner (sent again: {@code requeued}), or why the partner could
 * not be asked. With the parent also the other direction: the messages it relayed to us whose state we adopted
 * ({@code adopted}, keys {@code <source platform>:<source id>}), and the conflicts left to the credit office: our own
 * messages the parent holds in a version we never sent.
 */
public record ReconciliationResult(String partnerCode, LocalDate day, int ours, Integer theirs, String ourDigest,
                                   String theirDigest, List<String> differences, int requeued, int adopted,
                                   List<String> adoptedKeys, List<String> conflicts, String error,
                                   Instant checkedAt) {

    public ReconciliationResult {
        differences = List.copyOf(differences);
        adoptedKeys = List.copyOf(adoptedKeys);
        conflicts = List.copyOf(conflicts);
    }

    public boolean matched() {
        return error == null && ourDigest.equals(theirDigest) && adopted == 0 && conflicts.isEmpty();
    }
}
