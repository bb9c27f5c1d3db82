package cn.chengxin.audit.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The known-answer tests of the RFC 6962 reference implementation, with SHA-256. Data only, copied from
 * google/certificate-transparency, cpp/merkletree/merkle_tree_test.cc (commit 0e901cacd1388fa16f78b184612f6cd16e5ceec1:
 * kInputs, kSHA256Roots, kSHA256Paths, kSHA256Proofs), plus the consistency proof 6 → 7 that
 * transparency-dev/merkle adds in proof/verify_test.go (commit 02194e9afb6c1d95b5381350007963aa70fff472).
 * The C++ vectors number leaves from 1; here they are converted to 0-based indexes.
 */
class Rfc6962VectorTests {

    private static final HexFormat HEX = HexFormat.of();
    private static final MerkleHash SHA256 = MerkleHash.sha256();
    private static final MerkleTree TREE = new MerkleTree(SHA256);

    private static final List<byte[]> INPUTS = Stream.of(
            "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
            .map(HEX::parseHex).toList();

    private static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** ROOTS[n - 1] is the root of the first n inputs. */
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    static Stream<Arguments> inclusionVectors() {
        return Stream.of(
                arguments(0, 1, List.of()),
                arguments(0, 8, List.of(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                arguments(5, 8, List.of(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                arguments(2, 3, List.of(
                        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                arguments(1, 5, List.of(
                        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
    }

    static Stream<Arguments> consistencyVectors() {
        return Stream.of(
                arguments(1, 1, List.of()),
                arguments(1, 8, List.of(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                arguments(6, 8, List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                arguments(2, 5, List.of(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                arguments(6, 7, List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
    }

    @Test
    void rootsOfEverySizeMatchTheReferenceTree() {
        assertThat(hex(TREE.root(0, nodesOf(0)))).isEqualTo(EMPTY_ROOT);
        for (int n = 1; n <= 8; n++) {
            assertThat(hex(TREE.root(n, nodesOf(n)))).as("size %d", n).isEqualTo(ROOTS.get(n - 1));
        }
    }

    @Test
    void aFrontierFedTheInputsReachesTheSameRoots() {
        Frontier frontier = Frontier.empty(SHA256);
        assertThat(hex(frontier.root())).isEqualTo(EMPTY_ROOT);
        for (int n = 1; n <= 8; n++) {
            frontier.append(SHA256.leaf(INPUTS.get(n - 1)));
            assertThat(hex(frontier.root())).as("size %d", n).isEqualTo(ROOTS.get(n - 1));
        }
    }

    @ParameterizedTest(name = "leaf {0} of {1}")
    @MethodSource("inclusionVectors")
    void inclusionProofsMatchTheReferenceAndVerify(int leaf, int size, List<String> expected) {
        List<byte[]> proof = TREE.inclusionProof(leaf, size, nodesOf(size));

        assertThat(proof.stream().map(Rfc6962VectorTests::hex).toList()).isEqualTo(expected);
        byte[] leafHash = SHA256.leaf(INPUTS.get(leaf));
        byte[] root = root(size);
        assertThat(TREE.verifyInclusion(leafHash, leaf, size, parse(expected), root)).isTrue();
    }

    /** The corruptions the reference verifier test (VerifierCheck) applies to each known path. */
    @ParameterizedTest(name = "leaf {0} of {1}")
    @MethodSource("inclusionVectors")
    void corruptedInclusionProofsAreRejected(int leaf, int size, List<String> expected) {
        List<byte[]> proof = parse(expected);
        byte[] leafHash = SHA256.leaf(INPUTS.get(leaf));
        byte[] root = root(size);
        byte[] emptyRoot = HEX.parseHex(EMPTY_ROOT);

        assertThat(TREE.verifyInclusion(leafHash, leaf - 1, size, proof, root)).isFalse();
        assertThat(TREE.verifyInclusion(leafHash, leaf + 1, size, proof, root)).isFalse();
        assertThat(TREE.verifyInclusion(leafHash, leaf ^ 2, size, proof, root)).isFalse();
        assertThat(TREE.verifyInclusion(leafHash, leaf, size * 2, proof, root)).isFalse();
        assertThat(TREE.verifyInclusion(leafHash, leaf, size / 2, proof, root)).isFalse();
        assertThat(TREE.verifyInclusion(SHA256.leaf("WrongLeaf".getBytes()), leaf, size, proof, root)).isFalse();
        assertThat(TREE.verifyInclusion(leafHash, leaf, size, proof, emptyRoot)).isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> wrong = new ArrayList<>(proof);
            wrong.set(i, emptyRoot);
            assertThat(TREE.verifyInclusion(leafHash, leaf, size, wrong, root)).as("element %d", i).isFalse();
        }
        assertThat(TREE.verifyInclusion(leafHash, leaf, size, with(proof, root, false), root)).isFalse();
        assertThat(TREE.verifyInclusion(leafHash, leaf, size, with(proof, root, true), root)).isFalse();
        assertThat(TREE.verifyInclusion(leafHash, leaf, size, with(proof, new byte[0], false), root)).isFalse();
        if (!proof.isEmpty()) {
            assertThat(TREE.verifyInclusion(leafHash, leaf, size, proof.subList(0, proof.size() - 1), root))
                    .isFalse();
        }
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("consistencyVectors")
    void consistencyProofsMatchTheReferenceAndVerify(int oldSize, int newSize, List<String> expected) {
        List<byte[]> proof = TREE.consistencyProof(oldSize, newSize, nodesOf(newSize));

        assertThat(proof.stream().map(Rfc6962VectorTests::hex).toList()).isEqualTo(expected);
        assertThat(TREE.verifyConsistency(oldSize, newSize, root(oldSize), root(newSize), parse(expected)))
                .isTrue();
    }

    /** The corruptions the reference verifier test (VerifierConsistencyCheck) applies to each known proof. */
    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("consistencyVectors")
    void corruptedConsistencyProofsAreRejected(int oldSize, int newSize, List<String> expected) {
        List<byte[]> proof = parse(expected);
        if (proof.isEmpty()) {
            return; // as in the reference test: only non-trivial proofs
        }
        byte[] oldRoot = root(oldSize);
        byte[] newRoot = root(newSize);
        byte[] emptyRoot = HEX.parseHex(EMPTY_ROOT);

        assertThat(TREE.verifyConsistency(oldSize - 1, newSize, oldRoot, newRoot, proof)).isFalse();
        assertThat(TREE.verifyConsistency(oldSize + 1, newSize, oldRoot, newRoot, proof)).isFalse();
        assertThat(TREE.verifyConsistency(oldSize ^ 2, newSize, oldRoot, newRoot, proof)).isFalse();
        assertThat(TREE.verifyConsistency(oldSize, newSize * 2, oldRoot, newRoot, proof)).isFalse();
        assertThat(TREE.verifyConsistency(oldSize, newSize / 2, oldRoot, newRoot, proof)).isFalse();
        assertThat(TREE.verifyConsistency(oldSize, newSize, oldRoot, emptyRoot, proof)).isFalse();
        assertThat(TREE.verifyConsistency(oldSize, newSize, emptyRoot, newRoot, proof)).isFalse();
        assertThat(TREE.verifyConsistency(oldSize, newSize, newRoot, oldRoot, proof)).isFalse();
        assertThat(TREE.verifyConsistency(oldSize, newSize, oldRoot, newRoot, List.of())).isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> wrong = new ArrayList<>(proof);
            wrong.set(i, emptyRoot);
            assertThat(TREE.verifyConsistency(oldSize, newSize, oldRoot, newRoot, wrong)).as("element %d", i)
                    .isFalse();
        }
        assertThat(TREE.verifyConsistency(oldSize, newSize, oldRoot, newRoot, with(proof, new byte[0], false)))
                .isFalse();
        assertThat(TREE.verifyConsistency(oldSize, newSize, oldRoot, newRoot, with(proof, proof.get(proof.size() - 1),
                false))).isFalse();
        assertThat(TREE.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof.subList(0, proof.size() - 1)))
                .isFalse();
        assertThat(TREE.verifyConsistency(oldSize, newSize, oldRoot, newRoot, with(proof, proof.get(0), true)))
                .isFalse();
    }

    /** The trivial cases of the reference test (VerifyConsistencyProof), adapted to 32-byte roots. */
    @Test
    void trivialConsistencyNeedsAnEmptyProofAndMatchingRoots() {
        byte[] emptyRoot = HEX.parseHex(EMPTY_ROOT);
        byte[] root1 = root(1);
        byte[] root2 = root(2);

        assertThat(TREE.verifyConsistency(0, 0, emptyRoot, emptyRoot, List.of())).isTrue();
        assertThat(TREE.verifyConsistency(0, 1, emptyRoot, root1, List.of())).isTrue();
        assertThat(TREE.verifyConsistency(1, 1, root1, root1, List.of())).isTrue();

        assertThat(TREE.verifyConsistency(1, 0, root1, emptyRoot, List.of())).as("time travel").isFalse();
        assertThat(TREE.verifyConsistency(2, 1, root2, root1, List.of())).as("time travel").isFalse();
        assertThat(TREE.verifyConsistency(1, 2, root1, root2, List.of())).as("empty proof").isFalse();
        assertThat(TREE.verifyConsistency(1, 1, root1, root2, List.of())).as("roots differ").isFalse();
        assertThat(TREE.verifyConsistency(0, 1, root1, root1, List.of())).as("old root not empty").isFalse();
        assertThat(TREE.verifyConsistency(0, 0, emptyRoot, emptyRoot, List.of(emptyRoot))).isFalse();
        assertThat(TREE.verifyConsistency(0, 1, emptyRoot, root1, List.of(emptyRoot))).isFalse();
        assertThat(TREE.verifyConsistency(1, 1, root1, root1, List.of(emptyRoot))).isFalse();
    }

    /**
     * The same eight inputs hashed with SM3 instead: no published vectors exist, so these roots were computed
     * independently with OpenSSL 3.0's SM3 (python3 hashlib.new("sm3")) and a recursive MTH written from
     * RFC 9162 §2.1.1.
     */
    @Test
    void sm3RootsMatchAnIndependentComputation() {
        List<String> sm3Roots = List.of(
                "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b",
                "2daef60e7a0b8f5e024c81cd2ab3109f2b4f155cf83adeb2ae5532f74a157fdf",
                "0b990fe0c7ad70f1bf1a1262f2c7908ea48146b14253a6db99f2917ab1f5cc4d",
                "209ec96a210d662a964772680e8544d18cab7b88ffec3e00962220349b56ea56",
                "28e4e307ef6d2d0c62d84b11ef96e835efe490f35b93c8f024ecfe38c8dd4377",
                "bb10c996aeebbcdc69be3715fc847344de77442d37a5ab8213da9f41785b103b",
                "8723c1ab1f82ddfba4a3733ac0c80d936d9f4c208c7dbc8cc81ca9fff8584f66",
                "bd36c22a1ac6ff4308e0c3cc1a85bf0ffa30538ec60a55c70413ab15d45db4d2",
                "bc48ba7a709184b5f2a631e1adeb8dc2a0d4c018c1d6cc89b5664fe154c93b38");
        MerkleHash sm3 = MerkleHash.sm3();
        MerkleTree tree = new MerkleTree(sm3);
        Frontier frontier = Frontier.empty(sm3);
        RfcReference reference = new RfcReference(sm3);

        for (int n = 0; n <= 8; n++) {
            PerfectNodes nodes = new PerfectNodes(INPUTS.subList(0, n), reference);
            assertThat(hex(tree.root(n, nodes))).as("size %d", n).isEqualTo(sm3Roots.get(n));
            assertThat(hex(frontier.root())).as("size %d", n).isEqualTo(sm3Roots.get(n));
            if (n < 8) {
                frontier.append(sm3.leaf(INPUTS.get(n)));
            }
        }
    }

    private static NodeSource nodesOf(int size) {
        return new PerfectNodes(INPUTS.subList(0, size), new RfcReference(SHA256));
    }

    private static byte[] root(int size) {
        return HEX.parseHex(ROOTS.get(size - 1));
    }

    private static List<byte[]> parse(List<String> hashes) {
        return hashes.stream().map(HEX::parseHex).toList();
    }

    private static List<byte[]> with(List<byte[]> proof, byte[] extra, boolean atTheFront) {
        List<byte[]> result = new ArrayList<>(proof);
        result.add(atTheFront ? 0 : result.size(), Arrays.copyOf(extra, extra.length));
        return result;
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
