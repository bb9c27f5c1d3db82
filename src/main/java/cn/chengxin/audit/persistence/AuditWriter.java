package cn.chengxin.audit.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import cn.chengxin.audit.AuditUnavailableException;
import cn.chengxin.audit.AuditedRows;
import cn.chengxin.audit.domain.EventLeaf;
import cn.chengxin.audit.domain.EventRecord;
import cn.chengxin.audit.domain.Frontier;
import cn.chengxin.audit.domain.MerkleHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events to the tree with group commit: callers queue their event and wait (or, with {@link #submit}, are
 * told by a future); one writer thread takes everything queued, places the events at the next leaf positions, stores
 * them with the tree nodes they complete ({@link StoredNodes}: the higher ones) in one transaction, and only then
 * releases the callers. A burst of a thousand events costs one commit, not a thousand. Rows another module must
 * store with their events ({@link AuditedRows}, e.g. the check rows of the check API) go into the same transaction, so
 * they cost no commit of their own. The writer has its own connection, so callers that hold a pooled connection while
 * they wait can never starve it.
 *
 * <p>Several application instances may write: a transaction-scoped advisory lock serialises them, and a
 * writer whose in-memory right edge of the tree is stale finds out when the primary key refuses the positions it
 * chose, rebuilds the edge from the stored nodes and writes the batch again.
 */
public class AuditWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private static final long LOCK_KEY = 0x6175646974L; // "audit"
    private static final int MAX_BATCH = 5_000;
    private static final long WAIT_SECONDS = 15;
    /** How long a caller waits for its event to become durable before it is refused. */
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(WAIT_SECONDS);

    private final DataSource dataSource;
    private final AuditKeys keys;
    private final MerkleHash hash = MerkleHash.sm3();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private Connection connection;
    private Frontier frontier;

    public AuditWriter(DataSource dataSource, AuditKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.thread = new Thread(this::run, "audit-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Blocks until the event, and {@code row} when given, are durable (one transaction); returns its sequence number.
     */
    public <T> long append(EventRecord event, AuditedRows<T> rows, T row) {
        return await(submit(event, rows, row));
    }

    /**
     * Queues the event, and {@code row} when given, without waiting: the future completes with the event's sequence
     * number once both are durable (one transaction), or exceptionally with {@link AuditUnavailableException} if they
     * cannot be stored. It is completed on the writer's thread, so what follows it must be quick.
     */
    public <T> CompletableFuture<Long> submit(EventRecord event, AuditedRows<T> rows, T row) {
        if (!running) {
            throw new AuditUnavailableException("审计日志已停止写入", null);
        }
        Pending pending = new Pending(event, rows, row, new CompletableFuture<>());
        queue.add(pending);
        return pending.done();
    }

    /**
     * Blocks until all the events are durable, each with its row when {@code rows} is given (they share the writer's
     * group commits); returns their sequences.
     */
    public <T> List<Long> appendAll(List<EventRecord> events, AuditedRows<T> store, List<T> rows) {
        if (!running) {
            throw new AuditUnavailableException("审计日志已停止写入", null);
        }
        List<Pending> pendings = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            pendings.add(new Pending(events.get(i), store, rows == null ? null : rows.get(i),
                    new CompletableFuture<>()));
        }
        queue.addAll(pendings);
        List<Long> seqs = new ArrayList<>(events.size());
        for (Pending pending : pendings) {
            seqs.add(await(pending.done()));
        }
        return seqs;
    }

    private static long await(CompletableFuture<Long> done) {
        try {
            return done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AuditUnavailableException.interrupted(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AuditUnavailableException unavailable ? unavailable
                    : AuditUnavailableException.notStored(e);
        } catch (TimeoutException e) {
            throw AuditUnavailableException.notStored(e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeAndRelease(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                batch.forEach(p -> p.done().completeExceptionally(AuditUnavailableException.interrupted(e)));
            } catch (Exception e) {
                log.error("Audit batch of {} events not stored; the callers' actions fail", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(AuditUnavailableException.notStored(e)));
                frontier = null; // rebuild from the database before the next batch
                closeQuietly();
            } finally {
                batch.clear();
            }
        }
        closeQuietly();
    }

    /**
     * Writes the batch and releases its callers. A batch refused for the data of one of its events or rows (another
     * module's row breaking a constraint) is written again event by event, so that only that caller fails, not the
     * strangers who shared its commit.
     */
    private void writeAndRelease(List<Pending> batch) throws SQLException {
        List<Long> seqs;
        try {
            seqs = writeOrCatchUp(batch);
        } catch (SQLException e) {
            if (batch.size() == 1 || e.getSQLState() == null
                    || !(e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"))) {
                throw e;
            }
            log.warn("Audit batch of {} events refused ({}); writing them one by one", batch.size(), e.getMessage());
            for (Pending pending : batch) {
                try {
                    pending.done().complete(writeOrCatchUp(List.of(pending)).get(0));
                } catch (SQLException | RuntimeException one) {
                    log.error("Audit event not stored; the caller's action fails", one);
                    pending.done().completeExceptionally(AuditUnavailableException.notStored(one));
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(seqs.get(i));
        }
    }

    /**
     * Writes the batch; if another instance appended since this writer last looked (the batch's first position is
     * taken), rebuilds the right edge of the tree from the stored nodes and writes the batch again, so that its
     * callers do not fail for it.
     */
    private List<Long> writeOrCatchUp(List<Pending> batch) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return write(batch);
            } catch (SQLException e) {
                frontier = null;
                if (!appendedElsewhere(e) || attempt == 3) {
                    throw e;
                }
                log.info("Audit log appended by another instance; catching up (attempt {})", attempt);
            }
        }
    }

    /** A position of the tree already taken: the primary key of the events or of the nodes. */
    private static boolean appendedElsewhere(SQLException e) {
        return "23505".equals(e.getSQLState()) && e.getMessage() != null
                && (e.getMessage().contains("\"event_pkey\"") || e.getMessage().contains("\"node_pkey\""));
    }

    /**
     * One round trip: the lock, the events, the tree nodes they complete, the other modules' rows and the commit go
     * to the server together, which answers once the commit is durable. Positions come from the in-memory right edge
     * of the tree, read from the database only at start and after a failure; if another instance appended
     * meanwhile, the primary key on the sequence number refuses the batch and nothing of it is stored.
     */
    private List<Long> write(List<Pending> batch) throws SQLException {
        Connection c = connection();
        if (frontier == null) {
            frontier = Frontier.restore(storedSize(c), new JdbcNodeSource(c, hash), hash);
        }
        int n = batch.size();
        Long[] seqs = new Long[n];
        String[] at = new String[n];
        String[][] text = new String[13][n];
        byte[][] leaves = new byte[n][];
        byte[][] macs = new byte[n][];
        List<Short> levels = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        List<AuditedRows<?>> stores = new ArrayList<>(1);
        List<List<Object>> rows = new ArrayList<>(1);
        for (int i = 0; i < n; i++) {
            Pending pending = batch.get(i);
            long seq = frontier.size();
            EventRecord event = pending.event().withSeq(seq);
            byte[] leafHash = hash.leaf(EventLeaf.encode(event));
            for (Frontier.Node node : frontier.append(leafHash)) {
                if (node.level() > 0 && StoredNodes.stored(node.level())) {
                    levels.add((short) node.level());
                    indexes.add(node.index());
                    hashes.add(node.hash());
                }
            }
            seqs[i] = seq;
            // ISO-8601 with its zone: the stored instant is exactly the hashed one, whatever the session's time zone.
            at[i] = event.at().toString();
            String[] fields = {event.category().name(), event.actorKind(), event.actorId(), event.actorName(),
                    event.organisation(), event.action(), event.subjectPseudonym(), event.purpose(),
                    event.legalBasis(), event.consentId(), event.result().name(), event.requestId(), event.detail()};
            for (int f = 0; f < fields.length; f++) {
                text[f][i] = fields[f];
            }
            leaves[i] = leafHash;
            macs[i] = keys.rowMac(seq, leafHash, event.at(), event.category().name());
            if (pending.rows() != null) {
                int k = indexOfSame(stores, pending.rows());
                if (k < 0) {
                    stores.add(pending.rows());
                    rows.add(new ArrayList<>());
                    k = stores.size() - 1;
                }
                rows.get(k).add(pending.row());
            }
        }
        StringBuilder sql = new StringBuilder(TRANSACTION_START);
        for (AuditedRows<?> store : stores) {
            sql.append(";\n").append(store.sql());
        }
        sql.append(";\nCOMMIT");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            ps.setLong(p++, LOCK_KEY);
            ps.setArray(p++, c.createArrayOf("int8", seqs));
            ps.setArray(p++, c.createArrayOf("text", at));
            for (String[] column : text) {
                ps.setArray(p++, c.createArrayOf("text", column));
            }
            // Hashes go as binary bytea[]: no hex text to write here and to parse and decode in the server.
            ps.setObject(p++, leaves);
            ps.setObject(p++, macs);
            ps.setArray(p++, c.createArrayOf("int2", levels.toArray(Short[]::new)));
            ps.setArray(p++, c.createArrayOf("int8", indexes.toArray(Long[]::new)));
            ps.setObject(p++, hashes.toArray(byte[][]::new));
            for (int k = 0; k < stores.size(); k++) {
                p = bindRows(stores.get(k), c, ps, p, rows.get(k));
            }
            ps.execute();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        }
        return List.of(seqs);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int bindRows(AuditedRows store, Connection c, PreparedStatement ps, int first, List<Object> rows)
            throws SQLException {
        return store.bind(c, ps, first, rows);
    }

    private static int indexOfSame(List<AuditedRows<?>> stores, AuditedRows<?> store) {
        for (int k = 0; k < stores.size(); k++) {
            if (stores.get(k) == store) {
                return k;
            }
        }
        return -1;
    }

    /** The transaction opens with the writers' lock (several instances); the events and their nodes follow. */
    static final String TRANSACTION_START = """
            BEGIN;
            SELECT pg_advisory_xact_lock(?);
            INSERT INTO audit.event (seq, at, category, actor_kind, actor_id, actor_name, organisation, action,
                                     subject_pseudonym, purpose, legal_basis, consent_id, result, request_id, detail,
                                     leaf_hash, mac)
            SELECT e.seq, e.at::timestamptz, e.category, e.actor_kind, e.actor_id, e.actor_name, e.organisation,
                   e.action, e.subject_pseudonym, e.purpose, e.legal_basis, e.consent_id, e.result, e.request_id,
                   e.detail, e.leaf_hash, e.mac
            FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[],
                        ?::bytea[])
                 AS e(seq, at, category, actor_kind, actor_id, actor_name, organisation, action, subject_pseudonym,
                      purpose, legal_basis, consent_id, result, request_id, detail, leaf_hash, mac);
            INSERT INTO audit.node (level, idx, hash)
            SELECT u.level, u.idx, u.hash FROM unnest(?::smallint[], ?::bigint[], ?::bytea[])
                 AS u(level, idx, hash)""";

    private static void rollbackQuietly(Connection c) {
        try (var rollback = c.createStatement()) {
            rollback.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the connection is replaced
        }
    }

    static long storedSize(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(seq) + 1, 0) FROM audit.event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            // Transactions are opened and committed in the statement text (see write), so that the whole group
            // commit is one round trip.
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    /** Stops taking events, writes what is queued, and releases the connection. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }

    private record Pending(EventRecord event, AuditedRows<?> rows, Object row, CompletableFuture<Long> done) {
    }
}
