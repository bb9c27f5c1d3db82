package cn.chengxin.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.chengxin.audit.domain.CheckpointVerifier;
import cn.chengxin.audit.domain.EventLeaf;
import cn.chengxin.audit.domain.EventRecord;
import cn.chengxin.audit.domain.Frontier;
import cn.chengxin.audit.domain.KeptCheckpoint;
import cn.chengxin.audit.domain.MerkleHash;
import cn.chengxin.audit.persistence.AuditKeys;
import cn.chengxin.audit.persistence.ReadNodeSource;
import cn.chengxin.audit.persistence.StoredNodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the whole audit log and says exactly what is wrong: every row's seal (HMAC over position, leaf
 * hash, time, category, under the key version the row names), every row's content against its leaf hash (or, for a row marked pruned, that the retention job could have
 * pruned it: the mark is not sealed), gaps in the sequence (deleted rows),
 * every stored tree node against the recomputed one (those from {@link StoredNodes#LOWEST_LEVEL} up must be there;
 * a lower one, written by an earlier version, is compared when present), every checkpoint's signature and root, and
 * rows missing at the end that a checkpoint or a stored tree node had counted (truncation). Events after the last
 * checkpoint are checked like the others, and the report says how many there are: no signature covers them yet.
 * Given a checkpoint an auditor kept ({@link KeptCheckpoint}), it also checks that the platform signed it and that
 * the log still gives its root: a log rewritten or cut back, with checkpoints signed anew, is caught that way.
 * Reads the log in chunks, so memory does not grow with its size.
 */
@Service
public class AuditVerification {

    /** How far the clocks of the instances (the one that pruned, the one that verifies) may differ. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final int CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final AuditKeys keys;
    private final Checkpoints checkpoints;
    private final AuditRetention retention;
    private final Clock clock;
    private final MerkleHash hash = MerkleHash.sm3();

    AuditVerification(JdbcClient jdbc, AuditKeys keys, Checkpoints checkpoints, AuditRetention retention,
                      Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.retention = retention;
        this.clock = clock;
    }

    public enum FindingKind {
        ROW_SEAL_BROKEN, CONTENT_ALTERED, ROWS_MISSING, ROWS_TRUNCATED, NODE_ALTERED, NODE_MISSING,
        CHECKPOINT_SIGNATURE_INVALID, CHECKPOINT_ROOT_MISMATCH, CHECKPOINT_NOT_SIGNED, PRUNED_TOO_EARLY,
        PRUNING_FORGED
    }

    /** One thing found wrong; {@code fromSeq..toSeq} is the range of events it concerns. */
    public record Finding(FindingKind kind, long fromSeq, long toSeq, String detail) {
    }

    /**
     * What was verified. {@code logSize} is the size of the log as read (one past its last event),
     * {@code lastCheckpointSize} the size of the platform's last checkpoint (0: none), {@code keptSize} that of the
     * auditor's checkpoint (null: none given).
     */
    public record Report(long eventsChecked, long checkpointsChecked, List<Finding> findings, Instant at,
                         Duration took, long logSize, long lastCheckpointSize, Long keptSize, List<Restore> restores,
                         Restore keptBeforeRestore) {

        public boolean intact() {
            return findings.isEmpty();
        }

        /** Events after the last checkpoint: checked, but no signature covers them yet. */
        public long eventsPastLastCheckpoint() {
            return Math.max(0, logSize - lastCheckpointSize);
        }
    }

    /**
     * A restore of the database that an operator confirmed ({@link RestoreGuard}), as its sealed event records it: the
     * log went on from {@code position} (its size then), having reached {@code reached} before (by the marks kept
     * outside the database); the events written between the backup and the loss are gone (gaps review xxxiii N2).
     */
    public record Restore(long seq, Instant at, String name, long position, long reached) {

        /**
         * Whether a checkpoint the platform signed at {@code keptAt} for {@code keptSize} events was made before this
         * restore, over events it lost: then the log not giving its root is the recorded fork, not a rewrite.
         */
        public boolean explains(long keptSize, Instant keptAt) {
            return keptSize > position && keptAt.isBefore(at);
        }

        /** The restore a confirmed-restore event records; empty for any other event. */
        static java.util.Optional<Restore> of(EventRecord event) {
            if (!RestoreGuard.ACTION.equals(event.action())) {
                return java.util.Optional.empty();
            }
            return AuditDetail.parse(event.detail()).filter(d -> d.code().equals(RestoreGuard.DETAIL)
                    && d.values().size() >= 3).flatMap(d -> {
                        try {
                            return java.util.Optional.of(new Restore(event.seq(), event.at(), d.values().get(0).text(),
                                    Long.parseLong(d.values().get(1).text()), Long.parseLong(d.values().get(2).text())));
                        } catch (NumberFormatException e) {
                            return java.util.Optional.empty();
                        }
                    });
        }
    }

    /** Reads a checkpoint an auditor kept, as pasted or passed on the command line. */
    public static KeptCheckpoint kept(String size, String root, String at, String signature) {
        try {
            return KeptCheckpoint.parse(size, root, at, signature);
        } catch (KeptCheckpoint.Malformed e) {
            throw new MalformedCheckpoint(e.field(), e.getMessage());
        }
    }

    /** CHECKPOINT_MALFORMED: a kept checkpoint whose {@code field} does not read as the public page shows it. */
    public static final class MalformedCheckpoint extends AuditProblem {

        private final KeptCheckpoint.Field field;

        MalformedCheckpoint(KeptCheckpoint.Field field, String message) {
            super("CHECKPOINT_MALFORMED", message);
            this.field = field;
        }

        public KeptCheckpoint.Field field() {
            return field;
        }
    }

    @Transactional(readOnly = true)
    public Report verify() {
        return verify(null);
    }

    /** As {@link #verify()}, and against {@code kept}, a checkpoint the auditor kept (null: none). */
    @Transactional(readOnly = true)
    public Report verify(KeptCheckpoint kept) {
        return check(0, kept, Steps.NONE);
    }

    /** Told after each chunk verified: how far the run got and the log's size then; false stops the run. */
    @FunctionalInterface
    public interface Steps {

        Steps NONE = (through, of) -> true;

        boolean step(long through, long of);
    }

    /** A run stopped by its {@link Steps} (its claim passed to another instance). */
    public static final class Stopped extends RuntimeException {

        Stopped() {
            super("the verification was stopped");
        }
    }

    /**
     * Verifies the log from the signed checkpoint of size {@code fromSize} on (0: from its first event, the whole
     * log), as {@link #verify(KeptCheckpoint)} does the whole of it (gaps review xxxv P10: a verification after an
     * earlier one reads only the events since). The tree up to {@code fromSize} is not read again: its edge is rebuilt
     * from the stored tree nodes and must give the root that checkpoint's SM2 signature covers, so stored nodes changed
     * since are found; events before it changed since are left to a full run ({@code fromSize} 0). Checkpoints from
     * {@code fromSize} on are verified. Runs each statement in a transaction of its own unless the caller holds one,
     * telling {@code steps} after each chunk; throws {@link Stopped} when told to stop.
     */
    public Report check(long fromSize, KeptCheckpoint kept, Steps steps) {
        Instant started = clock.instant();
        List<Finding> findings = new ArrayList<>();
        List<Checkpoints.Signed> signed = new ArrayList<>(jdbc.sql(
                        "SELECT tree_size, root, at, signature, key_id FROM audit.checkpoint WHERE tree_size >= ? "
                                + "ORDER BY tree_size")
                .param(fromSize)
                .query((rs, n) -> new Checkpoints.Signed(rs.getLong(1), rs.getBytes(2),
                        rs.getTimestamp(3).toInstant(), rs.getBytes(4), rs.getString(5))).list());
        // Each checkpoint with the key it names, current or retired (I4): a replaced key forges nothing.
        Map<String, String> publicKeys = checkpoints.publicKeys();
        for (Checkpoints.Signed c : signed) {
            if (!checkpoints.signedByItsKey(c)) {
                findings.add(new Finding(FindingKind.CHECKPOINT_SIGNATURE_INVALID, 0, c.treeSize() - 1,
                        "checkpoint of size " + c.treeSize() + " is not signed by the platform's key "
                                + (publicKeys.containsKey(c.keyId()) ? c.keyId() : "(it names key " + c.keyId()
                                + ", which the platform does not know)")));
            }
        }
        // A kept checkpoint does not say which key signed it: any key of the platform's will do.
        boolean keptSigned = kept != null && publicKeys.values().stream()
                .anyMatch(k -> new CheckpointVerifier(k).verify(kept.checkpoint(), kept.signature()));
        if (kept != null && !keptSigned) {
            findings.add(new Finding(FindingKind.CHECKPOINT_NOT_SIGNED, 0, kept.treeSize() - 1,
                    "the checkpoint of size " + kept.treeSize() + " you kept is not signed by the platform's key "
                            + "(a field was copied wrongly, or the platform never published it)"));
        }
        boolean keptCompared = false;
        List<Restore> restores = new ArrayList<>();
        Restore keptBeforeRestore = null;
        Map<Long, Checkpoints.Signed> bySize = new HashMap<>();
        signed.forEach(c -> bySize.put(c.treeSize(), c));

        Frontier frontier = Frontier.empty(hash);
        boolean treeUsable = true; // after a gap, positions no longer line up; row checks still continue
        if (fromSize > 0) {
            frontier = edge(fromSize, bySize.get(fromSize), findings);
            treeUsable = frontier != null;
        }
        long expected = fromSize;
        long checked = 0;
        long last = fromSize - 1;
        long logSize = jdbc.sql("SELECT coalesce(max(seq) + 1, 0) FROM audit.event").query(Long.class).single();
        while (true) {
            List<Row> rows = jdbc.sql(SELECT_ROWS).params(last, CHUNK).query(AuditVerification::row).list();
            if (rows.isEmpty()) {
                break;
            }
            if (!steps.step(rows.get(rows.size() - 1).event().seq() + 1, logSize)) {
                throw new Stopped();
            }
            // A mark may be set while the verification runs (the nightly prune commits between two chunks) and by
            // another instance whose clock runs a little ahead: "to come" is judged against when the chunk was read,
            // with room for the instances' clocks to differ.
            Instant markedBy = clock.instant().plus(CLOCK_SKEW);
            Map<String, byte[]> storedNodes = storedNodes(rows.get(0).event().seq(),
                    rows.get(rows.size() - 1).event().seq());
            for (Row row : rows) {
                long seq = row.event().seq();
                if (seq != expected) {
                    findings.add(new Finding(FindingKind.ROWS_MISSING, expected, seq - 1,
                            "events " + expected + (seq - 1 > expected ? "–" + (seq - 1) : "") + " are missing"));
                    treeUsable = false;
                    expected = seq;
                }
                checkRow(row, markedBy, findings);
                Restore.of(row.event()).ifPresent(restores::add);
                if (treeUsable && row.leafHash() != null) {
                    for (Frontier.Node node : frontier.append(row.leafHash())) {
                        if (node.level() == 0) {
                            continue;
                        }
                        byte[] stored = storedNodes.get(node.level() + "/" + node.index());
                        long from = node.index() << node.level();
                        long to = from + (1L << node.level()) - 1;
                        if (stored == null && StoredNodes.stored(node.level())) {
                            findings.add(new Finding(FindingKind.NODE_MISSING, from, to,
                                    "tree node " + node.level() + "/" + node.index() + " is missing"));
                        } else if (stored != null && !Arrays.equals(stored, node.hash())) {
                            findings.add(new Finding(FindingKind.NODE_ALTERED, from, to,
                                    "tree node " + node.level() + "/" + node.index() + " was changed"));
                        }
                    }
                    Checkpoints.Signed checkpoint = bySize.get(frontier.size());
                    if (checkpoint != null && !Arrays.equals(checkpoint.root(), frontier.root())) {
                        findings.add(new Finding(FindingKind.CHECKPOINT_ROOT_MISMATCH, 0, frontier.size() - 1,
                                "the first " + frontier.size() + " events no longer give the signed root"));
                    }
                    if (kept != null && frontier.size() == kept.treeSize()) {
                        keptCompared = true;
                        boolean same = Arrays.equals(kept.checkpoint().root(), frontier.root());
                        keptBeforeRestore = same || !keptSigned ? null : explaining(restores, kept);
                        if (!same && keptBeforeRestore == null) {
                            findings.add(new Finding(FindingKind.CHECKPOINT_ROOT_MISMATCH, 0, frontier.size() - 1,
                                    "the first " + frontier.size() + " events no longer give the root of the "
                                            + "checkpoint you kept: they were rewritten"));
                        }
                    }
                }
                expected = seq + 1;
                last = seq;
                checked++;
            }
        }
        long largestCheckpoint = signed.isEmpty() ? 0 : signed.get(signed.size() - 1).treeSize();
        if (kept != null && !keptCompared && keptSigned) {
            keptBeforeRestore = explaining(restores, kept);
        }
        truncation(expected, largestCheckpoint, nodesPast(expected),
                kept == null || keptBeforeRestore != null ? 0 : kept.treeSize()).ifPresent(findings::add);
        if (kept != null && !keptCompared && kept.treeSize() <= expected && keptBeforeRestore == null) {
            findings.add(new Finding(FindingKind.CHECKPOINT_ROOT_MISMATCH, 0, kept.treeSize() - 1,
                    "the root of the checkpoint you kept cannot be rebuilt: events before it are missing"));
        }
        Instant done = clock.instant();
        return new Report(checked, signed.size(), List.copyOf(findings), done, Duration.between(started, done),
                expected, largestCheckpoint, kept == null ? null : kept.treeSize(), List.copyOf(restores),
                keptBeforeRestore);
    }

    /**
     * The tree's edge at {@code size}, rebuilt from the stored nodes, when it gives the root of the signed checkpoint
     * of that size; null (and a finding) when a node is gone or the root differs: the tree is not used past it then.
     */
    private Frontier edge(long size, Checkpoints.Signed checkpoint, List<Finding> findings) {
        if (checkpoint == null) {
            findings.add(new Finding(FindingKind.ROWS_TRUNCATED, 0, size - 1,
                    "the checkpoint of size " + size + " verified before is gone"));
            return null;
        }
        Frontier edge;
        try {
            edge = Frontier.restore(size, new ReadNodeSource(jdbc, hash), hash);
        } catch (IllegalStateException e) {
            findings.add(new Finding(FindingKind.NODE_MISSING, 0, size - 1,
                    "the stored tree no longer holds the edge of the checkpoint of size " + size + " verified before"));
            return null;
        }
        if (!Arrays.equals(edge.root(), checkpoint.root())) {
            findings.add(new Finding(FindingKind.CHECKPOINT_ROOT_MISMATCH, 0, size - 1,
                    "the stored tree no longer gives the root of the checkpoint of size " + size + " verified before"));
            return null;
        }
        return edge;
    }

    /** The latest recorded restore that explains why the log no longer gives the kept checkpoint's root, or null. */
    private static Restore explaining(List<Restore> restores, KeptCheckpoint kept) {
        Restore found = null;
        for (Restore r : restores) {
            if (r.explains(kept.treeSize(), kept.checkpoint().at())) {
                found = r;
            }
        }
        return found;
    }

    /**
     * Events gone from the end of the log ({@code logSize} on): a signed checkpoint, a stored tree node (one is
     * written with the last of the events it covers, so it proves they were there, checkpoint or not) or the
     * auditor's checkpoint counted them.
     */
    private static java.util.Optional<Finding> truncation(long logSize, long checkpointSize, long nodesSize,
                                                          long keptSize) {
        long counted = Math.max(Math.max(checkpointSize, nodesSize), keptSize);
        if (counted <= logSize) {
            return java.util.Optional.empty();
        }
        List<String> by = new ArrayList<>();
        if (checkpointSize > logSize) {
            by.add("a checkpoint");
        }
        if (nodesSize > logSize) {
            by.add("stored tree nodes");
        }
        if (keptSize > logSize) {
            by.add("the checkpoint you kept");
        }
        return java.util.Optional.of(new Finding(FindingKind.ROWS_TRUNCATED, logSize, counted - 1,
                "events " + logSize + "–" + (counted - 1) + " counted by " + String.join(" and ", by) + " are gone"));
    }

    /** The size of the log that the tree nodes stored past {@code logSize} imply (0: none stored there). */
    private long nodesPast(long logSize) {
        return jdbc.sql("SELECT coalesce(max((idx + 1) * (1::bigint << level)), 0) FROM audit.node "
                        + "WHERE ((idx + 1) * (1::bigint << level) - 1) >= ?")
                .param(logSize).query(Long.class).single();
    }

    private void checkRow(Row row, Instant markedBy, List<Finding> findings) {
        EventRecord e = row.event();
        if (row.malformed() || row.leafHash() == null || row.mac() == null) {
            findings.add(new Finding(FindingKind.ROW_SEAL_BROKEN, e.seq(), e.seq(),
                    "event " + e.seq() + ": fields hold values no writer produces"));
            return;
        }
        // Under the key version the row names (I4): rows sealed before a rotation verify with the retired key.
        java.util.Optional<byte[]> expectedMac = keys.rowMac(row.macVersion(), e.seq(), row.leafHash(), e.at(),
                e.category().name());
        if (expectedMac.isEmpty()) {
            findings.add(new Finding(FindingKind.ROW_SEAL_BROKEN, e.seq(), e.seq(),
                    "event " + e.seq() + ": sealed under row key version " + row.macVersion()
                            + ", which the platform does not hold"));
            return;
        }
        if (!java.security.MessageDigest.isEqual(expectedMac.get(), row.mac())) {
            findings.add(new Finding(FindingKind.ROW_SEAL_BROKEN, e.seq(), e.seq(),
                    "event " + e.seq() + ": position, hash, time or category changed"));
            return;
        }
        if (row.prunedAt() != null && checkPruning(row, markedBy, findings)) {
            return;
        }
        if (!Arrays.equals(hash.leaf(EventLeaf.encode(e)), row.leafHash())) {
            findings.add(new Finding(FindingKind.CONTENT_ALTERED, e.seq(), e.seq(),
                    "event " + e.seq() + ": content no longer matches its hash"));
        }
    }

    /**
     * The seal does not cover {@code pruned_at} (it is set years after the seal), so the mark alone would let anyone
     * with database access exempt a row from the content check. A mark is believed only if it is what
     * {@link AuditRetention#prune} leaves: set no later than the row was read ({@code markedBy}, which allows for
     * clocks that differ by {@link #CLOCK_SKEW}), no earlier than the end of the category's period, and the content
     * actually gone. The allowance hides nothing: a mark within it still needs the period over and the content gone,
     * which is what the job itself would do to the row. Returns whether the content check is moot.
     */
    private boolean checkPruning(Row row, Instant markedBy, List<Finding> findings) {
        EventRecord e = row.event();
        if (row.prunedAt().isAfter(markedBy)) {
            findings.add(new Finding(FindingKind.PRUNING_FORGED, e.seq(), e.seq(),
                    "event " + e.seq() + " is marked emptied at " + row.prunedAt() + ", a time still to come"));
        } else if (e.at().plus(retention.periodOf(e.category())).isAfter(row.prunedAt())) {
            findings.add(new Finding(FindingKind.PRUNED_TOO_EARLY, e.seq(), e.seq(),
                    "event " + e.seq() + " was emptied before the end of its retention period"));
        }
        if (emptied(e)) {
            return true;
        }
        findings.add(new Finding(FindingKind.PRUNING_FORGED, e.seq(), e.seq(),
                "event " + e.seq() + " is marked emptied but still holds content"));
        return false;
    }

    /** The content as {@link AuditRetention#prune} leaves it; actor kind and result are kept. */
    private static boolean emptied(EventRecord e) {
        return "".equals(e.actorId()) && "".equals(e.actorName()) && "".equals(e.organisation())
                && "".equals(e.action()) && e.subjectPseudonym() == null && e.purpose() == null
                && e.legalBasis() == null && e.consentId() == null && e.requestId() == null && e.detail() == null;
    }

    private Map<String, byte[]> storedNodes(long fromSeq, long toSeq) {
        Map<String, byte[]> nodes = new HashMap<>();
        jdbc.sql("SELECT level, idx, hash FROM audit.node "
                        + "WHERE ((idx + 1) * (1::bigint << level) - 1) BETWEEN ? AND ?")
                .params(fromSeq, toSeq)
                .query((rs, n) -> nodes.put(rs.getInt(1) + "/" + rs.getLong(2), rs.getBytes(3))).list();
        return nodes;
    }

    private static final String SELECT_ROWS = """
            SELECT seq, at, category, actor_kind, actor_id, actor_name, organisation, action, subject_pseudonym,
                   purpose, legal_basis, consent_id, result, request_id, detail, pruned_at, leaf_hash, mac,
                   mac_version
            FROM audit.event WHERE seq > ? ORDER BY seq LIMIT ?""";

    private static Row row(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(2);
        AuditCategory category = parse(AuditCategory.class, rs.getString(3));
        AuditResult result = parse(AuditResult.class, rs.getString(13));
        // A value no writer could have produced (constraints dropped and a row edited) still gets reported.
        boolean malformed = at == null || category == null || result == null;
        EventRecord event = new EventRecord(rs.getLong(1), at == null ? Instant.EPOCH : at.toInstant(),
                category == null ? AuditCategory.PROCESSING : category, rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), result == null ? AuditResult.ERROR : result, rs.getString(14),
                rs.getString(15));
        java.sql.Timestamp pruned = rs.getTimestamp(16);
        return new Row(event, pruned == null ? null : pruned.toInstant(), rs.getBytes(17), rs.getBytes(18),
                rs.getInt(19), malformed);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Row(EventRecord event, Instant prunedAt, byte[] leafHash, byte[] mac, int macVersion,
                       boolean malformed) {
    }
}
