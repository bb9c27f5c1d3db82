package cn.chengxin.account.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The account.pending_registration table: citizen registrations waiting for their SMS code, shared by every instance
 * and kept across restarts. Holds no identity number (V141).
 */
@Repository
public class JdbcPendingRegistrations {

    private final JdbcClient jdbc;

    public JdbcPendingRegistrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A registration waiting for its code. {@code codeHash} is keyed: the code alone cannot be found from it.
     * {@code eserviceTermsVersion}: the version of the confirmation of electronic service the applicant ticked on the
     * form (V700), null when they did not.
     */
    public record Pending(UUID id, UUID subjectId, String subjectPseudonym, String phonePseudonym, String phoneMasked,
                          JdbcAccounts.SealedPhone phone, String passwordHash, String codeHash, int attempts,
                          Instant createdAt, Instant expiresAt, String eserviceTermsVersion) {
    }

    public void insert(Pending p) {
        jdbc.sql("""
                        INSERT INTO account.pending_registration (id, subject_id, subject_pseudonym, phone_pseudonym,
                            phone_masked, phone_cipher, phone_key_version, password_hash, code_hash, attempts,
                            created_at, expires_at, eservice_terms_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.subjectId(), p.subjectPseudonym(), p.phonePseudonym(), p.phoneMasked(),
                        p.phone().cipher(), p.phone().keyVersion(), p.passwordHash(), p.codeHash(), p.attempts(),
                        Timestamp.from(p.createdAt()), Timestamp.from(p.expiresAt()), p.eserviceTermsVersion())
                .update();
    }

    /** Read under the row's lock: two answers to one code must not both count as its first, nor both complete it. */
    public Optional<Pending> lock(UUID id) {
        return read(id, " FOR UPDATE");
    }

    /** Read without a lock, for the code page's times. */
    public Optional<Pending> find(UUID id) {
        return read(id, "");
    }

    private Optional<Pending> read(UUID id, String lock) {
        return jdbc.sql("""
                        SELECT id, subject_id, subject_pseudonym, phone_pseudonym, phone_masked, phone_cipher,
                               phone_key_version, password_hash, code_hash, attempts, created_at, expires_at,
                               eservice_terms_version
                        FROM account.pending_registration WHERE id = ?""" + lock)
                .param(id)
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                        rs.getString("subject_pseudonym"), rs.getString("phone_pseudonym"),
                        rs.getString("phone_masked"), new JdbcAccounts.SealedPhone(rs.getBytes("phone_cipher"),
                        rs.getInt("phone_key_version")), rs.getString("password_hash"), rs.getString("code_hash"),
                        rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), rs.getString("eservice_terms_version")))
                .optional();
    }

    /**
     * A new code for the registration (gaps review xxxv O6): fresh attempts and validity. {@code created_at} becomes
     * the time of this text, as the resend limit reads it ({@link #lastSentTo}).
     */
    public void replaceCode(UUID id, String codeHash, Instant sentAt, Instant expiresAt) {
        jdbc.sql("""
                        UPDATE account.pending_registration SET code_hash = ?, attempts = 0, created_at = ?,
                            expires_at = ? WHERE id = ?""")
                .params(codeHash, Timestamp.from(sentAt), Timestamp.from(expiresAt), id)
                .update();
    }

    public void countFailure(UUID id) {
        jdbc.sql("UPDATE account.pending_registration SET attempts = attempts + 1 WHERE id = ?").param(id).update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM account.pending_registration WHERE id = ?").param(id).update();
    }

    /** When a code was last sent to the phone, whichever instance sent it. */
    public Optional<Instant> lastSentTo(String phonePseudonym) {
        return jdbc.sql("""
                        SELECT created_at FROM account.pending_registration WHERE phone_pseudonym = ?
                        ORDER BY created_at DESC LIMIT 1""")
                .param(phonePseudonym).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** @return how many registrations whose code expired before {@code before} were deleted */
    public int deleteExpired(Instant before) {
        return jdbc.sql("DELETE FROM account.pending_registration WHERE expires_at <= ?").param(Timestamp.from(before))
                .update();
    }
}
