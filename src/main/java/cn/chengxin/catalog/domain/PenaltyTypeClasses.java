package cn.chengxin.catalog.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The least severity class a decision imposing a penalty type has (RULES.md §4: classes by the act, 国办发〔2025〕22号
 * and NDRC Order No. 36), by the types of 《行政处罚法》第九条 the penalty items offer. National defaults, which the
 * platform may change per type ({@code chengxin.catalog.penalty-type-classes}): sector rules and local laws differ.
 * <p>
 * A class is a floor, not the class itself: a fine or a confiscation may be a minor penalty (简易程序) or a serious one
 * (较大数额), which the deciding department judges; a licence revoked, a business closed or a detention never is minor
 * or general. A type without a class (其他) is never refused.
 */
public final class PenaltyTypeClasses {

    /** The content field of the penalty items naming the penalty type. */
    public static final String FIELD = "penalty_type";

    private static final Map<String, Severity> NATIONAL = nationalTable();

    private final Map<String, Severity> classes;

    private PenaltyTypeClasses(Map<String, Severity> classes) {
        this.classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    }

    public static PenaltyTypeClasses nationalDefaults() {
        return new PenaltyTypeClasses(NATIONAL);
    }

    /** The national defaults with the platform's own classes in place of theirs (and for types they lack). */
    public static PenaltyTypeClasses withOverrides(Map<String, Severity> overrides) {
        Map<String, Severity> table = new LinkedHashMap<>(NATIONAL);
        overrides.forEach((type, severity) -> table.put(type.strip(), severity));
        return new PenaltyTypeClasses(table);
    }

    private static Map<String, Severity> nationalTable() {
        Map<String, Severity> t = new LinkedHashMap<>();
        // 申诫罚 and 财产罚: minor at least (a warning, a small fine under 简易程序).
        for (String type : new String[] {"警告", "通报批评", "罚款", "没收违法所得", "没收非法财物"}) {
            t.put(type, Severity.MINOR);
        }
        // 资格罚 that suspends or lowers: general at least.
        t.put("暂扣许可证件", Severity.GENERAL);
        t.put("降低资质等级", Severity.GENERAL);
        // 资格罚 that ends, 行为罚 and 人身罚: serious.
        for (String type : new String[] {"吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业",
                "行政拘留"}) {
            t.put(type, Severity.SERIOUS);
        }
        return t;
    }

    public Optional<Severity> classOf(String penaltyType) {
        return penaltyType == null ? Optional.empty() : Optional.ofNullable(classes.get(penaltyType.strip()));
    }

    /**
     * The class of the penalty type the record's content names when it is graver than the item's severity: such a
     * record sent under a lighter item would be shown, shared and used as less than it is (a 吊销 sent as 轻微 would be
     * unpublished and unpunishable). Empty when the item has no severity or the content names no classed type.
     */
    public Optional<Severity> graverThanItem(Severity itemSeverity, Map<String, String> content) {
        if (itemSeverity == null || content == null) {
            return Optional.empty();
        }
        return classOf(content.get(FIELD)).filter(c -> c.compareTo(itemSeverity) > 0);
    }

    public Map<String, Severity> table() {
        return classes;
    }
}
