package cn.chengxin.audit;

import java.time.Clock;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily retention job (RULES.md §10) empties the content of events past their category's period and of no
 * other; it finds them by time ({@code audit.event.at}, a block-range index). It runs here with the clock moved past
 * the security period, inside a transaction rolled back afterwards, so the other tests' events keep their content.
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
    Clock clock;

    @Test
    void eventsPastTheirPeriodLoseTheirContentAndTheOthersKeepIt() {
        long security = audit.record(AuditEntry.of(AuditCategory.SECURITY, "test.retention").detail("登录失败（保留期测试）"));
        long query = audit.record(AuditEntry.of(AuditCategory.QUERY, "test.retention").subject("feedbeef-retention")
                .purpose("测试", "测试依据").detail("查询（保留期测试）"));
        Clock later = Clock.offset(clock, retention.periodOf(AuditCategory.SECURITY).plusDays(1));

        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            assertThat(retention.prune(later)).isPositive();
            assertThat(detail(security)).as("a security event past its period").isNull();
            assertThat(pruned(security)).isTrue();
            assertThat(detail(query)).as("a query of personal data, kept ten years").isEqualTo("查询（保留期测试）");
            assertThat(pruned(query)).isFalse();
        });
        assertThat(detail(security)).as("the job's work was rolled back").isEqualTo("登录失败（保留期测试）");
        assertThat(retention.prune()).as("nothing is past its period today").isZero();
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
