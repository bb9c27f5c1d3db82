package cn.chengxin.repair.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.listing.ListType;
import cn.chengxin.repair.RepairApplication;
import cn.chengxin.repair.domain.RepairStatus;
import cn.chengxin.shared.OlderPage;
import cn.chengxin.subject.PersonalDataProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The repair.application and repair.attachment tables. Every change checks the version it read: one decision wins. */
@Repository
public class JdbcRepairs {

    private static final String SELECT = """
            SELECT id, subject_id, record_key, item_code, department_code, decision_number, performance, commitment_id,
                   filed_by, counter_staff, filed_at, status, feedback_due, proposed_by, proposed_at, proposal_note,
                   decision_due, extension_days, extension_reason, decided_by, decided_at, reasons, version,
                   entry_id, list_type, paused_since, received_on, earlier_reference
            FROM repair.application""";

    private static final String ATTACHMENT =
            "SELECT id, application_id, kind, filename, content_type, size, emptied_at FROM repair.attachment ";

    /**
     * Files are sealed for their row (PIPL Art. 51, RULES.md §10; gaps review xxxi M4): a file cannot be moved to
     * another row and still open, and a read-only account, a dump or a backup holds no file in clear.
     */
    public static final String SEALED_FOR = "repair.attachment:";

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;

