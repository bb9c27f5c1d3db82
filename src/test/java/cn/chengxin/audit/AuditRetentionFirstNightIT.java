package cn.chengxin.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import cn.chengxin.shared.jdbc.LongStatements;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session xliv (gaps review xlii W2's rest): the first night after V770 walks every position of the log once, from
 * where V770 put the marks (the walk at the first event, the re-check at the log's end). Measured here on 200,000
 * events over 800 days (60 % checks, 30 % security, 10 % processing), seeded past the log's end and rolled back with
 * the pass, in two cases: the old single {@code UPDATE} had emptied what was due (the walk only reads), or it had
 * stopped (the walk empties 30,000 security events). Each case logs the pass's time and its WAL a chunk (the figures
 * of docs/performance-log.md "Audit retention", session xliv); the assertions hold the pass to chunks and to the
 * periods.
 */
@IntegrationTest
class AuditRetentionFirstNightIT {

    private static final Logger log = LoggerFactory.getLogger(AuditRetentionFirstNightIT.class);

    private static final int EVENTS = 200_000;

    @Autowired
    AuditRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Test
    void theFirstNightAfterTheOldPassEmptiedWhatWasDueOnlyReads() {
        firstNight(true);
    }

    @Test
    void theFirstNightAfterTheOldPassStoppedEmptiesInChunks() {
        firstNight(false);
    }

    private void firstNight(boolean emptiedBefore) {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            LongStatements.allowIn(jdbc);
            long base = jdbc.sql("SELECT coalesce(max(seq), -1) + 1000001 FROM audit.event").query(Long.class)
                    .single();
            seed(base, emptiedBefore);
            for (AuditCategory category : AuditCategory.values()) {
                jdbc.sql("""
                        INSERT INTO audit.retention_mark (category, n, walked_through, rechecked_through, cutoff,
                                                          emptied, at)
                        SELECT category, n + 1, ?, ?, cutoff, 0, now()
                        FROM audit.retention_mark WHERE category = ? ORDER BY n DESC LIMIT 1""")
                        .params(base - 1, base + EVENTS - 1, category.name()).update();
            }

            List<Long> wal = new ArrayList<>();
            List<Long> millis = new ArrayList<>();
            String[] lsn = {lsn()};
            long[] at = {System.nanoTime()};
            String startLsn = lsn[0];
            long started = at[0];
            long emptied = retention.prune(clock, 10_000, () -> {
                String now = lsn();
                wal.add(walBetween(lsn[0], now));
                millis.add((System.nanoTime() - at[0]) / 1_000_000);
                lsn[0] = now;
                at[0] = System.nanoTime();
                return true;
            });
            long totalMillis = (System.nanoTime() - started) / 1_000_000;
            long totalWal = walBetween(startLsn, lsn());
            log.info("First night over {} events ({}): {} emptied in {} ms, {} kB of WAL; between chunks {}: "
                            + "WAL {} kB at most, {} kB median; {} ms at most, {} ms median", EVENTS,
                    emptiedBefore ? "the old pass had emptied what was due" : "the old pass had stopped", emptied,
                    totalMillis, totalWal / 1024, wal.size(), Collections.max(wal) / 1024, median(wal) / 1024,
                    Collections.max(millis), median(millis));

            assertThat(wal).as("a chunk at a time (11 security chunks, the last finding the frontier)")
                    .hasSizeGreaterThanOrEqualTo(9);
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM audit.event WHERE seq >= ? AND category = 'SECURITY' AND pruned_at IS NULL
                        AND at < now() - interval '400 days' - interval '1 minute'""").param(base).query(Long.class)
                    .single()).as("every security event past its period emptied").isZero();
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM audit.event WHERE seq >= ? AND pruned_at IS NOT NULL
                        AND (category <> 'SECURITY' OR at > now() - interval '400 days' + interval '1 hour')""").param(base)
                    .query(Long.class).single()).as("none before its period").isZero();
        });
    }

    /** Events over 800 days ending now; the security events past 401 days already emptied if {@code emptiedBefore}. */
    private void seed(long base, boolean emptiedBefore) {
        jdbc.sql("""
                INSERT INTO audit.event (seq, at, category, actor_kind, actor_id, actor_name, organisation, action,
                                         subject_pseudonym, purpose, legal_basis, result, request_id, detail,
                                         pruned_at, leaf_hash, mac)
                SELECT :base + i, at, category, 'STAFF',
                       CASE WHEN emptied THEN '' ELSE 'u' || (i % 500) END,
                       CASE WHEN emptied THEN '' ELSE '测试员 ' || (i % 500) END,
                       CASE WHEN emptied THEN '' ELSE '市信用中心（首夜测试）' END,
                       CASE WHEN emptied THEN '' WHEN category = 'QUERY' THEN 'measures.check'
                            ELSE 'test.retention.first_night' END,
                       CASE WHEN emptied THEN NULL ELSE md5(i::text) END,
                       CASE WHEN emptied THEN NULL ELSE '核查' END,
                       CASE WHEN emptied THEN NULL ELSE '测试依据' END,
                       'SUCCESS',
                       CASE WHEN emptied THEN NULL ELSE md5((i + 1)::text) END,
                       CASE WHEN emptied THEN NULL ELSE repeat('首夜的事件内容', 10) END,
                       CASE WHEN emptied THEN at + interval '400 days' END,
                       sha256(int8send(i)), sha256(int8send(-1 - i))
                FROM (SELECT i, now() - interval '800 days' + i * (interval '800 days' / :events) AS at,
                             CASE WHEN i % 10 < 6 THEN 'QUERY' WHEN i % 10 < 9 THEN 'SECURITY'
                                  ELSE 'PROCESSING' END AS category
                      FROM generate_series(0, :events - 1) AS i) e,
                     LATERAL (SELECT :emptiedBefore AND category = 'SECURITY'
                                     AND at < now() - interval '401 days' AS emptied) p""")
                .param("base", base).param("events", EVENTS).param("emptiedBefore", emptiedBefore).update();
    }

    private String lsn() {
        return jdbc.sql("SELECT pg_current_wal_insert_lsn()::text").query(String.class).single();
    }

    private long walBetween(String from, String to) {
        return jdbc.sql("SELECT pg_wal_lsn_diff(?::pg_lsn, ?::pg_lsn)::bigint").params(to, from).query(Long.class)
                .single();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
