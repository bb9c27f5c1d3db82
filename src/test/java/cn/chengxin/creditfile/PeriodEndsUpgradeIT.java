package cn.chengxin.creditfile;

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
 * A database whose records' periods were stored a day early (decision + N months - 1 day), upgraded: V129 moves the
 * ends still ahead to the corresponding day (《民法典》第二百零二条) and leaves closed records, past versions and ends
 * already counted the lawful way as they are.
 */
@IntegrationTest
class PeriodEndsUpgradeIT {

    private static final LocalDate MARCH_10 = LocalDate.of(2025, 3, 10);
    private static final LocalDate NOVEMBER_30 = LocalDate.of(2025, 11, 30);

    @Autowired
    DataSource dataSource;

    private UpgradedDatabase upgraded;

    @BeforeEach
    void createDatabaseAtV128() {
        upgraded = UpgradedDatabase.create(dataSource);
        // V126 to V128 may not exist: "128?" migrates as far as the last version up to 128.
        upgraded.flyway().target("128?").load().migrate();
    }

    @AfterEach
    void dropDatabase() {
        upgraded.drop();
    }

    @Test
    void theEndsStillAheadMoveToTheCorrespondingDayAndNothingElse() {
        JdbcClient db = upgraded.jdbc();
        UUID shown = record(db, MARCH_10, "ACTIVE", true, LocalDate.of(2026, 3, 9), LocalDate.of(2030, 3, 9));
        UUID disputed = record(db, NOVEMBER_30, "IN_DISPUTE", true, LocalDate.of(2026, 2, 27),
                LocalDate.of(2030, 11, 29));
        UUID expired = record(db, MARCH_10, "EXPIRED", true, LocalDate.of(2026, 3, 9), LocalDate.of(2030, 3, 9));
        UUID archived = record(db, MARCH_10, "ARCHIVED", true, LocalDate.of(2026, 3, 9), LocalDate.of(2030, 3, 9));
        UUID past = record(db, MARCH_10, "ACTIVE", false, LocalDate.of(2026, 3, 9), LocalDate.of(2030, 3, 9));
        UUID lawful = record(db, MARCH_10, "ACTIVE", true, LocalDate.of(2026, 3, 10), LocalDate.of(2030, 3, 10));
        UUID longTerm = record(db, MARCH_10, "ACTIVE", true, null, null);

        upgraded.flyway().load().migrate();

        assertThat(ends(db, shown)).isEqualTo(LocalDate.of(2026, 3, 10) + " " + LocalDate.of(2030, 3, 10));
        assertThat(ends(db, disputed)).as("the month's last day when it has no 30th")
                .isEqualTo(LocalDate.of(2026, 2, 28) + " " + LocalDate.of(2030, 11, 30));
        assertThat(ends(db, expired)).as("stays taken down; its archiving is still ahead")
                .isEqualTo(LocalDate.of(2026, 3, 9) + " " + LocalDate.of(2030, 3, 10));
        assertThat(ends(db, archived)).isEqualTo(LocalDate.of(2026, 3, 9) + " " + LocalDate.of(2030, 3, 9));
        assertThat(ends(db, past)).as("a past version is history")
                .isEqualTo(LocalDate.of(2026, 3, 9) + " " + LocalDate.of(2030, 3, 9));
        assertThat(ends(db, lawful)).as("already counted the lawful way")
                .isEqualTo(LocalDate.of(2026, 3, 10) + " " + LocalDate.of(2030, 3, 10));
        assertThat(ends(db, longTerm)).isEqualTo("null null");
    }

    private static UUID record(JdbcClient db, LocalDate decided, String status, boolean current,
                               LocalDate publicationEnd, LocalDate retentionEnd) {
        UUID id = UUID.randomUUID();
        db.sql("""
                INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code, item_version,
                                               department_code, source_record_id, action, decision_number,
                                               decision_date, content, fingerprint, status, publication_end,
                                               retention_end, batch_id, accepted_at, accepted_by)
                VALUES (?, ?, 1, ?, ?, 'P_ADMIN_PENALTY_GENERAL', 1, 'MARKET', ?, 'ADD', '驻市监罚〔2025〕1号', ?, '{}',
                        ?, ?, ?, ?, ?, ?, 'market')""")
                .params(id, UUID.randomUUID(), current, UUID.randomUUID(), "PE-" + id, decided, "PE-" + id, status,
                        publicationEnd, retentionEnd, UUID.randomUUID(), Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    private static String ends(JdbcClient db, UUID id) {
        return db.sql("""
                        SELECT coalesce(publication_end::text, 'null') || ' ' || coalesce(retention_end::text, 'null')
                        FROM creditfile.record WHERE id = ?""").param(id).query(String.class).single();
    }
}
