package cn.chengxin.audit.domain;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Roots, inclusion proofs and consistency proofs of an append-only Merkle tree exactly as RFC 9162 §2.1 defines
 * them (identical to RFC 6962 §2.1 for the tree itself), so that any RFC 6962 / 9162 verifier given the same
 * hash can check what the log publishes.
 *
 * <p>The tree is read only through {@link NodeSource#perfect}: every subtree the RFC recursion touches is either
 * perfect (one lookup) or ends at the tree size (a fold of the at most 64 perfect subtrees of its binary
 * decomposition), so a proof costs O(log n) lookups and never reads all leaves.
 *
 * <p>Immutable and thread-safe.
 */
public final class MerkleTree {

    private final MerkleHash hash;

    public MerkleTree(MerkleHash hash) {
        this.hash = Objects.requireNonNull(hash, "hash");
    }

    public MerkleHash hash() {
        return hash;
    }

    /** MTH(D[size]), the root of the first {@code size} leaves (RFC 9162 §2.1.1); the empty root for 0. */
    public byte[] root(long size, NodeSource nodes) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size is negative: " + size);
        }
        return size == 0 ? hash.emptyRoot() : subtreeRoot(0, size, nodes);
    }

    /**
     * MTH(D[from:to]) (RFC 9162 §2.1.1 applied to leaves {@code from..to-1}). It is built from stored perfect
     * subtrees, so {@code from} must be a multiple of the largest power of two not above {@code to - from}, which
     * holds for every subtree of the RFC recursion. The tree of n leaves splits at k, the largest power of two
     * below n: the left part is perfect and the right part recurses, so MTH is the right-to-left fold
     * {@code node(P1, node(P2, ... node(Pj-1, Pj)))} of the perfect subtrees of n's binary decomposition.
     */
    public byte[] subtreeRoot(long from, long to, NodeSource nodes) {
        Objects.requireNonNull(nodes, "nodes");
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("not a non-empty range of leaves: [" + from + ", " + to + ")");
        }
        long count = to - from;
        if ((from & (Long.highestOneBit(count) - 1)) != 0) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is not aligned to stored subtrees");
        }
        byte[] folded = null;
        for (int level = 0; level < Long.SIZE - 1; level++) {
            if ((count & (1L << level)) == 0) {
                continue;
            }
            long start = from + (count >>> (level + 1) << (level + 1));
            byte[] perfect = lookup(nodes, level, start >>> level);
            folded = folded == null ? perfect : hash.node(perfect, folded);
        }
        return folded;
    }

    /** PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path of leaf {@code leafIndex} in the tree of size n. */
    public List<byte[]> inclusionProof(long leafIndex, long treeSize, NodeSource nodes) {
        Objects.requireNonNull(nodes, "nodes");
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of size " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(leafIndex, 0, treeSize, nodes, proof);
        return proof;
    }

    /**
     * PROOF(m, D[n]) of RFC 9162 §2.1.4.1: proves that the tree of {@code oldSize} leaves is a prefix of the tree
     * of {@code newSize} leaves. Empty when the sizes are equal.
     */
    public List<byte[]> consistencyProof(long oldSize, long newSize, NodeSource nodes) {
        Objects.requireNonNull(nodes, "nodes");
        if (oldSize < 1 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to " + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize < newSize) {
            subproof(oldSize, 0, newSize, true, nodes, proof);
        }
        return proof;
    }

    /**
     * The verification algorithm of RFC 9162 §2.1.3.2: true when {@code proof} shows that {@code leafHash} is
     * leaf {@code leafIndex} of the tree of size {@code treeSize} whose root is {@code root}. The size itself is
     * taken on trust (it comes from a signed checkpoint): a proof may also verify for another size whose path
     * to this leaf has the same shape.
     */
    public boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> proof, byte[] root) {
        Objects.requireNonNull(proof, "proof");
        if (leafIndex < 0 || leafIndex >= treeSize || !isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = hash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * The verification algorithm of RFC 9162 §2.1.4.2: true when {@code proof} shows that the tree of size
     * {@code oldSize} with root {@code oldRoot} is a prefix of the tree of size {@code newSize} with root
     * {@code newRoot}. Equal sizes need an empty proof and equal roots; the empty tree (size 0, whose root must
     * be the empty root) is a prefix of every tree, also with an empty proof.
     */
    public boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
            List<byte[]> proof) {
        Objects.requireNonNull(proof, "proof");
        if (oldSize < 0 || oldSize > newSize || !isHash(oldRoot) || !isHash(newRoot) || !allHashes(proof)) {
            return false;
        }
        if (oldSize == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, hash.emptyRoot());
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(oldSize) == 1) {
            path.add(oldRoot);
        }
        path.addAll(proof);
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hash.node(c, fr);
                sr = hash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = hash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }

    /** PATH(m, D[from:to]), appending the siblings from the leaf upwards; m is an absolute leaf index. */
    private void path(long m, long from, long to, NodeSource nodes, List<byte[]> proof) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < from + k) {
            path(m, from, from + k, nodes, proof);
            proof.add(subtreeRoot(from + k, to, nodes));
        } else {
            path(m, from + k, to, nodes, proof);
            proof.add(subtreeRoot(from, from + k, nodes));
        }
    }

    /** SUBPROOF(m, D[from:to], b) of RFC 9162 §2.1.4.1; m is the absolute old size, from < m ≤ to. */
    private void subproof(long m, long from, long to, boolean complete, NodeSource nodes, List<byte[]> proof) {
        if (m == to) {
            if (!complete) {
                proof.add(subtreeRoot(from, to, nodes));
            }
            return;
        }
        long k = split(to - from);
        if (m <= from + k) {
            subproof(m, from, from + k, complete, nodes, proof);
            proof.add(subtreeRoot(from + k, to, nodes));
        } else {
            subproof(m, from + k, to, false, nodes, proof);
            proof.add(subtreeRoot(from, from + k, nodes));
        }
    }

    /** The largest power of two smaller than n (n ≥ 2), where RFC 9162 §2.1.1 splits a tree of n leaves. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private byte[] lookup(NodeSource nodes, int level, long index) {
        byte[] node = nodes.perfect(level, index);
        if (!isHash(node)) {
            throw new IllegalStateException("node source has no " + hash.size() + "-byte hash for the subtree at level "
                    + level + ", index " + index);
        }
        return node;
    }

    private boolean isHash(byte[] value) {
        return value != null && value.length == hash.size();
    }

    private boolean allHashes(List<byte[]> proof) {
        return proof.stream().allMatch(this::isHash);
    }
}
