package cn.chengxin.audit.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrontierTests {

    private static final int MAX = 70;
    private static final MerkleHash HASH = MerkleHash.sha256();
    private static final MerkleTree TREE = new MerkleTree(HASH);
    private static final RfcReference REFERENCE = new RfcReference(HASH);
    private static final List<byte[]> INPUTS = IntStream.range(0, MAX)
            .mapToObj(i -> ("audit entry " + i).getBytes(StandardCharsets.UTF_8)).toList();

    /** What appending the inputs one by one reports, and the roots after each append. */
    private record Run(List<List<Frontier.Node>> reported, List<byte[]> roots, StoredNodes stored) {
    }

    @Test
    void theEmptyFrontierHasTheEmptyRoot() {
        Frontier frontier = Frontier.empty(HASH);

        assertThat(frontier.size()).isZero();
        assertThat(frontier.root()).isEqualTo(HASH.emptyRoot());
    }

    @Test
    void afterEveryAppendTheRootIsTheRfcRootAndTheTreeReadsTheSameRootFromTheReportedNodes() {
        Run run = appendAll();

        for (int size = 1; size <= MAX; size++) {
            byte[] expected = REFERENCE.mth(INPUTS.subList(0, size));
            assertThat(run.roots().get(size - 1)).as("frontier root at size %d", size).isEqualTo(expected);
            assertThat(TREE.root(size, run.stored())).as("tree root at size %d", size).isEqualTo(expected);
        }
    }

    @Test
    void appendsReportEveryPerfectSubtreeExactlyOnceWithItsRfcHash() {
        Run run = appendAll();
        Set<String> seen = new HashSet<>();

        for (List<Frontier.Node> nodes : run.reported()) {
            for (Frontier.Node node : nodes) {
                assertThat(seen.add(node.level() + "/" + node.index())).as("reported twice: %s", node).isTrue();
                int first = (int) (node.index() << node.level());
                List<byte[]> leaves = INPUTS.subList(first, first + (1 << node.level()));
                assertThat(node.hash()).as("%s", node).isEqualTo(REFERENCE.mth(leaves));
            }
        }
        int perfectSubtrees = 0;
        for (int level = 0; (1 << level) <= MAX; level++) {
            perfectSubtrees += MAX >> level;
        }
        assertThat(seen).hasSize(perfectSubtrees);
    }

    @Test
    void eachAppendReportsTheLeafFirstAndThenTheSubtreesItCloses() {
        Run run = appendAll();

        for (int leaf = 0; leaf < MAX; leaf++) {
            List<Frontier.Node> nodes = run.reported().get(leaf);
            assertThat(nodes.get(0)).isEqualTo(new Frontier.Node(0, leaf, REFERENCE.leafHash(INPUTS.get(leaf))));
            // Leaf i closes one subtree per trailing 1 bit of i: 1 closes {0, 1}, 3 closes {2, 3} and {0..3}, ...
            assertThat(nodes).as("leaf %d", leaf).hasSize(1 + Integer.numberOfTrailingZeros(~leaf));
            for (int i = 1; i < nodes.size(); i++) {
                assertThat(nodes.get(i).level()).isEqualTo(i);
                assertThat(nodes.get(i).index()).isEqualTo(leaf >> i);
            }
        }
    }

    @Test
    void aRestoredFrontierHasTheSameRootAndContinuesIdentically() {
        Run run = appendAll();

        for (int size = 0; size <= MAX; size++) {
            run.stored().resetLookups();
            Frontier restored = Frontier.restore(size, run.stored(), HASH);

            assertThat(restored.size()).isEqualTo(size);
            assertThat(run.stored().lookups()).as("one lookup per set bit of %d", size)
                    .isEqualTo(Integer.bitCount(size));
            assertThat(restored.root()).as("root at size %d", size)
                    .isEqualTo(size == 0 ? HASH.emptyRoot() : run.roots().get(size - 1));
            for (int leaf = size; leaf < MAX; leaf++) {
                List<Frontier.Node> nodes = restored.append(REFERENCE.leafHash(INPUTS.get(leaf)));
                assertThat(nodes).as("restored at %d, appending %d", size, leaf)
                        .isEqualTo(run.reported().get(leaf));
                assertThat(restored.root()).isEqualTo(run.roots().get(leaf));
            }
        }
    }

    @Test
    void restoringFromANodeSourceThatLacksANodeFails() {
        assertThatThrownBy(() -> Frontier.restore(5, (level, index) -> null, HASH))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Frontier.restore(-1, (level, index) -> new byte[32], HASH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyHashesOfTheRightLengthCanBeAppended() {
        Frontier frontier = Frontier.empty(HASH);

        assertThatThrownBy(() -> frontier.append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThat(frontier.size()).isZero();
    }

    @Test
    void nodesAndRootsAreCopiesThatCallersCannotChange() {
        Frontier frontier = Frontier.empty(HASH);
        byte[] leaf = REFERENCE.leafHash(INPUTS.get(0));
        List<Frontier.Node> nodes = frontier.append(leaf);
        byte[] root = frontier.root();

        leaf[0] ^= 1;
        nodes.get(0).hash()[0] ^= 1;
        root[0] ^= 1;

        assertThat(frontier.root()).isEqualTo(REFERENCE.leafHash(INPUTS.get(0)));
        assertThat(nodes.get(0).hash()).isEqualTo(REFERENCE.leafHash(INPUTS.get(0)));
    }

    @Test
    void anSm3FrontierMatchesTheSm3Reference() {
        MerkleHash sm3 = MerkleHash.sm3();
        RfcReference reference = new RfcReference(sm3);
        Frontier frontier = Frontier.empty(sm3);

        for (int size = 1; size <= 33; size++) {
            frontier.append(sm3.leaf(INPUTS.get(size - 1)));
            assertThat(frontier.root()).as("size %d", size).isEqualTo(reference.mth(INPUTS.subList(0, size)));
        }
    }

    private static Run appendAll() {
        Frontier frontier = Frontier.empty(HASH);
        StoredNodes stored = new StoredNodes();
        List<List<Frontier.Node>> reported = new ArrayList<>();
        List<byte[]> roots = new ArrayList<>();
        for (byte[] input : INPUTS) {
            List<Frontier.Node> nodes = frontier.append(HASH.leaf(input));
            nodes.forEach(stored::put);
            reported.add(nodes);
            roots.add(frontier.root());
        }
        assertThat(frontier.size()).isEqualTo(MAX);
        return new Run(reported, roots, stored);
    }

    /** A node store as the database will be: only what {@link Frontier#append} reported. */
    private static final class StoredNodes implements NodeSource {

        private final Map<String, byte[]> nodes = new HashMap<>();
        private int lookups;

        void put(Frontier.Node node) {
            nodes.put(node.level() + "/" + node.index(), node.hash());
        }

        @Override
        public byte[] perfect(int level, long index) {
            lookups++;
            byte[] node = nodes.get(level + "/" + index);
            if (node == null) {
                throw new AssertionError("no stored node at level " + level + ", index " + index);
            }
            return node;
        }

        int lookups() {
            return lookups;
        }

        void resetLookups() {
            lookups = 0;
        }
    }
}
