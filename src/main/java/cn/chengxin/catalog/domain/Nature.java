package cn.chengxin.catalog.domain;

/** The nature of the information (RULES.md §2): basic, good (守信), negative (失信) or neutral. */
public enum Nature {
    BASIC("基础信息"), GOOD("守信信息"), NEGATIVE("失信信息"), NEUTRAL("其他信息");

    private final String label;

    Nature(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
