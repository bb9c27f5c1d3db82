package cn.chengxin.catalog.domain;

/** Categories of public credit information (RULES.md §2; 全国公共信用信息基础目录). */
public enum Category {
    REGISTRATION("登记注册信息"),
    JUDICIAL("司法裁判及执行信息"),
    ADMINISTRATIVE_LICENSING("行政许可信息"),
    ADMINISTRATIVE_PENALTY("行政处罚信息"),
    ADMINISTRATIVE_COMPULSION("行政强制信息"),
    ADMINISTRATIVE_CONFIRMATION("行政确认信息"),
    ADMINISTRATIVE_LEVY("行政征收信息"),
    ADMINISTRATIVE_PAYMENT("行政给付信息"),
    ADMINISTRATIVE_RULING("行政裁决信息"),
    ADMINISTRATIVE_COMPENSATION("行政补偿信息"),
    ADMINISTRATIVE_REWARD("行政奖励信息"),
    ADMINISTRATIVE_INSPECTION("行政检查信息"),
    QUALIFICATION("职业资格信息"),
    ABNORMAL_LIST("经营异常名录信息"),
    SERIOUS_DISHONESTY_LIST("严重失信主体名单信息"),
    CONTRACT_PERFORMANCE("合同履行信息"),
    CREDIT_COMMITMENT("信用承诺及履约信息"),
    CREDIT_EVALUATION("信用评价信息"),
    HONOUR("表彰荣誉、志愿服务、献血、慈善捐赠、见义勇为信息"),
    SELF_DECLARED("主体自愿提供的信息");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
