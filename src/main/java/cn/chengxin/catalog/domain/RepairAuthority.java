package cn.chengxin.catalog.domain;

/**
 * Who decides whether an item's records are repaired (信用修复) — ended early, no longer shown or used (RULES.md §6,
 * §7). The credit platform repairs what 《信用修复管理办法》 (Order No. 36) gives it: administrative penalties and
 * the other records the departments send. A court's listing or restriction and a department's own list are ended by
 * whoever made them, under their own rules; a repair by the platform would end another authority's decision and the
 * list entries and measures resting on it. Their exit reaches the platform as that authority's revocation or list
 * update (ingestion, exchange). Derived from the item's category, which every item version has and a second person
 * approves (maker-checker), so it is versioned with the item and needs no catalogue field of its own.
 */
public enum RepairAuthority {

    /** The credit platform decides the repair (Order No. 36; RULES.md §6). */
    PLATFORM,

    /**
     * The court: a court defaulter (失信被执行人, 法释〔2017〕7号) is deleted from the court's list by the court within 3
     * working days after performance, and a consumption restriction (法释〔2015〕17号) is lifted by the court that
     * ordered it (RULES.md §7). Judicial information is the court's to end, never the platform's.
     */
    COURT,

    /**
     * The department that keeps the list, under its sector rules: the tax authority stops publishing a serious tax
     * offender early (国家税务总局令第54号), market regulation removes a company from its serious-violation list
     * (市场监督管理总局令第44号) or its abnormal-operations list (总局令第68号), the labour department from its
     * wage-arrears list — the record's providing department.
     */
    LISTING_DEPARTMENT;

    /** Judicial items are the court's, the abnormal-operations and serious-dishonesty lists their department's. */
    public static RepairAuthority of(Category category) {
        if (category == null) {
            return PLATFORM;
        }
        return switch (category) {
            case JUDICIAL -> COURT;
            case ABNORMAL_LIST, SERIOUS_DISHONESTY_LIST -> LISTING_DEPARTMENT;
            default -> PLATFORM;
        };
    }

    /** Whether the credit platform itself hears and decides repair applications for the item. */
    public boolean platform() {
        return this == PLATFORM;
    }
}
