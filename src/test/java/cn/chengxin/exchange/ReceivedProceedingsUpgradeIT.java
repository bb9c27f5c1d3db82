package cn.chengxin.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

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
 * A database holding records received while receivers relayed a record's pending reviews and lawsuits without keeping
 * them, upgraded: V124 gives each the proceedings of the version it holds, read from the body relayed on, and none
 * where that version was relayed to nobody or carried none.
 */
@IntegrationTest
class ReceivedProceedingsUpgradeIT {

    @Autowired
    DataSource dataSource;

    private UpgradedDatabase upgraded;

    @BeforeEach
    void createDatabaseBeforeV124() {
        upgraded = UpgradedDatabase.create(dataSource);
        upgraded.flyway().target("123").load().migrate();
    }

    @AfterEach
    void dropDatabase() {
        upgraded.drop();
    }

    @Test
    void theVersionHeldTakesTheProceedingsItWasRelayedWith() {
        JdbcClient db = upgraded.jdbc();
        db.sql("""
                INSERT INTO exchange.partner (code, name, level, relation, public_key, updated_at)
                VALUES ('411701', '信用驿城区', 'CITY', 'CHILD', 'k', now())""").update();
        received(db, "record/flagged", 3);
        relayed(db, "record/flagged", 3, ",\"proceedings\":[\"LAWSUIT\",\"ADMINISTRATIVE_REVIEW\"]");
        received(db, "record/cleared", 5);
        relayed(db, "record/cleared", 4, ",\"proceedings\":[\"LAWSUIT\"]");
        relayed(db, "record/cleared", 5, "");
        received(db, "record/kept-only", 2);

        upgraded.flyway().load().migrate();

        assertThat(proceedings(db, "record/flagged")).containsExactly("LAWSUIT", "ADMINISTRATIVE_REVIEW");
        assertThat(proceedings(db, "record/cleared")).as("an older version's flags are not the held one's").isEmpty();
        assertThat(proceedings(db, "record/kept-only")).isEmpty();
    }

    private static List<String> proceedings(JdbcClient db, String sourceId) {
        return List.of(db.sql("SELECT proceedings FROM exchange.received WHERE source_platform = '411500' "
                        + "AND source_id = ?").param(sourceId)
                .query((rs, n) -> (String[]) rs.getArray(1).getArray()).single());
    }

    private static void received(JdbcClient db, String sourceId, long version) {
        db.sql("""
                INSERT INTO exchange.received (source_platform, source_id, version, kind, via_partner,
                                               subject_pseudonym, masked_number, item_code, status, in_force,
                                               disputed, occurred_at, received_at, digest)
                VALUES ('411500', ?, ?, 'RECORD', '410000', 'ab12', '4115**********041X', 'P_ADMIN_PENALTY_GENERAL',
                        'ACTIVE', true, false, ?, ?, 'd')""")
                .params(sourceId, version, Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update();
    }

    private static void relayed(JdbcClient db, String sourceId, long version, String proceedingsMember) {
        db.sql("""
                INSERT INTO exchange.outbox (partner_code, subject_id, source_platform, source_id, version, kind,
                                             status, body, queued_at)
                VALUES ('411701', gen_random_uuid(), '411500', ?, ?, 'RECORD', 'ACTIVE', ?::jsonb, now())""")
                .params(sourceId, version, "{\"sourcePlatform\":\"411500\",\"sourceId\":\"" + sourceId
                        + "\",\"version\":" + version + ",\"kind\":\"RECORD\",\"status\":\"ACTIVE\""
                        + proceedingsMember + "}")
                .update();
    }
}
