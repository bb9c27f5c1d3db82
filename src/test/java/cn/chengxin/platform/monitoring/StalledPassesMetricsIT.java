package cn.chengxin.platform.monitoring;

import cn.chengxin.support.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xlii W4: every table of resumable passes has its gauge, and a pass no chunk moved for longer than
 * ResumablePasses.STALLED is counted in its table's, a finished one and one that just moved not. Made in a
 * transaction rolled back, the gauges read within it.
 */
@IntegrationTest
class StalledPassesMetricsIT {

    @Autowired
    StalledPassesMetrics metrics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aPassNoChunkMovedForMinutesIsCountedInItsTable() {
        assertThat(metrics.tables()).contains("listing.rule_reevaluation", "listing.item_revision_pass",
                "measures.check_retention_pass", "exchange.retention_pass", "creditfile.period_shortening_pass",
                "subject.masking_pass", "subject.resealing_pass");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metrics.bindTo(registry);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            double before = stalled(registry);
            pass(-1, "now() - interval '10 minutes'", null);
            pass(-2, "now() - interval '10 minutes'", "now()");
            pass(-3, "now()", null);
            assertThat(stalled(registry)).as("only the unfinished pass quiet for ten minutes").isEqualTo(before + 1);
        });
    }

    private static double stalled(SimpleMeterRegistry registry) {
        return registry.get("chengxin.passes.stalled").tag("table", "measures.check_retention_pass").gauge().value();
    }

    private void pass(int day, String progressedAt, String finishedAt) {
        jdbc.sql("""
                INSERT INTO measures.check_retention_pass (code, day, cutoff, started_at, progressed_at, finished_at)
                VALUES ('alarm', ?, now(), now() - interval '1 hour', %s, %s)""".formatted(progressedAt,
                        finishedAt == null ? "NULL" : finishedAt)).param(day).update();
    }
}
