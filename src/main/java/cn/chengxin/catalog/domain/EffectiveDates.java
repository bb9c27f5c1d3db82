package cn.chengxin.catalog.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The day an approved version of an item takes effect (gaps review xxxvii-api R4). The checker sets it; it is never
 * before the approval's day (a change cannot have been in force before anyone approved it). The day the console
 * proposes is the approval's day for a change no department's row can be refused by, and the approval's day plus the
 * credit office's notice period (chengxin.catalog.notice-days, 30 days by default: a department's vendor changes an
 * export within a month's release) for one that {@link ItemChange#narrows narrows} what a row may carry. Rows are
 * validated by the version in force on the day the platform receives them, not by their decision date: a version
 * changes the departments' interface from a day on, and the decision date a row gives would otherwise let any row
 * choose the older, looser version.
 */
public final class EffectiveDates {

    private EffectiveDates() {
    }

    /** The day the console proposes for a version approved on {@code approvalDay}. */
    public static LocalDate proposed(LocalDate approvalDay, ItemChange change, int noticeDays) {
        return change.narrows() ? approvalDay.plusDays(noticeDays) : approvalDay;
    }

    /** The violations of {@code effectiveFrom} for a version approved on {@code approvalDay}. */
    public static List<ItemRules.Violation> check(LocalDate approvalDay, LocalDate effectiveFrom) {
        if (effectiveFrom != null && effectiveFrom.isBefore(approvalDay)) {
            return List.of(new ItemRules.Violation("EFFECTIVE_DATE_PAST", "effectiveFrom",
                    "生效日期不能早于审核通过之日（" + approvalDay + "）"));
        }
        if (effectiveFrom != null && effectiveFrom.isAfter(approvalDay.plusYears(1))) {
            return List.of(new ItemRules.Violation("EFFECTIVE_DATE_TOO_FAR", "effectiveFrom",
                    "生效日期不能晚于审核通过之日起一年"));
        }
        return List.of();
    }
}
