package cn.chengxin.shared.security;

/**
 * The permission codes an endpoint can require (ARCHITECTURE.md: every endpoint declares one). Roles are
 * sets of these codes, kept by the security administrator; a code names one thing a person may do. Later
 * modules add their codes here so that the role editor lists every code the platform knows.
 */
public enum Permission {

    CONSOLE_HOME("console:home", "进入管理后台"),
    SUBJECT_READ("subject:read", "查询信用主体"),
    SUBJECT_AMEND("subject:amend", "提出补全信用主体出生日期、变更信用主体名称"),
    SUBJECT_AMEND_REVIEW("subject:amend:review", "审核补全信用主体出生日期、变更信用主体名称"),
    ACCOUNT_USER_MANAGE("account:user:manage", "管理用户账号"),
    ACCOUNT_DEPARTMENT_MANAGE("account:department:manage", "管理部门"),
    ACCOUNT_API_CLIENT_MANAGE("account:apiclient:manage", "管理接口客户端"),
    ACCOUNT_ROLE_MANAGE("account:role:manage", "管理角色与权限"),
    ACCOUNT_CITIZEN_MANAGE("account:citizen:manage", "窗口核验身份后暂停或解绑市民账号"),
    AUDIT_READ("audit:read", "查阅审计日志"),
    AUDIT_VERIFY("audit:verify", "校验审计日志"),
    CATALOG_EDIT("catalog:edit", "维护信用信息目录"),
    CATALOG_APPROVE("catalog:approve", "审核启用目录事项"),
    RECORD_SUBMIT("record:submit", "报送信用信息"),
    /**
     * 报送历史数据迁移批次 (gaps review xliii X4): a batch marked {@code origin=MIGRATION}, a city's history back-loaded
     * at its cut-over, which tells nobody of the grades it moves and is not sent to the province. Held by a department
     * system's key issued for the cut-over and revoked after it; never by a department's role.
     */
    RECORD_MIGRATE("record:migrate", "报送历史数据迁移批次（切换期间）"),
    LIST_PROPOSE("list:propose", "提出名单认定建议"),
    /**
     * 接口提交名单迁移批次 (gaps review xliii X2): the API's counterpart of a list clerk's upload of the list entries the
     * older system decided, for the migration tooling of a department's system; only its own department's decisions,
     * approved by a list reviewer in the console (双人复核). Held by a department system's key issued for the cut-over
     * and revoked after it, apart from record:migrate: a key that back-loads records does not also list people.
     */
    LIST_MIGRATE("list:migrate", "接口提交名单迁移批次（切换期间）"),
    LIST_REVIEW("list:review", "审核名单"),
    MEASURE_EDIT("measure:edit", "维护名单认定规则与联合奖惩措施"),
    MEASURE_APPROVE("measure:approve", "审核名单认定规则与联合奖惩措施变更"),
    MEASURE_CASES("measure:cases", "查看联合奖惩核查与反馈案例"),
    MEASURE_LIFTED("measure:lifted", "查看并确认本部门应解除的联合奖惩措施"),
    SCORING_EDIT("scoring:edit", "维护信用评分模型与信用惠民事项"),
    SCORING_APPROVE("scoring:approve", "审核启用信用评分模型"),
    CONTENT_EDIT("content:edit", "撰写典型案例与政策文章"),
    CONTENT_PUBLISH("content:publish", "审核发布典型案例与政策文章"),
    TIPOFF_HANDLE("tipoff:handle", "处理失信举报"),
    REPAIR_DECIDE("repair:decide", "决定信用修复"),
    INQUIRY_GOVERNMENT("inquiry:government", "政务查询信用报告"),
    INQUIRY_COUNTER("inquiry:counter", "窗口查询：核验身份后为本人或其监护人出具本人信用报告、办理查询授权"),
    INQUIRY_COUNTER_REVIEW("inquiry:counter:review", "复核他人在窗口办理的多次使用或三十天以上的查询授权"),
    CALENDAR_EDIT("calendar:edit", "维护工作日历（节假日与调休）"),
    OBJECTION_HANDLE("objection:handle", "处理异议"),
    OBJECTION_ANSWER("objection:answer", "核查并答复转办的异议（提供单位）"),
    EXCHANGE_MANAGE("exchange:manage", "管理平台间信息交换"),
    EXCHANGE_APPROVE("exchange:approve", "审核导入全国名单文件（失信被执行人名单）"),
    OVERSIGHT_SUPERVISE("oversight:supervise", "部门督办与年度信用工作进展报告"),
    SELF_SERVICE("self:read", "查看本人信用信息"),
    API_SUBJECT_CHECK("api:subject:check", "接口：核查信用主体"),
    API_REPORT_QUERY("api:report:query", "接口：经授权查询个人信用报告"),
    API_BENEFITS_CHECK("api:benefits:check", "接口：信用惠民核验（本单位提供的惠民事项）");

    private final String code;
    private final String label;

    Permission(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The stable code, also the Spring Security authority name. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static java.util.Optional<Permission> ofCode(String code) {
        for (Permission p : values()) {
            if (p.code.equals(code)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }
}
