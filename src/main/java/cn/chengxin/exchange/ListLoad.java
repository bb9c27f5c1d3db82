package cn.chengxin.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A national list file uploaded by one person and applied only when another approves it (issue #5 maker-checker;
 * RULES.md §7, §10): the file's SM3 digest, the preview made at upload (rows, new listings, removals, rows refused
 * with their codes) and the decision. {@code applied}: how many entries the approval changed (null until approved);
 * {@code warned}: the rows the preview loads with a note (SUBJECT_FORMER_NAME, gaps review xxv H6).
 */
public record ListLoad(UUID id, String source, String fileName, String digest, int rows, int listings, int removals,
                       List<LoadReport.RefusedRow> refused, String uploadedBy, String uploaderName,
                       Instant uploadedAt, Status status, String deciderName, Instant decidedAt, String decisionNote,
                       Integer applied, List<LoadReport.RefusedRow> warned) {

    public ListLoad {
        refused = List.copyOf(refused);
        warned = List.copyOf(warned);
    }

    public enum Status {
        PENDING, APPROVED, REJECTED
    }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
