package cn.chengxin.audit.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every tree size from 1 to 70 (all shapes up to a 64-leaf perfect tree and past it), every leaf and every pair
 * of sizes: the proofs equal the RFC 9162 definitions (transcribed naively in {@link RfcReference}), verify, cost
 * O(log n) node lookups, and stop verifying when anything about them changes.
 */
class MerkleTreePropertyTests {

    private static final int MAX = 70;
    private static final int EVERY_BYTE_UP_TO = 20;
    private static final MerkleHash HASH = MerkleHash.sha256();
    private static final MerkleTree TREE = new MerkleTree(HASH);
    private static final RfcReference REFERENCE = new RfcReference(HASH);
    private static final List<byte[]> INPUTS = IntStream.range(0, MAX + 2)
            .mapToObj(i -> ("audit entry " + i).getBytes(StandardCharsets.UTF_8)).toList();
    /** ROOTS.get(n) is MTH(D[n]) computed by the reference. */
    private static final List<byte[]> ROOTS = IntStream.rangeClosed(0, MAX + 1)
            .mapToObj(n -> REFERENCE.mth(INPUTS.subList(0, n))).toList();

    @Test
    void rootsEqualTheRecursiveDefinitionAndReadOnlyTheDecompositionOfTheSize() {
        for (int n = 0; n <= MAX; n++) {
            PerfectNodes nodes = nodesOf(n);

            assertThat(TREE.root(n, nodes)).as("size %d", n).isEqualTo(ROOTS.get(n));
            assertThat(nodes.lookups()).as("lookups for size %d", n).isEqualTo(Integer.bitCount(n));
        }
    }

    @Test
    void inclusionProofsEqualPathAndVerifyForEveryLeafOfEverySize() {
        for (int n = 1; n <= MAX; n++) {
            PerfectNodes nodes = nodesOf(n);
            for (int m = 0; m < n; m++) {
                nodes.resetLookups();
                List<byte[]> proof = TREE.inclusionProof(m, n, nodes);

                assertThat(proof).as("PATH(%d, D[%d])", m, n).containsExactlyElementsOf(path(m, n));
                assertThat(nodes.lookups()).as("lookups for PATH(%d, D[%d])", m, n).isLessThanOrEqualTo(2 * bits(n));
                assertThat(TREE.verifyInclusion(leafHash(m), m, n, proof, ROOTS.get(n))).as("leaf %d of %d", m, n)
                        .isTrue();
            }
        }
    }

