package cn.chengxin.listing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
 * A database whose entries proposed by rules carry no act day, upgraded: V148 gives each the decision date of its
 * record as the credit file now holds it (its current version), on which the check judges the person's age (RULES.md
 * §6); an entry proposed by hand before act days were kept names no record and keeps none.
 */
@IntegrationTest
class EntryActDaysUpgradeIT {

    @Autowired
    DataSource dataSource;

    private UpgradedDatabase upgraded;

    @BeforeEach
    void createDatabaseBeforeV148() {
        upgraded = UpgradedDatabase.create(dataSource);
        upgraded.flyway().target("147?").load().migrate();
    }

    @AfterEach
    void dropDatabase() {
        upgraded.drop();
    }

    @Test
    void aRulesEntryGetsItsRecordsCurrentDecisionDateAndOneByHandNone() {
        JdbcClient db = upgraded.jdbc();
        UUID subject = UUID.randomUUID();
        UUID recordKey = UUID.randomUUID();
        record(db, subject, recordKey, 1, false, LocalDate.of(2025, 1, 1));
        record(db, subject, recordKey, 2, true, LocalDate.of(2025, 2, 3));
        UUID byRule = entry(db, subject, recordKey);
        UUID byHand = entry(db, subject, null);

        upgraded.flyway().load().migrate();

        assertThat(actDay(db, byRule)).isEqualTo(LocalDate.of(2025, 2, 3));
        assertThat(db.sql("SELECT act_day IS NULL FROM listing.entry WHERE id = ?").param(byHand)
                .query(Boolean.class).single()).isTrue();
    }

    private static LocalDate actDay(JdbcClient db, UUID entry) {
        return db.sql("SELECT act_day FROM listing.entry WHERE id = ?").param(entry)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).single();
    }

    private static void record(JdbcClient db, UUID subject, UUID key, int version, boolean current,
                               LocalDate decided) {
        db.sql("""
                INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code, item_version,
                                               department_code, source_record_id, action, decision_number,
                                               decision_date, content, fingerprint, status, batch_id, accepted_at,
                                               accepted_by)
                VALUES (?, ?, ?, ?, ?, 'P_COURT_DEFAULTER', 1, 'COURT', ?, ?, '(2025)豫1702执1号', ?, '{}'::jsonb,
                        'f', ?, ?, ?, 'test')""")
                .params(UUID.randomUUID(), key, version, current, subject, "SX-" + key, version == 1 ? "ADD" : "UPDATE",
                        decided, current ? "ACTIVE" : "CORRECTED", UUID.randomUUID(), Timestamp.from(Instant.now()))
                .update();
    }

    private static UUID entry(JdbcClient db, UUID subject, UUID recordKey) {
        UUID id = UUID.randomUUID();
        db.sql("""
                INSERT INTO listing.entry (id, list_type, rule_code, rule_version, subject_id, subject_pseudonym,
                                           subject_name, subject_kind, masked_number, record_key, department_code,
                                           legal_basis, reasons, status, proposed_by, proposed_at)
                VALUES (?, 'BLACK', ?, ?, ?, 'ab12', '测试', 'PERSON', '4117**********0012', ?, 'COURT', '依据', '理由',
                        'PROPOSED', ?, ?)""")
                .params(id, recordKey == null ? null : "BLACK_COURT_DEFAULTER", recordKey == null ? null : 1, subject,
                        recordKey, recordKey == null ? "clerk" : "system", Timestamp.from(Instant.now()))
                .update();
        return id;
    }
}
