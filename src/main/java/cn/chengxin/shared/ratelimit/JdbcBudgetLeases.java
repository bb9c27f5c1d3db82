package cn.chengxin.shared.ratelimit;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shared budgets' buckets in {@code shared.budget} (V388; gaps-review-xxxiii N7): a lease is one call of
 * {@code shared.lease_budget}, which holds the key's row for the statement only. Called once per slice of a budget,
 * never once per request ({@link SharedBudget}). Each lease commits on its own, whatever transaction the caller is in:
 * a slice granted is spent in memory whatever that transaction does, and the row is not held while it runs.
 */
@Repository
public class JdbcBudgetLeases implements BudgetLeases {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    JdbcBudgetLeases(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Grant lease(String limit, String key, long capacity, double perSecond, long returned, long need, long want,
                       Instant now) {
        return own.execute(tx -> jdbc.sql("SELECT granted, available FROM shared.lease_budget(?, ?, ?, ?, ?, ?, ?, ?)")
                .params(limit, key, capacity, perSecond, returned, need, want, Timestamp.from(now))
                .query((rs, n) -> new Grant(rs.getLong(1), rs.getDouble(2))).single());
    }
}
