package cn.chengxin.subject.domain;

import java.time.LocalDate;

/**
 * A name a subject went by before an approved name change (曾用名), with the days it was the subject's name:
 * {@code validFrom} (null: since the subject was registered) to {@code validUntil}, both included. Records decided in
 * that period name the subject so, and still name the same subject (RULES.md §1: the number is the key, the name goes
 * with it).
 */
public record FormerName(String name, LocalDate validFrom, LocalDate validUntil) {

    /**
     * Whether the name was the subject's on {@code day}. A day not known (a revocation that gives no decision date
     * revokes a record already on the subject's file) is any day of the period.
     */
    public boolean covers(LocalDate day) {
        return day == null || (validFrom == null || !validFrom.isAfter(day)) && !validUntil.isBefore(day);
    }
}
