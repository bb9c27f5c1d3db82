package cn.chengxin.subject.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL every table of reviewed proposals shares ({@link cn.chengxin.subject.domain.Review}): aliased {@code p}, with
 * {@code status}, {@code proposed_at} and the decision columns {@code decided_by}, {@code decided_by_name},
 * {@code decided_at} and {@code decision_note}.
 */
final class ReviewedRows {

    private ReviewedRows() {
    }

    /** One proposal by its id; {@code select} ends with the FROM clause. */
    static <T> Optional<T> find(JdbcClient jdbc, String select, UUID id, RowMapper<T> row) {
        return jdbc.sql(select + " WHERE p.id = ?").param(id).query(row).optional();
    }

    /** A subject's proposals, oldest first. */
    static <T> List<T> ofSubject(JdbcClient jdbc, String select, UUID subjectId, RowMapper<T> row) {
        return jdbc.sql(select + " WHERE p.subject_id = ? ORDER BY p.proposed_at, p.id").param(subjectId).query(row)
                .list();
    }

    /** The pending proposals, oldest first: a reviewer's queue. {@code select} ends with the FROM clause. */
    static <T> List<T> pending(JdbcClient jdbc, String select, RowMapper<T> row) {
        return jdbc.sql(select + " WHERE p.status = 'PENDING' ORDER BY p.proposed_at, p.id").query(row).list();
    }

    /** The last decided proposals, newest decision first. */
    static <T> List<T> recentlyDecided(JdbcClient jdbc, String select, int limit, RowMapper<T> row) {
        return jdbc.sql(select + " WHERE p.status <> 'PENDING' ORDER BY p.decided_at DESC, p.id LIMIT ?").param(limit)
                .query(row).list();
    }

    /**
     * Decides a pending proposal. The row's status is the guard: of two reviewers at once the second waits for the
     * first's row lock, then finds the proposal no longer pending.
     *
     * @return false when it was no longer pending
     */
    static boolean decide(JdbcClient jdbc, String table, UUID id, Enum<?> status, String by, String byName,
                          Instant at, String note) {
        return jdbc.sql("UPDATE " + table + """
                         SET status = ?, decided_by = ?, decided_by_name = ?, decided_at = ?, decision_note = ?
                        WHERE id = ? AND status = 'PENDING'""")
                .params(status.name(), by, byName, Timestamp.from(at), note, id).update() == 1;
    }

    /** When the proposal was decided, null while it is pending. */
    static Instant decidedAt(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return decided == null ? null : decided.toInstant();
    }
}
