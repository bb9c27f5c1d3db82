package cn.chengxin.inquiry.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.inquiry.domain.GuardianRelation;
import cn.chengxin.inquiry.domain.MigratedConsent;
import cn.chengxin.inquiry.domain.Purpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code inquiry.migrated_consent}: which consents came from the older platform, and whether the person was told
 * (V821), and the guardian who gave one (V940).
 */
@Repository
public class JdbcMigratedConsents {

    private final JdbcClient jdbc;

    public JdbcMigratedConsents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this consent of the old platform was carried over already (a rerun). */
    public boolean exists(UUID subjectId, UUID institutionId, Purpose purpose, Instant grantedAt) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM inquiry.migrated_consent WHERE subject_id = ? AND institution_id = ?
                                       AND purpose = ? AND granted_at = ?)""")
                .params(subjectId, institutionId, purpose.name(), Timestamp.from(grantedAt))
                .query(Boolean.class).single();
    }

    /** The carried-over consent {@code consentId} of the old platform's {@code old}, with its guardian if any (V940). */
    public void insert(UUID consentId, UUID subjectId, UUID institutionId, MigratedConsent old) {
        jdbc.sql("""
                        INSERT INTO inquiry.migrated_consent (consent_id, subject_id, institution_id, purpose, granted_at,
                                                              guardian_name, guardian_relation)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(consentId, subjectId, institutionId, old.purpose().name(), Timestamp.from(old.grantedAt()),
                        old.guardianName(), old.byGuardian() ? old.guardianRelation().name() : null)
                .update();
    }

    /** A guardian who consented on the older platform: the name as recorded. */
    public record Guardian(String name, GuardianRelation relation) {
    }

    /** The guardians of those of the consents a guardian gave on the older platform, by consent. */
    public Map<UUID, Guardian> guardiansAmong(Collection<UUID> consentIds) {
        Map<UUID, Guardian> guardians = new HashMap<>();
        if (!consentIds.isEmpty()) {
            jdbc.sql("""
                            SELECT consent_id, guardian_name, guardian_relation FROM inquiry.migrated_consent
                            WHERE consent_id = ANY (?) AND guardian_name IS NOT NULL""")
                    .params((Object) consentIds.toArray(UUID[]::new))
                    .query(rs -> {
                        guardians.put(rs.getObject(1, UUID.class), new Guardian(rs.getString(2),
                                GuardianRelation.valueOf(rs.getString(3))));
                    });
        }
        return guardians;
    }

    /** Up to {@code limit} people with a migrated consent they were not told of yet. */
    public List<UUID> untoldSubjects(int limit) {
        return jdbc.sql("SELECT DISTINCT subject_id FROM inquiry.migrated_consent WHERE told_at IS NULL LIMIT ?")
                .param(limit).query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    /** A migrated consent not told yet: its person and the institution's organisation. */
    public record Untold(UUID consentId, UUID subjectId, String organisation) {
    }

    /** The untold migrated consents of these people, by person and organisation. */
    public List<Untold> untoldOf(Collection<UUID> subjectIds) {
        return jdbc.sql("""
                        SELECT m.consent_id, m.subject_id, c.organisation
                        FROM inquiry.migrated_consent m JOIN inquiry.consent c ON c.id = m.consent_id
                        WHERE m.told_at IS NULL AND m.subject_id = ANY (?) ORDER BY m.subject_id, c.organisation""")
                .params((Object) subjectIds.toArray(UUID[]::new))
                .query((rs, n) -> new Untold(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3)))
                .list();
    }

    public void markTold(Collection<UUID> consentIds, Instant at) {
        jdbc.sql("UPDATE inquiry.migrated_consent SET told_at = ? WHERE consent_id = ANY (?) AND told_at IS NULL")
                .params(Timestamp.from(at), consentIds.toArray(UUID[]::new)).update();
    }

    /** Those of the consents that came from the older platform. */
    public java.util.Set<UUID> migratedAmong(Collection<UUID> consentIds) {
        if (consentIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("SELECT consent_id FROM inquiry.migrated_consent WHERE consent_id = ANY (?)")
                .params((Object) consentIds.toArray(UUID[]::new)).query((rs, n) -> rs.getObject(1, UUID.class))
                .list());
    }
}
