package cn.chengxin.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The exchange's backlog as the operations team scrapes it (gaps review xxxiii N8): a message queued for a partner
 * and one it refused show in the partner's gauges, the waiting one's age with it.
 */
@IntegrationTest
class ExchangeMetricsIT {

    private static final String PARTNER = "990871";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExchangeMetrics metrics;

    @Autowired
    Clock clock;

    @Value("${chengxin.monitoring.token}")
    String token;

    @Test
    void aQueuedMessageAndARefusedOneShowInThePartnersGauges() throws Exception {
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        // Disabled: nothing else queues for it or pushes to it while the test runs.
        jdbc.sql("""
                INSERT INTO exchange.partner (code, name, level, relation, public_key, enabled, failures, updated_at)
                VALUES (?, '监控测试平台', 'CITY', 'PEER', 'k', false, 4, now())""").param(PARTNER).update();
        try {
            queue("monitoring/waiting", hourAgo);
            queue("monitoring/refused", clock.instant());
            jdbc.sql("UPDATE exchange.outbox SET refused_code = 'INVALID', refused_reason = '测试', refused_at = now() "
                    + "WHERE partner_code = ? AND source_id = 'monitoring/refused'").param(PARTNER).update();
            metrics.refresh();

            String scraped = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(line(scraped, "chengxin_exchange_outbox_waiting{partner=\"" + PARTNER + "\"}")).isEqualTo(1.0);
            assertThat(line(scraped, "chengxin_exchange_outbox_set_aside{partner=\"" + PARTNER + "\"}"))
                    .isEqualTo(1.0);
            assertThat(line(scraped, "chengxin_exchange_push_failures{partner=\"" + PARTNER + "\"}")).isEqualTo(4.0);
            assertThat(line(scraped, "chengxin_exchange_outbox_oldest_age_seconds{partner=\"" + PARTNER + "\"}"))
                    .isGreaterThanOrEqualTo(3600.0);
            assertThat(line(scraped, "chengxin_exchange_backlog")).isGreaterThanOrEqualTo(1.0);
            assertThat(line(scraped, "chengxin_exchange_backlog_oldest_age_seconds")).isGreaterThanOrEqualTo(3600.0);
        } finally {
            jdbc.sql("DELETE FROM exchange.outbox WHERE partner_code = ?").param(PARTNER).update();
            jdbc.sql("DELETE FROM exchange.partner WHERE code = ?").param(PARTNER).update();
            metrics.refresh();
        }
    }

    private void queue(String sourceId, Instant at) {
        queue(jdbc, PARTNER, sourceId, at);
    }

    /** Queues a message of {@code sourceId} (version 1, a record) for {@code partner}, as queued at {@code at}. */
    static void queue(JdbcClient jdbc, String partner, String sourceId, Instant at) {
        jdbc.sql("""
                INSERT INTO exchange.outbox (partner_code, subject_id, source_platform, source_id, version, kind,
                                             status, body, queued_at)
                VALUES (?, gen_random_uuid(), '990000', ?, 1, 'RECORD', 'ACTIVE', '{}'::jsonb, ?)""")
                .params(partner, sourceId, Timestamp.from(at)).update();
    }

    /** The value of the sample line that starts with {@code sample} (name and labels). */
    private static double line(String scraped, String sample) {
        return scraped.lines().filter(l -> l.startsWith(sample + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(sample.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no sample " + sample));
    }
}
