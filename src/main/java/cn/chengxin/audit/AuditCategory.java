package cn.chengxin.audit;

/**
 * Retention classes (RULES.md §10): security events (logins, permission changes) at least 180 days,
 * processing records at least 3 years (PIPL Art. 56), queries of personal data at least 10 years.
 */
public enum AuditCategory {
    SECURITY, PROCESSING, QUERY
}
