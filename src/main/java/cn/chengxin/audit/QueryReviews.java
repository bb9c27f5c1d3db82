package cn.chengxin.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.domain.QueryReviewRule;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 查询审查, the review half of "query use registration and review" (RULES.md §10; 国办发〔2016〕98号 四(一), finding L5):
 * for a period, the staff's queries about people counted per staff member and per department by purpose, the patterns
 * {@link QueryReviewRule} flags, the flagged queries themselves, and the reviews the auditor recorded. It reads the
 * query events the modules audit (a staff member's successful {@code QUERY} events about a subject: reports issued by
 * 政务查询 with their 案号, files, lists and cases opened); each figure is one grouping over the period's rows, found by
 * the partial index V297 keeps on the staff's query events only.
 */
@Service
public class QueryReviews {

    /** The longest period one page reviews: the counts stay a grouping over at most a year of staff queries. */
    public static final Duration LONGEST_PERIOD = Duration.ofDays(366);
    /** The flagged queries a page lists, newest first. */
    public static final int LISTED = 200;
    public static final int CONCLUSION_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final QueryReviewRule rule;

    QueryReviews(JdbcClient jdbc, AuditLog audit, Clock clock,
                 @Value("${chengxin.audit.query-review.subjects-per-day:30}") int subjectsPerDay,
                 @Value("${chengxin.audit.query-review.subjects-per-case:10}") int subjectsPerCase,
                 @Value("${chengxin.audit.query-review.working-hours-start:08:00}") LocalTime workStart,
                 @Value("${chengxin.audit.query-review.working-hours-end:19:00}") LocalTime workEnd) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.rule = new QueryReviewRule(subjectsPerDay, subjectsPerCase, workStart, workEnd);
    }

    public QueryReviewRule rule() {
        return rule;
    }

    /** Queries and distinct people looked up, by one staff member (or, with no actor, one department) and purpose. */
    public record Count(String actorId, String actorName, String organisation, String purpose, long queries,
                        long subjects) {
    }

    /** A staff member who looked up more people in one day than the rule allows. */
    public record BusyDay(String actorName, String organisation, LocalDate day, long subjects) {
    }

    /** A 案号 a department gave for more people than the rule allows, and who gave it. */
    public record SharedCase(String organisation, String caseReference, String actorNames, long subjects) {
    }

    /** A staff member's queries outside working hours. */
    public record OffHours(String actorName, String organisation, long queries, long subjects) {
    }

    /** One flagged query, without the person: the event's number, when, who, what, why, and which flags it raised. */
    public record Flagged(long seq, Instant at, String actorName, String organisation, String action, String purpose,
                          String caseReference, boolean busyDay, boolean sharedCase, boolean offHours) {
    }

    /** What a period's review shows: the counts, the flags, the flagged queries (newest {@link #LISTED}). */
    public record Summary(LocalDate from, LocalDate to, long queries, long subjects, List<Count> byStaff,
                          List<Count> byDepartment, List<BusyDay> busyDays, List<SharedCase> sharedCases,
                          List<OffHours> offHours, long flaggedQueries, List<Flagged> flagged) {
    }

    /** A review the auditor recorded: the period, the flagged queries it saw, the conclusion, who and when. */
    public record Review(UUID id, LocalDate from, LocalDate to, long flaggedQueries, String conclusion,
                         String reviewerName, Instant reviewedAt) {
    }

    /**
     * The staff's successful queries about people recorded in [from, to] (the platform's days): the purpose without
     * its 案号, the 案号 of a 政务查询 (stored as {@code 政务查询：用途（案号）}), the platform's day and time.
     */
    private static final String QUERIES = """
            WITH q AS (
                SELECT seq, at, actor_id, actor_name, organisation, action, subject_pseudonym,
                       split_part(coalesce(purpose, ''), '（', 1) AS purpose,
                       substring(purpose FROM '^政务查询：[^（]*（(.*)）$') AS case_ref,
                       (at AT TIME ZONE ?)::date AS day,
                       ((at AT TIME ZONE ?)::time < ?::time OR (at AT TIME ZONE ?)::time >= ?::time) AS off_hours
                FROM audit.event
                WHERE category = 'QUERY' AND actor_kind = 'STAFF' AND subject_pseudonym IS NOT NULL
                  AND result = 'SUCCESS' AND at >= ? AND at < ?)
            """;

    private static final String FLAGGED = """
            , busy AS (SELECT actor_id, day FROM q GROUP BY actor_id, day HAVING count(DISTINCT subject_pseudonym) > ?),
              cases AS (SELECT organisation, case_ref FROM q WHERE case_ref IS NOT NULL GROUP BY organisation, case_ref
                        HAVING count(DISTINCT subject_pseudonym) > ?),
              f AS (SELECT q.*, b.actor_id IS NOT NULL AS busy_day, c.case_ref IS NOT NULL AS shared_case
                    FROM q LEFT JOIN busy b ON b.actor_id = q.actor_id AND b.day = q.day
                           LEFT JOIN cases c ON c.organisation = q.organisation AND c.case_ref = q.case_ref)
            """;

    @Transactional(readOnly = true)
    public Summary summarise(LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        Object[] period = period(from, to);
        List<Count> byStaff = jdbc.sql(QUERIES + """
                        SELECT actor_id, max(actor_name), max(organisation), purpose, count(*),
                               count(DISTINCT subject_pseudonym)
                        FROM q GROUP BY actor_id, purpose ORDER BY count(DISTINCT subject_pseudonym) DESC, 2, 4""")
                .params(period)
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6))).list();
        List<Count> byDepartment = jdbc.sql(QUERIES + """
                        SELECT organisation, purpose, count(*), count(DISTINCT subject_pseudonym)
                        FROM q GROUP BY organisation, purpose ORDER BY count(DISTINCT subject_pseudonym) DESC, 1, 2""")
                .params(period)
                .query((rs, n) -> new Count(null, null, rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4))).list();
        long[] totals = jdbc.sql(QUERIES + "SELECT count(*), count(DISTINCT subject_pseudonym) FROM q")
                .params(period).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<BusyDay> busyDays = jdbc.sql(QUERIES + """
                        SELECT max(actor_name), max(organisation), day, count(DISTINCT subject_pseudonym) FROM q
                        GROUP BY actor_id, day HAVING count(DISTINCT subject_pseudonym) > ?
                        ORDER BY 4 DESC, 3""")
                .params(with(period, rule.subjectsPerDay()))
                .query((rs, n) -> new BusyDay(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4))).list();
        List<SharedCase> sharedCases = jdbc.sql(QUERIES + """
                        SELECT organisation, case_ref, string_agg(DISTINCT actor_name, '、'),
                               count(DISTINCT subject_pseudonym)
                        FROM q WHERE case_ref IS NOT NULL GROUP BY organisation, case_ref
                        HAVING count(DISTINCT subject_pseudonym) > ? ORDER BY 4 DESC, 1, 2""")
                .params(with(period, rule.subjectsPerCase()))
                .query((rs, n) -> new SharedCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
        List<OffHours> offHours = jdbc.sql(QUERIES + """
                        SELECT max(actor_name), max(organisation), count(*), count(DISTINCT subject_pseudonym) FROM q
                        WHERE off_hours GROUP BY actor_id ORDER BY 3 DESC, 1""")
                .params(period)
                .query((rs, n) -> new OffHours(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
        Object[] flaggedParams = with(with(period, rule.subjectsPerDay()), rule.subjectsPerCase());
        long flaggedQueries = jdbc.sql(QUERIES + FLAGGED
                        + "SELECT count(*) FROM f WHERE busy_day OR shared_case OR off_hours")
                .params(flaggedParams).query(Long.class).single();
        List<Flagged> flagged = jdbc.sql(QUERIES + FLAGGED + """
                        SELECT seq, at, actor_name, organisation, action, purpose, case_ref, busy_day, shared_case,
                               off_hours
                        FROM f WHERE busy_day OR shared_case OR off_hours ORDER BY seq DESC LIMIT ?""")
                .params(with(flaggedParams, LISTED))
                .query((rs, n) -> new Flagged(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                        rs.getBoolean(9), rs.getBoolean(10))).list();
        return new Summary(from, to, totals[0], totals[1], byStaff, byDepartment, busyDays, sharedCases, offHours,
                flaggedQueries, flagged);
    }

    /**
     * Records that the signed-in auditor reviewed [from, to]: the review row commits with its audit event
     * ({@code audit.query-review}), so that no review is kept unaudited. The conclusion is stored with anything shaped
     * like an identity number masked (RULES.md §10).
     *
     * @throws AuditProblem {@code QUERY_REVIEW_PERIOD} for a period that does not read, {@code QUERY_REVIEW_CONCLUSION}
     *                      for a missing or overlong conclusion
     */
    public Review record(LocalDate from, LocalDate to, String conclusion) {
        requirePeriod(from, to);
        // a NUL would fail the group commit the row shares with others' events (the web layer refuses it first)
        if (conclusion == null || conclusion.isBlank() || conclusion.strip().length() > CONCLUSION_LENGTH
                || cn.chengxin.shared.web.ControlCharacters.in(conclusion)) {
            throw new AuditProblem("QUERY_REVIEW_CONCLUSION", "须填写审查结论（不超过 " + CONCLUSION_LENGTH + " 字）");
        }
        long flaggedQueries = summarise(from, to).flaggedQueries();
        Actor reviewer = AuditLog.currentActor();
        Review review = new Review(Ids.newId(), from, to, flaggedQueries,
                IdentityRedaction.redact(conclusion.strip()), reviewer.actorName(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "audit.query-review")
                .detail(AuditDetail.of("QUERY_REVIEW_RECORDED").with("from", from).with("to", to)
                        .with("flagged", flaggedQueries).with("conclusion", review.conclusion())),
                REVIEW_ROWS, new Row(review, reviewer.actorId()));
        return review;
    }

    /** The recorded reviews, newest first. */
    @Transactional(readOnly = true)
    public List<Review> reviews(int limit) {
        return jdbc.sql("""
                        SELECT id, period_from, period_to, flagged_queries, conclusion, reviewer_name, reviewed_at
                        FROM audit.query_review ORDER BY reviewed_at DESC, id LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new Review(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant())).list();
    }

    /**
     * The month whose review is due (工作台, finding L5): the previous month, while no recorded review covers it
     * whole. Reviews are monthly; a longer period that covers the month counts.
     */
    @Transactional(readOnly = true)
    public Optional<YearMonth> due() {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        boolean reviewed = jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit.query_review WHERE period_from <= ? AND "
                        + "period_to >= ?)").params(last.atDay(1), last.atEndOfMonth()).query(Boolean.class).single();
        return reviewed ? Optional.empty() : Optional.of(last);
    }

    private void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)
                || Duration.ofDays(to.toEpochDay() - from.toEpochDay() + 1).compareTo(LONGEST_PERIOD) > 0
                || to.isAfter(LocalDate.now(clock))) {
            throw new AuditProblem("QUERY_REVIEW_PERIOD", "审查期间须为不晚于今天、不超过一年的起止日期");
        }
    }

    /** The parameters of {@link #QUERIES}: zone, working hours, and [from, to] as instants of the platform's days. */
    private Object[] period(LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        String start = rule.workStart().toString();
        String end = rule.workEnd().toString();
        return new Object[] {zone.getId(), zone.getId(), start, zone.getId(), end,
                Timestamp.from(from.atStartOfDay(zone).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant())};
    }

    private static Object[] with(Object[] params, Object more) {
        Object[] all = java.util.Arrays.copyOf(params, params.length + 1);
        all[params.length] = more;
        return all;
    }

    private record Row(Review review, String reviewerId) {
    }

    private static final AuditedRows<Row> REVIEW_ROWS = new AuditedRows<>() {

        @Override
        public String sql() {
            return """
                    INSERT INTO audit.query_review (id, period_from, period_to, flagged_queries, conclusion,
                                                    reviewer_id, reviewer_name, reviewed_at)
                    SELECT * FROM unnest(?::uuid[], ?::date[], ?::date[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                                         ?::timestamptz[])""";
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int first, List<Row> rows) throws SQLException {
            int n = first;
            ps.setArray(n++, c.createArrayOf("uuid", rows.stream().map(r -> r.review().id()).toArray()));
            ps.setArray(n++, c.createArrayOf("date", rows.stream().map(r -> java.sql.Date.valueOf(r.review().from()))
                    .toArray()));
            ps.setArray(n++, c.createArrayOf("date", rows.stream().map(r -> java.sql.Date.valueOf(r.review().to()))
                    .toArray()));
            ps.setArray(n++, c.createArrayOf("bigint", rows.stream().map(r -> r.review().flaggedQueries()).toArray()));
            ps.setArray(n++, c.createArrayOf("text", rows.stream().map(r -> r.review().conclusion()).toArray()));
            ps.setArray(n++, c.createArrayOf("text", rows.stream().map(Row::reviewerId).toArray()));
            ps.setArray(n++, c.createArrayOf("text", rows.stream().map(r -> r.review().reviewerName()).toArray()));
            ps.setArray(n++, c.createArrayOf("timestamptz", rows.stream()
                    .map(r -> Timestamp.from(r.review().reviewedAt())).toArray()));
            return n;
        }
    };
}
