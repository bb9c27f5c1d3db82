package cn.chengxin.listing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.UpgradedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose court-defaulter rule still lists for as long as the record is published (V12), upgraded: V114 puts
 * in force the rule's next version with two years (RULES.md §7), leaves the versions before as they were and the
 * entries proposed under them with their last day; a rule the credit office gave a validity itself is left alone.
 */
@IntegrationTest
class CourtDefaulterRuleUpgradeIT {

    private static final String RULE = "BLACK_COURT_DEFAULTER";

    @Autowired
    DataSource dataSource;

    /** Migrated to before V114 once for the class; each test upgrades a copy of it (session xxxvii). */
    private static UpgradedDatabase beforeV114;

    private UpgradedDatabase upgraded;

    @BeforeEach
    void createDatabaseBeforeV114() {
        if (beforeV114 == null) {
            beforeV114 = UpgradedDatabase.create(dataSource);
            // V111 to V113 may not exist: "113?" migrates as far as the last version up to 113.
            beforeV114.flyway().target("113?").load().migrate();
        }
        upgraded = beforeV114.copy();
    }

    @AfterEach
    void dropDatabase() {
        upgraded.drop();
    }

    @AfterAll
    static void dropDatabaseBeforeV114() {
        if (beforeV114 != null) {
            beforeV114.drop();
            beforeV114 = null;
        }
    }

    @Test
    void theRuleInForceGetsANewVersionOfTwoYearsAndEarlierEntriesKeepTheirLastDay() {
        JdbcClient db = upgraded.jdbc();
        LocalDate lastDay = LocalDate.of(2029, 11, 9);
        UUID entry = entryOfVersionOne(db, lastDay);

        upgraded.flyway().load().migrate();

        assertThat(versions(db)).containsExactly(
                new Version(1, false, "APPROVED", null, "system"),
                new Version(2, true, "APPROVED", 24, "system"));
        assertThat(db.sql("""
                        SELECT count(*) FROM listing.rule a JOIN listing.rule b ON b.code = a.code AND b.version = 2
                        WHERE a.code = ? AND a.version = 1 AND (a.list_type, a.name, a.item_codes, a.legal_basis,
                            a.notice_days, a.exit_conditions, a.enabled) = (b.list_type, b.name, b.item_codes,
                            b.legal_basis, b.notice_days, b.exit_conditions, b.enabled)""")
                .param(RULE).query(Long.class).single()).as("the new version changes the validity only").isEqualTo(1L);
        assertThat(db.sql("SELECT valid_until FROM listing.entry WHERE id = ?").param(entry).query(LocalDate.class)
                .single()).as("fixed when it was proposed, as the rest of its version").isEqualTo(lastDay);
    }

    @Test
    void aValidityTheCreditOfficeSetItselfStands() {
        JdbcClient db = upgraded.jdbc();
        db.sql("UPDATE listing.rule SET current = false WHERE code = ?").param(RULE).update();
        db.sql("""
                INSERT INTO listing.rule (code, version, current, status, list_type, name, item_codes, legal_basis,
                                          validity_months, notice_days, exit_conditions, enabled, changed_by,
                                          changed_at)
                SELECT code, 2, true, 'APPROVED', list_type, name, item_codes, legal_basis, 18, notice_days,
                       exit_conditions, enabled, 'clerk', now()
                FROM listing.rule WHERE code = ? AND version = 1""").param(RULE).update();

        upgraded.flyway().load().migrate();

        assertThat(versions(db)).containsExactly(
                new Version(1, false, "APPROVED", null, "system"),
                new Version(2, true, "APPROVED", 18, "clerk"));
    }

    private record Version(int version, boolean current, String status, Integer validityMonths, String changedBy) {
    }

    private static List<Version> versions(JdbcClient db) {
        return db.sql("SELECT version, current, status, validity_months, changed_by FROM listing.rule WHERE code = ? "
                        + "ORDER BY version")
                .param(RULE).query((rs, n) -> new Version(rs.getInt(1), rs.getBoolean(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getString(5))).list();
    }

    /** An entry the rule's first version proposed, with the last day it gave: the end of the record's publication. */
    private static UUID entryOfVersionOne(JdbcClient db, LocalDate validUntil) {
        UUID id = UUID.randomUUID();
        db.sql("""
                INSERT INTO listing.entry (id, list_type, rule_code, rule_version, subject_id, subject_pseudonym,
                                           subject_name, subject_kind, masked_number, department_code, legal_basis,
                                           reasons, status, proposed_by, proposed_at, valid_until)
                VALUES (?, 'BLACK', ?, 1, ?, 'ab12', '测试', 'PERSON', '4117**********0012', 'COURT', '依据', '理由',
                        'PROPOSED', 'system', ?, ?)""")
                .params(id, RULE, UUID.randomUUID(), Timestamp.from(Instant.now()), validUntil).update();
        return id;
    }
}
