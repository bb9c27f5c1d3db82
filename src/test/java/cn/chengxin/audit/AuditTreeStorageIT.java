package cn.chengxin.audit;

import java.util.List;

import cn.chengxin.audit.domain.MerkleHash;
import cn.chengxin.audit.domain.MerkleTree;
import cn.chengxin.audit.persistence.ReadNodeSource;
import cn.chengxin.audit.persistence.StoredNodes;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree's low nodes are not stored but hashed again from their leaves: proofs, checkpoints and verification
 * come out exactly as from a tree that stores every node, and tampering with a stored node is still found.
 */
@IntegrationTest
class AuditTreeStorageIT {

    @Autowired
    AuditLog audit;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    AuditVerification verification;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final MerkleTree tree = new MerkleTree(MerkleHash.sm3());

    @Test
    void lowNodesAreNotStoredYetEveryProofVerifies() {
        long first = audit.record(AuditEntry.of(AuditCategory.QUERY, "test.tree-storage").detail("event 0"));
        checkpoints.checkpointNow();
        long oldSize = checkpoints.latest().orElseThrow().treeSize();
        byte[] oldRoot = checkpoints.latest().orElseThrow().root();
        for (int i = 1; i < 53; i++) { // uneven sizes, so that the edge has low subtrees to derive
            audit.record(AuditEntry.of(AuditCategory.QUERY, "test.tree-storage").detail("event " + i));
        }
        checkpoints.checkpointNow();
        Checkpoints.Signed now = checkpoints.latest().orElseThrow();
        ReadNodeSource nodes = new ReadNodeSource(jdbc, MerkleHash.sm3());

        assertThat(jdbc.sql("SELECT count(*) FROM audit.node WHERE level < ? AND idx >= (? >> level)")
                .params(StoredNodes.LOWEST_LEVEL, first).query(Long.class).single())
                .as("no node below level %d written for these events", StoredNodes.LOWEST_LEVEL).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.node WHERE level = ? AND idx >= (? >> level) "
                        + "AND (idx + 1) << level <= ?")
                .params(StoredNodes.LOWEST_LEVEL, first + 15, now.treeSize()).query(Long.class).single())
                .as("each complete block of 16 of them has its node").isEqualTo((now.treeSize() >> 4) - ((first + 15) >> 4));
        for (long seq = first; seq < now.treeSize(); seq++) {
            byte[] leaf = jdbc.sql("SELECT leaf_hash FROM audit.event WHERE seq = ?").param(seq).query(byte[].class)
                    .single();
            List<byte[]> proof = tree.inclusionProof(seq, now.treeSize(), nodes);
            assertThat(tree.verifyInclusion(leaf, seq, now.treeSize(), proof, now.root()))
                    .as("inclusion of event %d", seq).isTrue();
        }
        assertThat(tree.verifyConsistency(oldSize, now.treeSize(), oldRoot, now.root(),
                checkpoints.consistencyProof(oldSize, now.treeSize()))).isTrue();
        assertThat(verification.verify().findings()).isEmpty();
    }

    @Test
    void aChangedStoredNodeIsStillFound() {
        for (int i = 0; i < 40; i++) {
            audit.record(AuditEntry.of(AuditCategory.QUERY, "test.tree-storage-tamper").detail("event " + i));
        }
        checkpoints.checkpointNow();

        List<AuditVerification.Finding> findings = transactions.execute(status -> {
            jdbc.sql("UPDATE audit.node SET hash = sm3_changed.h FROM (SELECT decode(repeat('ab', 32), 'hex') h) "
                    + "sm3_changed WHERE (level, idx) = (SELECT level, idx FROM audit.node WHERE level = ? "
                    + "ORDER BY idx DESC LIMIT 1)").param(StoredNodes.LOWEST_LEVEL).update();
            List<AuditVerification.Finding> found = verification.verify().findings();
            status.setRollbackOnly();
            return found;
        });

        assertThat(findings).extracting(AuditVerification.Finding::kind)
                .contains(AuditVerification.FindingKind.NODE_ALTERED);
    }
}
