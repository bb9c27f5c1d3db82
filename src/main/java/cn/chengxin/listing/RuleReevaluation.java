package cn.chengxin.listing;

import java.time.Instant;
import java.util.UUID;

/**
 * The pass of a saved rule version over the subjects already holding shown records of its items, a chunk at a time
 * after the rule's commit: how far it got ({@code afterRecord}, the last record key passed) and what it did. A pass
 * a later version of the rule ended is {@code superseded}: the later version's own pass reaches the holders.
 */
public record RuleReevaluation(String ruleCode, int ruleVersion, UUID afterRecord, long recordsPassed,
                               long holdersEvaluated, int proposed, int ended, Instant startedAt, Instant progressedAt,
                               Instant finishedAt, boolean superseded) {

    public boolean finished() {
        return finishedAt != null;
    }
}
