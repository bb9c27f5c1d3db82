package cn.chengxin.audit.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 * Appends events to the tree with group commit: callers queue their event and wait; one writer thread
 * takes everything queued, places the events at the next leaf positions, stores them with the tree nodes
 * they complete in one transaction, and only then releases the callers. A burst of a thousand events
 * costs one commit, not a thousand. Rows another module must store with their events ({@link AuditedRows}, e.g.
 * the check rows of the check API) go into the same transaction, so they cost no commit of their own. The writer has its own connection, so callers that hold a pooled
 * connection while they wait can never starve it.
 *
 * <p>Several application instances may write: a transaction-scoped advisory lock serialises them, and a
 * writer whose in-memory right edge of the tree is stale rebuilds it from the stored nodes.
 */
public class AuditWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private static final long LOCK_KEY = 0x6175646974L; // "audit"
    private static final int MAX_BATCH = 5_000;
    private static final long WAIT_SECONDS = 15;

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
        if (!running) {
            throw new AuditUnavailableException("审计日志已停止写入", null);
        }
        Pending pending = new Pending(event, rows, row, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("审计日志写入被中断，操作未执行", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AuditUnavailableException("审计日志暂不可用，操作未执行", e);
        }
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
        try {
            for (Pending pending : pendings) {
                seqs.add(pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            return seqs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("审计日志写入被中断，操作未执行", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AuditUnavailableException("审计日志暂不可用，操作未执行", e);
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
                List<Long> seqs = write(batch);
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(seqs.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                batch.forEach(p -> p.done().completeExceptionally(e));
            } catch (Exception e) {
                log.error("Audit batch of {} events not stored; the callers' actions fail", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
                frontier = null; // rebuild from the database before the next batch
                closeQuietly();
            } finally {
                batch.clear();
            }
        }
        closeQuietly();
    }

    private List<Long> write(List<Pending> batch) throws SQLException {
        Connection c = connection();
        try {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            }
            long size = storedSize(c);
            if (frontier == null || frontier.size() != size) {
                frontier = Frontier.restore(size, new JdbcNodeSource(c), hash);
            }
            List<Long> seqs = new ArrayList<>(batch.size());
            try (PreparedStatement events = c.prepareStatement(INSERT_EVENT);
                 PreparedStatement nodes = c.prepareStatement(
                         "INSERT INTO audit.node (level, idx, hash) VALUES (?, ?, ?)")) {
                for (Pending pending : batch) {
                    long seq = frontier.size();
                    EventRecord event = pending.event().withSeq(seq);
                    byte[] leafHash = hash.leaf(EventLeaf.encode(event));
                    for (Frontier.Node node : frontier.append(leafHash)) {
                        if (node.level() > 0) {
                            nodes.setInt(1, node.level());
                            nodes.setLong(2, node.index());
                            nodes.setBytes(3, node.hash());
                            nodes.addBatch();
                        }
                    }
                    bindEvent(events, event, leafHash, keys.rowMac(seq, leafHash, event.at(), event.category().name()));
                    events.addBatch();
                    seqs.add(seq);
                }
                events.executeBatch();
                nodes.executeBatch();
            }
            storeRows(c, batch);
            c.commit();
            return seqs;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is replaced below
            }
            throw e;
        }
    }

    /** The other modules' rows of this batch, one statement per kind of row, in the batch's transaction. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void storeRows(Connection c, List<Pending> batch) throws SQLException {
        Map<AuditedRows<?>, List<Object>> byStore = null;
        for (Pending pending : batch) {
            if (pending.rows() != null) {
                if (byStore == null) {
                    byStore = new IdentityHashMap<>();
                }
                byStore.computeIfAbsent(pending.rows(), s -> new ArrayList<>()).add(pending.row());
            }
        }
        if (byStore != null) {
            for (Map.Entry<AuditedRows<?>, List<Object>> rows : byStore.entrySet()) {
                AuditedRows store = rows.getKey();
                try (PreparedStatement ps = c.prepareStatement(store.sql())) {
                    store.bind(c, ps, 1, rows.getValue());
                    ps.execute();
                }
            }
        }
    }

    static final String INSERT_EVENT = """
            INSERT INTO audit.event (seq, at, category, actor_kind, actor_id, actor_name, organisation, action,
                                     subject_pseudonym, purpose, legal_basis, consent_id, result, request_id, detail,
                                     leaf_hash, mac)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static void bindEvent(PreparedStatement ps, EventRecord e, byte[] leafHash, byte[] mac)
            throws SQLException {
        ps.setLong(1, e.seq());
        ps.setTimestamp(2, Timestamp.from(e.at()));
        ps.setString(3, e.category().name());
        ps.setString(4, e.actorKind());
        ps.setString(5, e.actorId());
        ps.setString(6, e.actorName());
        ps.setString(7, e.organisation());
        ps.setString(8, e.action());
        ps.setString(9, e.subjectPseudonym());
        ps.setString(10, e.purpose());
        ps.setString(11, e.legalBasis());
        ps.setString(12, e.consentId());
        ps.setString(13, e.result().name());
        ps.setString(14, e.requestId());
        ps.setString(15, e.detail());
        ps.setBytes(16, leafHash);
        ps.setBytes(17, mac);
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
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
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
