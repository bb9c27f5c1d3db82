package cn.chengxin.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One partner and day reconciled: how many messages we sent and the partner holds (latest version each), their
 * digests, the source ids missing or behind at the partner (sent again: {@code requeued}), or why the partner could
 * not be asked.
 */
public record ReconciliationResult(String partnerCode, LocalDate day, int ours, Integer theirs, String ourDigest,
                                   String theirDigest, List<String> differences, int requeued, String error,
                                   Instant checkedAt) {

    public ReconciliationResult {
        differences = List.copyOf(differences);
    }

    public boolean matched() {
        return error == null && ourDigest.equals(theirDigest);
    }
}
