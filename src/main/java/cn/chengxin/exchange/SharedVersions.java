package cn.chengxin.exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.ItemVersions;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.exchange.domain.UpwardSharing;

/**
 * Which records go up to the parent, decided per item version for one pass over records (a queued chunk, a resend):
 * the item's version in force must share it, and the version the record was stored under must have let it leave the
 * platform ({@link UpwardSharing#shares(ItemDefinition, ItemDefinition)}, RULES.md §2 and §11). A record stored under
 * the version in force — nearly every one — is decided by its item alone; the versions ever in force are read once,
 * and only when a record was stored under an older one. Not thread-safe: one per pass.
 */
final class SharedVersions {

    private final UpwardSharing upward;
    private final Catalogue catalogue;
    private final Map<String, Optional<CatalogueItem>> inForce = new HashMap<>();
    private final Map<String, Map<Integer, Optional<ItemDefinition>>> older = new HashMap<>();
    private ItemVersions versions;

    SharedVersions(UpwardSharing upward, Catalogue catalogue) {
        this.upward = upward;
        this.catalogue = catalogue;
    }

    /** The same, knowing the versions in force already (a resend reads them all at once). */
    SharedVersions(UpwardSharing upward, Catalogue catalogue, List<CatalogueItem> active) {
        this(upward, catalogue);
        active.forEach(i -> inForce.put(i.code(), Optional.of(i)));
    }

    /** The item's version in force; the active version decides: a draft takes effect only once approved. */
    Optional<ItemDefinition> inForce(String itemCode) {
        return item(itemCode).map(CatalogueItem::definition);
    }

    /** Whether the item's version in force shares its records upward. */
    boolean itemShared(String itemCode) {
        return inForce(itemCode).filter(upward::shares).isPresent();
    }

    /** Whether the record goes up: its item's version in force shares it and its own version let it leave. */
    boolean shares(FileEntry record) {
        Optional<CatalogueItem> now = item(record.itemCode());
        if (now.isEmpty() || !upward.shares(now.get().definition())) {
            return false;
        }
        return record.itemVersion() == now.get().version()
                || upward.shares(now.get().definition(), collectedUnder(record));
    }

    /**
     * The item as the record was stored under it: its severity class and legal basis go up with the record, as the
     * platform's own file and reports show them (a later version does not reclassify it, {@link ItemVersions}).
     */
    ItemDefinition collectedUnder(FileEntry record) {
        Optional<CatalogueItem> now = item(record.itemCode());
        if (now.isPresent() && now.get().version() == record.itemVersion()) {
            return now.get().definition();
        }
        return older.computeIfAbsent(record.itemCode(), c -> new HashMap<>()).computeIfAbsent(record.itemVersion(),
                v -> versions().of(record.itemCode(), v)).orElse(null);
    }

    private Optional<CatalogueItem> item(String itemCode) {
        return inForce.computeIfAbsent(itemCode, catalogue::active);
    }

    private ItemVersions versions() {
        if (versions == null) {
            versions = catalogue.versionsEverInForce();
        }
        return versions;
    }
}
