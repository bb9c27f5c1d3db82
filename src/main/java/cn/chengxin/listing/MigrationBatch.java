package cn.chengxin.listing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A file of list entries the older system decided (迁移批次; gaps review xliii X2): uploaded by one clerk, its rows
 * checked then ({@code rows} read, {@code refused} with line and reason, the others kept), stored as entries only when
 * another person approves it ({@code stored}). The uploader and decider are compared by their account ids (never the
 * same person, 双人复核); the names are for the page.
 */
public record MigrationBatch(UUID id, String fileName, String digest, int rows, int accepted, List<RefusedRow> refused,
                             String uploadedBy, String uploaderName, Instant uploadedAt, Status status,
                             String deciderName, Instant decidedAt, String decisionNote, Integer stored) {

    public MigrationBatch {
        refused = List.copyOf(refused);
    }

    public enum Status {
        PENDING, APPROVED, REJECTED
    }

    /** A row not taken, with its line in the file and why (never the row's content: it holds a number). */
    public record RefusedRow(long line, String code, String reason) {
    }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
