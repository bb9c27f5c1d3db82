package cn.chengxin.inquiry.domain;

import java.time.LocalDate;
import java.util.Optional;

import cn.chengxin.catalog.domain.RepairAuthority;
import cn.chengxin.repair.domain.RepairEligibility;

/**
 * A negative record's repair status as a report prints it (RULES.md §9: negative information with its "repair
 * status"; §6 and 《信用修复管理办法》 Order No. 36 for when repair is possible): an application for it is being
 * handled (修复申请办理中); or from when the person may apply — the minimum publication period served, counted from
 * the decision date, or once the obligation is fulfilled for a minor record; or that a court or the listing department
 * decides it, not this platform. Kept in the report with its Chinese text, as a report keeps what it said; an English
 * report words it by its {@code code}.
 *
 * @param from the first day repair may be applied for ({@link Code#FROM_DATE}), null otherwise
 */
public record RecordRepair(Code code, LocalDate from, String text) {

    public enum Code {
        /** An application for the record's repair is open (filed, or proposed and awaiting the second reviewer). */
        APPLYING,
        /** Repair may be applied for from {@link #from()}, with the obligation fulfilled. */
        FROM_DATE,
        /** A minor record (or a protected minor's): repair may be applied for once the obligation is fulfilled. */
        ONCE_FULFILLED,
        /** The court decides it (RULES.md §7). */
        COURT,
        /** The department that keeps the list decides it. */
        LISTING_DEPARTMENT
    }

    /**
     * The status of a record the repair rules know ({@code eligibility}); empty for a record that is not repaired
     * (not negative). An open application says more than the period: it is printed instead.
     */
    public static Optional<RecordRepair> of(RepairEligibility eligibility, boolean applicationOpen) {
        if (eligibility == null || eligibility.kind() == RepairEligibility.Kind.NOT_APPLICABLE) {
            return Optional.empty();
        }
        if (applicationOpen) {
            return Optional.of(new RecordRepair(Code.APPLYING, null, "修复申请办理中"));
        }
        return Optional.of(switch (eligibility.kind()) {
            case FROM_DATE -> new RecordRepair(Code.FROM_DATE, eligibility.from(),
                    "可申请修复（自 " + eligibility.from() + "）");
            case ONCE_OBLIGATION_FULFILLED -> new RecordRepair(Code.ONCE_FULFILLED, null, "履行义务后可申请修复");
            case BY_AUTHORITY -> eligibility.authority() == RepairAuthority.COURT
                    ? new RecordRepair(Code.COURT, null, "由人民法院决定")
                    : new RecordRepair(Code.LISTING_DEPARTMENT, null, "由列入名单的部门决定");
            case NOT_APPLICABLE -> throw new IllegalStateException("not repaired");
        });
    }
}
