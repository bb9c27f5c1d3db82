package cn.chengxin.exchange.domain;

import java.util.Set;

import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Sharing;

/**
 * Which catalogue items' records go up to the parent platform (RULES.md §11; 国办发〔2016〕98号: records and lists
 * pushed upward so that "一处失信，处处受限" holds). Records for authorised query only never leave the platform, nor
 * do records not usable for punishment (simple-procedure and minor penalties: "not reported for individuals",
 * RULES.md §2); of the others, negative records go up — or exactly the configured items, where the provincial
 * agreement names them.
 */
public final class UpwardSharing {

    private final Set<String> configuredItems;

    /** @param configuredItems item codes agreed with the parent; empty: every negative item not query-only */
    public UpwardSharing(Set<String> configuredItems) {
        this.configuredItems = Set.copyOf(configuredItems);
    }

    public boolean shares(ItemDefinition item) {
        if (item.sharing() == Sharing.AUTHORISED_QUERY
                || item.nature() == Nature.NEGATIVE && !item.usableForPunishment()) {
            return false;
        }
        return configuredItems.isEmpty() ? item.nature() == Nature.NEGATIVE : configuredItems.contains(item.code());
    }
}
