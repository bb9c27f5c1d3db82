package cn.chengxin.exchange;

import java.sql.Timestamp;
import java.time.Instant;

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
 * A database holding the Supreme People's Court's list as received before list entries named their record, upgraded:
 * V118 makes those entries court-defaulter records, read again by the check index, so that the court's restrictions
 * (limited to the court-defaulter rule since V113) still follow them; a partner's entry is left as it came.
 */
@IntegrationTest
class ReceivedCourtListUpgradeIT {

    @Autowired
    DataSource dataSource;

    private UpgradedDatabase upgraded;

    @BeforeEach
    void createDatabaseBeforeV118() {
        upgraded = UpgradedDatabase.create(dataSource);
        // V116 and V117 may not exist: "117?" migrates as far as the last version up to 117.
        upgraded.flyway().target("117?").load().migrate();
    }

    @AfterEach
    void dropDatabase() {
        upgraded.drop();
    }

    @Test
    void theCourtsEntriesNameTheCourtDefaulterItemAndAreReadAgain() {
        JdbcClient db = upgraded.jdbc();
        received(db, "SPC", "list/spc-1");
        received(db, "411000", "list/partner-1");
        long before = db.sql("SELECT max(change_seq) FROM exchange.received").query(Long.class).single();

        upgraded.flyway().load().migrate();

        assertThat(item(db, "SPC")).isEqualTo("P_COURT_DEFAULTER");
        assertThat(db.sql("SELECT change_seq FROM exchange.received WHERE source_platform = 'SPC'")
                .query(Long.class).single()).as("the check index reads it again").isGreaterThan(before);
        assertThat(item(db, "411000")).as("another platform's entry names what it named").isEqualTo("(none)");
    }

    private static String item(JdbcClient db, String platform) {
        return db.sql("SELECT coalesce(item_code, '(none)') FROM exchange.received WHERE source_platform = ?")
                .param(platform)
                .query(String.class).single();
    }

    private static void received(JdbcClient db, String platform, String sourceId) {
        db.sql("""
                INSERT INTO exchange.received (source_platform, source_id, version, kind, via_partner,
                                               subject_pseudonym, masked_number, list_type, status, in_force,
                                               disputed, occurred_at, received_at, digest)
                VALUES (?, ?, 1, 'LIST_ENTRY', ?, 'ab12', '1101**********041X', 'BLACK', 'EFFECTIVE', true, false,
                        ?, ?, 'd')""")
                .params(platform, sourceId, platform, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()))
                .update();
    }
}
