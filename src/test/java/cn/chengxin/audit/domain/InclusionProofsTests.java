package cn.chengxin.audit.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A page of 谁查询了我 proves its fifty accesses against one checkpoint (gaps review xxxv P4): the nodes of all the paths
 * are read in one batch, each once, the checkpoint's signature is checked once, and every proof is still the RFC 9162
 * path and verified in full — a changed event or a bad signature still fails.
 */
class InclusionProofsTests {

    private static final MerkleHash HASH = MerkleHash.sha256();
    private static final MerkleTree TREE = new MerkleTree(HASH);
    private static final InclusionProofs PROOFS = new InclusionProofs(TREE);
    private static final int SIZE = 1_000;
    private static final List<byte[]> INPUTS = IntStream.range(0, SIZE)
            .mapToObj(i -> ("audit event " + i).getBytes(StandardCharsets.UTF_8)).toList();
    private static final PerfectNodes NODES = new PerfectNodes(INPUTS, new RfcReference(HASH));
    private static final byte[] ROOT = TREE.root(SIZE, NODES);

    /** Fifty scattered leaves, as a person's accesses among everyone else's events. */
    private static final List<Long> PAGE = LongStream.range(0, 50).map(i -> i * 19 + 7).boxed().toList();

    @Test
    void aPageOfProofsReadsItsNodesInOneBatchEachOnceAndChecksTheSignatureOnce() {
        List<Set<InclusionProofs.Node>> batches = new ArrayList<>();
        AtomicInteger signatureChecks = new AtomicInteger();

        Map<Long, InclusionProofs.Result> results = PROOFS.prove(leaves(PAGE), SIZE, ROOT, () -> {
            signatureChecks.incrementAndGet();
            return true;
        }, batch(batches));

        assertThat(batches).as("one read of the store for the page").hasSize(1);
        assertThat(signatureChecks).as("the checkpoint's signature checked once for the page").hasValue(1);
        assertThat(results.keySet()).containsExactlyElementsOf(PAGE);
        assertThat(results.values()).allMatch(InclusionProofs.Result::verified);
        int pathNodes = 0;
        for (long leaf : PAGE) {
            NODES.resetLookups();
            assertThat(results.get(leaf).path()).as("leaf %d: the RFC path", leaf)
                    .containsExactlyElementsOf(TREE.inclusionProof(leaf, SIZE, NODES));
            pathNodes += NODES.lookups();
        }
        assertThat(batches.get(0)).as("paths share their upper levels: read once").hasSizeLessThan(pathNodes);
    }

    @Test
    void aChangedEventOrAStoredHashThatIsNotTheTreesFailsOnlyItsOwnRow() {
        List<InclusionProofs.Leaf> leaves = new ArrayList<>(leaves(PAGE));
        InclusionProofs.Leaf changed = leaves.get(3);
        leaves.set(3, new InclusionProofs.Leaf(changed.index(), "rewritten".getBytes(StandardCharsets.UTF_8),
                changed.storedHash()));
        InclusionProofs.Leaf rehashed = leaves.get(10);
        byte[] forged = HASH.leaf("forged".getBytes(StandardCharsets.UTF_8));
        leaves.set(10, new InclusionProofs.Leaf(rehashed.index(), "forged".getBytes(StandardCharsets.UTF_8), forged));

        Map<Long, InclusionProofs.Result> results = PROOFS.prove(leaves, SIZE, ROOT, () -> true, batch(new ArrayList<>()));

        assertThat(results.get(changed.index()).leafMatches()).as("content no longer its leaf hash").isFalse();
        assertThat(results.get(changed.index()).verified()).isFalse();
        assertThat(results.get(rehashed.index()).leafMatches()).isTrue();
        assertThat(results.get(rehashed.index()).pathVerifies()).as("a re-hashed row is not the tree's leaf").isFalse();
        assertThat(results.entrySet()).filteredOn(e -> e.getKey() != changed.index() && e.getKey() != rehashed.index())
                .allMatch(e -> e.getValue().verified());
    }

    @Test
    void aCheckpointWhoseSignatureFailsVerifiesNoProofAndAWrongRootNone() {
        assertThat(PROOFS.prove(leaves(PAGE), SIZE, ROOT, () -> false, batch(new ArrayList<>())).values())
                .noneMatch(InclusionProofs.Result::verified).allMatch(r -> r.leafMatches() && r.pathVerifies());
        byte[] otherRoot = TREE.root(SIZE - 1, NODES);
        assertThat(PROOFS.prove(leaves(PAGE.subList(0, 5)), SIZE, otherRoot, () -> true, batch(new ArrayList<>()))
                .values()).noneMatch(InclusionProofs.Result::pathVerifies);
    }

    @Test
    void noLeafReadsNothingAndAMissingNodeIsAnError() {
        AtomicInteger signatureChecks = new AtomicInteger();
        List<Set<InclusionProofs.Node>> batches = new ArrayList<>();
        assertThat(PROOFS.prove(List.of(), SIZE, ROOT, () -> signatureChecks.incrementAndGet() > 0, batch(batches)))
                .isEmpty();
        assertThat(batches).isEmpty();
        assertThat(signatureChecks).hasValue(0);

        assertThatThrownBy(() -> PROOFS.prove(leaves(PAGE.subList(0, 1)), SIZE, ROOT, () -> true, nodes -> Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");
    }

    @Test
    void theNodesOfAPageDependOnlyOnPositionsAndAreThoseThePathsRead() {
        Set<InclusionProofs.Node> wanted = PROOFS.nodesFor(List.of(999L), SIZE);
        NODES.resetLookups();
        TREE.inclusionProof(999, SIZE, NODES);
        assertThat(wanted).hasSize(NODES.lookups());
        assertThat(PROOFS.nodesFor(List.of(999L, 998L), SIZE)).as("siblings share all but the lowest level")
                .hasSize(wanted.size() + 1);
    }

    private static List<InclusionProofs.Leaf> leaves(List<Long> indexes) {
        return indexes.stream().map(i -> new InclusionProofs.Leaf(i, INPUTS.get(i.intValue()),
                HASH.leaf(INPUTS.get(i.intValue())))).toList();
    }

    private static InclusionProofs.NodeBatch batch(List<Set<InclusionProofs.Node>> batches) {
        return nodes -> {
            batches.add(nodes);
            Map<InclusionProofs.Node, byte[]> read = new HashMap<>();
            nodes.forEach(n -> read.put(n, NODES.perfect(n.level(), n.index())));
            return read;
        };
    }
}
