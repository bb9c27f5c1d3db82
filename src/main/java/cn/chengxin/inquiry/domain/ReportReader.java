package cn.chengxin.inquiry.domain;

import java.util.Objects;

import cn.chengxin.catalog.domain.Sharing;
import cn.chengxin.listing.ListType;
import cn.chengxin.shared.security.DataScope;

/**
 * Whose remit a report is cut to, beyond what its {@link ReportScope} allows. A report of one's own and a consented
 * one carry what their kind does ({@link #byKind()}), and so does the credit office's 政务查询, which oversees every
 * department's records and lists (RULES.md §12). A department's 政务查询 is cut to that department as a whole, as the
 * console's credit file and lists are (RULES.md §10: least privilege, department data scope; §9: a state organ queries
 * within its statutory duty, not beyond it):
 * <ul>
 *     <li>records: public items, which anyone may read on the public pages, so withholding them here protects nothing;
 *     of the government-shared ones, its own of the items its data scope names and others' of the items it was
 *     granted to read ({@link DataScope#permits(String, String)}): agencies delivering the same item do not read
 *     each other's records of it;</li>
 *     <li>list entries: those it issued or that rest on a record it sees by its scope, and the black and red entries
 *     the public lists show; another department's grey entry, or one not published, is that department's
 *     business;</li>
 *     <li>no score: it is computed from every record, those withheld here included, so a grade would tell of them; no
 *     purpose of the closed staff list rests on it, and no adverse decision may rest on it (RULES.md §8);</li>
 *     <li>queries: its own organisation's, and those the person consented to or made (which an institution's report
 *     also lists); not who at another department looked at the person, or why;</li>
 *     <li>statements: only those on the records it carries; a statement on the whole file may speak of the rest.</li>
 * </ul>
 */
public record ReportReader(String departmentCode, String organisation, DataScope dataScope) {

    private static final ReportReader BY_KIND = new ReportReader(null, null, DataScope.everyItem());

    public ReportReader {
        Objects.requireNonNull(dataScope, "dataScope");
    }

    /** A report whose kind alone decides what it carries. */
    public static ReportReader byKind() {
        return BY_KIND;
    }

    /** Whether the reader oversees every department's data: the credit office, or no department at all. */
    public boolean wholePlatform() {
        return !dataScope.restricted();
    }

    /** @param recordDepartment the record's department of record, which delivered it */
    public boolean seesRecord(Sharing sharing, String itemCode, String recordDepartment) {
        return wholePlatform() || sharing == Sharing.PUBLIC || dataScope.permits(itemCode, recordDepartment);
    }

    /**
     * @param entryDepartment  the department that issued the entry (null: the credit office's)
     * @param itemCode         the catalogue item of the record the entry rests on, null for one by hand
     * @param recordDepartment the department of record of the record the entry rests on, null for one by hand
     * @param published        whether the public lists may show the entry (its item is shared publicly)
     */
    public boolean seesEntry(ListType type, String entryDepartment, String itemCode, String recordDepartment,
                             boolean published) {
        return wholePlatform()
                || departmentCode != null && departmentCode.equals(entryDepartment)
                || itemCode != null && dataScope.permits(itemCode, recordDepartment)
                || published && (type == ListType.BLACK || type == ListType.RED);
    }

    public boolean seesScore() {
        return wholePlatform();
    }

    /** Whether a look at the person's data by staff of {@code byOrganisation} is listed in full. */
    public boolean seesQueryBy(String byOrganisation) {
        return wholePlatform() || organisation != null && !organisation.isBlank()
                && organisation.equals(byOrganisation);
    }

    public boolean seesWholeFileStatements() {
        return wholePlatform();
    }
}
