package cn.chengxin.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The audit administrator's view of the log: newest first, filtered by action, actor or result. */
@Service
public class AuditEvents {

    private final JdbcClient jdbc;

    AuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Event(long seq, Instant at, AuditCategory category, String actorKind, String actorName,
                        String organisation, String action, boolean concernsSubject, String purpose,
                        AuditResult result, String requestId, String detail) {
    }

    public record Page(List<Event> events, long total) {
    }

    public Page recent(String actionPrefix, String actor, AuditResult result, int limit) {
        String where = " WHERE (?::text IS NULL OR action LIKE ? || '%') AND (?::text IS NULL OR actor_name = ?)"
                + " AND (?::text IS NULL OR result = ?)";
        String action = blankToNull(actionPrefix);
        String who = blankToNull(actor);
        String outcome = result == null ? null : result.name();
        List<Event> events = jdbc.sql("""
                        SELECT seq, at, category, actor_kind, actor_name, organisation, action,
                               subject_pseudonym IS NOT NULL, purpose, result, request_id, detail
                        FROM audit.event""" + where + " ORDER BY seq DESC LIMIT ?")
                .params(action, action, who, who, outcome, outcome, limit)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        AuditCategory.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getBoolean(8), rs.getString(9), AuditResult.valueOf(rs.getString(10)),
                        rs.getString(11), rs.getString(12)))
                .list();
        long total = jdbc.sql("SELECT coalesce(max(seq) + 1, 0) FROM audit.event").query(Long.class).single();
        return new Page(events, total);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
