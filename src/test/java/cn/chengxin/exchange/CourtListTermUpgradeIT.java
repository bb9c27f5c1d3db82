package cn.chengxin.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

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
 * A database holding rows of the Supreme People's Court's list loaded with two years each, upgraded (finding I2 of
 * gaps review xxvii): V238 puts their versions on the scale that carries the court's term, a listing lowest in its
 * day, so that loading the list again sets the term, and a removal highest, so that an older file cannot list its
 * subject again; a partner's entry keeps its version.
 */
@IntegrationTest
class CourtListTermUpgradeIT {

    @Autowired
    DataSource dataSource;

    private UpgradedDatabase upgraded;

    @BeforeEach
    void createDatabaseBeforeV238() {
        upgraded = UpgradedDatabase.create(dataSource);
        upgraded.flyway().target("237?").load().migrate();
    }

    @AfterEach
    void dropDatabase() {
        upgraded.drop();
    }

    @Test
    void theCourtsRowsAreRenumberedSoThatALoadSetsTheirTermAndARemovalStands() {
        JdbcClient db = upgraded.jdbc();
        long published = LocalDate.of(2024, 3, 2).toEpochDay();
        long removed = LocalDate.of(2025, 6, 1).toEpochDay();
        received(db, "SPC", "list/spc-listed", published * 10);
        received(db, "SPC", "list/spc-removed", removed * 10 + 1);
        received(db, "411000", "list/partner-1", 7);

        upgraded.flyway().load().migrate();

        assertThat(version(db, "list/spc-listed")).isEqualTo(published * 100_000);
        assertThat(version(db, "list/spc-removed")).isEqualTo(removed * 100_000 + 99_999);
        assertThat(version(db, "list/partner-1")).isEqualTo(7);
    }

    private static long version(JdbcClient db, String sourceId) {
        return db.sql("SELECT version FROM exchange.received WHERE source_id = ?").param(sourceId).query(Long.class)
                .single();
    }

    private static void received(JdbcClient db, String platform, String sourceId, long version) {
        db.sql("""
                INSERT INTO exchange.received (source_platform, source_id, version, kind, via_partner,
                                               subject_pseudonym, masked_number, list_type, status, in_force,
                                               disputed, occurred_at, received_at, digest)
                VALUES (?, ?, ?, 'LIST_ENTRY', ?, 'ab12', '1101**********041X', 'BLACK', 'EFFECTIVE', true, false,
                        ?, ?, 'd')""")
                .params(platform, sourceId, version, platform, Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now()))
                .update();
    }
}
