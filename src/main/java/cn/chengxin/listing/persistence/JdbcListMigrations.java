package cn.chengxin.listing.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.MigratedRow;
import cn.chengxin.listing.MigrationBatch;
import cn.chengxin.listing.NoticeDelivery;
import cn.chengxin.subject.domain.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batches of list entries migrated from an older system and their rows (listing.migration_batch, migration_row;
 * V810), and the entries they store in listing.entry.
 */
@Repository
public class JdbcListMigrations {

    private static final String BATCH_COLUMNS = """
            b.id, b.file_name, b.digest, b.rows, b.refused, b.uploaded_by, b.uploader_name, b.uploaded_at, b.status,
            b.decider_name, b.decided_at, b.decision_note, b.stored,
            (SELECT count(*) FROM listing.migration_row r WHERE r.batch_id = b.id) AS accepted""";
    private static final TypeReference<List<MigrationBatch.RefusedRow>> REFUSED = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcListMigrations(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(MigrationBatch batch, List<MigratedRow> rows) {
        jdbc.sql("""
                        INSERT INTO listing.migration_batch (id, file_name, digest, rows, refused, uploaded_by,
                            uploader_name, uploaded_at)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(batch.id(), batch.fileName(), batch.digest(), batch.rows(),
                        json.writeValueAsString(batch.refused()), batch.uploadedBy(), batch.uploaderName(),
                        Timestamp.from(batch.uploadedAt()))
                .update();
        for (MigratedRow r : rows) {
            jdbc.sql("""
                            INSERT INTO listing.migration_row (batch_id, line, subject_id, subject_kind, masked_number,
                                list_type, rule_code, rule_version, act_day, effective_from, valid_until,
                                notice_issued_on, notice_served_on, notice_channel, department_code, document_number,
                                legacy_source_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(batch.id(), r.line(), r.subjectId(), r.subjectKind().name(), r.maskedNumber(),
                            r.listType().name(), r.ruleCode(), r.ruleVersion(), date(r.actDay()),
                            date(r.effectiveFrom()), date(r.validUntil()), date(r.noticeIssuedOn()),
                            date(r.noticeServedOn()), r.noticeChannel() == null ? null : r.noticeChannel().name(),
                            r.departmentCode(), r.documentNumber(), r.legacySourceId())
                    .update();
        }
    }

    /**
     * Holds the API's Idempotency-Key (a batch's id) until the transaction ends: two requests sent at once under one
     * key store one batch, the second answered with it (or refused, another body).
     */
    public void lockKey(UUID batchId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 12))").param("listing.migrate:" + batchId)
                .query(Object.class).single();
    }

