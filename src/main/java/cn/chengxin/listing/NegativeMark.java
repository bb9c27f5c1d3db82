package cn.chengxin.listing;

import java.time.LocalDate;

/** The decision date of a subject's last negative record (null: none any more), stamped for the change feed. */
public record NegativeMark(String subjectPseudonym, LocalDate lastNegative, long changeSeq) {
}
