package cn.chengxin.ingestion.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.ingestion.IngestionProblem;
import cn.chengxin.shared.DomainProblem;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Repository;

/**
 * Who runs a batch, whichever instance of the platform it is: a session advisory lock on the batch's id, held on a
 * connection of its own for as long as the batch runs. PostgreSQL releases it when that connection ends, however the
 * instance ended ({@code kill -9} included), so a batch marked RUNNING whose claim nobody holds was interrupted and
 * may be run again; one whose claim is held is running, and a replay must not start it a second time.
 *
 * <p>The claims' connections come from a small pool of their own ({@link #MOST_RUNNING} at most): a batch holding
 * its claim while it waits for the main pool's connections to store its rows could otherwise, with enough batches at
 * once, hold them all. Past that many batches running on an instance, another waits a few seconds for a claim and is
 * then refused as busy, to be sent again.
 *
 * <p>A claim's connection sits idle while its batch runs on the main pool's, and may end under it (the network, an
 * idle timeout, a restart of the database, {@code pg_terminate_backend}): the lock goes with it, without a word, and a
 * resend may run the batch elsewhere. So the runner asks {@link Claim#requireHeld} before it stores each chunk, and
 * stops when the claim is gone ({@link ClaimLost}), leaving the batch running for its resend to take up.
 */
@Repository
public class BatchClaims implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchClaims.class);
    /** The most batches one instance runs at once. */
    public static final int MOST_RUNNING = 8;

    private final DataSource dataSource;
    private final boolean ownPool;

    public BatchClaims(DataSource main) {
        HikariDataSource pooled = null;
        try {
            pooled = main.isWrapperFor(HikariDataSource.class) ? main.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            // not a Hikari pool: the claims share the main one
        }
        this.ownPool = pooled != null;
        this.dataSource = ownPool ? claimsPool(pooled) : main;
    }

    private static DataSource claimsPool(HikariDataSource main) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(main.getJdbcUrl());
        config.setUsername(main.getUsername());
        config.setPassword(main.getPassword());
        config.setDataSourceProperties(main.getDataSourceProperties());
        config.setPoolName("chengxin-batch-claims");
        config.setMaximumPoolSize(MOST_RUNNING);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1); // connects when the first batch runs, not at start
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        if (ownPool && dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    /** @return the claim, to be closed when the batch is done; empty when the batch is running (here or elsewhere) */
    public Optional<Claim> claim(UUID batchId) {
        int key = keyOf(batchId);
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                ps.setInt(1, KIND);
                ps.setInt(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new Claim(connection, key));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (java.sql.SQLTransientConnectionException e) {
            // As many batches as an instance runs at once are running: this one is to be sent again a little later.
            throw new IngestionProblem("INGESTION_BUSY", DomainProblem.Kind.TOO_MANY,
                    "同时处理的报送批次已达上限：请稍后以同一批次号重新报送");
        } catch (SQLException e) {
            discard(connection);
            throw new DataAccessResourceFailureException("batch claim not taken", e);
        }
    }

    /**
     * The lock's key: the two-number form, whose key space is apart from the single-number one of the audit writer and
     * the inquiries — the batch id is the client's choice, and must never name their locks — with this kind of lock
     * first and the batch id folded to 32 bits (another batch sharing it would only wait its turn).
     */
    public static int keyOf(UUID batchId) {
        long folded = batchId.getMostSignificantBits() ^ batchId.getLeastSignificantBits();
        return (int) (folded ^ (folded >>> 32));
    }

    /** The first number of every batch claim's key: "batc". */
    public static final int KIND = 0x62617463;

    /** A connection that may still hold a lock never goes back to the pool: it is closed for good. */
    private void discard(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            } else {
                connection.close();
            }
        } catch (SQLException e) {
            log.warn("A batch claim's connection could not be closed: {}", e.toString());
        }
    }

    /**
     * The claim of a running batch is gone: the runner stops where it is, neither done nor failed, and the batch is
     * run again, from its start, when it is sent again (what was stored is recognised, not stored twice).
     */
    public static final class ClaimLost extends IngestionProblem {

        ClaimLost() {
            super("BATCH_INTERRUPTED", DomainProblem.Kind.UNAVAILABLE,
                    "批次处理因数据库连接中断而停止：请以同一批次号重新报送，已入库的记录不会重复");
        }

        /** Sent again under its batch id, not a new one: what was stored is recognised (gaps review xxxvii R9). */
        @Override
        public Retry retry() {
            return Retry.SAME_IDEMPOTENCY_KEY;
        }
    }

    /** How long the check that a claim is still held may take: a connection that does not answer has lost it. */
    private static final int HELD_CHECK_SECONDS = 10;

    /** A held claim; closing it releases the lock and gives the connection back. */
    public final class Claim implements AutoCloseable {

        private final Connection connection;
        private final int key;

        private Claim(Connection connection, int key) {
            this.connection = connection;
            this.key = key;
        }

        /**
         * Goes on only while this claim's connection still holds the batch's lock: asked of PostgreSQL's own table of
         * locks, for this backend, so that a connection that ended counts as lost, and so would a lock released by
         * mistake. A query a chunk: nothing beside storing it.
         *
         * @throws ClaimLost when it is gone
         */
        public void requireHeld() {
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()
                                   AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2 AND granted)""")) {
                ps.setQueryTimeout(HELD_CHECK_SECONDS);
                ps.setLong(1, Integer.toUnsignedLong(KIND));
                ps.setLong(2, Integer.toUnsignedLong(key));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
                log.warn("A running batch's claim is no longer held by its connection");
            } catch (SQLException e) {
                log.warn("A running batch's claim was lost with its connection: {}", e.toString());
            }
            throw new ClaimLost();
        }

        @Override
        public void close() {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                ps.setInt(1, KIND);
                ps.setInt(2, key);
                ps.execute();
                connection.close();
            } catch (SQLException e) {
                log.warn("A batch claim was not released cleanly ({}); its connection is closed", e.toString());
                discard(connection);
            }
        }
    }
}
