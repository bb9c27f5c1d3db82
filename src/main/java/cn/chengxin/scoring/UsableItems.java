package cn.chengxin.scoring;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import cn.chengxin.catalog.ItemVersions;
import cn.chengxin.catalog.domain.ItemDefinition;

/**
 * The catalogue items usable for scoring (RULES.md §8), as a scoring pass reads them. A record counts only if both
 * the item's version in force and the version it was collected under allow its use for scoring (RULES.md §2: a later
 * version narrows the use of what was collected before at once, but never widens it), as the lists judge records
 * (listing's negative records). {@code inForce}: the versions in force that allow it, by code; {@code notUsableThen}:
 * for those items, the versions ever in force that did not (item code → versions) — empty almost always, and then no
 * record's version needs to be looked at: the pass reads the records as before, with no query more.
 */
record UsableItems(Map<String, ItemDefinition> inForce, Map<String, Set<Integer>> notUsableThen) {

    static UsableItems of(ItemVersions versions) {
        Map<String, ItemDefinition> usable = new HashMap<>();
        Map<String, Set<Integer>> notThen = new HashMap<>();
        versions.inForce().forEach((code, definition) -> {
            if (definition.usableForScoring()) {
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
