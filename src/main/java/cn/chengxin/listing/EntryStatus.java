package cn.chengxin.listing;

/** Where a list entry stands. Only {@link #EFFECTIVE} entries carry measures and are published as listed. */
public enum EntryStatus {
    PROPOSED("待审核"),
    NOTIFIED("已事先告知"),
    PUBLIC_NOTICE("公示中"),
    EFFECTIVE("生效"),
    REJECTED("不予认定"),
    EXITED("已移出");

    private final String label;

    EntryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this != REJECTED && this != EXITED;
    }
}
