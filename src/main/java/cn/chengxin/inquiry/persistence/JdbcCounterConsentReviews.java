package cn.chengxin.inquiry.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.inquiry.domain.ConsentReview;
import cn.chengxin.inquiry.domain.Purpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The second clerk's review of consents recorded at the window ({@code inquiry.counter_consent_review}, V321; gaps
 * review xxxi M2): who recorded each, the phone typed for the person sealed until the decision is texted to it, and
 * who decided it. The state itself is the consent's {@code review}, which an institution's query reads.
 */
@Repository
public class JdbcCounterConsentReviews {

    /** The typed phone is sealed for its row: a dump or a backup holds no phone in clear (PIPL Art. 51). */
    public static final String PHONE_SEALED_FOR = "inquiry.counter-consent-phone:";

    private static final String REVIEW = """
            SELECT r.id, r.subject_id, r.clerk_id, r.clerk_name, r.recorded_at, r.phone_cipher, r.phone_key_version,
                   r.reviewer_id, r.reviewer_name, r.decided_at, r.reason, c.review, c.withdrawn_at, c.expires_at,
                   c.organisation, c.institution, c.purpose, c.single_use, c.granted_at,
                   (SELECT v.id FROM inquiry.counter_visit v WHERE v.consent_id = c.id AND v.service = 'CONSENT'
                    LIMIT 1) AS visit_id
            FROM inquiry.counter_consent_review r JOIN inquiry.consent c ON c.id = r.id""";

    private final JdbcClient jdbc;

    public JdbcCounterConsentReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A consent recorded at the window and its review.
     *
     * @param phoneCipher the phone typed at the window, sealed; null when the person's account phone is texted
     * @param visitId     the counter service that recorded it, whose papers the reviewer sees
     */
    public record Review(UUID id, UUID subjectId, String clerkId, String clerkName, Instant recordedAt,
                         byte[] phoneCipher, Integer phoneKeyVersion, String reviewerId, String reviewerName,
                         Instant decidedAt, String reason, ConsentReview state, Instant withdrawnAt,
                         Instant expiresAt, String organisation, String institution, Purpose purpose,
                         boolean singleUse, Instant grantedAt, UUID visitId) {

        /** Waiting for a decision, and still of use: not withdrawn nor expired at {@code now}. */
        public boolean waiting(Instant now) {
            return state == ConsentReview.PENDING && withdrawnAt == null && now.isBefore(expiresAt);
        }

        /** The validity the clerk recorded, in days. */
        public long days() {
            return java.time.Duration.between(grantedAt, expiresAt).toDays();
        }
    }

    /** Keeps who recorded a consent waiting for review, in the caller's transaction. */
    public void insert(UUID consentId, UUID subjectId, String clerkId, String clerkName, Instant at,
                       byte[] phoneCipher, Integer phoneKeyVersion) {
        jdbc.sql("""
                        INSERT INTO inquiry.counter_consent_review (id, subject_id, clerk_id, clerk_name, recorded_at,
                                                                    phone_cipher, phone_key_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(consentId, subjectId, clerkId, clerkName, Timestamp.from(at), phoneCipher, phoneKeyVersion)
                .update();
    }

    public Optional<Review> find(UUID consentId) {
        return jdbc.sql(REVIEW + " WHERE r.id = ?").param(consentId).query(JdbcCounterConsentReviews::review)
                .optional();
    }

    /**
     * The review and its consent, locked until the caller's transaction ends: two reviewers deciding at once are
     * served one after the other, and the second finds it decided.
     */
    public Optional<Review> lock(UUID consentId) {
        jdbc.sql("SELECT id FROM inquiry.consent WHERE id = ? FOR UPDATE").param(consentId).query(UUID.class)
                .optional();
        return find(consentId);
    }

    /**
     * Records the decision, only on a consent still waiting: false when another decision came first. The phone is
     * deleted with it: it was kept for this text only.
     */
    public boolean decide(UUID consentId, ConsentReview decision, String reviewerId, String reviewerName,
                          Instant at, String reason) {
        if (jdbc.sql("UPDATE inquiry.consent SET review = ? WHERE id = ? AND review = 'PENDING'")
                .params(decision.stored(), consentId).update() != 1) {
            return false;
        }
        jdbc.sql("""
                        UPDATE inquiry.counter_consent_review
                        SET reviewer_id = ?, reviewer_name = ?, decided_at = ?, reason = ?
                        WHERE id = ?""")
                .params(reviewerId, reviewerName, Timestamp.from(at), reason, consentId).update();
        return true;
    }

    /** Forgets the typed phone once the decision was texted to it. */
    public void forgetPhone(UUID consentId) {
        jdbc.sql("UPDATE inquiry.counter_consent_review SET phone_cipher = NULL, phone_key_version = NULL "
                + "WHERE id = ?").param(consentId).update();
    }

    /** The consents waiting for a decision and still of use at {@code now}, oldest first. */
    public List<Review> waiting(Instant now, int limit) {
        return jdbc.sql(REVIEW + " WHERE c.review = 'PENDING' AND c.withdrawn_at IS NULL AND c.expires_at > ? "
                        + "ORDER BY r.recorded_at LIMIT ?")
                .params(Timestamp.from(now), limit).query(JdbcCounterConsentReviews::review).list();
    }

    private static Review review(ResultSet rs, int n) throws SQLException {
        int version = rs.getInt("phone_key_version");
        Integer keyVersion = rs.wasNull() ? null : version;
        return new Review(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                rs.getString("clerk_id"), rs.getString("clerk_name"), instant(rs, "recorded_at"),
                rs.getBytes("phone_cipher"), keyVersion, rs.getString("reviewer_id"), rs.getString("reviewer_name"),
                instant(rs, "decided_at"), rs.getString("reason"), ConsentReview.ofStored(rs.getString("review")),
                instant(rs, "withdrawn_at"), instant(rs, "expires_at"), rs.getString("organisation"),
                rs.getString("institution"), Purpose.valueOf(rs.getString("purpose")), rs.getBoolean("single_use"),
                instant(rs, "granted_at"), rs.getObject("visit_id", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
