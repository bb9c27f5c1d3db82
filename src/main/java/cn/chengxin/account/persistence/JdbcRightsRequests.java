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
import cn.chengxin.account.domain.RightsRequestKind;
import cn.chengxin.account.domain.RightsRequestOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register of 个人信息权利请求, account.rights_request (V1010): inserted, answered once, never deleted. */
@Repository
public class JdbcRightsRequests {

    private static final String COLUMNS = "id, number, subject_id, kind, body, requested_at, due_on, outcome, answer, "
            + "reasons, answered_by, answered_at";

    private final JdbcClient jdbc;

    public JdbcRightsRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an open request; returns its number. */
    public long insert(UUID id, UUID subject, RightsRequestKind kind, String body, Instant at, LocalDate dueOn) {
        return jdbc.sql("INSERT INTO account.rights_request (id, subject_id, kind, body, requested_at, due_on) "
                        + "VALUES (?, ?, ?, ?, ?, ?) RETURNING number")
                .params(id, subject, kind.name(), body, Timestamp.from(at), java.sql.Date.valueOf(dueOn))
                .query(Long.class).single();
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

    private static RightsRequest request(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString(8);
        Timestamp answeredAt = rs.getTimestamp(12);
        return new RightsRequest(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class),
                RightsRequestKind.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(),
                rs.getDate(7).toLocalDate(), outcome == null ? null : RightsRequestOutcome.valueOf(outcome),
                rs.getString(9), rs.getString(10), rs.getString(11),
                answeredAt == null ? null : answeredAt.toInstant());
    }
}
