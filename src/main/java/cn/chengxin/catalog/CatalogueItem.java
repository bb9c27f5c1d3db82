package cn.chengxin.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.chengxin.catalog.domain.ItemDefinition;

/**
 * One version of an item with its workflow state: who drafted, submitted and decided it, and when.
 *
 * @param editors everyone who wrote this version (its creator first); none of them may approve it
 */
public record CatalogueItem(UUID id, String code, int version, Status status, ItemDefinition definition,
                            String changeNote, String createdBy, Instant createdAt, String submittedBy,
                            Instant submittedAt, String decidedBy, Instant decidedAt, String decisionNote,
                            Instant retiredAt, List<String> editors) {

    public enum Status {
        DRAFT("草稿"), PENDING("待审核"), ACTIVE("已启用"), RETIRED("已停用"), REJECTED("已退回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
