package cn.chengxin.audit;

/** How an audited action ended. */
public enum AuditResult {
    SUCCESS, DENIED, ERROR
}
