package cn.chengxin.audit.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Roots, inclusion proofs and consistency proofs of an append-only Merkle tree exactly as RFC 9162 §2.1
 * (= RFC 6962 §2.1) defines them, computed from stored perfect subtrees so that each needs O(log n) node
 * look-ups, never a pass over the leaves.
 */
public final class MerkleTree {

    private final MerkleHash hash;

    public MerkleTree(MerkleHash hash) {
        this.hash = hash;
    }

    /** MTH(D[0:size]). */
    public byte[] root(long size, NodeSource nodes) {
        return size == 0 ? hash.emptyRoot() : subtree(0, size, nodes);
    }

    /** MTH(D[from:to]) for a range the RFC's recursion produces (or any aligned perfect range). */
    public byte[] subtree(long from, long to, NodeSource nodes) {
        long n = to - from;
        if (n <= 0) {
            throw new IllegalArgumentException("empty range");
        }
        if (Long.bitCount(n) == 1 && from % n == 0) {
            return nodes.perfect(Long.numberOfTrailingZeros(n), from / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return hash.node(subtree(from, from + k, nodes), subtree(from + k, to, nodes));
    }

    /** PATH(m, D[n]) of RFC 9162 §2.1.3.1, the audit path of leaf {@code index} in a tree of {@code size}. */
    public List<byte[]> inclusionProof(long index, long size, NodeSource nodes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, nodes, proof);
        return proof;
    }

    private void path(long m, long from, long to, NodeSource nodes, List<byte[]> out) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, from, from + k, nodes, out);
            out.add(subtree(from + k, to, nodes));
        } else {
            path(m - k, from + k, to, nodes, out);
            out.add(subtree(from, from + k, nodes));
        }
    }

    /** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: that the first {@code oldSize} leaves are a prefix of the new tree. */
    public List<byte[]> consistencyProof(long oldSize, long newSize, NodeSource nodes) {
        if (oldSize < 1 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from " + oldSize + " to " + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize < newSize) {
            subproof(oldSize, 0, newSize, true, nodes, proof);
        }
        return proof;
    }

    private void subproof(long m, long from, long to, boolean complete, NodeSource nodes, List<byte[]> out) {
        long n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(subtree(from, to, nodes));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, from, from + k, complete, nodes, out);
            out.add(subtree(from + k, to, nodes));
        } else {
            subproof(m - k, from + k, to, false, nodes, out);
            out.add(subtree(from, from + k, nodes));
        }
    }

    /** RFC 9162 §2.1.3.2. */
    public boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hash.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = hash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 §2.1.4.2. */
    public boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        if (oldSize < 1 || oldSize > newSize) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && Arrays.equals(oldRoot, newRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(oldSize) == 1) {
            path.add(0, oldRoot);
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
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
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = hash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, oldRoot) && Arrays.equals(sr, newRoot);
    }

    /** The largest power of two strictly smaller than n (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
