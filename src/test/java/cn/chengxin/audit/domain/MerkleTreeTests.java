package cn.chengxin.audit.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree against RFC 6962's test vectors (SHA-256, the eight leaves of certificate-transparency's
 * merkle_tree_test), and against a naive reference written straight from RFC 9162 §2.1 for every size up
 * to 70: roots, audit paths and consistency proofs must equal the reference's, and must verify.
 */
class MerkleTreeTests {

    private static final HexFormat HEX = HexFormat.of();
    /** RFC 6962 test leaves: "", 00, 10, 2021, 3031, 40414243, 5051525354555657, 606162…6f. */
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};

    private final MerkleHash sha = MerkleHash.sha256();
    private final MerkleTree tree = new MerkleTree(sha);

    @ParameterizedTest(name = "root of the first {0} test leaves")
    @CsvSource({
            "1, 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "2, fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "3, aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "4, d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "5, 4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "6, 76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "7, ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "8, 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"})
    void rootsMatchTheRfc6962TestVectors(int size, String expected) {
        Store store = new Store(sha);
        for (int i = 0; i < size; i++) {
            store.append(sha.leaf(HEX.parseHex(LEAVES[i])));
        }
        assertThat(HEX.formatHex(tree.root(size, store))).isEqualTo(expected);
        assertThat(HEX.formatHex(store.frontier.root())).isEqualTo(expected);
    }

    @Test
    void theEmptyTreeHasTheHashOfNothing() {
        assertThat(HEX.formatHex(tree.root(0, (l, i) -> null)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void proofsEqualTheReferenceAndVerifyForEverySizeUpToSeventy() {
        Store store = new Store(sha);
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 1; n <= 70; n++) {
            byte[] leaf = sha.leaf(("leaf " + n).getBytes());
            leaves.add(leaf);
            store.append(leaf);
            byte[] root = tree.root(n, store);
            assertThat(root).as("root %d", n).isEqualTo(Reference.mth(sha, leaves, 0, n));
            assertThat(store.frontier.root()).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = tree.inclusionProof(m, n, store);
                assertThat(path).as("path %d in %d", m, n).containsExactlyElementsOf(
                        Reference.path(sha, leaves, m, 0, n));
                assertThat(tree.verifyInclusion(leaves.get(m), m, n, path, root)).isTrue();
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n, store);
                assertThat(proof).as("consistency %d→%d", m, n).containsExactlyElementsOf(
                        Reference.proof(sha, leaves, m, n));
                assertThat(tree.verifyConsistency(m, n, Reference.mth(sha, leaves, 0, m), root, proof)).isTrue();
            }
        }
    }

    @Test
    void anyChangeToAProofItsLeafIndexOrRootFailsVerification() {
        Store store = new Store(sha);
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 0; n < 23; n++) {
            byte[] leaf = sha.leaf(new byte[] {(byte) n});
            leaves.add(leaf);
            store.append(leaf);
        }
        byte[] root = tree.root(23, store);
        for (int m = 0; m < 23; m++) {
            List<byte[]> path = tree.inclusionProof(m, 23, store);
            assertThat(tree.verifyInclusion(leaves.get((m + 1) % 23), m, 23, path, root)).isFalse();
            assertThat(tree.verifyInclusion(leaves.get(m), (m + 1) % 23, 23, path, root)).isFalse();
            // (The tree size itself is bound by the signed checkpoint, not by the path: for a leaf in the left
            // perfect subtree a path can fit several sizes, as RFC 9162 allows.)
            assertThat(tree.verifyInclusion(leaves.get(m), m, 23, path, tree.root(22, store))).isFalse();
            for (int k = 0; k < path.size(); k++) {
                List<byte[]> bent = new ArrayList<>(path);
                byte[] changed = bent.get(k).clone();
                changed[m % changed.length] ^= 1;
                bent.set(k, changed);
                assertThat(tree.verifyInclusion(leaves.get(m), m, 23, bent, root)).isFalse();
            }
            if (!path.isEmpty()) {
                assertThat(tree.verifyInclusion(leaves.get(m), m, 23, path.subList(0, path.size() - 1), root))
                        .isFalse();
            }
        }
        for (int m = 1; m < 23; m++) {
            List<byte[]> proof = tree.consistencyProof(m, 23, store);
            byte[] oldRoot = tree.root(m, store);
            for (int k = 0; k < proof.size(); k++) {
                List<byte[]> bent = new ArrayList<>(proof);
                byte[] changed = bent.get(k).clone();
                changed[0] ^= 0x80;
                bent.set(k, changed);
                assertThat(tree.verifyConsistency(m, 23, oldRoot, root, bent)).isFalse();
            }
            byte[] otherOld = tree.root(m == 1 ? 2 : m - 1, store);
            assertThat(tree.verifyConsistency(m, 23, otherOld, root, proof)).isFalse();
        }
    }

    @Test
    void aRestoredFrontierContinuesExactlyAsTheOriginal() {
        Store store = new Store(sha);
        for (int n = 0; n < 100; n++) {
            store.append(sha.leaf(("x" + n).getBytes()));
            Frontier restored = Frontier.restore(n + 1, store, sha);
            assertThat(restored.size()).isEqualTo(n + 1);
            assertThat(restored.root()).isEqualTo(store.frontier.root());
            byte[] next = sha.leaf(("next" + n).getBytes());
            Frontier copy = Frontier.restore(n + 1, store, sha);
            List<Frontier.Node> a = copy.append(next);
            Store probe = new Store(sha);
            for (int i = 0; i <= n; i++) {
                probe.append(store.leaf(i));
            }
            List<Frontier.Node> b = probe.frontier.append(next);
            assertThat(a).usingRecursiveFieldByFieldElementComparator().isEqualTo(b);
            assertThat(copy.root()).isEqualTo(probe.frontier.root());
        }
    }

    @Test
    void sm3IsTheNationalStandardHash() {
        // GB/T 32905-2016 appendix A example 1: SM3("abc").
        assertThat(HEX.formatHex(MerkleHash.sm3().plain("abc".getBytes())))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(MerkleHash.sm3().leaf(new byte[0])).isNotEqualTo(MerkleHash.sm3().plain(new byte[0]));
    }

    /** Perfect nodes kept in a map, as the database keeps them, fed by a frontier. */
    static final class Store implements NodeSource {
        final Frontier frontier;
        final Map<String, byte[]> nodes = new HashMap<>();

        Store(MerkleHash hash) {
            this.frontier = Frontier.empty(hash);
        }

        void append(byte[] leafHash) {
            for (Frontier.Node node : frontier.append(leafHash)) {
                nodes.put(node.level() + "/" + node.index(), node.hash());
            }
        }

        byte[] leaf(long index) {
            return nodes.get("0/" + index);
        }

        @Override
        public byte[] perfect(int level, long index) {
            byte[] hash = nodes.get(level + "/" + index);
            if (hash == null) {
                throw new IllegalStateException("no node " + level + "/" + index);
            }
            return hash;
        }
    }

    /** RFC 9162 §2.1 written out naively over a list of leaf hashes: the yardstick, not the product. */
    static final class Reference {

        static byte[] mth(MerkleHash h, List<byte[]> d, int from, int to) {
            int n = to - from;
            if (n == 1) {
                return d.get(from);
            }
            int k = Integer.highestOneBit(n - 1);
            return h.node(mth(h, d, from, from + k), mth(h, d, from + k, to));
        }

        static List<byte[]> path(MerkleHash h, List<byte[]> d, int m, int from, int to) {
            int n = to - from;
            List<byte[]> out = new ArrayList<>();
            if (n == 1) {
                return out;
            }
            int k = Integer.highestOneBit(n - 1);
            if (m < k) {
                out.addAll(path(h, d, m, from, from + k));
                out.add(mth(h, d, from + k, to));
            } else {
                out.addAll(path(h, d, m - k, from + k, to));
                out.add(mth(h, d, from, from + k));
            }
            return out;
        }

        static List<byte[]> proof(MerkleHash h, List<byte[]> d, int m, int n) {
            return subproof(h, d, m, 0, n, true);
        }

        static List<byte[]> subproof(MerkleHash h, List<byte[]> d, int m, int from, int to, boolean b) {
            int n = to - from;
            List<byte[]> out = new ArrayList<>();
            if (m == n) {
                if (!b) {
                    out.add(mth(h, d, from, to));
                }
                return out;
            }
            int k = Integer.highestOneBit(n - 1);
            if (m <= k) {
                out.addAll(subproof(h, d, m, from, from + k, b));
                out.add(mth(h, d, from + k, to));
            } else {
                out.addAll(subproof(h, d, m - k, from + k, to, false));
                out.add(mth(h, d, from, from + k));
            }
            return out;
        }
    }
}