    @Test
    void changingAnyByteOfAnInclusionProofTheLeafOrTheRootFailsVerification() {
        for (int n = 1; n <= MAX; n++) {
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = path(m, n);
                byte[] leaf = leafHash(m);
                for (int i = 0; i < proof.size(); i++) {
                    for (int b : bytePositions(n, m + i)) {
                        List<byte[]> changed = withFlippedBit(proof, i, b);
                        assertThat(TREE.verifyInclusion(leaf, m, n, changed, ROOTS.get(n)))
                                .as("leaf %d of %d, element %d, byte %d", m, n, i, b).isFalse();
                    }
                }
                for (int b : bytePositions(n, m)) {
                    assertThat(TREE.verifyInclusion(flipBit(leaf, b), m, n, proof, ROOTS.get(n)))
                            .as("leaf %d of %d, leaf byte %d", m, n, b).isFalse();
                    assertThat(TREE.verifyInclusion(leaf, m, n, proof, flipBit(ROOTS.get(n), b)))
                            .as("leaf %d of %d, root byte %d", m, n, b).isFalse();
                }
            }
        }
    }

    @Test
    void anInclusionProofDoesNotVerifyAnyOtherLeafIndex() {
        for (int n = 1; n <= MAX; n++) {
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = path(m, n);
                for (int other = -1; other <= n + 1; other++) {
                    if (other != m) {
                        assertThat(TREE.verifyInclusion(leafHash(m), other, n, proof, ROOTS.get(n)))
                                .as("leaf %d of %d claimed as %d", m, n, other).isFalse();
                    }
                }
            }
        }
    }

    /**
     * The inclusion algorithm only uses the size to know on which side each sibling sits, so a proof verifies for
     * another size exactly when PATH(m, D[size]) puts the siblings on the same sides (the size itself is bound by
     * the signed checkpoint, not by the proof). Any other size must fail.
     */
    @Test
    void anInclusionProofVerifiesForAnotherSizeOnlyWhenThatTreeHasTheSameShapeAlongThePath() {
        int sameShape = 0;
        for (int n = 1; n <= MAX; n++) {
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = path(m, n);
                List<Boolean> sides = RfcReference.siblingsOnTheRight(m, n);
                for (int other = 0; other <= MAX + 2; other++) {
                    if (other == n) {
                        continue;
                    }
                    boolean expected = m < other && RfcReference.siblingsOnTheRight(m, other).equals(sides);
                    sameShape += expected ? 1 : 0;
                    assertThat(TREE.verifyInclusion(leafHash(m), m, other, proof, ROOTS.get(n)))
                            .as("leaf %d of %d verified with size %d", m, n, other).isEqualTo(expected);
                }
                assertThat(TREE.verifyInclusion(leafHash(m), m, n * 2L, proof, ROOTS.get(n))).isFalse();
                assertThat(TREE.verifyInclusion(leafHash(m), m, n / 2, proof, ROOTS.get(n))).isFalse();
            }
        }
        assertThat(sameShape).as("the exception is real, e.g. leaf 0 of 5 and of 6").isPositive();
    }

    @Test
    void aTruncatedExtendedOrForeignInclusionProofFails() {
        for (int n = 1; n <= MAX; n++) {
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = path(m, n);
                byte[] leaf = leafHash(m);
                byte[] root = ROOTS.get(n);
                if (!proof.isEmpty()) {
                    assertThat(TREE.verifyInclusion(leaf, m, n, proof.subList(1, proof.size()), root)).isFalse();
                    assertThat(TREE.verifyInclusion(leaf, m, n, proof.subList(0, proof.size() - 1), root)).isFalse();
                }
                assertThat(TREE.verifyInclusion(leaf, m, n, appended(proof, root), root)).isFalse();
                assertThat(TREE.verifyInclusion(leaf, m, n, prepended(proof, leaf), root)).isFalse();
                assertThat(TREE.verifyInclusion(leaf, m, n, appended(proof, new byte[0]), root)).isFalse();
                assertThat(TREE.verifyInclusion(leaf, m, n, proof, ROOTS.get(n + 1))).isFalse();
                assertThat(TREE.verifyInclusion(leafHash(n), m, n, proof, root)).as("a leaf not in the tree")
                        .isFalse();
            }
        }
    }

    @Test
    void consistencyProofsEqualProofAndVerifyForEveryPairOfSizes() {
        for (int n = 1; n <= MAX; n++) {
            PerfectNodes nodes = nodesOf(n);
            for (int m = 1; m <= n; m++) {
                nodes.resetLookups();
                List<byte[]> proof = TREE.consistencyProof(m, n, nodes);

                assertThat(proof).as("PROOF(%d, D[%d])", m, n).containsExactlyElementsOf(REFERENCE.proof(m,
                        INPUTS.subList(0, n)));
                assertThat(nodes.lookups()).as("lookups for PROOF(%d, D[%d])", m, n)
                        .isLessThanOrEqualTo(2 * bits(n) + 1);
                assertThat(TREE.verifyConsistency(m, n, ROOTS.get(m), ROOTS.get(n), proof)).as("%d to %d", m, n)
                        .isTrue();
            }
        }
    }

    @Test
    void changingAnyByteOfAConsistencyProofOrOfEitherRootFailsVerification() {
        for (int n = 2; n <= MAX; n++) {
            for (int m = 1; m < n; m++) {
                List<byte[]> proof = REFERENCE.proof(m, INPUTS.subList(0, n));
                byte[] oldRoot = ROOTS.get(m);
                byte[] newRoot = ROOTS.get(n);
                for (int i = 0; i < proof.size(); i++) {
                    for (int b : bytePositions(n, m + i)) {
                        assertThat(TREE.verifyConsistency(m, n, oldRoot, newRoot, withFlippedBit(proof, i, b)))
                                .as("%d to %d, element %d, byte %d", m, n, i, b).isFalse();
                    }
                }
                for (int b : bytePositions(n, m)) {
                    assertThat(TREE.verifyConsistency(m, n, flipBit(oldRoot, b), newRoot, proof))
                            .as("%d to %d, old root byte %d", m, n, b).isFalse();
                    assertThat(TREE.verifyConsistency(m, n, oldRoot, flipBit(newRoot, b), proof))
                            .as("%d to %d, new root byte %d", m, n, b).isFalse();
                }
            }
        }
    }

    /**
     * Like inclusion, consistency verification takes the sizes on trust: it only uses them to decide how to combine
     * the proof's hashes, so a proof verifies for other sizes exactly when SUBPROOF takes the same steps for them
     * (for instance 1 → 2 and 2 → 3 both prove "the new root is node(old root, x)"). Any other pair must fail.
     * Exhaustive up to 32 leaves; beyond, the neighbouring pairs and the reference test's doublings and halvings.
     */
    @Test
    void aConsistencyProofVerifiesForOtherSizesOnlyWhenTheyTakeTheSameSteps() {
        int sameSteps = 0;
        for (int n = 2; n <= MAX; n++) {
            for (int m = 1; m < n; m++) {
                List<byte[]> proof = REFERENCE.proof(m, INPUTS.subList(0, n));
                List<String> steps = RfcReference.consistencySteps(m, n);
                for (long[] other : otherSizePairs(m, n)) {
                    long otherM = other[0];
                    long otherN = other[1];
                    boolean expected = otherM >= 1 && otherM < otherN
                            && RfcReference.consistencySteps(otherM, otherN).equals(steps);
                    sameSteps += expected ? 1 : 0;
                    assertThat(TREE.verifyConsistency(otherM, otherN, ROOTS.get(m), ROOTS.get(n), proof))
                            .as("%d to %d claimed as %d to %d", m, n, otherM, otherN).isEqualTo(expected);
                }
                assertThat(TREE.verifyConsistency(m - 1, n, ROOTS.get(m), ROOTS.get(n), proof)).isFalse();
                assertThat(TREE.verifyConsistency(m + 1, n, ROOTS.get(m), ROOTS.get(n), proof)).isFalse();
                assertThat(TREE.verifyConsistency(m, n * 2L, ROOTS.get(m), ROOTS.get(n), proof)).isFalse();
                assertThat(TREE.verifyConsistency(m, n / 2, ROOTS.get(m), ROOTS.get(n), proof)).isFalse();
            }
        }
        assertThat(sameSteps).as("the exception is real, e.g. 1 to 2 and 2 to 3").isPositive();
    }

    private static List<long[]> otherSizePairs(int m, int n) {
        List<long[]> others = new ArrayList<>();
        if (n <= 32) {
            for (int otherN = 0; otherN <= 34; otherN++) {
                for (int otherM = 0; otherM <= otherN; otherM++) {
                    others.add(new long[] {otherM, otherN});
                }
            }
        } else {
            for (int dm = -2; dm <= 2; dm++) {
                for (int dn = -2; dn <= 2; dn++) {
                    others.add(new long[] {m + dm, n + dn});
                }
            }
            others.add(new long[] {m ^ 2, n});
            others.add(new long[] {m / 2, n / 2});
        }
        others.removeIf(pair -> pair[0] == m && pair[1] == n);
        return others;
    }

    @Test
    void aTruncatedExtendedOrSwappedConsistencyProofFails() {
        for (int n = 2; n <= MAX; n++) {
            for (int m = 1; m < n; m++) {
                List<byte[]> proof = REFERENCE.proof(m, INPUTS.subList(0, n));
                byte[] oldRoot = ROOTS.get(m);
                byte[] newRoot = ROOTS.get(n);

                assertThat(TREE.verifyConsistency(m, n, oldRoot, newRoot, List.of())).isFalse();
                assertThat(TREE.verifyConsistency(m, n, oldRoot, newRoot, proof.subList(1, proof.size()))).isFalse();
                assertThat(TREE.verifyConsistency(m, n, oldRoot, newRoot, proof.subList(0, proof.size() - 1)))
                        .isFalse();
                assertThat(TREE.verifyConsistency(m, n, oldRoot, newRoot, appended(proof, newRoot))).isFalse();
                assertThat(TREE.verifyConsistency(m, n, oldRoot, newRoot, prepended(proof, oldRoot))).isFalse();
                assertThat(TREE.verifyConsistency(m, n, newRoot, oldRoot, proof)).isFalse();
                assertThat(TREE.verifyConsistency(m, n, oldRoot, ROOTS.get(n + 1), proof)).isFalse();
            }
        }
    }

    @Test
    void theTreeNeverAsksForASubtreeBeyondItsSize() {
        // PerfectNodes throws for any incomplete subtree; a tree of n leaves must only need complete ones.
        for (int n = 1; n <= MAX; n++) {
            PerfectNodes nodes = nodesOf(n);
            for (int m = 0; m < n; m++) {
                TREE.inclusionProof(m, n, nodes);
                TREE.consistencyProof(m + 1, n, nodes);
            }
        }
    }

    @Test
    void invalidRequestsAreRejected() {
        PerfectNodes nodes = nodesOf(8);
        assertThatThrownBy(() -> TREE.root(-1, nodes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TREE.inclusionProof(8, 8, nodes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TREE.inclusionProof(-1, 8, nodes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TREE.consistencyProof(0, 8, nodes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TREE.consistencyProof(5, 4, nodes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TREE.subtreeRoot(2, 6, nodes)).as("not aligned")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TREE.subtreeRoot(3, 3, nodes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TREE.root(3, (level, index) -> new byte[5]))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TREE.root(3, (level, index) -> null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void subtreeRootIsTheRootOfTheLeavesInTheRange() {
        PerfectNodes nodes = nodesOf(MAX);
        for (int from = 0; from < MAX; from++) {
            for (int to = from + 1; to <= MAX; to++) {
                if (from % Integer.highestOneBit(to - from) == 0) {
                    assertThat(TREE.subtreeRoot(from, to, nodes)).as("[%d, %d)", from, to)
                            .isEqualTo(REFERENCE.mth(INPUTS.subList(from, to)));
                }
            }
        }
    }

    @Test
    void sm3TreesAgreeWithTheReferenceToo() {
        MerkleHash sm3 = MerkleHash.sm3();
        MerkleTree tree = new MerkleTree(sm3);
        RfcReference reference = new RfcReference(sm3);
        for (int n = 1; n <= 20; n++) {
            PerfectNodes nodes = new PerfectNodes(INPUTS.subList(0, n), reference);
            byte[] root = reference.mth(INPUTS.subList(0, n));
            assertThat(tree.root(n, nodes)).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = tree.inclusionProof(m, n, nodes);
                assertThat(path).containsExactlyElementsOf(reference.path(m, INPUTS.subList(0, n)));
                assertThat(tree.verifyInclusion(sm3.leaf(INPUTS.get(m)), m, n, path, root)).isTrue();
                List<byte[]> consistency = tree.consistencyProof(m + 1, n, nodes);
                assertThat(tree.verifyConsistency(m + 1, n, reference.mth(INPUTS.subList(0, m + 1)), root,
                        consistency)).isTrue();
                // A SHA-256 verifier must not accept SM3 proofs.
                assertThat(TREE.verifyInclusion(sm3.leaf(INPUTS.get(m)), m, n, path, root)).isEqualTo(n == 1);
            }
        }
    }

    /**
     * Which bytes of a hash to change: all of them in trees of up to {@value #EVERY_BYTE_UP_TO} leaves, and beyond
     * that the first, the last and one that moves with {@code salt}, to keep the run short.
     */
    private static int[] bytePositions(int treeSize, int salt) {
        if (treeSize <= EVERY_BYTE_UP_TO) {
            return IntStream.range(0, HASH.size()).toArray();
        }
        return new int[] {0, HASH.size() - 1, 1 + Math.floorMod(salt * 7, HASH.size() - 2)};
    }

    private static PerfectNodes nodesOf(int size) {
        return new PerfectNodes(INPUTS.subList(0, size), REFERENCE);
    }

    private static List<byte[]> path(int m, int n) {
        return REFERENCE.path(m, INPUTS.subList(0, n));
    }

    private static byte[] leafHash(int index) {
        return REFERENCE.leafHash(INPUTS.get(index));
    }

    private static int bits(long n) {
        return Long.SIZE - Long.numberOfLeadingZeros(n);
    }

    private static byte[] flipBit(byte[] value, int byteIndex) {
        byte[] copy = value.clone();
        copy[byteIndex] ^= (byte) (1 << (byteIndex % 8));
        return copy;
    }

    private static List<byte[]> withFlippedBit(List<byte[]> proof, int element, int byteIndex) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(element, flipBit(proof.get(element), byteIndex));
        return copy;
    }

    private static List<byte[]> appended(List<byte[]> proof, byte[] extra) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(extra);
        return copy;
    }

    private static List<byte[]> prepended(List<byte[]> proof, byte[] extra) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(0, extra);
        return copy;
    }
}
