package cn.chengxin.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Withdrawal;

/**
 * One version of an item with its workflow state: who drafted, submitted and decided it, and when.
 *
 * @param editors    everyone who wrote this version (its creator first); none of them may approve it
 * @param withdrawal set on a version that withdraws the item (废止): the definition in force, unchanged, with the
 *                   reason, basis and kind; its creator proposed it, and once it is active the item is
 *                   {@link #withdrawn()}
 * @param recordsWithdrawn on an approved withdrawal whose legal basis was revoked, how many of the item's records the
 *                   credit file has withdrawn so far and when it was done ({@link Withdrawal#withdrawsRecords()});
 *                   {@code null} on every other version
 * @param effectiveFrom the day an approved version takes (or took) effect: until then it is SCHEDULED and the version
 *                   before it stays in force (gaps review xxxvii-api R4); {@code null} before approval
 * @param changeSeq  the approved change's number in the change feed ({@code GET /api/v1/catalog/changes}), in the order
 *                   approved; {@code null} before approval and on the base catalogue seeded with the release. A
 *                   cancelled version's is the cancellation's, taken when it was approved
 * @param cancellation on a SCHEDULED version, the cancellation proposed for it and waiting for a second person; on a
 *                   CANCELLED one, the cancellation approved; {@code null} otherwise
 */
public record CatalogueItem(UUID id, String code, int version, Status status, ItemDefinition definition,
                            String changeNote, String createdBy, Instant createdAt, String submittedBy,
                            Instant submittedAt, String decidedBy, Instant decidedAt, String decisionNote,
                            Instant retiredAt, List<String> editors, Withdrawal withdrawal,
                            RecordsWithdrawn recordsWithdrawn, LocalDate effectiveFrom, Long changeSeq,
                            Cancellation cancellation) {

    /**
     * Withdrawn (已废止): this is the version in force and an approved withdrawal. It stays in force for the records
     * delivered under the item, which are read, shown and used by it as before; the item takes no new records.
     */
    public boolean withdrawn() {
        return status == Status.ACTIVE && withdrawal != null;
    }

    /**
     * The version's state as the console names it (message {@code catalog.state.<state>}): its status, except that a
     * withdrawal reads as what became of it — WITHDRAWAL_PENDING, WITHDRAWN (in force) or WITHDRAWAL_REJECTED — and a
     * scheduled version whose cancellation waits for a second person as CANCELLATION_PENDING (待撤销审核: it does not
     * take effect until decided, gaps review xxxvii-api R4).
     */
    public String state() {
        if (status == Status.SCHEDULED && cancellation != null) {
            return "CANCELLATION_PENDING";
        }
        if (withdrawal == null) {
            return status.name();
        }
        return switch (status) {
            case PENDING -> "WITHDRAWAL_PENDING";
            case ACTIVE -> "WITHDRAWN";
            case REJECTED -> "WITHDRAWAL_REJECTED";
            case DRAFT, SCHEDULED, RETIRED, DISCARDED, CANCELLED -> status.name();
        };
    }

    /**
     * The records an approved withdrawal for a revoked basis took out of display and use (RULES.md §5): counted as
     * the credit file withdraws them, a chunk at a time.
     *
     * @param finishedAt when the last of them was withdrawn; {@code null} while some are left
     */
    public record RecordsWithdrawn(long records, Instant finishedAt) {

        public boolean finished() {
            return finishedAt != null;
        }
    }

    /**
     * The cancellation of an approved version before its effective day (gaps review xxxvii-api R4): proposed with its
     * reason by one person, approved by another ({@code cancelledBy}, {@code cancelledAt}: null while it waits).
     */
    public record Cancellation(String reason, String proposedBy, Instant proposedAt, String cancelledBy,
                               Instant cancelledAt) {

        public boolean approved() {
            return cancelledAt != null;
        }
    }

    public enum Status {
        DRAFT("草稿"), PENDING("待审核"), SCHEDULED("已批准，待生效"), ACTIVE("已启用"), RETIRED("已被新版本取代"), REJECTED("已退回"),
        DISCARDED("已放弃"), CANCELLED("已撤销，未生效");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
