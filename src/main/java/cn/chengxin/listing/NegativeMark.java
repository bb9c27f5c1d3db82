package cn.chengxin.listing;

import java.time.LocalDate;

/**
 * The decision date of a subject's last negative record in use (null: none any more; a revoked, repaired or expired
 * record is not in use, RULES.md §4, §6), stamped for the change feed.
 */
public record NegativeMark(String subjectPseudonym, LocalDate lastNegative, long changeSeq) {
}
