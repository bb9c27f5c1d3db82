package cn.chengxin.exchange.domain;

import java.util.Set;

import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Sharing;

/**
 * Which catalogue items' records go up to the parent platform (RULES.md §11; 国办发〔2016〕98号: records and lists
 * pushed upward so that "一处失信，处处受限" holds). The catalogue decides: an item goes up when its active version is
 * marked shared upward. Records for authorised query only never leave the platform, nor do negative records not
 * usable for punishment (simple-procedure and minor penalties: "not reported for individuals", RULES.md §2), whatever
 * the mark says. Where the agreement with the parent names the items it takes ({@code chengxin.exchange.upward-items}),
 * only marked items that it names go up: the platform never sends what its own catalogue does not share.
 */
public final class UpwardSharing {

    private final Set<String> agreedItems;

    /** @param agreedItems item codes agreed with the parent; empty: no agreement restricts the catalogue's marks */
    public UpwardSharing(Set<String> agreedItems) {
        this.agreedItems = Set.copyOf(agreedItems);
    }

    public boolean shares(ItemDefinition item) {
        if (!item.sharedUpward() || item.sharing() == Sharing.AUTHORISED_QUERY
                || item.nature() == Nature.NEGATIVE && !item.usableForPunishment()) {
            return false;
        }
        return agreedItems.isEmpty() || agreedItems.contains(item.code());
    }
}
