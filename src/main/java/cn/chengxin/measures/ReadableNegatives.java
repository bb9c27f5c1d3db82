package cn.chengxin.measures;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.listing.Listing;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.DataScope;
import org.springframework.stereotype.Component;

/**
 * The last negative record a clean-record answer to a caller may rest on (RULES.md §7 with §2 and §10; gaps-review-xxv
 * H4): of an item usable for punishment, and one the caller may read, publicly shared or within its department's data
 * scope as F1 cut it ({@link Listing#lastNegativeReadBy}). Read from the credit files, so asked only for a subject
 * whose last negative record of any kind ({@link CheckIndex#lastNegative}) would deny the incentive: most subjects
 * have none, and then nothing is read.
 */
@Component
class ReadableNegatives {

    private final Listing listing;
    private final StaffDirectory directory;

    ReadableNegatives(Listing listing, StaffDirectory directory) {
        this.listing = listing;
        this.directory = directory;
    }

    /** By pseudonym; absent: none the caller may count. */
    Map<String, LocalDate> lastAmong(Actor caller, Collection<String> pseudonyms) {
        return pseudonyms.isEmpty() ? Map.of() : listing.lastNegativeReadBy(pseudonyms, scopeOf(caller));
    }

    /**
     * A department system's key reads what its department's staff read: the department's own records of the items its
     * scope names and others' of the items it was granted; the credit office's, every record. A key carries no scope
     * of its own ({@link Actor#dataScope()}: none), so it is the department's, looked up by its code. Staff carry
     * theirs.
     */
    private DataScope scopeOf(Actor caller) {
        if (!(caller instanceof ApiClientPrincipal)) {
            return caller.dataScope();
        }
        return directory.departments().stream().filter(d -> d.code().equals(caller.departmentCode())).findFirst()
                .map(d -> d.kind() == Department.Kind.CREDIT_OFFICE ? DataScope.everyItem()
                        : DataScope.of(d.code(), d.dataScope(), d.sharedReadScope()))
                .orElse(DataScope.noItem());
    }
}
