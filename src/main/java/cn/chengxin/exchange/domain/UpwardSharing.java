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
        if (!item.sharedUpward() || !mayLeave(item)) {
            return false;
        }
        return agreedItems.isEmpty() || agreedItems.contains(item.code());
    }

    /**
     * Whether a record stored under the item version {@code collectedUnder} goes up while {@code inForce} is the item's
     * version in force: the version in force shares the item ({@link #shares}), and the one the record was collected
     * under let its records leave the platform. A later version that opens an authorised-query item, or makes a
     * negative item usable for punishment, does not send up what was collected on the narrower terms (RULES.md §2: no
     * use beyond what the collection was authorised for; §11); one that narrows the item holds back its records at
     * once. The mark itself is the credit office's choice of what to push, not a term of collection: a record collected
     * before its item was marked goes up once it is (a resend brings the parent what existed before). {@code null}
     * for either: not shared.
     */
    public boolean shares(ItemDefinition inForce, ItemDefinition collectedUnder) {
        return inForce != null && collectedUnder != null && shares(inForce) && mayLeave(collectedUnder);
    }

    /**
     * Records for authorised query only never leave the platform, nor negative records not usable for punishment
     * ("not reported for individuals", RULES.md §2).
     */
    private static boolean mayLeave(ItemDefinition item) {
        return item.sharing() != Sharing.AUTHORISED_QUERY
                && !(item.nature() == Nature.NEGATIVE && !item.usableForPunishment());
    }
}
