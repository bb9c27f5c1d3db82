package cn.chengxin.shared.security;

import java.util.Collection;
import java.util.Set;

/**
 * The catalogue items whose records someone may see (RULES.md §10: least privilege, department data scope). Denies
 * by default: a department whose scope names no item — a responding unit, which only acts on checks — sees no item's
 * records, never all of them. Only the credit office, which oversees every department's records (RULES.md §12), sees
 * every item.
 */
public final class DataScope {

    private static final DataScope EVERY_ITEM = new DataScope(true, Set.of());
    private static final DataScope NO_ITEM = new DataScope(false, Set.of());

    private final boolean everyItem;
    private final Set<String> items;

    private DataScope(boolean everyItem, Set<String> items) {
        this.everyItem = everyItem;
        this.items = items;
    }

    /** The credit office's. */
    public static DataScope everyItem() {
        return EVERY_ITEM;
    }

    /** Whoever no department's scope reaches. */
    public static DataScope noItem() {
        return NO_ITEM;
    }

    /** A department's: the items it names and no other, so none when it names none. */
    public static DataScope of(Collection<String> itemCodes) {
        return itemCodes.isEmpty() ? NO_ITEM : new DataScope(false, Set.copyOf(itemCodes));
    }

    public boolean permits(String itemCode) {
        return everyItem || items.contains(itemCode);
    }

    /** Whether some item's records are withheld, which a page showing records says. */
    public boolean restricted() {
        return !everyItem;
    }

    @Override
    public String toString() {
        return everyItem ? "every item" : items.toString();
    }
}
