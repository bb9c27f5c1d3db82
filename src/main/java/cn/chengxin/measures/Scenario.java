package cn.chengxin.measures;

/** Business scenarios where a department checks a subject (RULES.md §7, "应查必查"). */
public enum Scenario {
    LICENSING("行政许可"), HIRING("招录聘用"), TITLES("职称评定"), AWARDS("评优评先"), BIDDING("政府采购与公共资源交易"),
    FUNDING("政府资金支持"), TRAVEL("乘坐飞机、列车"), CONSUMPTION("高消费"), EXECUTIVE("任职资格"),
    INSPECTION("监管检查"), SOCIAL_SERVICE("公共服务");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
