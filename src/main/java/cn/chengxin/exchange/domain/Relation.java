package cn.chengxin.exchange.domain;

/**
 * What a partner is to this platform. The parent is pushed to and is authoritative on conflicts (RULES.md §6, §11:
 * 信用中国 is authoritative where platforms differ), so it alone may relay other platforms' messages downward; a
 * child or peer speaks only for the records it collected itself.
 */
public enum Relation {
    PARENT("上级平台"), CHILD("下级平台"), PEER("协作平台");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether messages that another platform issued may arrive through this partner. */
    public boolean mayRelay() {
        return this == PARENT;
    }
}
