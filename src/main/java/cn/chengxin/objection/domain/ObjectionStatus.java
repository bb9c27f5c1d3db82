package cn.chengxin.objection.domain;

/** Where an objection stands. */
public enum ObjectionStatus {
    RECEIVED("已受理"), WITH_DEPARTMENT("提供单位核查中"), DECIDED("已办结");

    private final String label;

    ObjectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this != DECIDED;
    }
}
