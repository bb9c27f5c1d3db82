package cn.chengxin.objection.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.objection.Objection;
import cn.chengxin.objection.domain.DepartmentAnswer;
import cn.chengxin.objection.domain.ObjectionPause;
import cn.chengxin.objection.domain.ObjectionStatus;
import cn.chengxin.objection.domain.Omission;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.shared.OlderPage;
import cn.chengxin.subject.PersonalDataProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The objection.objection table. */
@Repository
public class JdbcObjections {

    private static final String SELECT = """
            SELECT id, subject_id, record_key, item_code, department_code, reasons, filed_by, filed_at, repeats, status,
                   due_on, routed_at, department_due, outcome, outcome_reasons, decided_by, decided_at, version,
                   department_answer, department_corrections, department_reasons, answered_by, answered_at,
                   received_on, reminded_for, escalated_at, review_of, entry_id, received_entry,
                   omission_missing, omission_decision_number, omission_decided_on, earlier_reference
            FROM objection.objection""";

    private static final String EVIDENCE =
            "SELECT id, objection_id, filename, content_type, size, emptied_at FROM objection.evidence";

    /**
     * Files are sealed for their row (PIPL Art. 51, RULES.md §10; gaps review xxxi M4): a file cannot be moved to
     * another row and still open, and a read-only account, a dump or a backup holds no file in clear.
     */
    public static final String SEALED_FOR = "objection.evidence:";

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;

