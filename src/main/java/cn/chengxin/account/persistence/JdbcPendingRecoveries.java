package cn.chengxin.account.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The account.pending_recovery table (V145): citizens' password recoveries waiting for their SMS code, shared by every
 * instance. A row with no citizen is a request for which nothing was sent; it is answered as any other.
 */
@Repository
public class JdbcPendingRecoveries {

    private final JdbcClient jdbc;

    public JdbcPendingRecoveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A recovery waiting for its code; {@code citizenId} empty when no code was sent. */
    public record Pending(UUID id, String numberPseudonym, Optional<UUID> citizenId, String codeHash, int attempts,
                          boolean used, Instant createdAt, Instant expiresAt) {
    }

    public void insert(Pending p) {
        jdbc.sql("""
                        INSERT INTO account.pending_recovery (id, number_pseudonym, citizen_id, code_hash, attempts,
                            used, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.numberPseudonym(), p.citizenId().orElse(null), p.codeHash(), p.attempts(), p.used(),
                        Timestamp.from(p.createdAt()), Timestamp.from(p.expiresAt()))
                .update();
    }

    /** Read under the row's lock: two answers to one code must not both count as its first, nor both use it. */
    public Optional<Pending> lock(UUID id) {
        return jdbc.sql("""
                        SELECT id, number_pseudonym, citizen_id, code_hash, attempts, used, created_at, expires_at
                        FROM account.pending_recovery WHERE id = ? FOR UPDATE""")
                .param(id)
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("number_pseudonym"),
                        Optional.ofNullable(rs.getObject("citizen_id", UUID.class)), rs.getString("code_hash"),
                        rs.getInt("attempts"), rs.getBoolean("used"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /**
     * When the recovery's code runs out, while it may still be answered (not used, tries left): the code page says it,
     * alike for every request taken, whether a code was sent or not.
     */
    public Optional<Instant> answerableUntil(UUID id, int attempts) {
        return jdbc.sql("""
                        SELECT expires_at FROM account.pending_recovery WHERE id = ? AND NOT used AND attempts < ?""")
                .params(id, attempts).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    public void countFailure(UUID id) {
        jdbc.sql("UPDATE account.pending_recovery SET attempts = attempts + 1 WHERE id = ?").param(id).update();
    }

    /** Uses up every recovery of the number: once its password is set, no other code sent for it may set it again. */
    public void useAllOf(String numberPseudonym) {
        jdbc.sql("UPDATE account.pending_recovery SET used = true WHERE number_pseudonym = ?").param(numberPseudonym)
                .update();
    }

    /** When codes were asked for the number since {@code since}, newest first, whichever instance took the request. */
    public List<Instant> requestedSince(String numberPseudonym, Instant since) {
        return jdbc.sql("""
                        SELECT created_at FROM account.pending_recovery WHERE number_pseudonym = ? AND created_at > ?
                        ORDER BY created_at DESC""")
                .params(numberPseudonym, Timestamp.from(since)).query(Timestamp.class).list().stream()
                .map(Timestamp::toInstant).toList();
    }

    /** @return how many recoveries made before {@code before} were deleted */
    public int deleteMadeBefore(Instant before) {
        return jdbc.sql("DELETE FROM account.pending_recovery WHERE created_at <= ?").param(Timestamp.from(before))
                .update();
    }
}
