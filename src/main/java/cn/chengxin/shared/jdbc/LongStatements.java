package cn.chengxin.shared.jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The pool's connections stop a statement after {@code chengxin.db.statement-timeout} (gaps review xxxiii N12): a
 * request that runs long gives its connection back. The passes over many records (a chunk of an ingestion, a range
 * of the full recompute, a chunk of a resumable pass) are bounded by their chunk, not by that limit, and may run
 * longer on a loaded database: they lift it for their own transaction ({@code SET LOCAL}), never for the connection,
 * which returns to the pool with the limit in force.
 */
public final class LongStatements {

    private LongStatements() {
    }

    /** Lifts the statement timeout for the rest of the current transaction; outside one it does nothing. */
    public static void allowIn(JdbcClient jdbc) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.sql("SELECT set_config('statement_timeout', '0', true)").query(String.class).single();
        }
    }
}
