package cn.chengxin.measures;

import java.util.EnumSet;
import java.util.Set;

import cn.chengxin.listing.ListType;

/**
 * The kinds of measures in the national base list (全国失信惩戒措施基础清单) and the incentives, each with the lists it
 * may follow (RULES.md §7): measures that reduce rights or add duties, and market and industry measures, only the
 * black list (严重失信主体名单) — the grey list's measures must not reduce rights; management measures (closer
 * supervision, warning talks) the grey and black lists; incentives only the red list.
 */
public enum MeasureKind {
    RIGHTS_REDUCING("减损权益或增加义务的惩戒措施", EnumSet.of(ListType.BLACK)),
    MANAGEMENT("管理性措施", EnumSet.of(ListType.GREY, ListType.BLACK)),
    MARKET("市场性、行业性措施", EnumSet.of(ListType.BLACK)),
    INCENTIVE("守信激励措施", EnumSet.of(ListType.RED));

    private final String label;
    private final Set<ListType> lists;

    MeasureKind(String label, Set<ListType> lists) {
        this.label = label;
        this.lists = lists;
    }

    public String label() {
        return label;
    }

    /** Whether a measure of this kind may follow entries on {@code list}. */
    public boolean mayFollow(ListType list) {
        return lists.contains(list);
    }

    /** Only incentives are granted for a clean record (three years without a negative record, RULES.md §7). */
    public boolean mayRewardCleanRecord() {
        return this == INCENTIVE;
    }
}