    /**
     * Whether an open entry of the list rests on the record already (another rule's: entry_one_open, V12, holds one per
     * list, subject and record), taken under the lock the rule evaluation's proposal of the same record takes
     * ({@link JdbcListing#propose}), so that neither stores a second one meanwhile.
     */
    public boolean recordTaken(UUID subject, ListType type, UUID recordKey) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 12))")
                .param("listing.propose:" + type.name() + ":" + subject + ":" + recordKey).query(Object.class).single();
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM listing.entry WHERE list_type = ? AND subject_id = ?
                            AND coalesce(record_key, id) = ? AND status NOT IN ('REJECTED', 'EXITED'))""")
                .params(type.name(), subject, recordKey).query(Boolean.class).single();
    }

    /** The batch, locked until the transaction ends: one decision only. */
    public Optional<MigrationBatch> lock(UUID id) {
        return jdbc.sql("SELECT " + BATCH_COLUMNS + " FROM listing.migration_batch b WHERE b.id = ? FOR UPDATE OF b")
                .param(id).query((rs, n) -> batch(rs)).optional();
    }

    public Optional<MigrationBatch> batch(UUID id) {
        return jdbc.sql("SELECT " + BATCH_COLUMNS + " FROM listing.migration_batch b WHERE b.id = ?")
                .param(id).query((rs, n) -> batch(rs)).optional();
    }

    /** The batches waiting, then the latest decided, the latest first. */
    public List<MigrationBatch> latest(int limit) {
        return jdbc.sql("SELECT " + BATCH_COLUMNS + " FROM listing.migration_batch b "
                        + "ORDER BY b.status <> 'PENDING', b.uploaded_at DESC LIMIT ?")
                .param(limit).query((rs, n) -> batch(rs)).list();
    }

    public void decide(UUID id, MigrationBatch.Status status, String by, String byName, Instant at, String note,
                       Integer stored) {
        jdbc.sql("""
                        UPDATE listing.migration_batch SET status = ?, decided_by = ?, decider_name = ?, decided_at = ?,
                               decision_note = ?, stored = ?
                         WHERE id = ? AND status = 'PENDING'""")
                .params(status.name(), by, byName, Timestamp.from(at), note, stored, id).update();
    }

    public List<MigratedRow> rows(UUID batchId) {
        return jdbc.sql("SELECT * FROM listing.migration_row WHERE batch_id = ? ORDER BY line").param(batchId)
                .query((rs, n) -> row(rs)).list();
    }

    /** The row an entry was stored from, if it was migrated. */
    public Optional<MigratedRow> rowOfEntry(UUID entryId) {
        return jdbc.sql("SELECT * FROM listing.migration_row WHERE entry_id = ?").param(entryId)
                .query((rs, n) -> row(rs)).optional();
    }

    public void stored(UUID batchId, long line, UUID entryId) {
        jdbc.sql("UPDATE listing.migration_row SET entry_id = ? WHERE batch_id = ? AND line = ?")
                .params(entryId, batchId, line).update();
    }

    /**
     * The lists and rules the subjects stand on, or are proposed to, by an entry already decided here or in force, as
     * {@code subjectId:LIST:RULE}: notified, in public notice or in force (a row for one of them lists the subject
     * twice for one basis).
     */
    public Set<String> listedOn(Collection<UUID> subjects) {
        return new HashSet<>(jdbc.sql("""
                        SELECT subject_id || ':' || list_type || ':' || rule_code FROM listing.entry
                        WHERE subject_id = ANY(?::uuid[]) AND rule_code IS NOT NULL
                          AND status IN ('NOTIFIED', 'PUBLIC_NOTICE', 'EFFECTIVE')""")
                .param(subjects.toArray(UUID[]::new)).query(String.class).list());
    }

    /**
     * The decisions of the older system already migrated, or waiting in a batch, for these subjects, as
     * {@code subjectId:LIST:RULE:actDay}: the same decision is not migrated twice, and not while a batch holds it.
     */
    public Set<String> migratedOrWaiting(Collection<UUID> subjects) {
        return new HashSet<>(jdbc.sql("""
                        SELECT r.subject_id || ':' || r.list_type || ':' || r.rule_code || ':' || r.act_day
                        FROM listing.migration_row r JOIN listing.migration_batch b ON b.id = r.batch_id
                        WHERE r.subject_id = ANY(?::uuid[]) AND (r.entry_id IS NOT NULL OR b.status = 'PENDING')""")
                .param(subjects.toArray(UUID[]::new)).query(String.class).list());
    }

    /**
     * The decisions of the older system migrated here for these subjects (approved, stored as entries), for the rule
     * evaluation, which proposes no entry on a record one of them rests on: as {@code subjectId:LIST:RULE:day:actDay}
     * and {@code subjectId:LIST:RULE:number:documentNumber}; and the entries they became, as {@code entry:entryId},
     * whose days the older system decided (the evaluation does not move them by its own arithmetic on the record they
     * rest on). One indexed look-up per evaluated chunk; none mostly.
     */
    public Set<String> migratedDecisions(Collection<UUID> subjects) {
        Set<String> keys = new HashSet<>();
        jdbc.sql("""
                        SELECT subject_id, list_type, rule_code, act_day, document_number, entry_id
                        FROM listing.migration_row
                        WHERE subject_id = ANY(?::uuid[]) AND entry_id IS NOT NULL""")
                .param(subjects.toArray(UUID[]::new)).query(rs -> {
                    String basis = rs.getObject("subject_id", UUID.class) + ":" + rs.getString("list_type") + ":"
                            + rs.getString("rule_code") + ":";
                    keys.add(basis + "day:" + rs.getDate("act_day").toLocalDate());
                    keys.add(basis + "number:" + rs.getString("document_number").strip());
                    keys.add("entry:" + rs.getObject("entry_id", UUID.class));
                });
        return keys;
    }

    /**
     * Ends, as superseded, the proposals a rule made from the back-loaded record of a decision now migrated (same
     * subject, list, rule and act day, still waiting for review): the decision was reviewed in the older system, and
     * waiting they would list the subject a second time. Returns their ids.
     */
    public List<UUID> supersedeProposals(UUID subject, ListType type, String ruleCode, LocalDate actDay, String by,
                                         Instant at, String note) {
        return jdbc.sql("""
                        UPDATE listing.entry SET status = 'REJECTED', reviewed_by = ?, reviewed_at = ?, review_note = ?,
                               change_seq = nextval('listing.change_seq')
                        WHERE subject_id = ? AND list_type = ? AND rule_code = ? AND act_day = ?
                          AND status = 'PROPOSED' AND proposed_by = 'system'
                        RETURNING id""")
                .params(by, Timestamp.from(at), note, subject, type.name(), ruleCode, date(actDay))
                .query(UUID.class).list();
    }

    /** An entry the older system decided, stored as it stands now: in force, or ended when its last day is past. */
    public record StoredEntry(UUID id, ListType type, String ruleCode, int ruleVersion, UUID subjectId,
                              String pseudonym, String name, String kind, String maskedNumber, UUID recordKey,
                              String department,
                              String legalBasis, String reasons, LocalDate actDay, EntryStatus status,
                              String proposedBy, Instant proposedAt, String reviewedBy, Instant reviewedAt,
                              String reviewNote, Instant effectiveFrom, LocalDate validUntil, Instant exitedAt,
                              String exitReason, boolean published, String seriousGround) {
    }

    public void store(StoredEntry e) {
        jdbc.sql("""
                        INSERT INTO listing.entry (id, list_type, rule_code, rule_version, subject_id, subject_pseudonym,
                            subject_name, subject_kind, masked_number, record_key, department_code, legal_basis, reasons,
                            act_day, status, proposed_by, proposed_at, reviewed_by, reviewed_at, review_note,
                            effective_from, valid_until, exited_at, exit_reason, published, serious_ground)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.id(), e.type().name(), e.ruleCode(), e.ruleVersion(), e.subjectId(), e.pseudonym(),
                        e.name(), e.kind(), e.maskedNumber(), e.recordKey(), e.department(), e.legalBasis(),
                        e.reasons(), date(e.actDay()), e.status().name(), e.proposedBy(), Timestamp.from(e.proposedAt()),
                        e.reviewedBy(), Timestamp.from(e.reviewedAt()), e.reviewNote(),
                        Timestamp.from(e.effectiveFrom()), date(e.validUntil()),
                        e.exitedAt() == null ? null : Timestamp.from(e.exitedAt()), e.exitReason(), e.published(),
                        e.seriousGround())
                .update();
    }

    private MigrationBatch batch(ResultSet rs) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        Object stored = rs.getObject("stored");
        return new MigrationBatch(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("digest"),
                rs.getInt("rows"), rs.getInt("accepted"), json.readValue(rs.getString("refused"), REFUSED),
                rs.getString("uploaded_by"), rs.getString("uploader_name"), rs.getTimestamp("uploaded_at").toInstant(),
                MigrationBatch.Status.valueOf(rs.getString("status")), rs.getString("decider_name"),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decision_note"),
                stored == null ? null : ((Number) stored).intValue());
    }

    private static MigratedRow row(ResultSet rs) throws SQLException {
        String channel = rs.getString("notice_channel");
        return new MigratedRow(rs.getObject("batch_id", UUID.class), rs.getLong("line"),
                rs.getObject("subject_id", UUID.class), SubjectKind.valueOf(rs.getString("subject_kind")),
                rs.getString("masked_number"), ListType.valueOf(rs.getString("list_type")), rs.getString("rule_code"),
                rs.getInt("rule_version"), day(rs, "act_day"), day(rs, "effective_from"), day(rs, "valid_until"),
                day(rs, "notice_issued_on"), day(rs, "notice_served_on"),
                channel == null ? null : NoticeDelivery.Channel.valueOf(channel), rs.getString("department_code"),
                rs.getString("document_number"), rs.getObject("entry_id", UUID.class), rs.getString("legacy_source_id"));
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
