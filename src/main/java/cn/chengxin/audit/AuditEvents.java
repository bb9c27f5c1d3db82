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
     * none older). A page that looked for checks over a bounded range of the log ({@link #CHECK_WINDOW}) may hold
     * fewer events than asked while older ones remain: its {@code olderBefore} is then the bottom of that range.
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
        // a page that looked for checks in a bounded range and did not fill goes on below that range
        // boxed on both sides: a conditional of long and Long unboxes, and a page with no bounded walk has none
        Long older = events.size() > limit ? Long.valueOf(events.get(limit - 1).seq()) : statement.lookedFrom();
        long total = jdbc.sql("SELECT coalesce(max(seq) + 1, 0) FROM audit.event").query(Long.class).single();
        return new Page(events.size() > limit ? events.subList(0, limit) : events, total, older);
    }

    /**
     * The action of the check API's event ({@code measures.Checks}): most of a city's log (issue #5: 10,000 a second),
     * and kept, and searched, in the checks' own table besides. The viewer's indexes of actor and action leave it out
     * (V447, V448), which saves every audited check two index entries and their WAL records (session xxxvii).
     */
    public static final String CHECK_ACTION = "measures.check";

    /** The predicate of those two partial indexes, word for word, so that the planner sees it implied. */
    private static final String NOT_A_CHECK = "action <> '" + CHECK_ACTION + "'";

    /**
     * At most how many positions of the log one page walks by the primary key for checks, which no index of actor or
     * action holds: a bounded walk (a few tens of milliseconds) however long the log. Where checks are most of the log,
     * as at a city's size, a page fills long before; otherwise it may come back short, with its link to older events
     * starting below the range it walked.
     */
    static final long CHECK_WINDOW = 100_000;

    /**
     * The viewer's statement, its parameters, and the lowest position it looked at when it walked a bounded range of
     * the log for checks and positions below remain (null: it looked as far back as the query asks).
     */
    record Statement(String sql, List<Object> params, Long lookedFrom) {
    }

    private static final String COLUMNS = """
            SELECT seq, at, category, actor_kind, actor_name, organisation, action,
                   subject_pseudonym IS NOT NULL, purpose, result, request_id, detail
            FROM audit.event""";

    /**
     * The statement for {@code q} names only the filters given, each in the form its index serves (gaps review xxxv
     * P3; V416–V418, V447–V448): the actor by {@code event_by_actor_but_checks}, an action or a group of them by
     * {@code event_by_action_but_checks} (under the "C" collation, as the index), a refusal or an error by
     * {@code event_not_succeeded}, a subject by {@code event_by_subject_hash} (V951: the pseudonym's hash, the
     * pseudonym confirming it); a period becomes a range of {@code seq} as well ({@link #seqBounds}), so that it narrows
     * each of those indexes and the primary key, whose walk serves a period alone. The indexes of actor and action leave
     * the checks out ({@link #CHECK_ACTION}): a search by actor or action that cannot match a check names their
     * predicate; one that asks for the check action walks the primary key, and
     * one that may match both (an actor alone, the group {@code measures.}) is the union of the index's part and the
     * checks' walk, merged by position; a walk for checks covers at most {@link #CHECK_WINDOW} positions a page. A
     * subject or a refusal or an error is served by an index that holds the checks as well. Newest first, by key: a
     * page after the first asks for events older than its {@code before}, never with an offset.
     */
    Statement statement(Query q, int limit) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        String action = blankToNull(q.action());
        boolean group = action != null && action.endsWith(".");
        if (group) {
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
            // V951's index of the pseudonym's hash finds the subject's events; the pseudonym confirms each
            where.append(" AND hashtextextended(subject_pseudonym, 0) = hashtextextended(?, 0)"
                    + " AND subject_pseudonym = ?");
            params.add(subject);
            params.add(subject);
        }
        long lowest = 0;
        Long highest = null;
        if (q.from() != null) {
            lowest = seqBounds(q.from()).atOrAfter();
            where.append(" AND at >= ? AND seq >= ?");
            params.add(Timestamp.from(q.from()));
            params.add(lowest);
        }
        if (q.to() != null) {
            highest = seqBounds(q.to()).before();
            where.append(" AND at < ? AND seq < ?");
            params.add(Timestamp.from(q.to()));
            params.add(highest);
        }
        if (q.before() != null) {
            where.append(" AND seq < ?");
            params.add(q.before());
            highest = highest == null ? q.before() : Math.min(highest, q.before());
        }
        boolean servedWithChecks = subject != null || (q.result() != null && q.result() != AuditResult.SUCCESS);
        boolean checksApart = !servedWithChecks && (action != null || who != null);
        boolean mayBeACheck = action == null || (group ? CHECK_ACTION.startsWith(action) : action.equals(CHECK_ACTION));
        if (!checksApart) {
            params.add(limit + 1);
            return new Statement(COLUMNS + where + " ORDER BY seq DESC LIMIT ?", params, null);
        }
        if (!mayBeACheck) {
            params.add(limit + 1);
            return new Statement(COLUMNS + where + " AND " + NOT_A_CHECK + " ORDER BY seq DESC LIMIT ?", params,
                    null);
        }
        // the checks: a walk of the primary key over at most CHECK_WINDOW positions below the page's top
        long top = highest != null ? highest
                : jdbc.sql("SELECT coalesce(max(seq) + 1, 0) FROM audit.event").query(Long.class).single();
        long from = Math.max(lowest, top - CHECK_WINDOW);
        where.append(" AND seq >= ?");
        params.add(from);
        Long lookedFrom = from > lowest ? from : null;
        if (!group && action != null) {
            params.add(limit + 1);
            return new Statement(COLUMNS + where + " ORDER BY seq DESC LIMIT ?", params, lookedFrom);
        }
        // both: the index's events besides the checks, and the checks, merged by position
        List<Object> both = new ArrayList<>(params);
        both.addAll(params);
        both.add(limit + 1);
        return new Statement(COLUMNS + where + " AND " + NOT_A_CHECK + "\nUNION ALL\n" + COLUMNS + where
                + " AND action = '" + CHECK_ACTION + "' ORDER BY seq DESC LIMIT ?", both, lookedFrom);
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
