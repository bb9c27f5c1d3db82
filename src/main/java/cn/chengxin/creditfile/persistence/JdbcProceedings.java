package cn.chengxin.creditfile.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.creditfile.RecordProceeding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The creditfile.record_proceeding table. */
@Repository
public class JdbcProceedings {

    private static final String PENDING = """
            SELECT id, subject_id, record_key, kind, note, flagged_by, flagged_at
            FROM creditfile.record_proceeding WHERE""";

    private final JdbcClient jdbc;

    public JdbcProceedings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Flags a pending proceeding; false when the same kind is already pending on the record. */
    public boolean insert(RecordProceeding p) {
        return jdbc.sql("""
                        INSERT INTO creditfile.record_proceeding (id, subject_id, record_key, kind, note, flagged_by,
                                                                  flagged_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(p.id(), p.subjectId(), p.recordKey(), p.kind().name(), p.note(), p.flaggedBy(),
                        Timestamp.from(p.flaggedAt())).update() == 1;
    }

    /** Clears a pending flag; the subject and record it was on, empty when there was no such pending flag. */
    public Optional<Flagged> clear(UUID id, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE creditfile.record_proceeding SET cleared_by = ?, cleared_at = ?
                        WHERE id = ? AND cleared_at IS NULL RETURNING subject_id, record_key""")
                .params(by, Timestamp.from(at), id)
                .query((rs, n) -> new Flagged(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional();
    }

    /** The record a flag is on. */
    public record Flagged(UUID subjectId, UUID recordKey) {
    }

    public List<RecordProceeding> pendingOf(UUID subjectId) {
        return jdbc.sql(PENDING + " subject_id = ? AND cleared_at IS NULL ORDER BY flagged_at").param(subjectId)
                .query(JdbcProceedings::proceeding).list();
    }

    /** The pending flags of these records, whoever's they are, in one statement. */
    public List<RecordProceeding> pendingOn(Collection<UUID> recordKeys) {
        return recordKeys.isEmpty() ? List.of()
                : jdbc.sql(PENDING + " record_key = ANY(?) AND cleared_at IS NULL ORDER BY flagged_at")
                .param(recordKeys.toArray(UUID[]::new)).query(JdbcProceedings::proceeding).list();
    }

    private static RecordProceeding proceeding(ResultSet rs, int n) throws SQLException {
        return new RecordProceeding(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), RecordProceeding.Kind.valueOf(rs.getString(4)), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant());
    }
}
