package cn.chengxin.scoring;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import cn.chengxin.catalog.ItemVersions;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.SubjectType;

/**
 * The catalogue items usable for scoring (RULES.md §8), as a scoring pass reads them. A record counts only if both
 * the item's version in force and the version it was collected under allow its use for scoring (RULES.md §2: a later
 * version narrows the use of what was collected before at once, but never widens it), as the lists judge records
 * (listing's negative records). {@code inForce}: the versions in force that allow it, by code; {@code notUsableThen}:
 * for those items, the versions ever in force that did not (item code → versions) — empty almost always, and then no
 * record's version needs to be looked at: the pass reads the records as before, with no query more.
 *
 * <p>Only person items: scores are of persons (RULES.md §8), and rest on their own conduct. A person's file holds
 * records of an organisation's item only as copies of his organisation's record — the catalogue links only
 * organisation items to responsible persons ({@code ItemRules}), and collection refuses a person's own record under an
 * organisation item (RULES.md §1: the organisation's dishonesty is <em>recorded</em> on its legal representative and
 * responsible persons). Such a copy is the organisation's conduct, not his, as it is for the lists (listing's
 * {@code OwnConduct}, RULES.md §7); a model pricing an organisation item therefore moves no score. Left out here, the
 * copies are read by no path — the rescore's facts, the full recompute's packed columns (which it asks by item code) —
 * and cost nothing.
 */
record UsableItems(Map<String, ItemDefinition> inForce, Map<String, Set<Integer>> notUsableThen) {

    static UsableItems of(ItemVersions versions) {
        Map<String, ItemDefinition> usable = new HashMap<>();
        Map<String, Set<Integer>> notThen = new HashMap<>();
        versions.inForce().forEach((code, definition) -> {
            if (definition.usableForScoring() && definition.subjectType() == SubjectType.PERSON) {
                usable.put(code, definition);
                versions.versions(code).forEach((version, then) -> {
                    if (!then.usableForScoring()) {
                        notThen.computeIfAbsent(code, c -> new HashSet<>()).add(version);
                    }
                });
            }
        });
        return new UsableItems(Map.copyOf(usable), Map.copyOf(notThen));
    }
}
