package cn.chengxin.platform.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import cn.chengxin.shared.jdbc.LongStatements;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gaps review xxxiii N12 on the test database: the pool's connections carry the statement and lock timeouts, a pass
 * lifts the statement timeout for its own transaction only, and the runtime role V376 grants to reaches every table of
 * the platform but may only read and append the audit log.
 */
@IntegrationTest
class DatabaseLimitsIT {

    private static final String RUNTIME_LOGIN = "n12_runtime_login";

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void everyPoolConnectionStopsLongStatementsAndLockWaits() throws Exception {
        assertThat(onFourPoolConnections("SELECT current_setting('statement_timeout'), current_setting('lock_timeout')"))
                .hasSize(4).allSatisfy(row -> assertThat(row).containsExactly("2min", "30s"));
    }

    /** The first row of {@code query} on four pool connections held at once (so not one connection four times). */
    private List<List<String>> onFourPoolConnections(String query) throws Exception {
        List<Connection> held = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection c : held) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                    rs.next();
                    List<String> row = new ArrayList<>();
                    for (int k = 1; k <= rs.getMetaData().getColumnCount(); k++) {
                        row.add(rs.getString(k));
                    }
                    rows.add(row);
                }
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        return rows;
    }

    /**
     * Session xxxv (N12's left): a pool connection ends a transaction left idle past
     * {@code chengxin.db.idle-in-transaction-timeout} (5min): its locks and its connection are not held for ever by a
     * thread stuck between two statements. Shown with the limit shortened for one transaction.
     */
    @Test
    void everyPoolConnectionEndsATransactionLeftIdle() throws Exception {
        assertThat(onFourPoolConnections("SHOW idle_in_transaction_session_timeout")).hasSize(4)
                .allSatisfy(row -> assertThat(row).containsExactly("5min"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL idle_in_transaction_session_timeout = '50ms'");
                s.execute("SELECT pg_advisory_xact_lock(4711)");
            }
            Thread.sleep(1_000); // idle inside the transaction, twenty times the limit
            assertThatThrownBy(() -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
            }).as("the server ended the idle transaction and its connection").isInstanceOf(java.sql.SQLException.class);
        }
        assertThat(jdbc.sql("SELECT pg_try_advisory_xact_lock(4711)").query(Boolean.class).single())
                .as("its lock released").isTrue();
    }

    @Test
    void aPassChunkIsNotCutByTheRequestsTimeoutAndLeavesItInForce() {
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS public.long_pass_check (code text, version int, after_record uuid,
                    records_passed bigint NOT NULL DEFAULT 0, holders_evaluated bigint NOT NULL DEFAULT 0,
                    started_at timestamptz, progressed_at timestamptz, finished_at timestamptz,
                    superseded boolean NOT NULL DEFAULT false, PRIMARY KEY (code, version))""").update();
        ResumablePasses passes = new ResumablePasses(jdbc, transactions, Clock.systemUTC(), "public.long_pass_check", "code",
                "version");
        String code = "P" + System.nanoTime();
        passes.start(code, 1);
        AtomicReference<String> inChunk = new AtomicReference<>();

        passes.run(code, 1, 10, (after, size) -> {
            inChunk.set(jdbc.sql("SELECT current_setting('statement_timeout')").query(String.class).single());
            return new ResumablePasses.Chunk(null, 0, 0);
        });

        assertThat(inChunk.get()).as("in the chunk's transaction").isEqualTo("0");
        assertThat(passes.pass(code, 1).orElseThrow().finished()).isTrue();
        assertThat(jdbc.sql("SELECT current_setting('statement_timeout')").query(String.class).single())
                .as("the connection back in the pool").isEqualTo("2min");
    }

    @Test
    void aStatementPastTheLimitIsStoppedUnlessTheTransactionLiftedIt() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL statement_timeout = '1ms'").update();
            jdbc.sql("SELECT 1 FROM pg_sleep(0.2)").query(Integer.class).single();
        })).hasMessageContaining("statement timeout");

        tx.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL statement_timeout = '1ms'").update();
            LongStatements.allowIn(jdbc);
            jdbc.sql("SELECT 1 FROM pg_sleep(0.2)").query(Integer.class).single();
        });
    }

    /**
     * Gaps review xli V2 (V571), the confirmations of electronic service (V670) and the personal-information requests
     * (V1010, review xlvi AA4): history and evidence the runtime role may neither delete nor change but in the columns
     * the code changes (granted by column, so the table-level UPDATE is gone).
     */
    private static final String[] EVIDENCE = {"account.electronic_service_agreement", "account.rights_request",
            "creditfile.record", "creditfile.record_event", "inquiry.consent",
            "inquiry.counter_paper", "inquiry.counter_visit", "inquiry.report", "inquiry.report_entry",
            "inquiry.report_record", "inquiry.report_superseded", "listing.notice", "objection.pause",
            "shared.calendar_day_change"};

    /**
     * Gaps review xli V11 (V590, V668): tables the read-only role reads but for their hashes and TOTP seeds (granted
     * by column); the three {@code secret} tables it does not read at all.
     */
    private static final String[] READ_BY_COLUMN = {"account.api_client", "account.citizen",
            "account.pending_recovery", "account.pending_registration", "account.staff_user", "portal.tipoff"};

    @Test
    void theRuntimeRoleReachesEveryTableButOnlyReadsAndAppendsTheAuditLog() {
        List<String> unreachable = jdbc.sql("""
                SELECT n.nspname || '.' || c.relname
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v') AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                  AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('information_schema', 'bench')
                  AND c.relname <> 'flyway_schema_history'
                  AND NOT (has_table_privilege('chengxin_app', c.oid, 'SELECT')
                      AND has_table_privilege('chengxin_app', c.oid, 'INSERT')
                      AND CASE WHEN n.nspname = 'audit'
                               THEN NOT has_table_privilege('chengxin_app', c.oid, 'UPDATE, DELETE, TRUNCATE')
                               WHEN n.nspname || '.' || c.relname = ANY (?::text[])
                               THEN NOT has_table_privilege('chengxin_app', c.oid, 'UPDATE, DELETE')
                               ELSE has_table_privilege('chengxin_app', c.oid, 'UPDATE')
                                    AND has_table_privilege('chengxin_app', c.oid, 'DELETE') END
                      AND has_table_privilege('chengxin_readonly', c.oid, 'SELECT')
                          = NOT (n.nspname = 'account' AND c.relname LIKE 'http\\_session%' OR c.relname = 'secret'
                                 OR n.nspname || '.' || c.relname = ANY (?::text[]))
                      AND (has_any_column_privilege('chengxin_readonly', c.oid, 'SELECT')
                          = NOT (n.nspname = 'account' AND c.relname LIKE 'http\\_session%' OR c.relname = 'secret')))
                ORDER BY 1""").params(EVIDENCE, READ_BY_COLUMN).query(String.class).list();
        assertThat(unreachable).as("tables whose rights differ from V376's (a new schema must grant as V376 does)")
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'audit'").query(Long.class).single())
                .isGreaterThanOrEqualTo(5);

        jdbc.sql("""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'n12_runtime_login') THEN
                        CREATE ROLE n12_runtime_login LOGIN IN ROLE chengxin_app;
                    END IF;
                END $$""").update();
        JdbcClient runtime = JdbcClient.create(postgres.getDatabase(RUNTIME_LOGIN, "postgres"));
        assertThatThrownBy(() -> runtime.sql("UPDATE audit.event SET detail = NULL WHERE seq < 0").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> runtime.sql("DELETE FROM audit.event WHERE seq < 0").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThat(runtime.sql("SELECT count(*) FROM audit.event").query(Long.class).single()).isPositive();
        assertThat(runtime.sql("SELECT audit.empty_past_retention('SECURITY', now() - interval '400 days', now())")
                .query(Integer.class).single()).isNotNegative();
        // Gaps review xlii W2 (V770): the range form, and the pass's marks, appended only.
        assertThat(runtime.sql("SELECT audit.empty_past_retention('SECURITY', 0, 0, now() - interval '400 days', now())")
                .query(Integer.class).single()).isNotNegative();
        assertThatThrownBy(() -> runtime.sql("UPDATE audit.retention_mark SET walked_through = -1").update())
                .rootCause().hasMessageContaining("permission denied");
        // Session xliv (V861): the marks a pass passed are forgotten through the owner's function, never the latest.
        assertThat(runtime.sql("SELECT audit.forget_passed_retention_marks()").query(Integer.class).single())
                .isNotNegative();
        assertThat(runtime.sql("SELECT count(DISTINCT category) FROM audit.retention_mark").query(Long.class).single())
                .isEqualTo(3);
        assertThatThrownBy(() -> runtime.sql("DELETE FROM audit.retention_mark").update())
                .rootCause().hasMessageContaining("permission denied");
    }
}
