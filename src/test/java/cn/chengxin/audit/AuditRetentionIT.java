package cn.chengxin.audit;

import java.time.Clock;

import cn.chengxin.audit.persistence.AuditWriter;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The daily retention job (RULES.md §10) empties the content of events past their category's period and of no
 * other; it finds them by time ({@code audit.event.at}, a block-range index). The database judges the period by its
 * own clock (V570, gaps review xli V1): the events here are made a security period old, and a clock moved ahead is
 * refused.
 */
@IntegrationTest
class AuditRetentionIT {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditWriter writer;

    @Autowired
    Clock clock;

    @Test
    void eventsPastTheirPeriodLoseTheirContentAndTheOthersKeepIt() {
        AuditLog past = PastAuditLog.ago(writer, clock, retention.periodOf(AuditCategory.SECURITY).plusDays(1));
        long security = past.record(AuditEntry.of(AuditCategory.SECURITY, "test.retention").detail("登录失败（保留期测试）"));
        long query = past.record(AuditEntry.of(AuditCategory.QUERY, "test.retention").subject("feedbeef-retention")
                .purpose("测试", "测试依据").detail("查询（保留期测试）"));

        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            assertThat(retention.prune()).isPositive();
            assertThat(detail(security)).as("a security event past its period").isNull();
            assertThat(pruned(security)).isTrue();
            assertThat(detail(query)).as("a query of personal data, kept ten years").isEqualTo("查询（保留期测试）");
            assertThat(pruned(query)).isFalse();
        });
        assertThat(detail(security)).as("the job's work was rolled back").isEqualTo("登录失败（保留期测试）");
        assertThat(retention.prune()).as("emptied for good").isPositive();
        assertThat(retention.prune()).as("nothing is left past its period").isZero();
    }

    /** Gaps review xli V1: an instance whose clock runs years ahead (or a caller passing such a time) empties nothing. */
    @Test
    void aClockAheadOfTheDatabaseServersEmptiesNothing() {
        long security = audit.record(AuditEntry.of(AuditCategory.SECURITY, "test.retention").detail("今天的登录失败"));
        Clock ahead = Clock.offset(clock, retention.periodOf(AuditCategory.SECURITY).plusDays(1));

        assertThatThrownBy(() -> retention.prune(ahead)).rootCause().hasMessageContaining("is ahead of it");
        assertThat(detail(security)).isEqualTo("今天的登录失败");
        assertThat(pruned(security)).isFalse();
    }

    private String detail(long seq) {
        return jdbc.sql("SELECT detail FROM audit.event WHERE seq = ?").param(seq).query((rs, n) -> rs.getString(1))
                .list().get(0);
    }

    private boolean pruned(long seq) {
        return jdbc.sql("SELECT pruned_at IS NOT NULL FROM audit.event WHERE seq = ?").param(seq).query(Boolean.class)
                .single();
    }
}
