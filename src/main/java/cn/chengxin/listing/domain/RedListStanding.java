package cn.chengxin.listing.domain;

import java.time.LocalDate;
import java.util.Collection;

import cn.chengxin.listing.ListType;

/**
 * Who keeps a place on the red list (RULES.md §7; the exit condition of the red rules: "出现失信记录即移出"). A
 * subject on the black or grey list is not proposed for it; a negative record in use that was decided on or after
 * the day a red entry began ends the entry; and a good record decided before the subject's last negative record
 * in use proposes nothing, so a red entry ended by a negative record is not proposed again by the same good record.
 */
public final class RedListStanding {

    private RedListStanding() {
    }

    /** A subject with an open black-list or grey-list entry is not rewarded at the same time. */
    public static boolean barredBy(Collection<ListType> openLists) {
        return openLists.contains(ListType.BLACK) || openLists.contains(ListType.GREY);
    }

    /** Whether the subject's last negative record in use ({@code lastNegative}, may be null) outweighs a good one. */
    public static boolean outweighs(LocalDate lastNegative, LocalDate goodRecordDecided) {
        return lastNegative != null && goodRecordDecided != null && !lastNegative.isBefore(goodRecordDecided);
    }

    /**
     * Whether a red entry that began on {@code began} ends by the last negative record in use. A record carries only
     * the day of its decision, so a decision on the day the entry began counts as after it: the red list errs on the
     * side of not rewarding.
     */
    public static boolean endedBy(LocalDate began, LocalDate lastNegative) {
        return lastNegative != null && !lastNegative.isBefore(began);
    }
}
