package cn.chengxin.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.exchange.persistence.JdbcExchange;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps-review-xxxv P9: the exchange page counts only what it shows — the waiting and set-aside messages over partial
 * indexes of those rows, the acknowledged ones as kept per hour over the last 7 days — and never reads the
 * acknowledged rows the outbox keeps for every record shared.
 */
@IntegrationTest
class ExchangeQueueFiguresIT {

    /** Disabled: nothing else queues for it or pushes to it while the test runs. */
    private static final String PARTNER = "990873";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcExchange store;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void thePageShowsWaitingSetAsideAndTheLastWeeksAcknowledgementsAsCountedDirectly() throws Exception {
        jdbc.sql("""
                INSERT INTO exchange.partner (code, name, level, relation, public_key, enabled, failures, updated_at)
                VALUES (?, '计数测试平台', 'CITY', 'PEER', 'k', false, 0, now())""").param(PARTNER).update();
        try {
            Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
            for (int i = 0; i < 6; i++) {
                queue("figures/" + i, hourAgo);
            }
            // Two acknowledged now (kept in their hour), one set aside, one acknowledged a month ago (before the
            // kept hours: an acknowledged row the page must not count), two waiting.
            assertThat(store.acknowledge(PARTNER, List.of(seq("figures/0"), seq("figures/1")), clock.instant()))
                    .isEqualTo(2);
            jdbc.sql("UPDATE exchange.outbox SET refused_code = 'INVALID', refused_reason = '测试', refused_at = now() "
                    + "WHERE partner_code = ? AND source_id = 'figures/2'").param(PARTNER).update();
            jdbc.sql("UPDATE exchange.outbox SET acked_at = now() - interval '30 days' "
                    + "WHERE partner_code = ? AND source_id = 'figures/3'").param(PARTNER).update();

            long waiting = count("acked_at IS NULL AND refused_at IS NULL");
            long setAside = count("acked_at IS NULL AND refused_at IS NOT NULL");
            long ackedThisWeek = count("acked_at >= now() - interval '7 days'");
            assertThat(count("acked_at IS NOT NULL")).as("acknowledged rows in the outbox").isEqualTo(3);
            assertThat(List.of(waiting, setAside, ackedThisWeek)).containsExactly(2L, 1L, 2L);

            List<String> cells = cells(page());
            // Cells: partner, relation, transport, waiting, lag, acknowledged (7 days), delivery, pull, catch-up.
            assertThat(cells.get(3)).as("待确认 " + cells).isEqualTo(String.valueOf(waiting));
            assertThat(cells.get(4)).as("积压时长 " + cells).matches("(6[0-9]) 分钟");
            assertThat(cells.get(5)).as("近 7 日已确认, not every acknowledged row " + cells)
                    .isEqualTo(String.valueOf(ackedThisWeek));
            assertThat(cells.get(6)).as("set aside " + cells).contains(setAside + " 条被拒收，已搁置");

            // One more acknowledged by a pull's cursor: counted in its hour too.
            jdbc.sql("UPDATE exchange.outbox SET attempts = 1 WHERE partner_code = ? AND source_id = 'figures/4'")
                    .param(PARTNER).update();
            assertThat(store.acknowledgeUpTo(PARTNER, seq("figures/4"), clock.instant())).isEqualTo(1);
            cells = cells(page());
            assertThat(cells.get(3)).isEqualTo(String.valueOf(count("acked_at IS NULL AND refused_at IS NULL")))
                    .isEqualTo("1");
            assertThat(cells.get(5)).isEqualTo(String.valueOf(count("acked_at >= now() - interval '7 days'")))
                    .isEqualTo("3");
        } finally {
            jdbc.sql("DELETE FROM exchange.outbox WHERE partner_code = ?").param(PARTNER).update();
            jdbc.sql("DELETE FROM exchange.partner WHERE code = ?").param(PARTNER).update();
        }
    }

    /**
     * The page's statement reads the outbox only through the partial indexes of waiting and set-aside rows: planned
     * with sequential and bitmap scans turned off, every scan of the outbox is one of them (the statement before
     * could only read the whole table, or a whole index of it, for its count of acknowledged rows).
     */
    @Test
    void thePagesCountsReadTheOutboxOnlyThroughItsPartialIndexes() {
        String plan = new TransactionTemplate(transactions).execute(tx -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + JdbcExchange.QUEUE_SIZES)
                    .param(Timestamp.from(clock.instant().minus(Exchange.ACKNOWLEDGED_OVER))).query(String.class).list());
        });
        assertThat(plan).as(plan).doesNotContain("Seq Scan on outbox");
        Matcher scans = Pattern.compile("(?:Index Scan|Index Only Scan) using (\\w+) on outbox").matcher(plan);
        Set<String> used = new TreeSet<>();
        while (scans.find()) {
            used.add(scans.group(1));
        }
        assertThat(used).as(plan).isNotEmpty().isSubsetOf("outbox_waiting_since", "outbox_set_aside", "outbox_waiting");
        assertThat(plan.split("on outbox ", -1)).as("every scan of the outbox is one of them: " + plan)
                .hasSize(scanCount(plan) + 1);
    }

    private static int scanCount(String plan) {
        Matcher m = Pattern.compile("(?:Index Scan|Index Only Scan) using \\w+ on outbox ").matcher(plan);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private String page() throws Exception {
        return mvc.perform(get("/console/exchange").with(user("office").authorities(
                        new SimpleGrantedAuthority("STAFF"), new SimpleGrantedAuthority("console:home"),
                        new SimpleGrantedAuthority("exchange:manage"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The text of each cell of the partner's row in the partners' table, tags removed. */
    private static List<String> cells(String page) {
        String table = page.substring(page.indexOf("id=\"partners\""));
        String before = table.substring(0, table.indexOf("<code>" + PARTNER + "</code>"));
        String row = table.substring(before.lastIndexOf("<tr"));
        row = row.substring(0, row.indexOf("</tr>"));
        return java.util.Arrays.stream(row.split("<td[^>]*>")).skip(1)
                .map(c -> c.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim()).toList();
    }

    private long count(String condition) {
        return jdbc.sql("SELECT count(*) FROM exchange.outbox WHERE partner_code = ? AND " + condition)
                .param(PARTNER).query(Long.class).single();
    }

    private long seq(String sourceId) {
        return jdbc.sql("SELECT seq FROM exchange.outbox WHERE partner_code = ? AND source_id = ?")
                .params(PARTNER, sourceId).query(Long.class).single();
    }

    private void queue(String sourceId, Instant at) {
        ExchangeMetricsIT.queue(jdbc, PARTNER, sourceId, at);
    }
}
