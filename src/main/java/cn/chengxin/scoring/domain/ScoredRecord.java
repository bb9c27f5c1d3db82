package cn.chengxin.scoring.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import cn.chengxin.catalog.domain.Severity;

/**
 * One credit record as the calculation sees it. The caller passes only records that count (RULES.md §4, §5, §8):
 * shown, of an item usable for scoring, not revoked, repaired or past its publication period, and not the subject of
 * an objection upheld in the subject's favour. Everything else is simply left out, so a record that is repaired or
 * expires drops out of the score at the next calculation.
 *
 * @param recordKey      identifies the record in the explanation
 * @param severity       the record's severity class; null (e.g. good information): weight 1
 * @param decisionDate   the date of the document that determined the act; recency decay counts from it
 * @param title          what the subject reads in the explanation, e.g. the item name
 */
public record ScoredRecord(UUID recordKey, String itemCode, Severity severity, LocalDate decisionDate,
                           String title) {

    public ScoredRecord {
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(decisionDate, "decisionDate");
    }
}
