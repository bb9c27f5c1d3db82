package cn.chengxin.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.chengxin.catalog.domain.ItemDefinition;

/**
 * The versions of the catalogue's items that were ever in force (approved by a second person), by code and version. A
 * record keeps the item version in force when it was stored, and is classified by it (its severity, its periods and
 * when it may be repaired, RULES.md §4 and §6, as the catalogue said when it was collected): a later version that makes
 * the item more or less serious, or its minimum period before repair longer or shorter, applies to the records stored
 * under that version.
 */
public final class ItemVersions {

    private final Map<String, Map<Integer, ItemDefinition>> byCode = new HashMap<>();
    private final Map<String, ItemDefinition> inForce = new HashMap<>();

    ItemVersions(List<CatalogueItem> everInForce) {
        for (CatalogueItem i : everInForce) {
            byCode.computeIfAbsent(i.code(), c -> new HashMap<>()).put(i.version(), i.definition());
            if (i.status() == CatalogueItem.Status.ACTIVE) {
                inForce.put(i.code(), i.definition());
            }
        }
    }

    /**
     * The item as it stood in {@code version}; the version in force when that version was never in force (a record
     * written past the catalogue, by a migration or a test), empty for an item never in force.
     */
    public Optional<ItemDefinition> of(String code, int version) {
        ItemDefinition exact = byCode.getOrDefault(code, Map.of()).get(version);
        return Optional.ofNullable(exact != null ? exact : inForce.get(code));
    }

    /**
     * The version in force of every item, by code (a withdrawn item's too: its records are still read by it): what a
     * record may be used for now, where the version it was stored under also has its say (a later version narrows the
     * use of what was collected before at once, but never widens it).
     */
    public Map<String, ItemDefinition> inForce() {
        return Map.copyOf(inForce);
    }

    /** Every version of the item that was ever in force, by version; empty for an item never in force. */
    public Map<Integer, ItemDefinition> versions(String code) {
        return Map.copyOf(byCode.getOrDefault(code, Map.of()));
    }

    /** The codes of every item ever in force. */
    public Set<String> codes() {
        return Set.copyOf(byCode.keySet());
    }
}
