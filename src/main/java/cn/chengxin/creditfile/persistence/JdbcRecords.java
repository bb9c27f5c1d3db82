package cn.chengxin.creditfile.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.NewRecord;
import cn.chengxin.creditfile.RecordStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The creditfile schema. */
@Repository
public class JdbcRecords {

    private static final TypeReference<Map<String, String>> CONTENT = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Current(UUID id, UUID recordKey, int version, String fingerprint, RecordStatus status) {
    }

    /** The current version of a department's record, locked for the rest of the transaction. */
    public Optional<Current> current(String departmentCode, String sourceRecordId) {
        return jdbc.sql("""
                        SELECT id, record_key, version, fingerprint, status FROM creditfile.record
                        WHERE department_code = ? AND source_record_id = ? AND current FOR UPDATE""")
                .params(departmentCode, sourceRecordId)
                .query((rs, n) -> new Current(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getString(4), RecordStatus.valueOf(rs.getString(5)))).optional();
    }

    public Optional<String> fingerprintOf(String departmentCode, String sourceRecordId, int version) {
        return jdbc.sql("SELECT fingerprint FROM creditfile.record WHERE department_code = ? AND source_record_id = ? "
                + "AND version = ?").params(departmentCode, sourceRecordId, version).query(String.class).optional();
    }

    /** @return false when the natural key already exists (a concurrent replay): nothing written */
    public boolean insert(UUID id, UUID recordKey, NewRecord r, RecordStatus status, UUID batchId, String by,
                          Instant at) {
        return jdbc.sql("""
                        INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code,
                               item_version, department_code, source_record_id, action, decision_number, decision_date,
                               content, fingerprint, status, publication_end, retention_end, linked_from, batch_id,
                               accepted_at, accepted_by)
                        VALUES (?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT ON CONSTRAINT record_natural_key DO NOTHING""")
                .params(id, recordKey, r.version(), r.subjectId(), r.itemCode(), r.itemVersion(), r.departmentCode(),
                        r.sourceRecordId(), r.action().name(), r.decisionNumber(), Date.valueOf(r.decisionDate()),
                        json.writeValueAsString(r.content()), r.fingerprint(), status.name(), date(r.publicationEnd()),
                        date(r.retentionEnd()), r.linkedFrom(), batchId, Timestamp.from(at), by)
                .update() == 1;
    }

    /** Every stored version of the department's records among {@code sources}. */
    public record Stored(String source, int version, String fingerprint, boolean current, UUID recordKey) {
    }

