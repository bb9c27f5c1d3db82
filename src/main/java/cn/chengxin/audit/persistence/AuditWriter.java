package cn.chengxin.audit.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import cn.chengxin.audit.AuditUnavailableException;
import cn.chengxin.audit.AuditedRows;
import cn.chengxin.audit.domain.EventLeaf;
import cn.chengxin.audit.domain.EventRecord;
import cn.chengxin.audit.domain.Frontier;
import cn.chengxin.audit.domain.MerkleHash;
import cn.chengxin.audit.domain.StorableText;
import cn.chengxin.shared.jdbc.EpochMicros;
import cn.chengxin.shared.jdbc.VarcharArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events to the tree with group commit: callers queue their event and wait (or, with {@link #submit}, are
 * told by a future); one writer thread takes everything queued, places the events at the next leaf positions, stores
 * them with the tree nodes they complete ({@link StoredNodes}: the higher ones) in one transaction, and only then
 * releases the callers. A burst of a thousand events costs one commit, not a thousand. Rows another module must
 * store with their events ({@link AuditedRows}, e.g. the check rows of the check API) go into the same transaction, so
 * they cost no commit of their own. The writer has its own connection, so callers that hold a pooled connection while
 * they wait can never starve it. An event's text is made storable ({@link StorableText}) before it is queued, so that
 * what is hashed is what is stored and one caller's odd character cannot fail a commit it shares with others.
 *
 * <p>Events appended together ({@link #appendAll}, a batch check) are one unit: they are stored in one transaction,
 * whatever their number, or none of them is, so that a caller told its batch failed finds none of it stored. A unit is
 * never split between commits, and one that is refused fails only its own caller.
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
    /**
     * How long after a collision with another instance the writer takes the lock before it numbers a batch: long
     * enough that two instances writing side by side stop colliding, short enough that an instance left alone soon
     * writes in one round trip again.
     */
    private static final long CONTENDED_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** How long a caller waits for its event to become durable before it is refused. */
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(WAIT_SECONDS);

    private final DataSource dataSource;
    private final AuditKeys keys;
    private final MerkleHash hash = MerkleHash.sm3();
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private Connection connection;
    private Frontier frontier;
    /** Until when ({@link System#nanoTime}) batches are numbered under the lock; see {@link #write}. */
    private long contendedUntil;
    private boolean contended;
    private volatile long collisions;
    // Written by the writer's thread alone, read by monitoring when scraped (gaps review xxxiii N8): a scrape costs
    // the callers nothing, and nothing here is counted on their threads.
    private volatile long commits;
    private volatile long eventsStored;
    private volatile long failedCommits;
    private volatile long failedCallers;
    private volatile long refusedCallers;
    private volatile Instant lastFailure;
    private volatile boolean lastCommitFailed;

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
        // Storable before it is queued: one caller's NUL can no longer fail the strangers sharing its commit.
        Pending pending = new Pending(StorableText.of(event), rows, row, new CompletableFuture<>());
        queue.add(pending);
        return pending.done();
    }

    /**
     * Blocks until all the events are durable, each with its row when {@code rows} holds one for it (a {@code null}
     * row: the event alone), all in one transaction, and returns their sequences; or stores none of them and throws
     * {@link AuditUnavailableException}. Events and rows are all-or-nothing, however many there are: a caller told
     * they failed (a batch check answered 503, "the check did not happen") must find none of them stored, else its
     * retry would store them twice.
     */
    public <T> List<Long> appendAll(List<EventRecord> events, AuditedRows<T> store, List<T> rows) {
        if (!running) {
            throw new AuditUnavailableException("审计日志已停止写入", null);
        }
        if (events.isEmpty()) {
            return List.of();
        }
        Unit unit = new Unit(events.stream().map(StorableText::of).toList(), store, rows == null ? null : new ArrayList<>(rows),
                new CompletableFuture<>(), new AtomicBoolean());
        queue.add(unit);
        try {
            return unit.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            if (unit.taken().compareAndSet(false, true)) {
                throw AuditUnavailableException.notStored(e); // still queued: now never written
            }
            // Being written: its outcome, not a guess, is the answer.
            return await(unit.done());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unit.taken().compareAndSet(false, true);
            throw AuditUnavailableException.interrupted(e);
        } catch (ExecutionException e) {
            throw unavailable(e);
        }
    }

    private static <R> R await(CompletableFuture<R> done) {
        try {
            return done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AuditUnavailableException.interrupted(e);
        } catch (ExecutionException e) {
            throw unavailable(e);
        } catch (TimeoutException e) {
            throw AuditUnavailableException.notStored(e);
        }
    }

    private static AuditUnavailableException unavailable(ExecutionException e) {
        return e.getCause() instanceof AuditUnavailableException unavailable ? unavailable
                : AuditUnavailableException.notStored(e);
    }

    private void run() {
        List<Queued> taken = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Queued first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, MAX_BATCH - 1);
                for (List<Queued> commit : commits(taken)) {
                    writeOrFail(commit);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                taken.clear();
            }
        }
        closeQuietly();
    }

    /**
     * What was taken from the queue, in commits of at most {@link #MAX_BATCH} events, each unit whole in one of them
     * (a unit larger than that is a commit of its own); a unit whose caller gave up waiting is left out, never stored.
     */
    private static List<List<Queued>> commits(List<Queued> taken) {
        List<List<Queued>> commits = new ArrayList<>(1);
        List<Queued> commit = new ArrayList<>(taken.size());
        int events = 0;
        for (Queued queued : taken) {
            if (queued instanceof Unit unit && !unit.taken().compareAndSet(false, true)) {
                continue;
            }
            if (events > 0 && events + queued.size() > MAX_BATCH) {
                commits.add(commit);
                commit = new ArrayList<>();
                events = 0;
            }
            commit.add(queued);
            events += queued.size();
        }
        if (!commit.isEmpty()) {
            commits.add(commit);
        }
        return commits;
    }

    /** Writes one commit and releases its callers, or fails them all when nothing of it could be stored. */
    private void writeOrFail(List<Queued> commit) {
        try {
            writeAndRelease(commit);
        } catch (Exception e) {
            log.error("Audit batch of {} callers not stored; their actions fail", commit.size(), e);
            if (commit.size() == 1 && e instanceof SQLException refused && dataRefused(refused)
                    && !appendedElsewhere(refused)) {
                refusedCallers++; // its own data, not the writer, failed it
            } else {
                failed(commit.size());
            }
            commit.forEach(q -> q.fail(AuditUnavailableException.notStored(e)));
            frontier = null; // rebuild from the database before the next batch
            closeQuietly();
        }
    }

    /**
     * Writes the batch and releases its callers. A batch refused for the data of one of its events or rows (another
     * module's row breaking a constraint) is written again caller by caller (a unit whole), so that only that caller
     * fails, not the strangers who shared its commit.
     */
    private void writeAndRelease(List<Queued> batch) throws SQLException {
        List<Long> seqs;
        try {
            seqs = writeOrCatchUp(batch);
        } catch (SQLException e) {
            if (batch.size() == 1 || !dataRefused(e)) {
                throw e;
            }
            log.warn("Audit batch of {} callers refused ({}); writing them one by one", batch.size(), e.getMessage());
            for (Queued queued : batch) {
                try {
                    List<Long> own = writeOrCatchUp(List.of(queued));
                    queued.release(own, 0);
                    stored(own.size());
                } catch (SQLException | RuntimeException one) {
                    log.error("Audit event not stored; the caller's action fails", one);
                    queued.fail(AuditUnavailableException.notStored(one));
                    refusedCallers++;
                }
            }
            return;
        }
        int first = 0;
        for (Queued queued : batch) {
            queued.release(seqs, first);
            first += queued.size();
        }
        stored(seqs.size());
    }

    /**
     * Writes the batch; if another instance appended since this writer last looked (the batch's first position is
     * taken), rebuilds the right edge of the tree from the stored nodes and writes the batch again, so that its
     * callers do not fail for it.
     */
    private List<Long> writeOrCatchUp(List<Queued> batch) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return write(batch);
            } catch (SQLException e) {
                frontier = null;
                if (!appendedElsewhere(e) || attempt == 3) {
                    throw e;
                }
                collisions++;
                contended = true;
                contendedUntil = System.nanoTime() + CONTENDED_NANOS;
                log.info("Audit log appended by another instance; catching up and numbering under the lock for a "
                        + "minute (attempt {})", attempt);
            }
        }
    }

    /**
     * How many batches this writer found their positions taken by another instance's writer since it started: each
     * cost a round trip and a rebuild of the tree's right edge. Several instances writing side by side add one each
     * time they start to interleave, not one a commit.
     */
    public long collisions() {
        return collisions;
    }

    /** A refusal for what a statement carried (data exception, constraint), not for the database's state. */
    private static boolean dataRefused(SQLException e) {
        return e.getSQLState() != null && (e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"));
    }

    /** The writer's thread counts a commit stored (it alone writes these fields); see {@link #figures()}. */
    private void stored(int events) {
        commits++;
        eventsStored += events;
        lastCommitFailed = false;
    }

    /** The writer's thread counts a commit none of whose callers' events was stored. */
    private void failed(int callers) {
        failedCommits++;
        failedCallers += callers;
        lastFailure = Instant.now();
        lastCommitFailed = true;
    }

    /**
     * What the writer did since it started, for monitoring (gaps review xxxiii N8): read without a lock and without
     * touching the queue's callers.
     *
     * @param commits        commits stored (each one round trip or three, {@link #write})
     * @param events         events stored in them: divided by {@code commits}, the mean batch size
     * @param failedCommits  commits none of whose events was stored (the database refused or was unreachable): their
     *                       callers' actions failed (fail closed)
     * @param failedCallers  the callers of those commits
     * @param refusedCallers callers refused one by one for their own event's or row's data (the others stored)
     * @param collisions     {@link #collisions()}
     * @param queued         events waiting for the next commit
     * @param lastFailure    when a commit last failed; null if none has
     * @param failing        whether the last commit tried failed (none stored since)
     */
    public record Figures(long commits, long events, long failedCommits, long failedCallers, long refusedCallers,
                          long collisions, int queued, Instant lastFailure, boolean failing) {
    }

    public Figures figures() {
        return new Figures(commits, eventsStored, failedCommits, failedCallers, refusedCallers, collisions,
                queue.size(), lastFailure, lastCommitFailed);
    }

    /** Whether batches are numbered under the lock now: another instance appended within the last minute. */
    private boolean numberUnderLock() {
        if (contended && System.nanoTime() - contendedUntil > 0) {
            contended = false;
        }
        return contended;
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
     *
     * <p>Within a minute of such a refusal (instances writing side by side, gaps review xxxiii N3) the lock is taken
     * first and the stored size read under it, the right edge rebuilt if another instance appended, and only then are
     * the positions given: three round trips, and no batch refused, where numbering first made nearly every batch of
     * two interleaving instances collide and some callers fail after three tries.
     */
    private List<Long> write(List<Queued> batch) throws SQLException {
        Connection c = connection();
        boolean locked = numberUnderLock();
        if (locked) {
            try {
                lockAndCatchUp(c);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } else if (frontier == null) {
            frontier = Frontier.restore(storedSize(c), new JdbcNodeSource(c, hash), hash);
        }
        int n = 0;
        for (Queued queued : batch) {
            n += queued.size();
        }
        long[] seqs = new long[n];
        long[] at = new long[n];
        String[][] text = new String[13][n];
        byte[][] leaves = new byte[n][];
        byte[][] macs = new byte[n][];
        NewNodes nodes = new NewNodes(n);
        List<AuditedRows<?>> stores = new ArrayList<>(1);
        List<List<Object>> rows = new ArrayList<>(1);
        int i = 0;
        for (Queued queued : batch) {
            for (int u = 0; u < queued.size(); u++, i++) {
                long seq = frontier.size();
                EventRecord event = queued.event(u).withSeq(seq);
                byte[] leafHash = hash.leaf(EventLeaf.encode(event));
                for (Frontier.Node node : frontier.append(leafHash)) {
                    if (node.level() > 0 && StoredNodes.stored(node.level())) {
                        nodes.add(node);
                    }
                }
                seqs[i] = seq;
                // Microseconds since the epoch (the event's instant is truncated to them): the stored instant is
                // exactly the hashed one, whatever the session's time zone, and costs the server no text to parse.
                at[i] = EpochMicros.of(event.at());
                String[] fields = {event.category().name(), event.actorKind(), event.actorId(), event.actorName(),
                        event.organisation(), event.action(), event.subjectPseudonym(), event.purpose(),
                        event.legalBasis(), event.consentId(), event.result().name(), event.requestId(),
                        event.detail()};
                for (int f = 0; f < fields.length; f++) {
                    text[f][i] = fields[f];
                }
                leaves[i] = leafHash;
                macs[i] = keys.rowMac(seq, leafHash, event.at(), event.category().name());
                Object row = queued.row(u);
                if (row != null) {
                    int k = indexOfSame(stores, queued.rows());
                    if (k < 0) {
                        stores.add(queued.rows());
                        rows.add(new ArrayList<>());
                        k = stores.size() - 1;
                    }
                    rows.get(k).add(row);
                }
            }
        }
        StringBuilder sql = new StringBuilder(locked ? UNDER_LOCK : TRANSACTION_START);
        for (AuditedRows<?> store : stores) {
            sql.append(";\n").append(store.sql());
        }
        sql.append(";\nCOMMIT");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            if (!locked) {
                ps.setLong(p++, LOCK_KEY);
            }
            ps.setShort(p++, (short) keys.macVersion()); // every row of the batch sealed under it (I4)
            // Every array goes in binary (primitive arrays, the texts as VarcharArray, byte[][] as bytea[]): no array
            // literal to quote and escape element by element here, and none for the server to parse.
            ps.setObject(p++, seqs);
            ps.setObject(p++, at);
            for (String[] column : text) {
                ps.setObject(p++, VarcharArray.of(column));
            }
            ps.setObject(p++, leaves);
            ps.setObject(p++, macs);
            ps.setObject(p++, nodes.levels());
            ps.setObject(p++, nodes.indexes());
            ps.setObject(p++, nodes.hashes());
            for (int k = 0; k < stores.size(); k++) {
                p = bindRows(stores.get(k), c, ps, p, rows.get(k));
            }
            ps.execute();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        }
        return LongStream.of(seqs).boxed().toList();
    }

    /** The tree nodes a batch completes and stores, as the primitive arrays bound in binary. */
    private static final class NewNodes {

        private short[] levels;
        private long[] indexes;
        private byte[][] hashes;
        private int size;

        NewNodes(int events) {
            int capacity = Math.max(4, events); // about one stored node an event, or fewer (StoredNodes)
            levels = new short[capacity];
            indexes = new long[capacity];
            hashes = new byte[capacity][];
        }

        void add(Frontier.Node node) {
            if (size == levels.length) {
                levels = Arrays.copyOf(levels, size * 2);
                indexes = Arrays.copyOf(indexes, size * 2);
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            levels[size] = (short) node.level();
            indexes[size] = node.index();
            hashes[size] = node.hash();
            size++;
        }

        short[] levels() {
            return Arrays.copyOf(levels, size);
        }

        long[] indexes() {
            return Arrays.copyOf(indexes, size);
        }

        byte[][] hashes() {
            return Arrays.copyOf(hashes, size);
        }
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

    /**
     * Opens the transaction with the writers' lock and, holding it, brings the right edge up to what is stored: no
     * other instance can append until this transaction commits.
     */
    private void lockAndCatchUp(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.setLong(1, LOCK_KEY);
            lock.execute();
        }
        long stored = storedSize(c);
        if (frontier == null || frontier.size() != stored) {
            frontier = Frontier.restore(stored, new JdbcNodeSource(c, hash), hash);
        }
    }

    private static final String LOCK = """
            BEGIN;
            SELECT pg_advisory_xact_lock(?)""";

    /**
     * The events and the nodes they complete, in a transaction already holding the lock. The arrays are unnested side
     * by side in a select list (the rows are the same as {@code FROM unnest(a, b, …)}'s, arrays of one length): the
     * {@code FROM} form stores each array's elements in a tuple store of its own and reads them back, which cost the
     * server some 3 µs an event more (session xli, 40,000 events in batches of 23).
     */
    private static final String UNDER_LOCK = """
            INSERT INTO audit.event (seq, at, category, actor_kind, actor_id, actor_name, organisation, action,
                                     subject_pseudonym, purpose, legal_basis, consent_id, result, request_id, detail,
                                     leaf_hash, mac, mac_version)
            SELECT e.seq, %s, e.category, e.actor_kind, e.actor_id, e.actor_name, e.organisation,
                   e.action, e.subject_pseudonym, e.purpose, e.legal_basis, e.consent_id, e.result, e.request_id,
                   e.detail, e.leaf_hash, e.mac, ?::smallint
            FROM (SELECT unnest(?::bigint[]) AS seq, unnest(?::bigint[]) AS at, unnest(?::text[]) AS category,
                         unnest(?::text[]) AS actor_kind, unnest(?::text[]) AS actor_id,
                         unnest(?::text[]) AS actor_name, unnest(?::text[]) AS organisation,
                         unnest(?::text[]) AS action, unnest(?::text[]) AS subject_pseudonym,
                         unnest(?::text[]) AS purpose, unnest(?::text[]) AS legal_basis,
                         unnest(?::text[]) AS consent_id, unnest(?::text[]) AS result,
                         unnest(?::text[]) AS request_id, unnest(?::text[]) AS detail,
                         unnest(?::bytea[]) AS leaf_hash, unnest(?::bytea[]) AS mac) e;
            INSERT INTO audit.node (level, idx, hash)
            SELECT unnest(?::smallint[]), unnest(?::bigint[]), unnest(?::bytea[])""".formatted(EpochMicros.sql("e.at"));

    /** The transaction opens with the writers' lock (several instances); the events and their nodes follow. */
    static final String TRANSACTION_START = LOCK + ";\n" + UNDER_LOCK;

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

    /** What one caller queued: its events, stored together in one commit or not at all. */
    private sealed interface Queued permits Pending, Unit {

        int size();

        EventRecord event(int i);

        AuditedRows<?> rows();

        /** The row stored with event {@code i}, or {@code null}. */
        Object row(int i);

        /** Tells the caller its events are stored, at {@code seqs} from {@code first}. */
        void release(List<Long> seqs, int first);

        void fail(AuditUnavailableException e);
    }

    /** One event (a single check): the common case, which costs no more than it did before units. */
    private record Pending(EventRecord event, AuditedRows<?> rows, Object row, CompletableFuture<Long> done)
            implements Queued {

        @Override
        public int size() {
            return 1;
        }

        @Override
        public EventRecord event(int i) {
            return event;
        }

        @Override
        public Object row(int i) {
            return rows == null ? null : row;
        }

        @Override
        public void release(List<Long> seqs, int first) {
            done.complete(seqs.get(first));
        }

        @Override
        public void fail(AuditUnavailableException e) {
            done.completeExceptionally(e);
        }
    }

    /**
     * Events appended together. {@code taken} is set once, by the writer as it takes the unit into a commit or by the
     * caller as it gives up waiting, so that a caller told its events were not stored can trust it.
     */
    private record Unit(List<EventRecord> events, AuditedRows<?> rows, List<?> rowList,
                        CompletableFuture<List<Long>> done, AtomicBoolean taken) implements Queued {

        @Override
        public int size() {
            return events.size();
        }

        @Override
        public EventRecord event(int i) {
            return events.get(i);
        }

        @Override
        public Object row(int i) {
            return rows == null || rowList == null ? null : rowList.get(i);
        }

        @Override
        public void release(List<Long> seqs, int first) {
            done.complete(List.copyOf(seqs.subList(first, first + events.size())));
        }

        @Override
        public void fail(AuditUnavailableException e) {
            done.completeExceptionally(e);
        }
    }
}
