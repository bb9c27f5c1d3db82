package cn.chengxin.shared.security;

/**
 * Why a staff member looks a person up: a closed list, each with the duty it rests on (RULES.md §9: state
 * organs query within statutory duties, purpose logged). The purpose and basis go into the audit log and
 * so into the person's "谁查询了我".
 */
public enum StaffQueryPurpose {

    ADMINISTRATIVE_LICENSING("行政许可审查", "《行政许可法》；国办发〔2016〕98号 信用核查"),
    JOINT_MEASURES("联合奖惩核查", "国办发〔2016〕98号 联合奖惩"),
    OBJECTION_HANDLING("异议处理核实", "信用信息异议处理规定"),
    CREDIT_REPAIR("信用修复审核", "信用修复管理办法"),
    DATA_QUALITY("数据质量核查", "公共信用信息归集管理规定");

    private final String label;
    private final String legalBasis;

    StaffQueryPurpose(String label, String legalBasis) {
        this.label = label;
        this.legalBasis = legalBasis;
    }

    public String label() {
        return label;
    }

    public String legalBasis() {
        return legalBasis;
    }
}
