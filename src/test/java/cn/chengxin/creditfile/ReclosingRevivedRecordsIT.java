package cn.chengxin.creditfile;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.UpgradedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that took corrections before a new version kept a closed record closed (d1ca762), upgraded to the
 * current schema: V88 closes again each current version a correction revived — repaired, revoked or archived as it
 * was — with a state event, and leaves every other record as it is; V89 leaves them to announce to the modules
 * that derive from records.
 */
@IntegrationTest
class ReclosingRevivedRecordsIT {

    private static final Instant CORRECTED_AT = Instant.now().minus(30, ChronoUnit.DAYS);

    @Autowired
    DataSource dataSource;

    private UpgradedDatabase upgraded;

    @BeforeEach
    void createDatabaseAtV87() {
        upgraded = UpgradedDatabase.create(dataSource);
        // V85 to V87 may not exist: "87?" migrates as far as the last version up to 87.
        upgraded.flyway().target("87?").load().migrate();
    }

    @AfterEach
    void dropDatabase() {
        upgraded.drop();
    }

    @Test
    void closesAgainWhatACorrectionRevivedAndNothingElse() {
        JdbcClient db = upgraded.jdbc();
        UUID repairedSubject = UUID.randomUUID();
        UUID repaired = version(db, repairedSubject, "RV-1", 1, "ADD", "REPAIRED", false);
        UUID revived = version(db, repairedSubject, "RV-1", 2, "UPDATE", "ACTIVE", true);
        UUID revokedSubject = UUID.randomUUID();
        version(db, revokedSubject, "RV-2", 1, "ADD", "ACTIVE", false);
        version(db, revokedSubject, "RV-2", 2, "REVOKE", "REVOKED", false);
        version(db, revokedSubject, "RV-2", 3, "UPDATE", "ACTIVE", false);
        UUID revivedTwice = version(db, revokedSubject, "RV-2", 4, "UPDATE", "ACTIVE", true);
        UUID expiredSubject = UUID.randomUUID();
        version(db, expiredSubject, "RV-3", 1, "ADD", "REPAIRED", false);
        UUID revivedThenExpired = version(db, expiredSubject, "RV-3", 2, "UPDATE", "EXPIRED", true);
        UUID activeSubject = UUID.randomUUID();
        version(db, activeSubject, "OK-1", 1, "ADD", "ACTIVE", false);
        UUID corrected = version(db, activeSubject, "OK-1", 2, "UPDATE", "ACTIVE", true);
        db.sql("DELETE FROM creditfile.subject_facts_stale").update();

        upgraded.flyway().load().migrate();

        assertThat(status(db, revived)).as("repair stops publication and use").isEqualTo("REPAIRED");
        assertThat(status(db, revivedTwice)).as("a later correction of a revived record").isEqualTo("REVOKED");
        assertThat(status(db, revivedThenExpired)).as("expired since, but repaired").isEqualTo("REPAIRED");
        assertThat(status(db, corrected)).isEqualTo("ACTIVE");
        assertThat(status(db, repaired)).as("a superseded version is history").isEqualTo("REPAIRED");
        assertThat(eventsAfterStore(db, revived)).containsExactly(
                "ACTIVE>REPAIRED by system: 纠正：更正不应恢复已修复、撤销或归档的记录");
        assertThat(eventsAfterStore(db, revivedTwice)).containsExactly(
                "ACTIVE>REVOKED by system: 纠正：更正不应恢复已修复、撤销或归档的记录");
        assertThat(eventsAfterStore(db, revivedThenExpired)).containsExactly(
                "EXPIRED>REPAIRED by system: 纠正：更正不应恢复已修复、撤销或归档的记录");
        assertThat(eventsAfterStore(db, corrected)).isEmpty();
        assertThat(db.sql("SELECT DISTINCT subject_id FROM creditfile.subject_facts_stale").query(UUID.class).list())
                .as("the packed facts of the subjects follow").containsExactlyInAnyOrder(repairedSubject,
                        revokedSubject, expiredSubject);
        assertThat(db.sql("SELECT subject_id FROM creditfile.unannounced_change").query(UUID.class).list())
                .as("their lists, scores and forwarded states follow (AnnouncingMigratedChanges)")
                .containsExactlyInAnyOrder(repairedSubject, revokedSubject, expiredSubject);
    }

    /** A version as the old code stored it: its row keeps the state it had when a later version superseded it. */
    private static UUID version(JdbcClient db, UUID subject, String source, int version, String action,
                                String status, boolean current) {
        UUID id = UUID.randomUUID();
        UUID key = UUID.nameUUIDFromBytes(source.getBytes(StandardCharsets.UTF_8));
        LocalDate decided = LocalDate.now().minusMonths(4);
        db.sql("""
                INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code, item_version,
                                               department_code, source_record_id, action, decision_number,
                                               decision_date, content, fingerprint, status, publication_end,
                                               retention_end, batch_id, accepted_at, accepted_by)
                VALUES (?, ?, ?, ?, ?, 'P_ADMIN_PENALTY_GENERAL', 1, 'MARKET', ?, ?, '驻市监罚〔2026〕1号', ?, '{}', ?,
                        ?, ?, ?, ?, ?, 'market')""")
                .params(id, key, version, current, subject, source, action, decided, source + "#" + version, status,
                        decided.plusYears(1), decided.plusYears(5), UUID.randomUUID(), Timestamp.from(CORRECTED_AT))
                .update();
        db.sql("INSERT INTO creditfile.record_event (record_id, at, from_status, to_status, by_whom, reason) "
                        + "VALUES (?, ?, NULL, ?, 'market', '报送')")
                .params(id, Timestamp.from(CORRECTED_AT), "REVOKE".equals(action) ? "REVOKED" : "ACTIVE").update();
        return id;
    }

    private static String status(JdbcClient db, UUID id) {
        return db.sql("SELECT status FROM creditfile.record WHERE id = ?").param(id).query(String.class).single();
    }

    private static List<String> eventsAfterStore(JdbcClient db, UUID id) {
        return db.sql("""
                        SELECT from_status || '>' || to_status || ' by ' || by_whom || ': ' || reason
                        FROM creditfile.record_event WHERE record_id = ? AND from_status IS NOT NULL ORDER BY id""")
                .param(id).query(String.class).list();
    }
}