    public JdbcRepairs(JdbcClient jdbc, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /**
     * An attachment without its content; {@code emptiedAt}: when its content was deleted at the end of its retention
     * (M4), null while it is kept.
     */
    public record AttachmentFile(UUID id, UUID applicationId, String kind, String filename, String contentType,
                                 long size, Instant emptiedAt) {

        public boolean emptied() {
            return emptiedAt != null;
        }
    }

    /** A closed application whose materials are past their retention, and the record it concerned (null for none). */
    public record ClosedApplication(UUID applicationId, UUID recordKey) {
    }

    /** The applications decided, ended or withdrawn before {@code closedBefore} that still hold materials (M4). */
    public List<ClosedApplication> materialsClosedBefore(Instant closedBefore) {
        return jdbc.sql("""
                        SELECT a.id, a.record_key FROM repair.application a
                        WHERE a.status NOT IN ('APPLIED', 'PROPOSED') AND a.decided_at < ?
                          AND EXISTS (SELECT 1 FROM repair.attachment t
                                      WHERE t.application_id = a.id AND t.emptied_at IS NULL)""")
                .param(Timestamp.from(closedBefore))
                .query((rs, n) -> new ClosedApplication(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Empties these applications' materials, keeping name, kind, type and size; returns how many files. */
    public int emptyMaterialsOf(java.util.Collection<UUID> applicationIds, Instant now) {
        return jdbc.sql("""
                        UPDATE repair.attachment SET content = NULL, content_key_version = NULL, emptied_at = ?
                        WHERE application_id = ANY(?::uuid[]) AND emptied_at IS NULL""")
                .params(Timestamp.from(now), applicationIds.stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    /** Inserts an application; false when its record (or its entry) already has an open one. */
    public boolean insert(RepairApplication a) {
        return jdbc.sql("""
                        INSERT INTO repair.application (id, subject_id, record_key, item_code, department_code,
                            decision_number, performance, commitment_id, filed_by, counter_staff, filed_at, status,
                            feedback_due, entry_id, list_type, received_on, earlier_reference)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(a.id(), a.subjectId(), a.recordKey(), a.itemCode(), a.departmentCode(), a.decisionNumber(),
                        a.performance(), a.commitmentId(), a.filedBy(), a.counterStaff(),
                        Timestamp.from(a.filedAt()), a.status().name(), a.feedbackDue(), a.entryId(),
                        a.listType() == null ? null : a.listType().name(), a.receivedOn(), a.earlierReference())
                .update() == 1;
    }

    /** Inserts a material, sealed for its row; its size is the file's own. */
    public void insertAttachment(UUID id, UUID applicationId, String kind, String filename, String contentType,
                                 byte[] content, String sha256, Instant at) {
        PersonalDataProtection.Sealed sealed = protection.sealFile(content, SEALED_FOR + id);
        jdbc.sql("""
                        INSERT INTO repair.attachment (id, application_id, kind, filename, content_type, content,
                                                       content_key_version, size, sha256, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, applicationId, kind, filename, contentType, sealed.cipher(), sealed.keyVersion(),
                        content.length, sha256, Timestamp.from(at)).update();
    }

    public Optional<RepairApplication> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(JdbcRepairs::application).optional();
    }

    public List<RepairApplication> ofSubject(UUID subjectId) {
        return jdbc.sql(SELECT + " WHERE subject_id = ? ORDER BY filed_at DESC LIMIT 200").param(subjectId)
                .query(JdbcRepairs::application).list();
    }

    /** The subject's applications filed before {@code before} (null: the newest), newest first: {@code size} and one more. */
    public List<RepairApplication> ofSubjectOlderThan(UUID subjectId, UUID before, int size) {
        return jdbc.sql(OlderPage.sql(SELECT, "repair.application", "filed_at", before))
                .params(OlderPage.params(subjectId, before, size)).query(JdbcRepairs::application).list();
    }

    /**
     * A page of the open applications, the earliest deadline in force first (the authority's decision once proposed,
     * else the platform's feedback: {@link RepairApplication#dueOn}), then by id (a stable order for paging).
     */
    public List<RepairApplication> open(int offset, int limit) {
        return jdbc.sql(SELECT + " WHERE status IN ('APPLIED', 'PROPOSED') ORDER BY CASE WHEN status = 'PROPOSED'"
                        + " AND decision_due IS NOT NULL THEN decision_due ELSE feedback_due END, id OFFSET ? LIMIT ?")
                .params(offset, limit).query(JdbcRepairs::application).list();
    }

    public long countOpen() {
        return jdbc.sql("SELECT count(*) FROM repair.application WHERE status IN ('APPLIED', 'PROPOSED')")
                .query(Long.class).single();
    }

    /** The open applications whose deadline in force (decision once proposed, else feedback) is on or after {@code day}. */
    public List<RepairApplication> openDueFrom(LocalDate day) {
        return jdbc.sql(SELECT + " WHERE status IN ('APPLIED', 'PROPOSED')"
                        + " AND (feedback_due >= ? OR decision_due >= ?) ORDER BY feedback_due")
                .params(day, day).query(JdbcRepairs::application).list();
    }

    /** The open applications about any of {@code recordKeys}. */
    public List<RepairApplication> openOn(java.util.Collection<UUID> recordKeys) {
        if (recordKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE status IN ('APPLIED', 'PROPOSED') AND record_key = ANY(?)")
                .param(recordKeys.toArray(UUID[]::new)).query(JdbcRepairs::application).list();
    }

    /** Closed applications, decided (approved, refused) or ended without a decision, the latest first. */
    public List<RepairApplication> recentlyDecided(int limit) {
        return jdbc.sql(SELECT + " WHERE status NOT IN ('APPLIED', 'PROPOSED') ORDER BY decided_at DESC LIMIT ?")
                .param(limit).query(JdbcRepairs::application).list();
    }

    /** Open applications and, of them, those past their deadline on {@code today}. */
    public int[] openAndOverdue(LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*),
                               count(*) FILTER (WHERE CASE WHEN status = 'PROPOSED' AND decision_due IS NOT NULL
                                                           THEN decision_due ELSE feedback_due END
                                                      < COALESCE(paused_since, ?))
                        FROM repair.application WHERE status IN ('APPLIED', 'PROPOSED')""")
                .param(today).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    /**
     * Takes the subject's approval lock until the transaction ends, so that approvals of the subject's repairs run
     * one after the other and each counts the ones before it. Call inside a transaction.
     */
    public void lockApprovalsOf(UUID subjectId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))").param("repair.approve:" + subjectId)
                .query(Object.class).single();
    }

    /** How many of the subject's repairs were approved since {@code since}. */
    public int approvedSince(UUID subjectId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM repair.application WHERE subject_id = ? AND status = 'APPROVED' "
                        + "AND decided_at >= ?")
                .params(subjectId, Timestamp.from(since)).query(Integer.class).single();
    }

    public boolean propose(UUID id, int version, String by, Instant at, String note, LocalDate decisionDue) {
        return jdbc.sql("""
                        UPDATE repair.application
                        SET status = 'PROPOSED', proposed_by = ?, proposed_at = ?, proposal_note = ?, decision_due = ?,
                            version = version + 1
                        WHERE id = ? AND version = ? AND status = 'APPLIED'""")
                .params(by, Timestamp.from(at), note, decisionDue, id, version).update() == 1;
    }

    /** Approves (from PROPOSED) or refuses (from either open state). */
    public boolean decide(UUID id, int version, RepairStatus to, String by, Instant at, String reasons) {
        String from = to == RepairStatus.APPROVED ? "('PROPOSED')" : "('APPLIED', 'PROPOSED')";
        return jdbc.sql("UPDATE repair.application SET status = ?, decided_by = ?, decided_at = ?, reasons = ?, "
                        + "version = version + 1 WHERE id = ? AND version = ? AND status IN " + from)
                .params(to.name(), by, Timestamp.from(at), reasons, id, version).update() == 1;
    }

    /**
     * Ends an open application without a decision on the repair: ENDED (its record changed) or WITHDRAWN (by the
     * applicant), with who ended it, when and why. {@code version}: null to end whatever version it is at (the record's
     * change decides, not a reader of the page).
     */
    public boolean end(UUID id, Integer version, RepairStatus to, String by, Instant at, String reasons) {
        if (to != RepairStatus.ENDED && to != RepairStatus.WITHDRAWN) {
            throw new IllegalArgumentException("not an end: " + to);
        }
        return jdbc.sql("""
                        UPDATE repair.application
                        SET status = ?, decided_by = ?, decided_at = ?, reasons = ?, paused_since = NULL,
                            version = version + 1
                        WHERE id = ? AND (?::integer IS NULL OR version = ?) AND status IN ('APPLIED', 'PROPOSED')""")
                .params(to.name(), by, Timestamp.from(at), reasons, id, version, version).update() == 1;
    }

    /** Stops the deadline of an open application from {@code since} (its record went into dispute). */
    public boolean pause(UUID id, LocalDate since) {
        return jdbc.sql("""
                        UPDATE repair.application SET paused_since = ?, version = version + 1
                        WHERE id = ? AND paused_since IS NULL AND status IN ('APPLIED', 'PROPOSED')""")
                .params(since, id).update() == 1;
    }

    /** Runs the deadline of a paused application again, with its deadlines moved by the pause. */
    public boolean resume(UUID id, LocalDate feedbackDue, LocalDate decisionDue) {
        return jdbc.sql("""
                        UPDATE repair.application
                        SET paused_since = NULL, feedback_due = ?, decision_due = ?, version = version + 1
                        WHERE id = ? AND paused_since IS NOT NULL AND status IN ('APPLIED', 'PROPOSED')""")
                .params(feedbackDue, decisionDue, id).update() == 1;
    }

    public boolean extend(UUID id, int version, int days, String reason, LocalDate feedbackDue, LocalDate decisionDue) {
        return jdbc.sql("""
                        UPDATE repair.application
                        SET extension_days = extension_days + ?, extension_reason = ?, feedback_due = ?,
                            decision_due = ?, version = version + 1
                        WHERE id = ? AND version = ? AND status IN ('APPLIED', 'PROPOSED') AND extension_days = 0""")
                .params(days, reason, feedbackDue, decisionDue, id, version).update() == 1;
    }

    public List<AttachmentFile> attachmentsOf(java.util.Collection<UUID> applicationIds) {
        if (applicationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ATTACHMENT
                        + "WHERE application_id = ANY(?) ORDER BY uploaded_at, filename")
                .param(applicationIds.toArray(UUID[]::new)).query(JdbcRepairs::attachment).list();
    }

    public Optional<AttachmentFile> attachment(UUID id) {
        return jdbc.sql(ATTACHMENT
                        + "WHERE id = ?").param(id).query(JdbcRepairs::attachment).optional();
    }

    /** The file, opened: sealed, or still in clear when stored before V312 and not sealed yet. */
    public Optional<byte[]> attachmentContent(UUID id) {
        return jdbc.sql("SELECT content, content_key_version FROM repair.attachment WHERE id = ?").param(id)
                .query((rs, n) -> new PersonalDataProtection.StoredFile(rs.getBytes(1),
                        rs.getObject(2, Integer.class))).optional()
                .map(stored -> protection.openStoredFile(stored, SEALED_FOR + id));
    }

    private static AttachmentFile attachment(ResultSet rs, int n) throws SQLException {
        return new AttachmentFile(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getLong(6), instant(rs, "emptied_at"));
    }

    private static RepairApplication application(ResultSet rs, int n) throws SQLException {
        return new RepairApplication(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                rs.getObject("record_key", UUID.class), rs.getString("item_code"), rs.getString("department_code"),
                rs.getString("decision_number"), rs.getString("performance"), rs.getObject("commitment_id", UUID.class),
                rs.getString("filed_by"), rs.getString("counter_staff"), instant(rs, "filed_at"),
                RepairStatus.valueOf(rs.getString("status")), rs.getObject("feedback_due", LocalDate.class),
                rs.getString("proposed_by"), instant(rs, "proposed_at"), rs.getString("proposal_note"),
                rs.getObject("decision_due", LocalDate.class), rs.getInt("extension_days"),
                rs.getString("extension_reason"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("reasons"), rs.getInt("version"), rs.getObject("entry_id", UUID.class),
                rs.getString("list_type") == null ? null : ListType.valueOf(rs.getString("list_type")),
                rs.getObject("paused_since", LocalDate.class), rs.getObject("received_on", LocalDate.class),
                rs.getString("earlier_reference"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
