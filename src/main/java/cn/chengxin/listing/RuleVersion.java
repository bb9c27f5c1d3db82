package cn.chengxin.listing;

import java.time.Instant;

import cn.chengxin.listing.domain.ListRule;

/**
 * One saved version of a list rule and its review (双人复核, issue #5): saved by one person, it waits ({@code PENDING})
 * until another person approves it — then it is the rule in force — or rejects it with a reason. The ids say who
 * (the maker-checker check compares them), the names are what the console shows.
 */
public record RuleVersion(ListRule rule, Status status, String proposedBy, String proposerName, Instant proposedAt,
                          String decidedBy, String deciderName, Instant decidedAt, String decisionNote) {

    public enum Status {
        PENDING, APPROVED, REJECTED
    }
}
