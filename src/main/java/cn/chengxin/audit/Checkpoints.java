package cn.chengxin.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.chengxin.audit.domain.Checkpoint;
import cn.chengxin.audit.domain.MerkleHash;
import cn.chengxin.audit.domain.MerkleTree;
import cn.chengxin.audit.persistence.AuditKeys;
import cn.chengxin.audit.persistence.ReadNodeSource;
import cn.chengxin.shared.JobOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed tree heads: at least every minute the current size and root of the tree are signed with SM2 and
 * published (public site and API), so anyone who keeps them can later prove the log was not rewritten.
 */
@Service
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final JdbcClient jdbc;
    private final AuditKeys keys;
    private final Clock clock;
    private final MerkleTree tree = new MerkleTree(MerkleHash.sm3());
    private final boolean command;

    Checkpoints(JdbcClient jdbc, AuditKeys keys, Clock clock,
                @Value("${chengxin.cli.command:}") String command) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.command = !command.isEmpty();
    }

    /** A published checkpoint with its signature. */
    public record Signed(long treeSize, byte[] root, Instant at, byte[] signature, String keyId) {

        public Checkpoint checkpoint() {
            return new Checkpoint(treeSize, root, at);
        }
    }

    @Scheduled(fixedDelayString = "${chengxin.audit.checkpoint-interval:60s}",
            initialDelayString = "${chengxin.audit.checkpoint-interval:60s}")
    public void scheduled() {
        try {
            checkpointNow();
        } catch (RuntimeException e) {
            log.error("Audit checkpoint failed", e);
            JobOutcome.failed("checkpoint", e);
        }
    }

    /**
     * Signs at once what the instances before this start left unsigned (gaps review xliv Y12): after a stop longer
     * than three intervals the events of the last minute before it waited for the first scheduled checkpoint, an
     * interval after the start, and readiness stayed {@code DOWN} meanwhile. A command (migrate, verify-audit, the
     * benchmarks) signs nothing: it exits, and the next instance signs when it is ready.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        if (!command) {
            scheduled();
        }
    }

    /** Signs the current tree if it grew since the last checkpoint; returns the latest checkpoint. */
    @Transactional
    public Optional<Signed> checkpointNow() {
        long size = jdbc.sql("SELECT coalesce(max(seq) + 1, 0) FROM audit.event").query(Long.class).single();
        Optional<Signed> latest = latest();
        if (size == 0 || latest.map(l -> l.treeSize() >= size).orElse(false)) {
            return latest;
        }
        byte[] root = tree.root(size, new ReadNodeSource(jdbc, tree.hash()));
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Checkpoint checkpoint = new Checkpoint(size, root, at);
        byte[] signature = keys.signer().sign(checkpoint);
        jdbc.sql("INSERT INTO audit.checkpoint (tree_size, root, at, signature, key_id) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (tree_size) DO NOTHING")
                .params(size, root, java.sql.Timestamp.from(at), signature, keyId()).update();
        return latest();
    }

    public Optional<Signed> latest() {
        return jdbc.sql("SELECT tree_size, root, at, signature, key_id FROM audit.checkpoint "
                        + "ORDER BY tree_size DESC LIMIT 1")
                .query((rs, n) -> new Signed(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant(),
                        rs.getBytes(4), rs.getString(5))).optional();
    }

    /** A consistency proof between two checkpointed sizes (both must have been published). */
    @Transactional(readOnly = true)
    public List<byte[]> consistencyProof(long fromSize, long toSize) {
        boolean published = jdbc.sql("SELECT count(*) FROM audit.checkpoint WHERE tree_size IN (?, ?)")
                .params(fromSize, toSize).query(Long.class).single() == (fromSize == toSize ? 1 : 2);
        if (!published || fromSize < 1 || fromSize > toSize) {
            throw new AuditProblem("CHECKPOINT_UNKNOWN", "两个检查点都须已发布，且前者不大于后者");
        }
        return tree.consistencyProof(fromSize, toSize, new ReadNodeSource(jdbc, tree.hash()));
    }

    public List<Signed> recent(int limit) {
        return jdbc.sql("SELECT tree_size, root, at, signature, key_id FROM audit.checkpoint "
                        + "ORDER BY tree_size DESC LIMIT ?").param(limit)
                .query((rs, n) -> new Signed(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant(),
                        rs.getBytes(4), rs.getString(5))).list();
    }

    /** The SM2 public key (uncompressed point, base64) of the key that signs checkpoints now. */
    public String publicKey() {
        return keys.signer().publicKey();
    }

    /** Short id of the signing key: the first 16 hex digits of SM3 of the public key. */
    public String keyId() {
        return keys.keyId();
    }

    /**
     * The public halves of every key that signed checkpoints, by key id, the current one first: each checkpoint is
     * verified with the key its {@code keyId} names, so a replaced key does not make the checkpoints it signed forged.
     */
    public java.util.Map<String, String> publicKeys() {
        return keys.publicKeys();
    }

    /** Whether {@code checkpoint} is signed by the key it names (current or retired). */
    public boolean signedByItsKey(Signed checkpoint) {
        return keys.publicKey(checkpoint.keyId())
                .map(k -> new cn.chengxin.audit.domain.CheckpointVerifier(k).verify(checkpoint.checkpoint(),
                        checkpoint.signature()))
                .orElse(false);
    }
}
