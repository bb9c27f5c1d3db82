package cn.chengxin.account.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.domain.RightsRequest;
import cn.chengxin.account.domain.RightsRequestChannel;
import cn.chengxin.account.domain.RightsRequestKind;
import cn.chengxin.account.domain.RightsRequestOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register of 个人信息权利请求, account.rights_request (V1010): inserted, answered once, never deleted. */
@Repository
public class JdbcRightsRequests {

    private static final String COLUMNS = "id, number, subject_id, kind, body, requested_at, due_on, outcome, answer, "
            + "reasons, answered_by, answered_at, reminded_for, escalated_at, channel, recorded_by";

    private final JdbcClient jdbc;

    public JdbcRightsRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an open request; returns its number. {@code recordedBy}: the clerk at the window, null online. */
    public long insert(UUID id, UUID subject, RightsRequestKind kind, String body, Instant at, LocalDate dueOn,
                       RightsRequestChannel channel, String recordedBy) {
        return jdbc.sql("INSERT INTO account.rights_request (id, subject_id, kind, body, requested_at, due_on, "
                        + "channel, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING number")
                .params(id, subject, kind.name(), body, Timestamp.from(at), java.sql.Date.valueOf(dueOn),
                        channel.name(), recordedBy)
                .query(Long.class).single();
    }

    /** A request recorded at the window, and whether its person has an account to read the answer in. */
    public record AtCounter(RightsRequest request, boolean account) {
    }

    /** The last {@code limit} requests recorded at the window, the latest first. */
    public List<AtCounter> atCounter(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + ", EXISTS (SELECT 1 FROM account.citizen c WHERE c.subject_id = "
                        + "r.subject_id) FROM account.rights_request r WHERE channel = 'COUNTER' "
                        + "ORDER BY requested_at DESC, number DESC LIMIT ?")
                .param(limit).query((rs, n) -> new AtCounter(request(rs, n), rs.getBoolean(17))).list();
    }

    /**
     * How many requests the person has open, counted under a lock on the person's requests so that two sent at once
     * are counted one after the other (the limit of {@link RightsRequest#MAX_OPEN}).
     */
    public int openOf(UUID subject) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 12))").param("account.rights-request:" + subject)
                .query(Object.class).single();
        return jdbc.sql("SELECT count(*) FROM account.rights_request WHERE subject_id = ? AND outcome IS NULL")
                .param(subject).query(Integer.class).single();
    }

    public Optional<RightsRequest> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account.rights_request WHERE id = ?").param(id)
                .query(JdbcRightsRequests::request).optional();
    }

    /** The person's requests, newest first. */
    public List<RightsRequest> ofSubject(UUID subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account.rights_request WHERE subject_id = ? "
                        + "ORDER BY requested_at DESC, number DESC")
                .param(subject).query(JdbcRightsRequests::request).list();
    }

    /** The open requests, the first due first. */
    public List<RightsRequest> open() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account.rights_request WHERE outcome IS NULL "
                        + "ORDER BY due_on, requested_at, number")
                .query(JdbcRightsRequests::request).list();
    }

    /** The last {@code limit} answered requests, the latest first. */
    public List<RightsRequest> recentlyAnswered(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account.rights_request WHERE outcome IS NOT NULL "
                        + "ORDER BY answered_at DESC LIMIT ?")
                .param(limit).query(JdbcRightsRequests::request).list();
    }

    /** Answers an open request; false when it was answered meanwhile. {@code reasons}: null unless it refuses. */
    public boolean answer(UUID id, RightsRequestOutcome outcome, String answer, String reasons, String by, Instant at) {
        return jdbc.sql("UPDATE account.rights_request SET outcome = ?, answer = ?, reasons = ?, answered_by = ?, "
                        + "answered_at = ? WHERE id = ? AND outcome IS NULL")
                .params(outcome.name(), answer, reasons, by, Timestamp.from(at), id).update() == 1;
    }

    /** Marks the open requests due between {@code today} and {@code soon} as reminded of that deadline; returns them. */
    public List<RightsRequest> remind(LocalDate today, LocalDate soon) {
        return jdbc.sql("UPDATE account.rights_request SET reminded_for = due_on WHERE outcome IS NULL "
                        + "AND due_on BETWEEN ? AND ? AND reminded_for IS DISTINCT FROM due_on RETURNING " + COLUMNS)
                .params(today, soon).query(JdbcRightsRequests::request).list();
    }

    /** Escalates the open requests past their deadline on {@code today} that were not yet; returns them. */
    public List<RightsRequest> escalate(LocalDate today, Instant at) {
        return jdbc.sql("UPDATE account.rights_request SET escalated_at = ? WHERE outcome IS NULL AND due_on < ? "
                        + "AND escalated_at IS NULL RETURNING " + COLUMNS)
                .params(Timestamp.from(at), today).query(JdbcRightsRequests::request).list();
    }

    /**
     * Of the requests answered from {@code from} (included) to {@code until} (excluded): how many, and how many by their
     * deadline ({@code zone}'s date); and how many open requests are past their deadline on {@code today}.
     */
    public long[] figures(Instant from, Instant until, String zone, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE answered_at >= :from AND answered_at < :until),
                               count(*) FILTER (WHERE answered_at >= :from AND answered_at < :until
                                                AND (answered_at AT TIME ZONE :zone)::date <= due_on),
                               count(*) FILTER (WHERE outcome IS NULL AND due_on < :today)
                        FROM account.rights_request""")
                .param("from", Timestamp.from(from)).param("until", Timestamp.from(until)).param("zone", zone)
                .param("today", today)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    private static RightsRequest request(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString(8);
        Timestamp answeredAt = rs.getTimestamp(12);
        Timestamp escalatedAt = rs.getTimestamp(14);
        return new RightsRequest(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class),
                RightsRequestKind.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(),
                rs.getDate(7).toLocalDate(), outcome == null ? null : RightsRequestOutcome.valueOf(outcome),
                rs.getString(9), rs.getString(10), rs.getString(11),
                answeredAt == null ? null : answeredAt.toInstant(), rs.getObject(13, LocalDate.class),
                escalatedAt == null ? null : escalatedAt.toInstant(), RightsRequestChannel.valueOf(rs.getString(15)),
                rs.getString(16));
    }
}
