package cn.chengxin.audit.domain;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash H of the Merkle tree with the domain separation of RFC 9162 §2.1.1 (RFC 6962 §2.1): a leaf hashes
 * as {@code H(0x00 || data)} and an interior node as {@code H(0x01 || left || right)}, so that a leaf can never
 * be passed off as a node (second-preimage attack). The algorithm is pluggable because production hashes with
 * SM3 (GB/T 32905, required for 商用密码) while the only published test vectors are for SHA-256.
 *
 * <p>Thread-safe: a digest is created per call.
 */
public final class MerkleHash {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private static final MerkleHash SM3 = new MerkleHash("SM3", SM3Digest::new);
    private static final MerkleHash SHA256 = new MerkleHash("SHA-256", SHA256Digest::new);

    private final String name;
    private final Supplier<Digest> digests;
    private final int size;

    private MerkleHash(String name, Supplier<Digest> digests) {
        this.name = name;
        this.digests = digests;
        this.size = digests.get().getDigestSize();
    }

    /** SM3 (GB/T 32905), the production hash of the audit log. */
    public static MerkleHash sm3() {
        return SM3;
    }

    /** SHA-256, the hash of RFC 6962 and of its reference test vectors. */
    public static MerkleHash sha256() {
        return SHA256;
    }

    /** {@code H(0x00 || data)}: the hash of a leaf (RFC 9162 §2.1.1). */
    public byte[] leaf(byte[] data) {
        Objects.requireNonNull(data, "data");
        Digest digest = digests.get();
        digest.update(LEAF_PREFIX);
        digest.update(data, 0, data.length);
        return finish(digest);
    }

    /** {@code H(0x01 || left || right)}: the hash of an interior node (RFC 9162 §2.1.1). */
    public byte[] node(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Digest digest = digests.get();
        digest.update(NODE_PREFIX);
        digest.update(left, 0, left.length);
        digest.update(right, 0, right.length);
        return finish(digest);
    }

    /**
     * The hash of a perfect subtree from its leaf hashes, left to right: pairs hashed level by level (RFC 9162 §2.1.1
     * for a power-of-two number of leaves).
     *
     * @throws IllegalArgumentException unless there are 2^k leaf hashes, k ≥ 0
     */
    public byte[] perfect(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("a perfect subtree has 2^k leaves, not " + n);
        }
        byte[][] level = leafHashes.toArray(byte[][]::new);
        for (int width = n; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                level[i] = node(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0].clone();
    }

    /** {@code H("")}: the root of the empty tree (RFC 9162 §2.1.1, MTH({}) = HASH()). */
    public byte[] emptyRoot() {
        return hash(new byte[0]);
    }

    /** The plain hash of {@code data}, without prefix; for checks against the algorithm's own test vectors. */
    public byte[] hash(byte[] data) {
        Objects.requireNonNull(data, "data");
        Digest digest = digests.get();
        digest.update(data, 0, data.length);
        return finish(digest);
    }

    /** Length of every hash in bytes (32 for SM3 and SHA-256). */
    public int size() {
        return size;
    }

    /** The algorithm's name, "SM3" or "SHA-256". */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "MerkleHash[" + name + "]";
    }

    private byte[] finish(Digest digest) {
        byte[] out = new byte[size];
        digest.doFinal(out, 0);
        return out;
    }
}