    public JdbcObjections(JdbcClient jdbc, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    /**
     * Inserts a new open objection; false when its record (or list entry) already has one: then it was merged into it,
     * its reasons added to the open one's after {@code repeatHeading} — unless they no longer fit the column (two
     * filings at once past the caller's check), when the open one's stay as they were.
     * An omission (信息遗漏) merges into the person's open omission on the same item from the same department.
     * A merge changes the case's version (S3 of gaps-review-xxxviii): a route, answer or decision made on the page read
     * before it is refused as stale, so nobody decides on reasons or evidence they never saw.
     * The conflict target is one of four fixed texts, never text from outside.
     */
    public boolean insertOrMerge(Objection o, String repeatHeading) {
        String target = o.againstOmission()
                ? "(subject_id, item_code, department_code) WHERE omission_missing IS NOT NULL AND status <> 'DECIDED'"
                : "(" + (o.againstReceived() ? "received_entry" : o.againstEntry() ? "entry_id" : "record_key")
                        + ") WHERE status <> 'DECIDED'";
        return jdbc.sql("""
                        INSERT INTO objection.objection (id, subject_id, record_key, entry_id, item_code, department_code,
                                                         reasons, filed_by, filed_at, status, due_on, received_on,
                                                         received_entry, omission_missing, omission_decision_number,
                                                         omission_decided_on, earlier_reference)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT %s DO UPDATE
                            SET repeats = objection.objection.repeats + 1,
                                version = objection.objection.version + 1,
                                reasons = CASE WHEN length(objection.objection.reasons || ? || EXCLUDED.reasons) <= 2000
                                               THEN objection.objection.reasons || ? || EXCLUDED.reasons
                                               ELSE objection.objection.reasons END
                        RETURNING (xmax = 0)""".formatted(target))
                .params(o.id(), o.subjectId(), o.recordKey(), o.entryId(), o.itemCode(), o.departmentCode(),
                        o.reasons(), o.filedBy(), Timestamp.from(o.filedAt()), o.status().name(), o.dueOn(),
                        o.receivedOn(), o.receivedEntry(), missing(o), omissionNumber(o), omissionDate(o),
                        o.earlierReference(), repeatHeading, repeatHeading)
                .query(Boolean.class).single();
    }

    /**
     * Inserts a review (复核) of a decided objection; false when the record (or entry) has another open objection or
     * the decision was already reviewed (one review per decision, by a unique index, also when two arrive at once).
     */
    public boolean insertReview(Objection o) {
        return jdbc.sql("""
                        INSERT INTO objection.objection (id, subject_id, record_key, item_code, department_code, reasons,
                                                         filed_by, filed_at, status, due_on, received_on, review_of,
                                                         entry_id, received_entry, omission_missing,
                                                         omission_decision_number, omission_decided_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(o.id(), o.subjectId(), o.recordKey(), o.itemCode(), o.departmentCode(), o.reasons(),
                        o.filedBy(), Timestamp.from(o.filedAt()), o.status().name(), o.dueOn(), o.receivedOn(),
                        o.reviewOf(), o.entryId(), o.receivedEntry(), missing(o), omissionNumber(o), omissionDate(o))
                .update() == 1;
    }

    private static String missing(Objection o) {
        return o.againstOmission() ? o.omission().missing() : null;
    }

    private static String omissionNumber(Objection o) {
        return o.againstOmission() ? o.omission().decisionNumber() : null;
    }

    private static LocalDate omissionDate(Objection o) {
        return o.againstOmission() ? o.omission().decidedOn() : null;
    }

    public boolean reviewed(UUID objectionId) {
        return jdbc.sql("SELECT count(*) FROM objection.objection WHERE review_of = ?").param(objectionId)
                .query(Integer.class).single() > 0;
    }

    /** Those of {@code objectionIds} that a review was asked of. */
    public List<UUID> reviewedOf(java.util.Collection<UUID> objectionIds) {
        return jdbc.sql("SELECT DISTINCT review_of FROM objection.objection WHERE review_of = ANY (?)")
                .param(objectionIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /** The case open on a list entry another platform issued, by its key. */
    public Optional<Objection> openOnReceived(String receivedEntry) {
        return jdbc.sql(SELECT + " WHERE received_entry = ? AND status <> 'DECIDED'").param(receivedEntry)
                .query(JdbcObjections::objection).optional();
    }

    /**
     * Every objection of these subjects, open or decided, as a hold on their list entries sees it ({@code outcome},
     * {@code decidedAt}: null while open).
     */
    public List<Objection> ofSubjects(java.util.Collection<UUID> subjectIds) {
        return jdbc.sql(SELECT + " WHERE subject_id = ANY(?::uuid[])").param(subjectIds.toArray(UUID[]::new))
                .query(JdbcObjections::objection).list();
    }

    /** The subject's open omission (信息遗漏) on an item from a department (one at most: objection_open_per_omission). */
    public Optional<Objection> openOmission(UUID subjectId, String itemCode, String departmentCode) {
        return jdbc.sql(SELECT + " WHERE subject_id = ? AND item_code = ? AND department_code = ?"
                        + " AND omission_missing IS NOT NULL AND status <> 'DECIDED'")
                .params(subjectId, itemCode, departmentCode).query(JdbcObjections::objection).optional();
    }

    public Optional<Objection> openOnEntry(UUID entryId) {
        return jdbc.sql(SELECT + " WHERE entry_id = ? AND status <> 'DECIDED'").param(entryId)
                .query(JdbcObjections::objection).optional();
    }

    public Optional<Objection> open(UUID recordKey) {
        return jdbc.sql(SELECT + " WHERE record_key = ? AND status <> 'DECIDED'").param(recordKey)
                .query(JdbcObjections::objection).optional();
    }

    /** The open objections on any of {@code recordKeys} (at most one each: objection_open_per_record). */
    public List<Objection> openOn(java.util.Collection<UUID> recordKeys) {
        return jdbc.sql(SELECT + " WHERE record_key = ANY(?::uuid[]) AND status <> 'DECIDED'")
                .param(recordKeys.toArray(UUID[]::new)).query(JdbcObjections::objection).list();
    }

    /** Every open objection on a record (not a list entry): few, open cases being decided within days. */
    public List<Objection> openOnRecords() {
        return jdbc.sql(SELECT + " WHERE record_key IS NOT NULL AND status <> 'DECIDED'")
                .query(JdbcObjections::objection).list();
    }

    /**
     * Locks the open objection for the rest of the transaction and returns its version — unless it is decided, or
     * another transaction holds it (deciding it, say): then empty at once, without waiting. A transaction that already
     * holds a record's lock must not wait for its case's: a decision holds the case's and waits for the record's.
     */
    public Optional<Integer> lockOpenUnlessBusy(UUID id) {
        return jdbc.sql("SELECT version FROM objection.objection WHERE id = ? AND status <> 'DECIDED' "
                        + "FOR UPDATE SKIP LOCKED").param(id).query(Integer.class).optional();
    }

    public Optional<Objection> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(JdbcObjections::objection).optional();
    }

    public List<Objection> ofSubject(UUID subjectId) {
        return jdbc.sql(SELECT + " WHERE subject_id = ? ORDER BY filed_at DESC LIMIT 200").param(subjectId)
                .query(JdbcObjections::objection).list();
    }

    /** The subject's objections filed before {@code before} (null: the newest), newest first: {@code size} and one more. */
    public List<Objection> ofSubjectOlderThan(UUID subjectId, UUID before, int size) {
        return jdbc.sql(OlderPage.sql(SELECT, "objection.objection", "filed_at", before))
                .params(OlderPage.params(subjectId, before, size)).query(JdbcObjections::objection).list();
    }

    /** A page of the open objections, the earliest deadline first, then by id (a stable order for paging). */
    public List<Objection> openByDue(int offset, int limit) {
        return jdbc.sql(SELECT + " WHERE status <> 'DECIDED' ORDER BY due_on, id OFFSET ? LIMIT ?")
                .params(offset, limit).query(JdbcObjections::objection).list();
    }

    public long countOpen() {
        return jdbc.sql("SELECT count(*) FROM objection.objection WHERE status <> 'DECIDED'").query(Long.class).single();
    }

    /** Open cases with a stored deadline (their own or their department's) on or after {@code day}. */
    public List<Objection> openDueFrom(LocalDate day) {
        return jdbc.sql(SELECT + " WHERE status <> 'DECIDED' AND (due_on >= ? OR department_due >= ?) ORDER BY due_on")
                .params(day, day).query(JdbcObjections::objection).list();
    }

    public List<Objection> recentlyDecided(int limit) {
        return jdbc.sql(SELECT + " WHERE status = 'DECIDED' ORDER BY decided_at DESC LIMIT ?").param(limit)
                .query(JdbcObjections::objection).list();
    }

    /** Open objections; of them, those past their deadline on {@code today}, escalated, and due by {@code soon}. */
    public int[] openAndOverdue(LocalDate today, LocalDate soon) {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE due_on < ?), count(*) FILTER (WHERE escalated_at IS NOT NULL),
                               count(*) FILTER (WHERE due_on BETWEEN ? AND ?)
                        FROM objection.objection WHERE status <> 'DECIDED'""")
                .params(today, today, soon)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)}).single();
    }

    /** Marks the open cases due between {@code today} and {@code soon} as reminded of that deadline; returns them. */
    public List<Objection> remind(LocalDate today, LocalDate soon) {
        return jdbc.sql("""
                        UPDATE objection.objection SET reminded_for = due_on
                        WHERE status <> 'DECIDED' AND due_on BETWEEN ? AND ? AND reminded_for IS DISTINCT FROM due_on
                        RETURNING id""").params(today, soon).query(UUID.class).list().stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    /** Escalates the open cases past their deadline on {@code today} that were not yet; returns them. */
    public List<Objection> escalate(LocalDate today, Instant at) {
        return jdbc.sql("""
                        UPDATE objection.objection SET escalated_at = ?
                        WHERE status <> 'DECIDED' AND due_on < ? AND escalated_at IS NULL
                        RETURNING id""").params(Timestamp.from(at), today).query(UUID.class).list().stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    /** The repeat filings the account made since {@code since} (V258). */
    public int repeatsSince(String account, Instant since) {
        return jdbc.sql("SELECT count(*) FROM objection.repeat_filing WHERE account = ? AND filed_at >= ?")
                .params(account, Timestamp.from(since)).query(Integer.class).single();
    }

    /** Counts a repeat filing against the account, and forgets the account's older than {@code keepSince}. */
    public void repeatFiled(String account, Instant at, Instant keepSince) {
        jdbc.sql("DELETE FROM objection.repeat_filing WHERE account = ? AND filed_at < ?")
                .params(account, Timestamp.from(keepSince)).update();
        jdbc.sql("INSERT INTO objection.repeat_filing (account, filed_at) VALUES (?, ?)")
                .params(account, Timestamp.from(at)).update();
    }

    public boolean route(UUID id, int version, Instant at, LocalDate due, LocalDate departmentDue) {
        return jdbc.sql("""
                        UPDATE objection.objection SET status = 'WITH_DEPARTMENT', routed_at = ?, due_on = ?,
                               department_due = ?, version = version + 1
                        WHERE id = ? AND version = ? AND status = 'RECEIVED'""")
                .params(Timestamp.from(at), due, departmentDue, id, version).update() == 1;
    }

    /** Cases routed to one department and still with it, the earliest answer deadline first. */
    public List<Objection> withDepartment(String departmentCode, int limit) {
        return jdbc.sql(SELECT + " WHERE status = 'WITH_DEPARTMENT' AND department_code = ? "
                        + "ORDER BY department_due, filed_at LIMIT ?").params(departmentCode, limit)
                .query(JdbcObjections::objection).list();
    }

    /**
     * For the department's 工作台: its routed cases still awaiting its answer, how many are past its deadline, and the
     * earliest deadline (null: none), read through the index of routed cases (V27).
     */
    public AnswersOwed answersOwed(String departmentCode, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE department_due < ?), min(department_due)
                        FROM objection.objection
                        WHERE status = 'WITH_DEPARTMENT' AND department_code = ? AND department_answer IS NULL""")
                .params(today, departmentCode)
                .query((rs, n) -> new AnswersOwed(rs.getInt(1), rs.getInt(2),
                        rs.getObject(3, LocalDate.class))).single();
    }

    public record AnswersOwed(int open, int overdue, LocalDate earliestDue) {
    }

    /**
     * Whether the subject's record has an objection decided as 更正 or 补充 after {@code after} and not after
     * {@code until} (null: unbounded). Found through the subject's objections (objection_subject).
     */
    public boolean correctionDecidedBetween(UUID subjectId, UUID recordKey, Instant after, Instant until) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM objection.objection
                                       WHERE subject_id = ? AND record_key = ? AND status = 'DECIDED'
                                         AND outcome IN ('CORRECT', 'SUPPLEMENT')
                                         AND (?::timestamptz IS NULL OR decided_at > ?)
                                         AND (?::timestamptz IS NULL OR decided_at <= ?))""")
                .params(subjectId, recordKey, ts(after), ts(after), ts(until), ts(until)).query(Boolean.class)
                .single();
    }

    /**
     * Of the records among {@code recordKeys} of the subjects, those an objection decided as 更正 or 补充: one look through
     * the subjects' objections (objection_subject) per chunk collection stores, nearly always finding none.
     */
    public java.util.Set<UUID> withCorrectionDecided(java.util.Collection<UUID> subjectIds,
                                                    java.util.Collection<UUID> recordKeys) {
        return java.util.Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT record_key FROM objection.objection
                        WHERE subject_id = ANY(?::uuid[]) AND record_key = ANY(?::uuid[])
                          AND status = 'DECIDED' AND outcome IN ('CORRECT', 'SUPPLEMENT')""")
                .params(subjectIds.toArray(UUID[]::new), recordKeys.toArray(UUID[]::new)).query(UUID.class).list());
    }

    /**
     * The department's latest case decided as 更正 or 补充 on each of its records whose correction may still be owed
     * (not {@link #settleCorrections settled}), however long ago: a correction still owed must not drop off the
     * department's list behind newer ones already delivered (V123 indexes them). A settled decision is left out: the
     * record's latest one settled, every older one is no longer owed either.
     */
    public List<DecidedCorrection> correctionsDecided(String departmentCode) {
        return jdbc.sql(SELECT.replaceFirst("SELECT", "SELECT DISTINCT ON (record_key) correction_escalated_at,")
                        + " WHERE status = 'DECIDED' AND department_code = ? AND record_key IS NOT NULL"
                        + " AND outcome IN ('CORRECT', 'SUPPLEMENT') AND correction_settled_at IS NULL"
                        + " ORDER BY record_key, decided_at DESC")
                .params(departmentCode).query(JdbcObjections::decidedCorrection).list();
    }

    /**
     * The same for every department: the deadline watch and the credit office's list of corrections escalated — the
     * decisions whose correction may still be owed only (V147 indexes them), not every one ever decided.
     */
    public List<DecidedCorrection> correctionsDecided() {
        return jdbc.sql(SELECT.replaceFirst("SELECT", "SELECT DISTINCT ON (record_key) correction_escalated_at,")
                        + " WHERE status = 'DECIDED' AND record_key IS NOT NULL"
                        + " AND outcome IN ('CORRECT', 'SUPPLEMENT') AND correction_settled_at IS NULL"
                        + " ORDER BY record_key, decided_at DESC")
                .query(JdbcObjections::decidedCorrection).list();
    }

    /**
     * Marks the corrections of these decided cases as no longer owed, once: delivered, or their record out of 异议中
     * (RULES.md §5). None is owed again — a later version is accepted after the decision, and a record leaves 异议中
     * for good or with a later version — so the watch reads them no more.
     */
    public void settleCorrections(java.util.Collection<UUID> ids, Instant at) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE objection.objection SET correction_settled_at = ? "
                            + "WHERE id = ANY(?::uuid[]) AND correction_settled_at IS NULL")
                    .params(Timestamp.from(at), ids.toArray(UUID[]::new)).update();
        }
    }

    /** A case decided as 更正 or 补充, and when its correction, overdue, was escalated to the credit office (or null). */
    public record DecidedCorrection(Objection objection, Instant escalatedAt) {
    }

    private static DecidedCorrection decidedCorrection(ResultSet rs, int n) throws SQLException {
        return new DecidedCorrection(objection(rs, n), instant(rs, "correction_escalated_at"));
    }

    /** Marks the correction the case awaits as escalated, once; false when it was already. */
    public boolean escalateCorrection(UUID id, Instant at) {
        return jdbc.sql("UPDATE objection.objection SET correction_escalated_at = ? "
                        + "WHERE id = ? AND correction_escalated_at IS NULL")
                .params(Timestamp.from(at), id).update() == 1;
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /** Records the department's answer once, if nobody changed the case since {@code version} was read. */
    public boolean answer(UUID id, int version, String departmentCode, Objection.Answer a) {
        return jdbc.sql("""
                        UPDATE objection.objection SET department_answer = ?, department_corrections = ?,
                               department_reasons = ?, answered_by = ?, answered_at = ?, version = version + 1
                        WHERE id = ? AND version = ? AND department_code = ? AND status = 'WITH_DEPARTMENT'
                          AND department_answer IS NULL""")
                .params(a.answer().name(), a.corrections(), a.reasons(), a.by(), Timestamp.from(a.at()), id, version,
                        departmentCode).update() == 1;
    }

    /** A pause as recorded, with who recorded it. */
    public record RecordedPause(UUID objectionId, ObjectionPause pause, String by, Instant at) {
    }

    public void insertPause(UUID id, UUID objectionId, ObjectionPause p, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO objection.pause (id, objection_id, kind, reason, starts_on, ends_on, recorded_by,
                                                     recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, objectionId, p.kind().name(), p.reason(), p.from(), p.until(), by, Timestamp.from(at))
                .update();
    }

    /** The pauses of many objections in one query, in the order they start. */
    public List<RecordedPause> pausesOf(java.util.Collection<UUID> objectionIds) {
        return jdbc.sql("""
                        SELECT objection_id, kind, reason, starts_on, ends_on, recorded_by, recorded_at
                        FROM objection.pause WHERE objection_id = ANY(?::uuid[]) ORDER BY starts_on, recorded_at""")
                .param(objectionIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> new RecordedPause(rs.getObject(1, UUID.class), new ObjectionPause(
                        ObjectionPause.Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)), rs.getString(6),
                        rs.getTimestamp(7).toInstant())).list();
    }

    /** New deadlines of an open case (after a pause), if nobody changed it since {@code version} was read. */
    public boolean moveDeadlines(UUID id, int version, LocalDate due, LocalDate departmentDue) {
        return jdbc.sql("""
                        UPDATE objection.objection SET due_on = ?, department_due = ?, version = version + 1
                        WHERE id = ? AND version = ? AND status <> 'DECIDED'""")
                .params(due, departmentDue, id, version).update() == 1;
    }

    /** Decides an open objection if nobody did since {@code version} was read: exactly one decision. */
    public boolean decide(UUID id, int version, Outcome outcome, String reasons, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE objection.objection SET status = 'DECIDED', outcome = ?, outcome_reasons = ?,
                               decided_by = ?, decided_at = ?, version = version + 1
                        WHERE id = ? AND version = ? AND status <> 'DECIDED'""")
                .params(outcome.name(), reasons, by, Timestamp.from(at), id, version).update() == 1;
    }

    /**
     * An attachment as lists show it; {@code emptiedAt}: when its content was deleted at the end of its retention (M4),
     * null while it is kept.
     */
    public record EvidenceFile(UUID id, UUID objectionId, String filename, String contentType, int size,
                               Instant emptiedAt) {

        public boolean emptied() {
            return emptiedAt != null;
        }
    }

    /** A decided case whose evidence is past its retention, and the record it contested (null for none). */
    public record CaseToEmpty(UUID objectionId, UUID recordKey) {
    }

    /**
     * The cases decided before {@code decidedBefore} that still hold evidence (M4): not one whose 复核 is still open or
     * was decided since, as the review rests on the same case.
     */
    public List<CaseToEmpty> evidenceDecidedBefore(Instant decidedBefore) {
        return jdbc.sql("""
                        SELECT o.id, o.record_key FROM objection.objection o
                        WHERE o.status = 'DECIDED' AND o.decided_at < ?
                          AND EXISTS (SELECT 1 FROM objection.evidence e
                                      WHERE e.objection_id = o.id AND e.emptied_at IS NULL)
                          AND NOT EXISTS (SELECT 1 FROM objection.objection r WHERE r.review_of = o.id
                                            AND (r.status <> 'DECIDED' OR r.decided_at >= ?))""")
                .params(Timestamp.from(decidedBefore), Timestamp.from(decidedBefore))
                .query((rs, n) -> new CaseToEmpty(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /** Empties these cases' evidence, keeping name, type and size; returns how many files were emptied. */
    public int emptyEvidenceOf(java.util.Collection<UUID> objectionIds, Instant now) {
        return jdbc.sql("""
                        UPDATE objection.evidence SET content = NULL, content_key_version = NULL, emptied_at = ?
                        WHERE objection_id = ANY(?::uuid[]) AND emptied_at IS NULL""")
                .params(Timestamp.from(now), objectionIds.stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    /**
     * Inserts evidence, sealed for its row; its size is the file's own. The open case's version changes with it (S3 of
     * gaps-review-xxxviii): a decision or answer on the page read before the file came is refused as stale.
     */
    public void insertEvidence(UUID id, UUID objectionId, String filename, String contentType, byte[] content,
                               String sha256, Instant at) {
        PersonalDataProtection.Sealed sealed = protection.sealFile(content, SEALED_FOR + id);
        jdbc.sql("""
                        INSERT INTO objection.evidence (id, objection_id, filename, content_type, content,
                                                        content_key_version, size, sha256, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, objectionId, filename, contentType, sealed.cipher(), sealed.keyVersion(), content.length,
                        sha256, Timestamp.from(at)).update();
        jdbc.sql("UPDATE objection.objection SET version = version + 1 WHERE id = ? AND status <> 'DECIDED'")
                .param(objectionId).update();
    }

    public List<EvidenceFile> evidenceOf(UUID objectionId) {
        return evidenceOf(List.of(objectionId));
    }

    /** The attachments of many objections in one query, in upload order. */
    public List<EvidenceFile> evidenceOf(java.util.Collection<UUID> objectionIds) {
        return jdbc.sql(EVIDENCE + " WHERE objection_id = ANY(?::uuid[]) ORDER BY uploaded_at")
                .param(objectionIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(JdbcObjections::evidenceFile).list();
    }

    /** The file, opened: sealed, or still in clear when stored before V311 and not sealed yet. */
    public Optional<byte[]> evidenceContent(UUID id) {
        return jdbc.sql("SELECT content, content_key_version FROM objection.evidence WHERE id = ?").param(id)
                .query((rs, n) -> new PersonalDataProtection.StoredFile(rs.getBytes(1),
                        rs.getObject(2, Integer.class))).optional()
                .map(stored -> protection.openStoredFile(stored, SEALED_FOR + id));
    }

    public Optional<EvidenceFile> evidence(UUID id) {
        return jdbc.sql(EVIDENCE + " WHERE id = ?").param(id).query(JdbcObjections::evidenceFile).optional();
    }

    private static EvidenceFile evidenceFile(ResultSet rs, int n) throws SQLException {
        Timestamp emptied = rs.getTimestamp(6);
        return new EvidenceFile(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getInt(5), emptied == null ? null : emptied.toInstant());
    }

    private static Objection objection(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Objection(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                rs.getObject("record_key", UUID.class), rs.getString("item_code"), rs.getString("department_code"),
                rs.getString("reasons"), rs.getString("filed_by"), instant(rs, "filed_at"), rs.getInt("repeats"),
                ObjectionStatus.valueOf(rs.getString("status")), rs.getObject("due_on", LocalDate.class),
                instant(rs, "routed_at"), rs.getObject("department_due", LocalDate.class),
                outcome == null ? null : Outcome.valueOf(outcome), rs.getString("outcome_reasons"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getInt("version"), answer(rs),
                rs.getObject("received_on", LocalDate.class), rs.getObject("reminded_for", LocalDate.class),
                instant(rs, "escalated_at"), rs.getObject("review_of", UUID.class),
                rs.getObject("entry_id", UUID.class), rs.getString("received_entry"), omission(rs),
                rs.getString("earlier_reference"));
    }

    private static Omission omission(ResultSet rs) throws SQLException {
        String missing = rs.getString("omission_missing");
        return missing == null ? null : new Omission(missing, rs.getString("omission_decision_number"),
                rs.getObject("omission_decided_on", LocalDate.class));
    }

    private static Objection.Answer answer(ResultSet rs) throws SQLException {
        String answer = rs.getString("department_answer");
        return answer == null ? null : new Objection.Answer(DepartmentAnswer.valueOf(answer),
                rs.getString("department_corrections"), rs.getString("department_reasons"), rs.getString("answered_by"),
                instant(rs, "answered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
