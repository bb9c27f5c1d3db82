package cn.chengxin.measures;

/** The kinds of measures in the national base list (全国失信惩戒措施基础清单) and the incentives. */
public enum MeasureKind {
    RIGHTS_REDUCING("减损权益或增加义务的惩戒措施"), MANAGEMENT("管理性措施"), MARKET("市场性、行业性措施"),
    INCENTIVE("守信激励措施");

    private final String label;

    MeasureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
