package cn.chengxin.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The auditor's view of the log: newest first, filtered by action, actor, result, subject or period, paged. */
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

    /**
     * One page of events, newest first; {@code olderBefore} is the seq to ask for the next, older page with (null:
     * none older).
     */
    public record Page(List<Event> events, long total, Long olderBefore) {
    }

    /**
     * What the auditor looks for (each null or blank: any): an action, or all of a group's when it ends in a dot
     * ({@code listing.}: every action of the lists, K7), an actor, a result, the events about
     * one subject (its pseudonym: "who looked at this person", RULES.md §10 查询使用登记和审查), those recorded in
     * [{@code from}, {@code to}), and only those older than {@code before} (paging).
     */
    public record Query(String action, String actor, AuditResult result, String subjectPseudonym, Instant from,
                        Instant to, Long before) {
    }

    public Page recent(String action, String actor, AuditResult result, int limit) {
        return search(new Query(action, actor, result, null, null, null, null), limit);
    }

    public Page search(Query q, int limit) {
        String where = " WHERE (?::text IS NULL OR action = ? OR action LIKE ? || '%')"
                + " AND (?::text IS NULL OR actor_name = ?) AND (?::text IS NULL OR result = ?) AND (?::text IS NULL OR subject_pseudonym = ?)"
                + " AND (?::timestamptz IS NULL OR at >= ?) AND (?::timestamptz IS NULL OR at < ?)"
                + " AND (?::bigint IS NULL OR seq < ?)";
        String action = blankToNull(q.action());
        String group = action != null && action.endsWith(".") ? action.replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") : null;
        String who = blankToNull(q.actor());
        String outcome = q.result() == null ? null : q.result().name();
        String subject = blankToNull(q.subjectPseudonym());
        Timestamp from = q.from() == null ? null : Timestamp.from(q.from());
        Timestamp to = q.to() == null ? null : Timestamp.from(q.to());
        List<Event> events = jdbc.sql("""
                        SELECT seq, at, category, actor_kind, actor_name, organisation, action,
                               subject_pseudonym IS NOT NULL, purpose, result, request_id, detail
                        FROM audit.event""" + where + " ORDER BY seq DESC LIMIT ?")
                .params(action, action, group, who, who, outcome, outcome, subject, subject, from, from, to, to,
                        q.before(), q.before(), limit + 1)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        AuditCategory.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getBoolean(8), rs.getString(9), AuditResult.valueOf(rs.getString(10)),
                        rs.getString(11), rs.getString(12)))
                .list();
        Long older = events.size() > limit ? events.get(limit - 1).seq() : null;
        long total = jdbc.sql("SELECT coalesce(max(seq) + 1, 0) FROM audit.event").query(Long.class).single();
        return new Page(events.size() > limit ? events.subList(0, limit) : events, total, older);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