    public List<Stored> stored(String departmentCode, List<String> sources) {
        return jdbc.sql("""
                        SELECT source_record_id, version, fingerprint, current, record_key FROM creditfile.record
                        WHERE department_code = ? AND source_record_id = ANY(?::text[])""")
                .params(departmentCode, sources.toArray(String[]::new))
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, UUID.class))).list();
    }

    /**
     * Inserts new records (first versions, all of one department) in one statement; a natural key that
     * exists already is skipped. Writes their "reported" events in the same statement.
     *
     * @return the ids actually inserted
     */
    public Set<UUID> insertNew(List<UUID> ids, List<UUID> keys, List<NewRecord> records, UUID batchId, String by,
                               Instant at) {
        int n = records.size();
        UUID[] subject = new UUID[n];
        String[] item = new String[n];
        Integer[] itemVersion = new Integer[n];
        String[] source = new String[n];
        Integer[] version = new Integer[n];
        String[] decisionNumber = new String[n];
        String[] decisionDate = new String[n];
        String[] content = new String[n];
        String[] fingerprint = new String[n];
        String[] publicationEnd = new String[n];
        String[] retentionEnd = new String[n];
        UUID[] linkedFrom = new UUID[n];
        for (int i = 0; i < n; i++) {
            NewRecord r = records.get(i);
            subject[i] = r.subjectId();
            item[i] = r.itemCode();
            itemVersion[i] = r.itemVersion();
            source[i] = r.sourceRecordId();
            version[i] = r.version();
            decisionNumber[i] = r.decisionNumber();
            decisionDate[i] = r.decisionDate().toString();
            content[i] = json.writeValueAsString(r.content());
            fingerprint[i] = r.fingerprint();
            publicationEnd[i] = r.publicationEnd() == null ? null : r.publicationEnd().toString();
            retentionEnd[i] = r.retentionEnd() == null ? null : r.retentionEnd().toString();
            linkedFrom[i] = r.linkedFrom();
        }
        return Set.copyOf(jdbc.sql("""
                        WITH inserted AS (
                            INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code,
                                   item_version, department_code, source_record_id, action, decision_number,
                                   decision_date, content, fingerprint, status, publication_end, retention_end,
                                   linked_from, batch_id, accepted_at, accepted_by)
                            SELECT u.id, u.key, u.version, true, u.subject, u.item, u.item_version, ?, u.source, 'ADD',
                                   u.decision_number, u.decision_date::date, u.content::jsonb, u.fingerprint, 'ACTIVE',
                                   u.publication_end::date, u.retention_end::date, u.linked_from, ?, ?, ?
                            FROM unnest(?::uuid[], ?::uuid[], ?::int[], ?::uuid[], ?::text[], ?::int[], ?::text[],
                                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[])
                                 AS u(id, key, version, subject, item, item_version, source, decision_number,
                                      decision_date, content, fingerprint, publication_end, retention_end, linked_from)
                            ON CONFLICT ON CONSTRAINT record_natural_key DO NOTHING
                            RETURNING id),
                        logged AS (
                            INSERT INTO creditfile.record_event (record_id, at, from_status, to_status, by_whom, reason)
                            SELECT id, ?, NULL, 'ACTIVE', ?, '报送' FROM inserted)
                        SELECT id FROM inserted""")
                .params(records.get(0).departmentCode(), batchId, Timestamp.from(at), by,
                        ids.toArray(UUID[]::new), keys.toArray(UUID[]::new), version, subject, item, itemVersion, source,
                        decisionNumber, decisionDate, content, fingerprint, publicationEnd, retentionEnd, linkedFrom,
                        Timestamp.from(at), by)
                .query(UUID.class).list());
    }

    public List<cn.chengxin.creditfile.CreditFile.Timeliness> timeliness() {
        return jdbc.sql("""
                        SELECT department_code, count(*),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY (accepted_at::date - decision_date)),
                               percentile_cont(0.9) WITHIN GROUP (ORDER BY (accepted_at::date - decision_date))
                        FROM creditfile.record WHERE version = 1 AND linked_from IS NULL
                        GROUP BY department_code ORDER BY department_code""")
                .query((rs, n) -> new cn.chengxin.creditfile.CreditFile.Timeliness(rs.getString(1), rs.getLong(2),
                        rs.getDouble(3), rs.getDouble(4))).list();
    }

    public void supersede(UUID id) {
        jdbc.sql("UPDATE creditfile.record SET current = false WHERE id = ?").param(id).update();
    }

    public void event(UUID recordId, Instant at, RecordStatus from, RecordStatus to, String by, String reason) {
        jdbc.sql("INSERT INTO creditfile.record_event (record_id, at, from_status, to_status, by_whom, reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(recordId, Timestamp.from(at), from == null ? null : from.name(), to.name(), by, reason).update();
    }

    /** Moves every current record in {@code from} whose date column ended before {@code today}; returns subjects. */
    public Set<UUID> moveDue(RecordStatus from, RecordStatus to, String dateColumn, LocalDate today, Instant at,
                             String by, String reason) {
        return Set.copyOf(jdbc.sql("""
                        WITH moved AS (
                            UPDATE creditfile.record SET status = ?
                            WHERE current AND status = ? AND %s < ?
                            RETURNING id, subject_id),
                        logged AS (
                            INSERT INTO creditfile.record_event (record_id, at, from_status, to_status, by_whom, reason)
                            SELECT id, ?, ?, ?, ?, ? FROM moved)
                        SELECT DISTINCT subject_id FROM moved""".formatted(dateColumn))
                .params(to.name(), from.name(), Date.valueOf(today), Timestamp.from(at), from.name(), to.name(), by,
                        reason)
                .query(UUID.class).list());
    }

    public List<FileEntry> currentOf(UUID subjectId) {
        return jdbc.sql("""
                        SELECT record_key, version, item_code, department_code, decision_number, decision_date,
                               content::text, status, publication_end, linked_from IS NOT NULL, accepted_at
                        FROM creditfile.record WHERE subject_id = ? AND current ORDER BY decision_date DESC""")
                .param(subjectId).query(this::entry).list();
    }

    private FileEntry entry(ResultSet rs, int n) throws SQLException {
        Date end = rs.getDate(9);
        return new FileEntry(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getDate(6).toLocalDate(), json.readValue(rs.getString(7), CONTENT),
                RecordStatus.valueOf(rs.getString(8)), end == null ? null : end.toLocalDate(), rs.getBoolean(10),
                rs.getTimestamp(11).toInstant());
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
