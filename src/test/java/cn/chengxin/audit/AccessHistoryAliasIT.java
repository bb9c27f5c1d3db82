package cn.chengxin.audit;

import java.util.UUID;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subject whose pseudonym was re-keyed (V73, V79: passport and permit holders) still sees the events recorded
 * under the earlier one, which the log never rewrites; and only his.
 */
@IntegrationTest
class AccessHistoryAliasIT {

    @Autowired
    AuditLog audit;

    @Autowired
    AccessHistory history;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eventsUnderAnEarlierPseudonymStayInTheSubjectsHistory() {
        String earlier = "e0" + UUID.randomUUID().toString().replace("-", "");
        String now = "f0" + UUID.randomUUID().toString().replace("-", "");
        String someoneElse = "a0" + UUID.randomUUID().toString().replace("-", "");
        long before = audit.record(AuditEntry.of(AuditCategory.QUERY, "test.alias").subject(earlier)
                .purpose("测试", "测试依据").detail("改号前的查询"));
        long after = audit.record(AuditEntry.of(AuditCategory.QUERY, "test.alias").subject(now)
                .purpose("测试", "测试依据").detail("改号后的查询"));
        long other = audit.record(AuditEntry.of(AuditCategory.QUERY, "test.alias").subject(someoneElse)
                .purpose("测试", "测试依据").detail("他人的查询"));
        jdbc.sql("INSERT INTO audit.pseudonym_alias (pseudonym, earlier) VALUES (?, ?)").params(now, earlier).update();

        assertThat(history.of(now, 10)).extracting(AccessHistory.Access::seq).containsExactly(after, before);
        assertThat(history.queriesOf(now, 10)).extracting(AccessHistory.Access::seq).containsExactly(after, before);
        assertThat(history.of(earlier, 10)).extracting(AccessHistory.Access::seq).containsExactly(before);
        assertThat(history.of(someoneElse, 10)).extracting(AccessHistory.Access::seq).containsExactly(other);
    }
}
