package cn.chengxin.catalog.domain;

/** How often the providing department delivers the item. */
public enum UpdateCycle {
    REAL_TIME("实时"), DAILY("每日"), WEEKLY("每周"), MONTHLY("每月"), QUARTERLY("每季度"), YEARLY("每年");

    private final String label;

    UpdateCycle(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
