package cn.chengxin.commitment.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditedRows;
import cn.chengxin.commitment.Commitment;
import cn.chengxin.commitment.domain.CommitmentKind;
import cn.chengxin.commitment.domain.CommitmentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The commitment.commitment table. */
@Repository
public class JdbcCommitments {

    private static final String SELECT = """
            SELECT id, subject_id, kind, text, digest, reference, department_code, due, signed_by, signed_at, status,
                   breach_facts, breach_reported_at, record_refused
            FROM commitment.commitment""";

    private final JdbcClient jdbc;

    public JdbcCommitments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a commitment bound to no reference (the credit office's, signed with a repair). */
    public void insert(Commitment c) {
        insert(c, null);
    }

    /**
     * Stores a department's commitment bound to its reference (V366: one per department, subject and reference), in
     * the caller's transaction; false when the reference is bound already (a commitment sent twice at once: the second
     * waits for the first).
     */
    public boolean insertBound(Commitment c) {
        return insert(c, c.reference());
    }

    private boolean insert(Commitment c, String referenceClaim) {
        return jdbc.sql("""
                        INSERT INTO commitment.commitment (id, subject_id, kind, text, digest, reference,
                                                           department_code, due, signed_by, signed_at, reference_claim)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(c.id(), c.subjectId(), c.kind().name(), c.text(), c.digest(), c.reference(),
                        c.departmentCode(), c.due(), c.signedBy(), Timestamp.from(c.signedAt()), referenceClaim)
                .update() == 1;
    }

    /** The commitment bound to the department, subject and reference. */
    public Optional<Commitment> byReference(String departmentCode, UUID subjectId, String reference) {
        return jdbc.sql(SELECT + " WHERE department_code = ? AND subject_id = ? AND reference_claim = ?")
                .params(departmentCode, subjectId, reference).query(JdbcCommitments::commitment).optional();
    }

    public Optional<Commitment> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(JdbcCommitments::commitment).optional();
    }

    public List<Commitment> findAll(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql(SELECT + " WHERE id = ANY(?::uuid[])")
                .param(ids.toArray(UUID[]::new)).query(JdbcCommitments::commitment).list();
    }

    public List<Commitment> ofSubject(UUID subjectId) {
        return jdbc.sql(SELECT + " WHERE subject_id = ? ORDER BY signed_at DESC LIMIT 200").param(subjectId)
                .query(JdbcCommitments::commitment).list();
    }

    /**
     * The latest commitments given to a department (all: null).
     *
     * @param unassignedTo the department given those signed with no department
     */
    public List<Commitment> recent(String departmentCode, String unassignedTo, int limit) {
        return jdbc.sql(SELECT + " WHERE (CAST(? AS text) IS NULL OR COALESCE(department_code, ?) = ?) "
                        + "ORDER BY signed_at DESC LIMIT ?")
                .params(departmentCode, unassignedTo, departmentCode, limit).query(JdbcCommitments::commitment)
                .list();
    }

    /** Those given to a department (all: null) whose record collection refused, latest first. */
    public List<Commitment> recordRefused(String departmentCode, String unassignedTo, int limit) {
        return jdbc.sql(SELECT + " WHERE record_refused IS NOT NULL "
                        + "AND (CAST(? AS text) IS NULL OR COALESCE(department_code, ?) = ?) "
                        + "ORDER BY signed_at DESC LIMIT ?")
                .params(departmentCode, unassignedTo, departmentCode, limit).query(JdbcCommitments::commitment)
                .list();
    }

    /**
     * Marks an in-force commitment breached, its record owed, with the decision the record cites; false when it is
     * not in force (already breached or kept).
     */
    public boolean breach(UUID id, String facts, String decisionNumber, LocalDate decisionDate, String by,
                          Instant at) {
        return jdbc.sql("""
                        UPDATE commitment.commitment
                        SET status = 'BREACHED_RECORD_OWED', breach_facts = ?, breach_decision_number = ?,
                            breach_decision_date = ?, breach_reported_by = ?, breach_reported_at = ?
                        WHERE id = ? AND status = 'IN_FORCE'""")
                .params(facts, decisionNumber, decisionDate, by, Timestamp.from(at), id).update() == 1;
    }

    /** Marks an in-force commitment lapsed; false when it is not in force (kept, breached or lapsed already). */
    public boolean lapse(UUID id) {
        return jdbc.sql("UPDATE commitment.commitment SET status = 'LAPSED' WHERE id = ? AND status = 'IN_FORCE'")
                .param(id).update() == 1;
    }

    /** Gives a commitment in force with no due date its last day; false when it has one or is no longer in force. */
    public boolean term(UUID id, LocalDate due) {
        return jdbc.sql("UPDATE commitment.commitment SET due = ? WHERE id = ? AND status = 'IN_FORCE' AND due IS NULL")
                .params(due, id).update() == 1;
    }

    /** Takes back a breach whose record collection refused (the commitment is in force again). */
    public void unbreach(UUID id) {
        jdbc.sql("""
                        UPDATE commitment.commitment
                        SET status = 'IN_FORCE', breach_facts = NULL, breach_decision_number = NULL,
                            breach_decision_date = NULL, breach_reported_by = NULL, breach_reported_at = NULL
                        WHERE id = ? AND status = 'BREACHED_RECORD_OWED'""")
                .param(id).update();
    }

    /**
     * The breach's record was taken: it owes nothing more. Stored with the audit event of the breach (by the audit
     * writer, in its transaction), so that the mark is never made unaudited.
     */
    public static final AuditedRows<UUID> BREACH_RECORDED = statusChange("BREACHED_RECORD_OWED", "BREACHED");

    /** The kept commitment's record was taken: it owes nothing more. Stored with the audit event of the keeping. */
    public static final AuditedRows<UUID> KEPT_RECORDED = statusChange("KEPT_RECORD_OWED", "KEPT");

    /** Moves the commitments still in {@code from} to {@code to}: one that moved meanwhile is left as it is. */
    private static AuditedRows<UUID> statusChange(String from, String to) {
        return new AuditedRows<>() {
            @Override
            public String sql() {
                return "UPDATE commitment.commitment SET status = '" + to + "' WHERE id = ANY(?::uuid[]) AND status = '"
                        + from + "'";
            }

            @Override
            public int bind(Connection c, PreparedStatement ps, int first, List<UUID> ids) throws SQLException {
                ps.setArray(first, c.createArrayOf("uuid", ids.toArray()));
                return first + 1;
            }
        };
    }

    /** A reported breach whose 违背信用承诺信息 record was not yet taken, with the decision the record cites. */
    public record OwedBreach(Commitment commitment, String decisionNumber, LocalDate decisionDate) {
    }

    /**
     * The breach's record was refused by a later run, with {@code code}: the breach stands, owing nothing more (never
     * in force again).
     */
    public void breachRecordRefused(UUID id, String code) {
        jdbc.sql("""
                        UPDATE commitment.commitment SET status = 'BREACHED', record_refused = ?
                        WHERE id = ? AND status = 'BREACHED_RECORD_OWED'""")
                .params(code, id).update();
    }

    private static java.sql.Timestamp reportedAt(Commitment after) {
        return after == null || after.breachReportedAt() == null ? null
                : java.sql.Timestamp.from(after.breachReportedAt());
    }

    /** Breaches whose record was not yet taken, the longest owed first, after {@code after} (null: from the first). */
    public List<OwedBreach> breachesOwed(Commitment after, int limit) {
        return jdbc.sql("""
                        SELECT id, subject_id, kind, text, digest, reference, department_code, due, signed_by,
                               signed_at, status, breach_facts, breach_reported_at, record_refused,
                               breach_decision_number,
                               breach_decision_date
                        FROM commitment.commitment
                        WHERE status = 'BREACHED_RECORD_OWED'
                          AND (?::timestamptz IS NULL OR (breach_reported_at, id) > (?::timestamptz, ?::uuid))
                        ORDER BY breach_reported_at, id LIMIT ?""")
                .params(reportedAt(after), reportedAt(after), after == null ? null : after.id(), limit)
                .query((rs, n) -> new OwedBreach(commitment(rs, n),
                        rs.getString("breach_decision_number"), rs.getObject("breach_decision_date", LocalDate.class)))
                .list();
    }

    /**
     * Marks kept, their record owed, the commitments whose due date passed before {@code today} with no breach
     * reported; a breach can no longer be reported on them. Returns how many. One with a breach reported is never
     * kept, whatever its status says: the subject broke it.
     */
    public int keepDue(LocalDate today) {
        return jdbc.sql("""
                        UPDATE commitment.commitment SET status = 'KEPT_RECORD_OWED'
                        WHERE status = 'IN_FORCE' AND due < ? AND breach_reported_at IS NULL""")
                .param(today).update();
    }

    /**
     * Kept commitments whose 信用承诺信息 record was not yet taken, the longest owed first, after {@code after} (its due
     * date and id; null: from the first). Paged by the key, not by the state alone (gaps review xlii W7): a page whose
     * submissions fail stays owed, and the next page is still the next one, not the same again.
     */
    public List<Commitment> recordOwed(Commitment after, int limit) {
        if (after == null) {
            return jdbc.sql(SELECT + " WHERE status = 'KEPT_RECORD_OWED' ORDER BY due, id LIMIT ?").param(limit)
                    .query(JdbcCommitments::commitment).list();
        }
        return jdbc.sql(SELECT + " WHERE status = 'KEPT_RECORD_OWED' AND (due, id) > (?, ?) ORDER BY due, id LIMIT ?")
                .params(after.due(), after.id(), limit).query(JdbcCommitments::commitment).list();
    }

    /** The kept commitment's record was refused, with {@code code}: it owes nothing more. */
    public void keptRecordRefused(UUID id, String code) {
        jdbc.sql("""
                        UPDATE commitment.commitment SET status = 'KEPT', record_refused = ?
                        WHERE id = ? AND status = 'KEPT_RECORD_OWED'""")
                .params(code, id).update();
    }

    private static Commitment commitment(ResultSet rs, int n) throws SQLException {
        Timestamp breached = rs.getTimestamp("breach_reported_at");
        return new Commitment(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                CommitmentKind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getString("digest"),
                rs.getString("reference"), rs.getString("department_code"), rs.getObject("due", LocalDate.class),
                rs.getString("signed_by"), rs.getTimestamp("signed_at").toInstant(),
                CommitmentStatus.valueOf(rs.getString("status")), rs.getString("breach_facts"),
                breached == null ? null : breached.toInstant(), rs.getString("record_refused"));
    }
}
