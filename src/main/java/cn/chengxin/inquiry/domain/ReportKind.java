package cn.chengxin.inquiry.domain;

/** The kinds of credit report (RULES.md §9). */
public enum ReportKind {
    /** 个人信用报告（本人版）: everything about the person, free twice a year. */
    SELF_FULL("个人信用报告（本人查询版）"),
    /** 授权查询信用报告: for an institution the person authorised, public and authorised-query items only. */
    AUTHORISED("个人信用报告（授权查询版）"),
    /** 职业信用报告: qualifications and occupation-related records, for the key occupational groups. */
    OCCUPATIONAL("职业信用报告"),
    /** 政务查询信用报告: for a state organ within its statutory duty, public and government-shared items. */
    GOVERNMENT("个人信用报告（政务查询版）");

    private final String title;

    ReportKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
