package cn.chengxin.creditfile.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.NewRecord;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.shared.jdbc.BinaryCopyWriter;
import cn.chengxin.shared.jdbc.PostgresCopy;
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
    private final DataSource dataSource;

    public JdbcRecords(JdbcClient jdbc, JsonMapper json, DataSource dataSource) {
        this.jdbc = jdbc;
        this.json = json;
        this.dataSource = dataSource;
    }

    /** The current version of a record: what a revocation that repeats none of it takes (issue #4). */
    public record Current(UUID id, UUID recordKey, int version, String fingerprint, RecordStatus status,
                          UUID subjectId, String itemCode, String decisionNumber, LocalDate decisionDate,
                          Map<String, String> content, LocalDate publicationEnd, LocalDate retentionEnd) {
    }

    /**
     * How often a statement that locks or moves a record's current version is run again when it finds none. A version
     * that another transaction retires while this one waits for its lock is skipped, and that transaction's new
     * version, committed after this statement began, is not in its snapshot; the next statement's is (READ COMMITTED).
     * Each retry outlasts one more writer of the same record at once; a record never sent costs the retries, rare, as
     * ingestion refuses those before it stores.
     */
    private static final int RETRIES = 2;

    /**
     * The current version of a department's record, locked for the rest of the transaction: read again when a
     * concurrent version retired the one this waited for ({@link #RETRIES}), so that two versions sent at once are
     * stored one after the other rather than the second refused as of a record never sent.
     */
    public Optional<Current> current(String departmentCode, String sourceRecordId) {
        Optional<Current> found = lockCurrent(departmentCode, sourceRecordId);
        for (int retry = 0; retry < RETRIES && found.isEmpty(); retry++) {
            found = lockCurrent(departmentCode, sourceRecordId);
        }
        return found;
    }

    private Optional<Current> lockCurrent(String departmentCode, String sourceRecordId) {
        return jdbc.sql("""
                        SELECT id, record_key, version, fingerprint, status, subject_id, item_code, decision_number,
                               decision_date, content::text, publication_end, retention_end FROM creditfile.record
                        WHERE department_code = ? AND source_record_id = ? AND current FOR UPDATE""")
                .params(departmentCode, sourceRecordId)
                .query((rs, n) -> new Current(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getString(4), RecordStatus.valueOf(rs.getString(5)), rs.getObject(6, UUID.class),
                        rs.getString(7), rs.getString(8), rs.getDate(9).toLocalDate(),
                        json.readValue(rs.getString(10), CONTENT), localDate(rs.getDate(11)),
                        localDate(rs.getDate(12)))).optional();
    }

    /**
     * Whether someone other than {@code windows} (the job that ends publication) ever took a version of the record out
     * of display into EXPIRED: a decision about the record, such as an objection upheld as 停止公示. Reads the versions
     * by their natural key and their state events by version.
     */
    public boolean stoppedByDecision(String departmentCode, String sourceRecordId, String windows) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM creditfile.record v
                                       JOIN creditfile.record_event e ON e.record_id = v.id
                                       WHERE v.department_code = ? AND v.source_record_id = ?
                                         AND e.from_status IN ('ACTIVE', 'IN_DISPUTE') AND e.to_status = 'EXPIRED'
                                         AND e.by_whom <> ?)""")
                .params(departmentCode, sourceRecordId, windows).query(Boolean.class).single();
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
                               accepted_at, accepted_by, revocation_reason)
                        VALUES (?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT ON CONSTRAINT record_natural_key DO NOTHING""")
                .params(id, recordKey, r.version(), r.subjectId(), r.itemCode(), r.itemVersion(), r.departmentCode(),
                        r.sourceRecordId(), r.action().name(), r.decisionNumber(), Date.valueOf(r.decisionDate()),
                        json.writeValueAsString(r.content()), r.fingerprint(), status.name(), date(r.publicationEnd()),
                        date(r.retentionEnd()), r.linkedFrom(), batchId, Timestamp.from(at), by, r.revocationReason())
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

    /** The item of each of the department's records among {@code sources}, by source record id. */
    public Map<String, String> itemsOf(String departmentCode, List<String> sources) {
        return jdbc.sql("""
                        SELECT source_record_id, item_code FROM creditfile.record
                        WHERE department_code = ? AND source_record_id = ANY(?::text[]) AND current""")
                .params(departmentCode, sources.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The columns of {@code record_stage}, each row gives them all. */
    private static final int STAGED_COLUMNS = 15;

    /** The columns a first version fills, in the order {@link #insertNew} copies them; the others stay null. */
    private static final String NEW_RECORD_COLUMNS = """
            creditfile.record (id, record_key, version, current, subject_id, item_code, item_version, department_code,
                               source_record_id, action, decision_number, decision_date, content, fingerprint, status,
                               publication_end, retention_end, linked_from, batch_id, accepted_at, accepted_by)""";

    private static final int NEW_RECORD_COLUMN_COUNT = 21;

    private static final byte[] ADD = "ADD".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /**
     * Inserts new records (first versions, all of one department) set-based; a natural key that exists
     * already is skipped. A first version needs no state event: the row itself says who accepted it, when
     * and from which batch; events record the changes that follow.
     *
     * @return the ids actually inserted
     */
    public Set<UUID> insertNew(List<UUID> ids, List<UUID> keys, List<NewRecord> records, List<RecordStatus> statuses,
                               UUID batchId, String by, Instant at) {
        // The caller stores here only versions not stored when it read them, with new ids and record keys: nothing
        // stored can conflict with them, only a concurrent writer of the same versions (a replay racing this one).
        // So the rows are copied straight into the table, in PostgreSQL's binary COPY form, the statement triggers
        // firing as on an insert; a unique violation undoes the COPY (a savepoint), and the staging path, which
        // skips the versions stored meanwhile, stores the rest.
        byte[] department = records.get(0).departmentCode().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] acceptedBy = by.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        BinaryCopyWriter rows = new BinaryCopyWriter();
        for (int i = 0; i < records.size(); i++) {
            NewRecord r = records.get(i);
            rows.row(NEW_RECORD_COLUMN_COUNT).uuid(ids.get(i)).uuid(keys.get(i)).int4(r.version()).bool(true)
                    .uuid(r.subjectId()).text(r.itemCode()).int4(r.itemVersion()).utf8(department)
                    .text(r.sourceRecordId()).utf8(ADD).text(r.decisionNumber()).date(r.decisionDate())
                    .jsonb(json.writeValueAsBytes(r.content())).text(r.fingerprint()).text(statuses.get(i).name())
                    .date(r.publicationEnd()).date(r.retentionEnd()).uuid(r.linkedFrom()).uuid(batchId).timestamp(at)
                    .utf8(acceptedBy);
        }
        if (PostgresCopy.copyInUnlessDuplicate(dataSource, NEW_RECORD_COLUMNS, rows)) {
            return Set.copyOf(ids);
        }
        return insertNewStaged(ids, keys, records, statuses, batchId, by, at);
    }

    /**
     * {@link #insertNew} when some of the versions were stored concurrently: through a per-connection staging table
     * and one {@code INSERT … SELECT … ON CONFLICT DO NOTHING}, which skips those.
     */
    private Set<UUID> insertNewStaged(List<UUID> ids, List<UUID> keys, List<NewRecord> records,
                                      List<RecordStatus> statuses, UUID batchId, String by, Instant at) {
        // The rows vanish at commit.
        jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS record_stage (
                    id uuid, record_key uuid, version int, subject_id uuid, item_code text, item_version int,
                    source_record_id text, decision_number text, decision_date date, content jsonb, fingerprint text,
                    publication_end date, retention_end date, linked_from uuid, status text)
                    ON COMMIT DELETE ROWS""").update();
        BinaryCopyWriter rows = new BinaryCopyWriter();
        for (int i = 0; i < records.size(); i++) {
            NewRecord r = records.get(i);
            rows.row(STAGED_COLUMNS).uuid(ids.get(i)).uuid(keys.get(i)).int4(r.version()).uuid(r.subjectId())
                    .text(r.itemCode()).int4(r.itemVersion()).text(r.sourceRecordId()).text(r.decisionNumber())
                    .date(r.decisionDate()).jsonb(json.writeValueAsBytes(r.content())).text(r.fingerprint())
                    .date(r.publicationEnd()).date(r.retentionEnd()).uuid(r.linkedFrom())
                    .text(statuses.get(i).name());
        }
        PostgresCopy.copyIn(dataSource, "record_stage", rows);
        return Set.copyOf(jdbc.sql("""
                        INSERT INTO %s
                        SELECT id, record_key, version, true, subject_id, item_code, item_version, ?, source_record_id,
                               'ADD', decision_number, decision_date, content, fingerprint, status, publication_end,
                               retention_end, linked_from, ?, ?, ?
                        FROM record_stage
                        ON CONFLICT ON CONSTRAINT record_natural_key DO NOTHING
                        RETURNING id""".formatted(NEW_RECORD_COLUMNS))
                .params(records.get(0).departmentCode(), batchId, Timestamp.from(at), by)
                .query(UUID.class).list());
    }

    /**
     * The history of each of the subject's records, by record key, each oldest first: each version as stored (the
     * bulk store of first versions writes no event for it, so the version's own row tells), then the changes of
     * status its events record.
     */
    public Map<UUID, List<cn.chengxin.creditfile.HistoryStep>> historyOf(UUID subjectId) {
        Map<UUID, List<cn.chengxin.creditfile.HistoryStep>> history = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT record_key, version, at, action, from_status, to_status, by_whom, reason FROM (
                            SELECT r.record_key, r.version, r.accepted_at AS at, 0 AS seq, r.action,
                                   NULL AS from_status, NULL AS to_status, r.accepted_by AS by_whom,
                                   CASE WHEN r.action = 'REVOKE' THEN r.revocation_reason END AS reason
                            FROM creditfile.record r WHERE r.subject_id = ?
                            UNION ALL
                            SELECT r.record_key, r.version, e.at, e.id, NULL, e.from_status, e.to_status, e.by_whom,
                                   e.reason
                            FROM creditfile.record r JOIN creditfile.record_event e ON e.record_id = r.id
                            WHERE r.subject_id = ? AND e.from_status IS NOT NULL) h
                        ORDER BY record_key, at, version, seq""")
                .params(subjectId, subjectId)
                .query(rs -> {
                    String action = rs.getString(4);
                    String from = rs.getString(5);
                    String to = rs.getString(6);
                    history.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                            .add(new cn.chengxin.creditfile.HistoryStep(rs.getInt(2), rs.getTimestamp(3).toInstant(),
                                    action == null ? null : cn.chengxin.creditfile.RecordAction.valueOf(action),
                                    from == null ? null : RecordStatus.valueOf(from),
                                    to == null ? null : RecordStatus.valueOf(to), rs.getString(7), rs.getString(8)));
                });
        return history;
    }

    public void supersede(UUID id) {
        jdbc.sql("UPDATE creditfile.record SET current = false WHERE id = ?").param(id).update();
    }

    public void event(UUID recordId, Instant at, RecordStatus from, RecordStatus to, String by, String reason) {
        jdbc.sql("INSERT INTO creditfile.record_event (record_id, at, from_status, to_status, by_whom, reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(recordId, Timestamp.from(at), from == null ? null : from.name(), to.name(), by, reason).update();
    }

    /**
     * Moves the current version of one record of the subject from one of {@code from} to {@code to}, with its state
     * event; the record's item code, or empty when the record is not the subject's, not current or in another state.
     * Tried again when it moved nothing ({@link #RETRIES}): a version its department stored while this waited for the
     * row retired the row, and the mark (异议中, say) belongs on the new version.
     */
    public Optional<String> move(UUID subjectId, UUID recordKey, Set<RecordStatus> from, RecordStatus to, Instant at,
                                 String by, String reason) {
        Optional<String> moved = moveOnce(subjectId, recordKey, from, to, at, by, reason);
        for (int retry = 0; retry < RETRIES && moved.isEmpty(); retry++) {
            moved = moveOnce(subjectId, recordKey, from, to, at, by, reason);
        }
        return moved;
    }

    private Optional<String> moveOnce(UUID subjectId, UUID recordKey, Set<RecordStatus> from, RecordStatus to,
                                      Instant at, String by, String reason) {
        return jdbc.sql("""
                        WITH moved AS (
                            UPDATE creditfile.record r SET status = ?
                            WHERE current AND subject_id = ? AND record_key = ? AND status = ANY(?)
                            RETURNING id, item_code, (SELECT status FROM creditfile.record o WHERE o.id = r.id) AS was),
                        logged AS (
                            INSERT INTO creditfile.record_event (record_id, at, from_status, to_status, by_whom, reason)
                            SELECT id, ?, was, ?, ?, ? FROM moved)
                        SELECT item_code FROM moved""")
                .params(to.name(), subjectId, recordKey, from.stream().map(Enum::name).toArray(String[]::new),
                        Timestamp.from(at), to.name(), by, reason)
                .query(String.class).optional();
    }

    /** Where a current record comes from: its department's natural key, and whether it is itself a linked copy. */
    public record Origin(String departmentCode, String sourceRecordId, boolean linkedCopy) {
    }

    public Optional<Origin> originOf(UUID subjectId, UUID recordKey) {
        return jdbc.sql("""
                        SELECT department_code, source_record_id, linked_from IS NOT NULL FROM creditfile.record
                        WHERE current AND subject_id = ? AND record_key = ?""")
                .params(subjectId, recordKey)
                .query((rs, n) -> new Origin(rs.getString(1), rs.getString(2), rs.getBoolean(3))).optional();
    }

    /**
     * The id the current copy linked from {@code linkKey} onto {@code subjectId} is stored under (none: the person has
     * no copy of the record): read through the copies' index (V122), a record's copies being few.
     */
    public Optional<String> copySource(String departmentCode, UUID linkKey, UUID subjectId) {
        return jdbc.sql("""
                        SELECT source_record_id FROM creditfile.record
                        WHERE linked_from = ? AND current AND department_code = ? AND subject_id = ?""")
                .params(linkKey, departmentCode, subjectId).query(String.class).optional();
    }

    /**
     * The subjects holding a current copy of each of the department's records among {@code linkKeys}
     * ({@link NewRecord#linkKey}), through the copies' index (V122).
     */
    public java.util.Map<UUID, List<UUID>> copyHolders(String departmentCode, java.util.Collection<UUID> linkKeys) {
        java.util.Map<UUID, List<UUID>> holders = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT linked_from, subject_id FROM creditfile.record
                        WHERE linked_from = ANY (?) AND current AND department_code = ?""")
                .params(linkKeys.toArray(UUID[]::new), departmentCode)
                .query((rs, n) -> holders.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return holders;
    }

    /**
     * Moves the current copies linked from {@code linkKey} ({@link NewRecord#linkKey}) that are in one of {@code from}
     * to {@code to}, each with its state event; returns them. The copies are the department's records: the lookup
     * reads that department's part of the natural key's index, not the whole table (a decision is rare).
     */
    public List<cn.chengxin.creditfile.RecordStatesChanged.ChangedRecord> moveCopies(String departmentCode,
            UUID linkKey, Set<RecordStatus> from, RecordStatus to, Instant at, String by, String reason) {
        return jdbc.sql("""
                        WITH moved AS (
                            UPDATE creditfile.record r SET status = ?
                            WHERE current AND department_code = ? AND linked_from = ? AND status = ANY(?)
                            RETURNING id, subject_id, record_key, item_code,
                                      (SELECT status FROM creditfile.record o WHERE o.id = r.id) AS was),
                        logged AS (
                            INSERT INTO creditfile.record_event (record_id, at, from_status, to_status, by_whom, reason)
                            SELECT id, ?, was, ?, ?, ? FROM moved)
                        SELECT subject_id, record_key, item_code FROM moved""")
                .params(to.name(), departmentCode, linkKey, from.stream().map(Enum::name).toArray(String[]::new),
                        Timestamp.from(at), to.name(), by, reason)
                .query(JdbcRecords::changedRecord).list();
    }

    /**
     * Moves up to {@code limit} current records in one of {@code from} whose date column ended before {@code today},
     * but those {@code held}, each with its state event; returns them. Records moved leave {@code from}, so the next
     * call takes the next ones: the caller moves a chunk per transaction until none is left (gaps review xlii W3).
     * With {@code subjectIds} (null: every subject), only the records of those subjects.
     */
    public List<cn.chengxin.creditfile.RecordStatesChanged.ChangedRecord> moveDue(
            java.util.Collection<UUID> subjectIds, Set<RecordStatus> from, RecordStatus to, String dateColumn,
            LocalDate today, java.util.Collection<UUID> held, int limit, Instant at, String by, String reason) {
        List<Object> params = new ArrayList<>();
        if (subjectIds != null) {
            params.add(subjectIds.toArray(UUID[]::new));
        }
        params.addAll(List.of(Date.valueOf(today), held.toArray(UUID[]::new), limit, to.name(), Timestamp.from(at),
                to.name(), by, reason));
        return jdbc.sql(moveDueSql(from, dateColumn, subjectIds != null)).params(params)
                .query(JdbcRecords::changedRecord).list();
    }

    /**
     * {@link #moveDue}'s statement. The states are written into it, not bound: the planner then sees that they fall
     * within the partial index on the column whatever plan it caches — record_shown_due (V650, ACTIVE and IN_DISPUTE)
     * for publication, record_retention_due (V48, the closed states) for retention. The states must be the index's:
     * with V9's index of the ACTIVE ones only, the move read the whole table (gaps review xlii W1). The rows are
     * locked before they are moved: a second instance moving at the same time waits for them, finds them moved and
     * takes the next ones. The chunk's rows are then found by their keys, whatever the table's size. For some
     * subjects ({@code ofSubjects}, their ids the first parameter), their records are read from record_by_subject.
     */
    static String moveDueSql(Set<RecordStatus> from, String dateColumn, boolean ofSubjects) {
        String states = from.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", "));
        return """
                WITH due AS (
                    SELECT id FROM creditfile.record
                    WHERE current AND %s status IN (%s) AND %s < ? AND NOT (record_key = ANY (?))
                    LIMIT ? FOR UPDATE),
                moved AS (
                    UPDATE creditfile.record r SET status = ?
                    WHERE r.id = ANY (ARRAY(SELECT id FROM due))
                    RETURNING r.id, r.subject_id, r.record_key, r.item_code,
                              (SELECT status FROM creditfile.record o WHERE o.id = r.id) AS was),
                logged AS (
                    INSERT INTO creditfile.record_event (record_id, at, from_status, to_status, by_whom, reason)
                    SELECT id, ?, was, ?, ?, ? FROM moved)
                SELECT subject_id, record_key, item_code FROM moved""".formatted(
                ofSubjects ? "subject_id = ANY (?) AND" : "", states, dateColumn);
    }

    /**
     * Revokes up to {@code limit} current records of the item that are in one of {@code from}, the first in key order,
     * with {@code reason} as their revocation reason and a state event each; returns them in key order. Records
     * revoked leave {@code from}, so the next call takes the next ones: no cursor to lose, and a version its department
     * stored meanwhile is taken in its turn.
     */
    public List<cn.chengxin.creditfile.RecordStatesChanged.ChangedRecord> revokeOfItem(String itemCode,
            Set<RecordStatus> from, int limit, Instant at, String by, String reason) {
        String[] states = from.stream().map(Enum::name).toArray(String[]::new);
        return jdbc.sql("""
                        WITH chosen AS (
                            SELECT id FROM creditfile.record
                            WHERE current AND item_code = ? AND status = ANY(?::text[])
                            ORDER BY record_key LIMIT ? FOR UPDATE),
                        moved AS (
                            UPDATE creditfile.record r SET status = 'REVOKED', revocation_reason = ?
                            FROM chosen WHERE r.id = chosen.id AND r.current AND r.status = ANY(?::text[])
                            RETURNING r.id, r.subject_id, r.record_key, r.item_code,
                                      (SELECT status FROM creditfile.record o WHERE o.id = r.id) AS was),
                        logged AS (
                            INSERT INTO creditfile.record_event (record_id, at, from_status, to_status, by_whom, reason)
                            SELECT id, ?, was, 'REVOKED', ?, ? FROM moved)
                        SELECT subject_id, record_key, item_code FROM moved ORDER BY record_key""")
                .params(itemCode, states, limit, reason, states, Timestamp.from(at), by, reason)
                .query(JdbcRecords::changedRecord).list();
    }

    /**
     * Takes the transaction's shared lock on each of these items, which the approval of an item's withdrawal for a
     * revoked basis takes exclusively ({@link #lockItemExclusively}): a transaction storing versions under the item
     * commits before the approval does, so that the withdrawal's pass, which starts after the approval, finds them, or
     * it waits for the approval and then finds its pass ({@link #itemsBeingWithdrawn}, read after this statement).
     * Taken in code order; shared locks never wait for each other.
     */
    /**
     * Lifts the requests' statement timeout for the rest of the transaction: a chunk of a batch is bounded by its size
     * (gaps review xxxiii N12).
     */
    public void allowLongStatements() {
        cn.chengxin.shared.jdbc.LongStatements.allowIn(jdbc);
    }

    public void lockItemsShared(java.util.Collection<String> itemCodes) {
        if (itemCodes.isEmpty()) {
            return;
        }
        String[] sorted = itemCodes.stream().distinct().sorted().toArray(String[]::new);
        jdbc.sql("SELECT count(pg_advisory_xact_lock_shared(hashtextextended('creditfile.item:' || c, 7))) "
                + "FROM unnest(?::text[]) AS c").param(sorted).query(Long.class).single();
    }

    /** The exclusive counterpart of {@link #lockItemsShared}, held until the caller's transaction ends. */
    public void lockItemExclusively(String itemCode) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('creditfile.item:' || ?, 7))").param(itemCode)
                .query(Object.class).single();
    }

    /**
     * Those of these items whose records are withdrawn for a revoked basis: the withdrawal's pass started (V150),
     * committed with its approval. An item is withdrawn once, so a pass, finished or not, is for good.
     */
    public Set<String> itemsBeingWithdrawn(java.util.Collection<String> itemCodes) {
        return itemCodes.isEmpty() ? Set.of() : Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT item_code FROM creditfile.basis_revocation_pass WHERE item_code = ANY(?)""")
                .param(itemCodes.stream().distinct().toArray(String[]::new)).query(String.class).list());
    }

    /**
     * Of these items, those a catalogue version shortened the periods of (a pass of V208 started, committed with the
     * version's approval), each with the latest such version.
     */
    public Map<String, Integer> latestShorteningVersions(java.util.Collection<String> itemCodes) {
        Map<String, Integer> latest = new java.util.HashMap<>();
        if (!itemCodes.isEmpty()) {
            jdbc.sql("""
                            SELECT item_code, max(item_version) FROM creditfile.period_shortening_pass
                            WHERE item_code = ANY(?) GROUP BY item_code""")
                    .param(itemCodes.stream().distinct().toArray(String[]::new))
                    .query(rs -> {
                        latest.put(rs.getString(1), rs.getInt(2));
                    });
        }
        return latest;
    }

    /**
     * Takes up to {@code limit} of the record changes a migration left to announce (V89), removing them in the
     * caller's transaction; rows another transaction is taking are skipped.
     */
    public List<cn.chengxin.creditfile.RecordStatesChanged.ChangedRecord> takeUnannounced(int limit) {
        return jdbc.sql("""
                        DELETE FROM creditfile.unannounced_change
                        WHERE ctid IN (SELECT ctid FROM creditfile.unannounced_change LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING subject_id, record_key, item_code""")
                .param(limit).query(JdbcRecords::changedRecord).list();
    }

    /** Columns subject_id, record_key, item_code. */
    private static cn.chengxin.creditfile.RecordStatesChanged.ChangedRecord changedRecord(ResultSet rs, int n)
            throws SQLException {
        return new cn.chengxin.creditfile.RecordStatesChanged.ChangedRecord(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getString(3));
    }

    public List<FileEntry> currentOf(UUID subjectId) {
        return jdbc.sql("""
                        SELECT record_key, version, item_code, department_code, decision_number, decision_date,
                               content::text, status, publication_end, linked_from IS NOT NULL, accepted_at,
                               revocation_reason, item_version
                        FROM creditfile.record WHERE subject_id = ? AND current ORDER BY decision_date DESC""")
                .param(subjectId).query(this::entry).list();
    }

    /**
     * The current version of one of the subject's records, as {@link #currentOf} holds it: one row through
     * {@code record_one_current (record_key) WHERE current} (V9); a record of another subject is not returned.
     */
    public Optional<FileEntry> currentRecord(UUID subjectId, UUID recordKey) {
        return jdbc.sql("""
                        SELECT record_key, version, item_code, department_code, decision_number, decision_date,
                               content::text, status, publication_end, linked_from IS NOT NULL, accepted_at,
                               revocation_reason, item_version
                        FROM creditfile.record WHERE record_key = ? AND current AND subject_id = ?""")
                .params(recordKey, subjectId).query(this::entry).optional();
    }

    /** Locks the record's current row: {@code FOR SHARE}, or {@code FOR NO KEY UPDATE} as its status change would. */
    public void lockCurrent(UUID subjectId, UUID recordKey, boolean shared) {
        jdbc.sql("SELECT 1 FROM creditfile.record WHERE record_key = ? AND current AND subject_id = ? "
                        + (shared ? "FOR SHARE" : "FOR NO KEY UPDATE"))
                .params(recordKey, subjectId).query(Integer.class).list();
    }

    /** Shown records (有效, 异议中) with this decision document number, at most {@code limit}. */
    public List<cn.chengxin.creditfile.SubjectEntry> shownWithDecisionNumber(String decisionNumber, LocalDate today,
                                                                           int limit) {
        return jdbc.sql(SHOWN_WITH_DECISION_NUMBER)
                .params(decisionNumber, today, limit)
                .query((rs, n) -> new cn.chengxin.creditfile.SubjectEntry(rs.getObject(12, UUID.class), entry(rs, n)))
                .list();
    }

    /**
     * {@link #shownWithDecisionNumber}'s statement: the number compared for equality only, as V970's hash index of the
     * shown records' numbers can answer (its plan is tested: DecisionNumberPlanIT).
     */
    static final String SHOWN_WITH_DECISION_NUMBER = """
                        SELECT record_key, version, item_code, department_code, decision_number, decision_date,
                               content::text, status, publication_end, linked_from IS NOT NULL, accepted_at, subject_id,
                               revocation_reason, item_version
                        FROM creditfile.record
                        WHERE decision_number = ? AND current AND status IN ('ACTIVE', 'IN_DISPUTE')
                          AND (publication_end IS NULL OR publication_end >= ?)
                        ORDER BY decision_date DESC LIMIT ?""";

    /**
     * A page of the shown records (有效, 异议中, within their window on {@code today}) of the items, the most recently
     * decided first, skipping {@code offset}. Each item's records are read in the order of the index V429 holds them,
     * at most {@code offset + limit} of each, and only those merged (gaps review xxxv P5): a page costs the items times
     * the page's depth, never a sort of every shown record of the items. The browse pages go no deeper than 50 pages.
     */
    public List<cn.chengxin.creditfile.SubjectEntry> shownOfItems(Set<String> items, LocalDate today, int offset,
                                                                  int limit) {
        return jdbc.sql(SHOWN_OF_ITEMS)
                .params(items.toArray(String[]::new), today, offset + limit, offset, limit)
                .query((rs, n) -> new cn.chengxin.creditfile.SubjectEntry(rs.getObject(12, UUID.class), entry(rs, n)))
                .list();
    }

    /** {@link #shownOfItems}'s statement (its plan is tested: ShownRecordsPlanIT). */
    static final String SHOWN_OF_ITEMS = """
                        SELECT r.record_key, r.version, r.item_code, r.department_code, r.decision_number,
                               r.decision_date, r.content::text, r.status, r.publication_end,
                               r.linked_from IS NOT NULL, r.accepted_at, r.subject_id, r.revocation_reason,
                               r.item_version
                        FROM unnest(?::text[]) AS i(code) CROSS JOIN LATERAL (
                            SELECT * FROM creditfile.record x
                            WHERE x.current AND x.item_code = i.code AND x.status IN ('ACTIVE', 'IN_DISPUTE')
                              AND (x.publication_end IS NULL OR x.publication_end >= ?)
                            ORDER BY x.decision_date DESC, x.record_key LIMIT ?) r
                        ORDER BY r.decision_date DESC, r.record_key OFFSET ? LIMIT ?""";

    /** Active records of the given items decided in [from, from + days) of each item. */
    public List<cn.chengxin.creditfile.SubjectEntry> activeDecidedWithin(Map<String, LocalDate> fromByItem, int days) {
        List<String> codes = new java.util.ArrayList<>(fromByItem.keySet());
        String[] from = codes.stream().map(c -> fromByItem.get(c).toString()).toArray(String[]::new);
        return jdbc.sql("""
                        SELECT r.record_key, r.version, r.item_code, r.department_code, r.decision_number,
                               r.decision_date, r.content::text, r.status, r.publication_end, r.linked_from IS NOT NULL,
                               r.accepted_at, r.subject_id, r.revocation_reason, r.item_version
                        FROM creditfile.record r
                        JOIN unnest(?::text[], ?::date[]) AS w(item_code, from_day) ON w.item_code = r.item_code
                        WHERE r.current AND r.status = 'ACTIVE'
                          AND r.decision_date >= w.from_day AND r.decision_date < w.from_day + ?""")
                .params(codes.toArray(String[]::new), from, days)
                .query((rs, n) -> new cn.chengxin.creditfile.SubjectEntry(rs.getObject(12, UUID.class), entry(rs, n)))
                .list();
    }

    /**
     * Current records of the items in one of the statuses, with a record key after {@code after}, in key order:
     * pages through the unique index of current versions. Content is left out (empty).
     */
    public List<cn.chengxin.creditfile.SubjectEntry> currentOfItems(Set<String> items, Set<RecordStatus> statuses,
                                                                    UUID after, int limit) {
        return jdbc.sql("""
                        SELECT record_key, version, item_code, department_code, decision_number, decision_date,
                               '{}', status, publication_end, linked_from IS NOT NULL, accepted_at, subject_id,
                               revocation_reason, item_version
                        FROM creditfile.record
                        WHERE current AND record_key > ? AND item_code = ANY(?::text[]) AND status = ANY(?::text[])
                        ORDER BY record_key LIMIT ?""")
                .params(after == null ? new UUID(0, 0) : after, items.toArray(String[]::new),
                        statuses.stream().map(Enum::name).toArray(String[]::new), limit)
                .query((rs, n) -> new cn.chengxin.creditfile.SubjectEntry(rs.getObject(12, UUID.class), entry(rs, n)))
                .list();
    }

    /** The current versions of many subjects' records at once, by subject. */
    public Map<UUID, List<FileEntry>> currentOfAll(java.util.Collection<UUID> subjectIds) {
        return currentOfAll(subjectIds, null, null);
    }

    /**
     * As {@link #currentOfAll(java.util.Collection)}, the content read only of the records of {@code contentOfItems}
     * or with a key in {@code contentOfRecords}, the others' left out (empty); both null: every record's. Turning each
     * record's content to text and parsing it was most of what a list evaluation's read cost, and the evaluation looks
     * into few records' content.
     */
    public Map<UUID, List<FileEntry>> currentOfAll(java.util.Collection<UUID> subjectIds, Set<String> contentOfItems,
                                                   Set<UUID> contentOfRecords) {
        boolean every = contentOfItems == null && contentOfRecords == null;
        Map<UUID, List<FileEntry>> files = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT record_key, version, item_code, department_code, decision_number, decision_date,
                               CASE WHEN ? OR item_code = ANY(?::text[]) OR record_key = ANY(?::uuid[])
                                    THEN content::text ELSE '{}' END,
                               status, publication_end, linked_from IS NOT NULL, accepted_at, subject_id,
                               revocation_reason, item_version
                        FROM creditfile.record WHERE subject_id = ANY(?::uuid[]) AND current""")
                .params(every, (contentOfItems == null ? Set.<String>of() : contentOfItems).toArray(String[]::new),
                        (contentOfRecords == null ? Set.<UUID>of() : contentOfRecords).toArray(UUID[]::new),
                        subjectIds.toArray(UUID[]::new))
                .query((rs, n) -> files.computeIfAbsent(rs.getObject(12, UUID.class), k -> new java.util.ArrayList<>())
                        .add(entry(rs, n)))
                .list();
        return files;
    }

    /**
     * The subjects' current records in the statuses, by the subject index only. The statuses are filtered outside
     * the scan ({@code OFFSET 0} keeps the filter from being pushed into it): with {@code current AND status} in the
     * scan's own conditions, every partial index of the shown records (whose predicate they then imply: V650's
     * {@code record_shown_due}, V429's {@code record_shown_by_item}, …) became a candidate, and wherever the statistics
     * undercounted the shown records (a table grown since its last analysis: the ingestion benchmark's whole run) the
     * planner read every shown record through one of them and filtered by subject — 11,000–14,000 pages a chunk of 2,000 subjects and the run's largest statement (session
     * xliii, {@code FactsOfPlanIT}).
     */
    static final String FACTS_OF = """
            SELECT subject_id, record_key, item_code, decision_date, status
            FROM (SELECT subject_id, record_key, item_code, decision_date, status
                  FROM creditfile.record
                  WHERE subject_id = ANY(?::uuid[]) AND current
                  OFFSET 0) r
            WHERE status = ANY(?::text[])""";

    /**
     * The current records of many subjects in one of the statuses, without content, by subject. Only columns the
     * subject index carries (V34): an index-only scan wherever the visibility map allows (all but the pages written
     * since the last vacuum), where reading the department as well visited every record's row (on the ingestion
     * bench's database, 2,000 subjects' records: 4.3 ms and 1,536 buffers against 0.4 ms and 39 buffers). See
     * {@link #FACTS_OF} for why the statuses are filtered outside the scan.
     */
    public Map<UUID, List<cn.chengxin.creditfile.RecordFacts>> factsOf(java.util.Collection<UUID> subjectIds,
                                                                        Set<RecordStatus> statuses) {
        Map<UUID, List<cn.chengxin.creditfile.RecordFacts>> files = new java.util.HashMap<>();
        jdbc.sql(FACTS_OF)
                .params(subjectIds.toArray(UUID[]::new), statuses.stream().map(Enum::name).toArray(String[]::new))
                .query((rs, n) -> {
                    UUID subject = rs.getObject(1, UUID.class);
                    return files.computeIfAbsent(subject, k -> new java.util.ArrayList<>()).add(
                            new cn.chengxin.creditfile.RecordFacts(subject, rs.getObject(2, UUID.class),
                                    rs.getString(3), rs.getObject(4, LocalDate.class),
                                    RecordStatus.valueOf(rs.getString(5))));
                })
                .list();
        return files;
    }

    /** See {@link cn.chengxin.creditfile.CreditFile#collectedUnder}: by the subjects, or else by the id range. */
    public Set<UUID> collectedUnder(java.util.Collection<UUID> subjectIds, UUID after, UUID last,
                                    Map<String, Set<Integer>> versions) {
        List<String> codes = new java.util.ArrayList<>();
        List<Integer> numbers = new java.util.ArrayList<>();
        versions.forEach((code, vs) -> vs.forEach(v -> {
            codes.add(code);
            numbers.add(v);
        }));
        String pairs = " AND current AND (item_code, item_version) IN (SELECT * FROM unnest(?::text[], ?::int[]))";
        Set<UUID> keys = new java.util.HashSet<>();
        if (subjectIds != null) {
            jdbc.sql("SELECT record_key FROM creditfile.record WHERE subject_id = ANY(?::uuid[])" + pairs)
                    .params(subjectIds.toArray(UUID[]::new), codes.toArray(String[]::new),
                            numbers.toArray(Integer[]::new))
                    .query((java.sql.ResultSet rs) -> {
                        keys.add(rs.getObject(1, UUID.class));
                    });
        } else {
            jdbc.sql("SELECT record_key FROM creditfile.record WHERE subject_id > ? AND subject_id <= ?" + pairs)
                    .params(after == null ? new UUID(0, 0) : after, last == null ? new UUID(-1, -1) : last,
                            codes.toArray(String[]::new), numbers.toArray(Integer[]::new))
                    .query((java.sql.ResultSet rs) -> {
                        keys.add(rs.getObject(1, UUID.class));
                    });
        }
        return keys;
    }

    /**
     * Repacks the subjects whose records changed since they were last packed (V36); returns how many. Serialised
     * across connections and instances by the database.
     */
    public long refreshSubjectFacts() {
        return jdbc.sql("SELECT creditfile.refresh_subject_facts()").query(Long.class).single();
    }

    /**
     * The records in use (shown: ACTIVE or IN_DISPUTE) of the items {@code itemCodes} decided from {@code decidedFrom}
     * on (null: any day) of every subject with an id in (after, last] (null: unbounded), as columns in subject order,
     * into {@code into}: from the packed row of each subject (V36, V44), repacked first where records changed, read as
     * a binary COPY. Items come packed as numbers, told apart after the COPY by the numbers read then: a number is
     * never changed, and every number in a packed row committed before that read, so none read can be missing.
     */
    public void columnsBetween(UUID after, UUID last, List<String> itemCodes, LocalDate decidedFrom,
                               cn.chengxin.creditfile.RecordColumns into) {
        int fromDay = decidedFrom == null ? Integer.MIN_VALUE : Math.toIntExact(decidedFrom.toEpochDay());
        refreshSubjectFacts();
        // Literals of ids only: COPY takes no parameters.
        String query = """
                SELECT subject_id, facts FROM creditfile.subject_facts
                WHERE subject_id > '%s' AND subject_id <= '%s'
                ORDER BY subject_id""".formatted(
                after == null ? new UUID(0, 0) : after, last == null ? new UUID(-1, -1) : last);
        PostgresCopy.copyOut(dataSource, query, rows -> {
            while (rows.next()) {
                into.readPacked(rows, fromDay);
            }
        });
        into.keepItems(positionsByNumber(itemCodes));
    }

    /** For each item number (index), the position of its code in {@code itemCodes}, or -1. */
    private int[] positionsByNumber(List<String> itemCodes) {
        java.util.Map<String, Integer> positions = new java.util.HashMap<>();
        for (int k = itemCodes.size() - 1; k >= 0; k--) {
            positions.put(itemCodes.get(k), k);
        }
        java.util.Map<Integer, Integer> byNumber = new java.util.HashMap<>();
        jdbc.sql("SELECT id, code FROM creditfile.packed_item").query((java.sql.ResultSet rs) -> {
            Integer position = positions.get(rs.getString(2));
            if (position != null) {
                byNumber.put(rs.getInt(1), position);
            }
        });
        int[] byIndex = new int[byNumber.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
        java.util.Arrays.fill(byIndex, -1);
        byNumber.forEach((number, position) -> byIndex[number] = position);
        return byIndex;
    }

    /**
     * A shown record of one decision (same subject, department, decision document number and date) whose last day of
     * publication is not the longest of the decision's records: {@code longest} is what it should be.
     */
    public record OutOfStep(UUID id, UUID recordKey, UUID subjectId, String itemCode, RecordStatus status,
                            String decisionNumber, LocalDate publicationEnd, LocalDate longest) {
    }

    /**
     * The members of the decisions {@code decision} (subject, department, number, date) and the shown ones among them
     * not published until the decision's longest own last day: {@link #OUT_OF_STEP} and {@link #OUT_OF_STEP_OF} each
     * name the decisions their way, then read them thus.
     */
    private static final String MEMBERS_OUT_OF_STEP = """
        member AS (
            SELECT r.* FROM decision d CROSS JOIN LATERAL (
                SELECT id, record_key, subject_id, department_code, decision_number, decision_date,
                       item_code, status, publication_end,
                       coalesce(own_publication_end, publication_end) AS own
                FROM creditfile.record
                WHERE current AND subject_id = d.subject_id
                OFFSET 0) r
            WHERE r.department_code = d.department_code AND r.decision_number = d.decision_number
              AND r.decision_date = d.decision_date
              AND r.status NOT IN ('REVOKED', 'ARCHIVED', 'CORRECTED') AND r.own IS NOT NULL)
        SELECT id, record_key, subject_id, item_code, status, decision_number, publication_end, last_day
        FROM (SELECT m.*, max(m.own) OVER (PARTITION BY m.subject_id, m.department_code, m.decision_number,
                                                        m.decision_date) AS last_day
              FROM member m) w
        WHERE w.status IN ('ACTIVE', 'IN_DISPUTE') AND w.publication_end <> w.last_day""";

    /** {@link #outOfStepWithTheirDecisions}: its one parameter, the record keys ({@code uuid[]}). */
    static final String OUT_OF_STEP = """
        WITH decision AS (
            SELECT DISTINCT x.subject_id, x.department_code, x.decision_number, x.decision_date
            FROM unnest(?::uuid[]) k(record_key) CROSS JOIN LATERAL (
                SELECT subject_id, department_code, decision_number, decision_date
                FROM creditfile.record
                WHERE current AND record_key = k.record_key AND decision_number IS NOT NULL
                OFFSET 0) x),
        """ + MEMBERS_OUT_OF_STEP;

    /**
     * {@link #outOfStepOfDecisions}: its four parameters, the decisions' subjects ({@code uuid[]}), departments and
     * numbers ({@code text[]}) and dates (ISO days, {@code text[]}), one decision at each position.
     */
    static final String OUT_OF_STEP_OF = """
        WITH decision AS (
            SELECT DISTINCT d.subject_id, d.department_code, d.decision_number, d.decision_date
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]::date[])
                 AS d(subject_id, department_code, decision_number, decision_date)),
        """ + MEMBERS_OUT_OF_STEP;

    /**
     * The shown records (有效, 异议中) of the decisions the records {@code recordKeys} belong to whose publication does
     * not end on the longest own last day among the decision's records not revoked (RULES.md §4: several penalty types
     * in one decision, the longest period applies). A record's own last day is the one its item gave it
     * ({@code own_publication_end} once another's was set, V162). Records shown long-term (good information) have no
     * period to share and take none. One query, through the subjects' index.
     * <p>
     * The decisions are read by a probe of each key, and their members as the subject's current records, by the subject
     * index alone, told apart from the subject's other records after: {@code OFFSET 0} keeps the other conditions out
     * of those reads, and the planner from turning them into a scan of the whole table. Otherwise a plan
     * made on statistics of a table that has grown since (a load's first minute, before autovacuum analyzes it; a
     * server-prepared statement keeps its generic plan) may AND each probe with a scan of the department's entries of
     * the natural key index, which then holds every record of the load: 2,000 × 42,000 index entries, 6 s a chunk to
     * find nothing (session xli, docs/performance-log.md). The decision's longest day is a window over its members, not
     * a join of the members with their grouped selves: estimated at one row, that join became a nested loop running
     * the grouping once per member — 2,000 × 2,000 rows, ~0.8 s a chunk of records in force (session xli).
     */
    public List<OutOfStep> outOfStepWithTheirDecisions(java.util.Collection<UUID> recordKeys) {
        return jdbc.sql(OUT_OF_STEP)
                .param(recordKeys.toArray(UUID[]::new))
                .query(JdbcRecords::outOfStep)
                .list();
    }

    /** One decision (处罚决定): the records of a subject with the department's document number and date. */
    public record Decision(UUID subjectId, String departmentCode, String decisionNumber, LocalDate decisionDate) {
    }

    /**
     * {@link #outOfStepWithTheirDecisions} for decisions the caller already knows, as it has just stored their records
     * ({@link cn.chengxin.creditfile.CreditFile#store}): the same members and longest days, without reading the
     * records back by key first (a probe of {@code record_one_current} and a heap page per record: about half the
     * alignment's time per chunk, session xlii).
     */
    public List<OutOfStep> outOfStepOfDecisions(java.util.Collection<Decision> decisions) {
        return jdbc.sql(OUT_OF_STEP_OF)
                .params(decisions.stream().map(Decision::subjectId).toArray(UUID[]::new),
                        decisions.stream().map(Decision::departmentCode).toArray(String[]::new),
                        decisions.stream().map(Decision::decisionNumber).toArray(String[]::new),
                        decisions.stream().map(d -> d.decisionDate().toString()).toArray(String[]::new))
                .query(JdbcRecords::outOfStep)
                .list();
    }

    private static OutOfStep outOfStep(ResultSet rs, int n) throws SQLException {
        return new OutOfStep(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), RecordStatus.valueOf(rs.getString(5)), rs.getString(6), localDate(rs.getDate(7)),
                localDate(rs.getDate(8)));
    }

    /**
     * A current version's last days, for a pass that may take them earlier (V208): {@code ownPublicationEnd} is the one
     * its item gave it when another record of its decision set its {@code publicationEnd} (V162), else null.
     */
    public record Ends(UUID id, UUID recordKey, UUID subjectId, String itemCode, RecordStatus status,
                       LocalDate decisionDate, Map<String, String> content, LocalDate publicationEnd,
                       LocalDate ownPublicationEnd, LocalDate retentionEnd) {
    }

    /**
     * The next {@code limit} current versions of the item not yet archived, after record key {@code after} (null: from
     * the start), in key order, locked for the caller's transaction: a department's correction of one of them waits for
     * it, or is read in its stead.
     */
    public List<Ends> endsOfItem(String itemCode, UUID after, int limit) {
        return jdbc.sql("""
                        SELECT id, record_key, subject_id, item_code, status, decision_date, content::text,
                               publication_end, own_publication_end, retention_end
                        FROM creditfile.record
                        WHERE current AND item_code = ? AND record_key > ? AND status <> 'ARCHIVED'
                        ORDER BY record_key LIMIT ? FOR UPDATE""")
                .params(itemCode, after == null ? new UUID(0, 0) : after, limit)
                .query((rs, n) -> new Ends(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), RecordStatus.valueOf(rs.getString(5)),
                        localDate(rs.getDate(6)), json.readValue(rs.getString(7), CONTENT), localDate(rs.getDate(8)),
                        localDate(rs.getDate(9)), localDate(rs.getDate(10))))
                .list();
    }

    /**
     * Sets a version's own last day of publication and its last day of retention: its {@code publication_end} when no
     * other record of its decision set it, else its {@code own_publication_end} (V162), the decision's then aligned.
     */
    public void shortenEnds(UUID id, LocalDate ownPublicationEnd, LocalDate retentionEnd) {
        jdbc.sql("""
                        UPDATE creditfile.record
                        SET publication_end = CASE WHEN own_publication_end IS NULL THEN ?::date
                                                   ELSE publication_end END,
                            own_publication_end = CASE WHEN own_publication_end IS NULL THEN NULL ELSE ?::date END,
                            retention_end = ?::date
                        WHERE id = ?""")
                .params(date(ownPublicationEnd), date(ownPublicationEnd), date(retentionEnd), id).update();
    }

    /**
     * The item version each of the department's records among {@code sourceRecordIds} was first collected under (its
     * first version's), by source record id.
     */
    public Map<String, Integer> firstItemVersions(String departmentCode, List<String> sourceRecordIds) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (source_record_id) source_record_id, item_version
                        FROM creditfile.record WHERE department_code = ? AND source_record_id = ANY(?::text[])
                        ORDER BY source_record_id, version""")
                .params(departmentCode, sourceRecordIds.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Sets a version's last day of publication, keeping the one its item gave it as its own (V162). */
    public void publishUntil(UUID id, LocalDate publicationEnd) {
        jdbc.sql("""
                        UPDATE creditfile.record
                        SET own_publication_end = coalesce(own_publication_end, publication_end), publication_end = ?
                        WHERE id = ?""").params(date(publicationEnd), id).update();
    }

    private FileEntry entry(ResultSet rs, int n) throws SQLException {
        Date end = rs.getDate(9);
        return new FileEntry(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getInt("item_version"),
                rs.getString(4),
                rs.getString(5), rs.getDate(6).toLocalDate(), json.readValue(rs.getString(7), CONTENT),
                RecordStatus.valueOf(rs.getString(8)), end == null ? null : end.toLocalDate(), rs.getBoolean(10),
                rs.getTimestamp(11).toInstant(), rs.getString("revocation_reason"));
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
