package cn.chengxin.audit.domain;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash of the Merkle tree, with RFC 6962 §2.1 domain separation: a leaf is H(0x00 ‖ data), an inner
 * node H(0x01 ‖ left ‖ right), so a leaf can never pass for a node. SM3 (GB/T 32905) in production;
 * SHA-256 exists so the tree code can be checked against RFC 6962's published test vectors.
 */
public final class MerkleHash {

    private final String name;
    private final java.util.function.Supplier<Digest> digests;

    private MerkleHash(String name, java.util.function.Supplier<Digest> digests) {
        this.name = name;
        this.digests = digests;
    }

    public static MerkleHash sm3() {
        return new MerkleHash("SM3", SM3Digest::new);
    }

    public static MerkleHash sha256() {
        return new MerkleHash("SHA-256", SHA256Digest::new);
    }

    public String name() {
        return name;
    }

    public byte[] leaf(byte[] data) {
        return digest(new byte[] {0x00}, data);
    }

    public byte[] node(byte[] left, byte[] right) {
        return digest(new byte[] {0x01}, left, right);
    }

    /** The root of the empty tree: the hash of the empty string (RFC 6962 §2.1). */
    public byte[] emptyRoot() {
        return digest();
    }

    /** The plain hash of some bytes, without a tree prefix (key identifiers). */
    public byte[] plain(byte[] data) {
        return digest(data);
    }

    private byte[] digest(byte[]... parts) {
        Digest digest = digests.get();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
