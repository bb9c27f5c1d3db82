package cn.chengxin.shared.security;

import java.util.Collection;
import java.util.Set;

/**
 * Whose records someone may see (RULES.md §10: least privilege, department data scope), in two dimensions: the records
 * their own department delivered, of the items its scope names ({@code ownItems}), and the records other departments
 * delivered, of the items it was granted for a stated duty ({@code othersItems}, none unless granted). Several
 * agencies deliver the same item (minor administrative penalties, commitments, qualifications): an item in the scope
 * alone does not open another agency's records of it. Denies by default: a department whose scope names no item — a
 * responding unit, which only acts on checks — sees no record, never all of them. Only the credit office, which
 * oversees every department's records (RULES.md §12), sees every record.
 */
public final class DataScope {

    private static final DataScope EVERY_ITEM = new DataScope(true, null, Set.of(), Set.of());
    private static final DataScope NO_ITEM = new DataScope(false, null, Set.of(), Set.of());

    private final boolean everyItem;
    private final String department;
    private final Set<String> ownItems;
    private final Set<String> othersItems;

    private DataScope(boolean everyItem, String department, Set<String> ownItems, Set<String> othersItems) {
        this.everyItem = everyItem;
        this.department = department;
        this.ownItems = ownItems;
        this.othersItems = othersItems;
    }

    /** The credit office's. */
    public static DataScope everyItem() {
        return EVERY_ITEM;
    }

    /** Whoever no department's scope reaches. */
    public static DataScope noItem() {
        return NO_ITEM;
    }

    /**
     * A department's: its own records of the items {@code ownItems} names, and other departments' records of the
     * items {@code othersItems} names; nothing when both name none, or when it has no code for its own records.
     */
    public static DataScope of(String departmentCode, Collection<String> ownItems, Collection<String> othersItems) {
        boolean hasDepartment = departmentCode != null && !departmentCode.isBlank();
        if ((ownItems.isEmpty() || !hasDepartment) && othersItems.isEmpty()) {
            return NO_ITEM;
        }
        return new DataScope(false, hasDepartment ? departmentCode : null,
                hasDepartment ? Set.copyOf(ownItems) : Set.of(), Set.copyOf(othersItems));
    }

    /**
     * Whether a record of {@code itemCode} delivered by {@code recordDepartment} (its department of record) may be
     * shown: everyone's for the credit office; one's own department's of an item of its scope; anyone's of an item
     * granted for reading others' records. A record with no department of record is nobody's own.
     */
    public boolean permits(String itemCode, String recordDepartment) {
        if (everyItem) {
            return true;
        }
        if (itemCode == null) {
            return false;
        }
        boolean own = department != null && department.equals(recordDepartment);
        return own && ownItems.contains(itemCode) || othersItems.contains(itemCode);
    }

    /** Whether some records are withheld, which a page showing records says. */
    public boolean restricted() {
        return !everyItem;
    }

    /** The items whose records delivered by other departments are read too (for the audit's account of a look). */
    public Set<String> othersItems() {
        return othersItems;
    }

    @Override
    public String toString() {
        return everyItem ? "every record" : "own " + ownItems + ", others' " + othersItems;
    }
}
