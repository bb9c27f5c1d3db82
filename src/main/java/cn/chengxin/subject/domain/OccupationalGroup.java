package cn.chengxin.subject.domain;

/**
 * 重点职业人群: the key occupational groups that get their own credit files (RULES.md §1; the seed plans
 * of Zhenjiang, Huangshi and Panzhihua list them, Panzhihua about thirty).
 */
public enum OccupationalGroup {
    CIVIL_SERVANT("公务员"),
    ENTERPRISE_LEGAL_REPRESENTATIVE("企业法定代表人"),
    LAWYER("律师"),
    NOTARY("公证员"),
    JUDICIAL_APPRAISER("司法鉴定人员"),
    TEACHER("教师"),
    RESEARCHER("科研人员"),
    DOCTOR("医师"),
    NURSE("护士"),
    LICENSED_PHARMACIST("执业药师"),
    ASSESSOR("评估师"),
    TAX_AGENT("税务师"),
    REGISTERED_FIRE_ENGINEER("注册消防工程师"),
    CONSTRUCTOR("建造师"),
    SUPERVISING_ENGINEER("监理工程师"),
    ACCOUNTANT("会计人员"),
    AUDITOR("审计人员"),
    REAL_ESTATE_AGENT("房地产中介从业人员"),
    CERTIFICATION_STAFF("认证人员"),
    FINANCE_STAFF("金融从业人员"),
    SECURITIES_STAFF("证券从业人员"),
    INSURANCE_STAFF("保险从业人员"),
    STATISTICIAN("统计从业人员"),
    PATENT_AGENT("专利代理师"),
    CUSTOMS_BROKER("报关从业人员"),
    TOUR_GUIDE("导游"),
    COURIER("快递从业人员"),
    TAXI_DRIVER("出租车驾驶员"),
    JOURNALIST("新闻媒体从业人员"),
    HOUSEKEEPING_STAFF("家政服务人员");

    private final String label;

    OccupationalGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The group whose label this is (as a catalogue item's choice field carries it); empty for any other text. */
    public static java.util.Optional<OccupationalGroup> ofLabel(String label) {
        return java.util.Arrays.stream(values()).filter(g -> g.label.equals(label)).findFirst();
    }
}
