package cn.chengxin.commitment.domain;

/**
 * The kinds of credit commitment (《国家发展改革委办公厅关于全面推广信用承诺制度的通知》), labelled as the catalogue
 * item 信用承诺信息 ({@code P_COMMITMENT}) records them.
 */
public enum CommitmentKind {
    /** 告知承诺: a commitment in place of proving a licensing condition. */
    APPROVAL_SUBSTITUTE("审批替代型"),
    /** 容缺受理: a missing document supplied later, as promised. */
    TOLERANCE("容缺受理型"),
    /** 信用修复: given with a repair application. */
    REPAIR("信用修复型"),
    /** 行业自律. */
    SELF_DISCIPLINE("行业自律型"),
    /** 主动承诺, e.g. on hiring (入职诚信承诺). */
    VOLUNTARY("主动型");

    private final String label;

    CommitmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
