package cn.chengxin.subject.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.chengxin.shared.jdbc.ResumablePasses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The re-sealing passes ({@code subject.resealing_pass}, V239) and the rows of a sealed column: how many values each
 * key version seals, and the next rows sealed under another version than the current one, locked for re-sealing in
 * the chunk's transaction. Table and column names come from {@code SealedColumn}, which checks them.
 */
@Repository
public class JdbcReSealing {

    private final JdbcClient jdbc;
    private final ResumablePasses passes;
    private final Clock clock;

    public JdbcReSealing(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.passes = new ResumablePasses(jdbc, transactions, clock, "subject.resealing_pass", "column_code",
                "key_version");
        this.clock = clock;
    }

    public ResumablePasses passes() {
        return passes;
    }

    /** A sealed value to re-seal: its row, ciphertext, version and the text of its associated-data column. */
    public record SealedRow(UUID id, byte[] cipher, int keyVersion, String associatedData) {
    }

    /**
     * Values sealed, by key version (ascending); null ciphertexts are not counted, nor files still in clear (no
     * version: a column of files sealed in place).
     */
    public Map<Integer, Long> countByVersion(String table, String cipherColumn, String versionColumn) {
        Map<Integer, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT " + versionColumn + ", count(*) FROM " + table + " WHERE " + cipherColumn
                        + " IS NOT NULL AND " + versionColumn + " IS NOT NULL GROUP BY 1")
                .query(rs -> {
                    counts.put(rs.getInt(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * The next {@code size} rows after row {@code after} (null: from the first), in id order, whose value is sealed
     * under another version than {@code current}, locked until the caller's transaction ends.
     */
    public List<SealedRow> nextSealedOtherwise(String table, String cipherColumn, String versionColumn,
                                               String associatedDataColumn, int current, UUID after, int size) {
        String ad = associatedDataColumn == null ? "NULL" : associatedDataColumn + "::text";
        return jdbc.sql("SELECT id, " + cipherColumn + ", " + versionColumn + ", " + ad + " FROM " + table
                        + " WHERE " + cipherColumn + " IS NOT NULL AND " + versionColumn + " <> ?"
                        + " AND (?::uuid IS NULL OR id > ?::uuid) ORDER BY id LIMIT ? FOR UPDATE")
                .params(current, after, after, size)
                .query((rs, n) -> new SealedRow(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getInt(3),
                        rs.getString(4))).list();
    }

    /** A file still in clear in a column of files sealed in place. */
    public record ClearFile(UUID id, byte[] content) {
    }

    /**
     * Up to {@code size} rows whose file is still in clear (a value and no version), in id order, locked until the
     * caller's transaction ends; rows another runner holds are skipped.
     */
    public List<ClearFile> nextInClear(String table, String cipherColumn, String versionColumn, int size) {
        return jdbc.sql("SELECT id, " + cipherColumn + " FROM " + table + " WHERE " + cipherColumn
                        + " IS NOT NULL AND " + versionColumn + " IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
                .param(size).query((rs, n) -> new ClearFile(rs.getObject(1, UUID.class), rs.getBytes(2))).list();
    }

    /** Whether any row of the column still holds its file in clear. */
    public boolean anyInClear(String table, String cipherColumn, String versionColumn) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE " + cipherColumn + " IS NOT NULL AND "
                + versionColumn + " IS NULL)").query(Boolean.class).single();
    }

    public void write(String table, String cipherColumn, String versionColumn, UUID id, byte[] cipher, int version) {
        jdbc.sql("UPDATE " + table + " SET " + cipherColumn + " = ?, " + versionColumn + " = ? WHERE id = ?")
                .params(cipher, version, id).update();
    }

    /**
     * Starts a finished pass again, from the first row, with its counts at 0 (values sealed under an old version since
     * it finished, e.g. by an instance still on the old key); an unfinished one is left as it is.
     */
    public void restart(String code, int version) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        UPDATE subject.resealing_pass SET after_record = NULL, records_passed = 0, holders_evaluated = 0,
                               started_at = ?, progressed_at = ?, finished_at = NULL, superseded = false,
                               audited_at = NULL
                        WHERE column_code = ? AND key_version = ? AND finished_at IS NOT NULL""")
                .params(now, now, code, version).update();
    }

    /** Whether a pass is unfinished or its counts are still to be audited. */
    public boolean pending() {
        return passes.awaitingAudit();
    }

    /** What a pass did. */
    public record Counts(String code, int version, long resealed) {
    }

    /** The counts of the passes not audited yet, once every pass has finished: {@link ResumablePasses#takeUnaudited()}. */
    public List<Counts> takeUnaudited() {
        return passes.takeUnaudited().stream()
                .map(pass -> new Counts(pass.code(), pass.version(), pass.recordsPassed())).toList();
    }
}
