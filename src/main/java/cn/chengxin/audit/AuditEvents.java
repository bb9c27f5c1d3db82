package cn.chengxin.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        Statement statement = statement(q, limit);
        List<Event> events = jdbc.sql(statement.sql()).params(statement.params())
                .query((rs, n) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        AuditCategory.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getBoolean(8), rs.getString(9), AuditResult.valueOf(rs.getString(10)),
                        rs.getString(11), rs.getString(12)))
                .list();
        Long older = events.size() > limit ? events.get(limit - 1).seq() : null;
        long total = jdbc.sql("SELECT coalesce(max(seq) + 1, 0) FROM audit.event").query(Long.class).single();
        return new Page(events.size() > limit ? events.subList(0, limit) : events, total, older);
    }

    /** The viewer's statement and its parameters. */
    record Statement(String sql, List<Object> params) {
    }

    /**
     * The statement for {@code q} names only the filters given, each in the form its index serves (gaps review xxxv
     * P3; V416–V418): the actor by {@code event_by_actor}, an action or a group of them by {@code event_by_action}
     * (under the "C" collation, as the index), a refusal or an error by {@code event_not_succeeded}, a subject by
     * {@code event_by_subject}; a period becomes a range of {@code seq} as well ({@link #seqBounds}), so that it narrows
     * each of those indexes and the primary key, whose walk serves a period alone. Newest first, by key: a page after
     * the first asks for events older than its {@code before}, never with an offset.
     */
    Statement statement(Query q, int limit) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        String action = blankToNull(q.action());
        if (action != null && action.endsWith(".")) {
            // every action of the group: those that start with its prefix, the "C" order's range [prefix, prefix')
            where.append(" AND action COLLATE \"C\" >= ? AND action COLLATE \"C\" < ?");
            params.add(action);
            params.add(action.substring(0, action.length() - 1) + (char) ('.' + 1));
        } else if (action != null) {
            where.append(" AND action COLLATE \"C\" = ?");
            params.add(action);
        }
        String who = blankToNull(q.actor());
        if (who != null) {
            where.append(" AND actor_name = ?");
            params.add(who);
        }
        if (q.result() != null) {
            // the enum's name, written into the statement: a refusal or an error then implies the partial index's
            // predicate for the planner, whatever plan the driver's prepared statement settles on
            where.append(" AND result = '").append(q.result().name()).append('\'');
            if (q.result() != AuditResult.SUCCESS) {
                where.append(" AND result <> 'SUCCESS'");
            }
        }
        String subject = blankToNull(q.subjectPseudonym());
        if (subject != null) {
            where.append(" AND subject_pseudonym = ?");
            params.add(subject);
        }
        if (q.from() != null) {
            where.append(" AND at >= ? AND seq >= ?");
            params.add(Timestamp.from(q.from()));
            params.add(seqBounds(q.from()).atOrAfter());
        }
        if (q.to() != null) {
            where.append(" AND at < ? AND seq < ?");
            params.add(Timestamp.from(q.to()));
            params.add(seqBounds(q.to()).before());
        }
        if (q.before() != null) {
            where.append(" AND seq < ?");
            params.add(q.before());
        }
        params.add(limit + 1);
        return new Statement("""
                SELECT seq, at, category, actor_kind, actor_name, organisation, action,
                       subject_pseudonym IS NOT NULL, purpose, result, request_id, detail
                FROM audit.event""" + where + " ORDER BY seq DESC LIMIT ?", params);
    }

    /**
     * How far an event's time may run behind an earlier event's: its time is read when it is recorded, its position
     * given when the group commit writes it (at most {@link AuditLog#LONGEST_WAIT} later), and the instances' clocks
     * may differ by {@link AuditVerification#CLOCK_SKEW}.
     */
    static final java.time.Duration DISORDER = AuditVerification.CLOCK_SKEW.plus(AuditLog.LONGEST_WAIT);

    /**
     * Where the events of time {@code t} lie in the log: no event before {@code atOrAfter} was recorded at or after
     * {@code t}, none from {@code before} on was recorded before it. Events are appended nearly in time order (out of
     * it by at most {@link #DISORDER}), so a binary search over the primary key finds both in some thirty reads of one
     * row each; the statement keeps its condition on the time as well, so the bounds need only be safe, not tight.
     */
    SeqBounds seqBounds(Instant t) {
        long end = jdbc.sql("SELECT coalesce(max(seq) + 1, 0) FROM audit.event").query(Long.class).single();
        Instant early = t.minus(DISORDER);
        Instant late = t.plus(DISORDER);
        // the lowest: past every event recorded before t - DISORDER, each of which has only events before t below it
        long lo = 0;
        long hi = end;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            Optional<Probe> p = probe(mid);
            if (p.isPresent() && p.get().at().isBefore(early)) {
                lo = p.get().seq() + 1;
            } else {
                hi = mid;
            }
        }
        long atOrAfter = lo;
        // the highest: where the next event is recorded at t + DISORDER or later (or none is), every event from there
        // on is at t or later
        lo = atOrAfter;
        hi = end;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            Optional<Probe> p = probe(mid);
            if (p.isEmpty() || !p.get().at().isBefore(late)) {
                hi = mid;
            } else {
                lo = p.get().seq() + 1;
            }
        }
        return new SeqBounds(atOrAfter, hi);
    }

    /** Positions in the log around a time: see {@link #seqBounds}. */
    record SeqBounds(long atOrAfter, long before) {
    }

    private record Probe(long seq, Instant at) {
    }

    /** The first event at or after position {@code seq} (one row of the primary key). */
    private Optional<Probe> probe(long seq) {
        return jdbc.sql("SELECT seq, at FROM audit.event WHERE seq >= ? ORDER BY seq LIMIT 1").param(seq)
                .query((rs, n) -> new Probe(rs.getLong(1), rs.getTimestamp(2).toInstant())).optional();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
