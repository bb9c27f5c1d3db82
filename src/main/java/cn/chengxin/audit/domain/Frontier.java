package cn.chengxin.audit.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The right edge of the growing tree (a compact range, as in RFC 9162 §2.1.1's split rule): the roots of the
 * perfect subtrees of the binary decomposition of the current size, at most one per level, so at most 63.
 * Appending a leaf works like incrementing a binary counter and yields exactly the perfect nodes it completes,
 * which the caller persists for {@link MerkleTree} to read later. The root is the RFC 6962 root of the current
 * size, folded from the right: {@code node(P1, node(P2, ... Pj))}, with P1 the largest subtree.
 *
 * <p>Not thread-safe: the log appends from one writer at a time.
 */
public final class Frontier {

    private final MerkleHash hash;
    /** {@code edge[level]}: the edge's perfect subtree of 2^level leaves, non-null iff that bit of size is set. */
    private final byte[][] edge = new byte[Long.SIZE - 1][];
    private long size;

    private Frontier(MerkleHash hash) {
        this.hash = Objects.requireNonNull(hash, "hash");
    }

    /** The frontier of the empty tree. */
    public static Frontier empty(MerkleHash hash) {
        return new Frontier(hash);
    }

    /** Rebuilds the frontier of a tree of {@code size} leaves from its stored perfect subtrees (one per set bit). */
    public static Frontier restore(long size, NodeSource nodes, MerkleHash hash) {
        Objects.requireNonNull(nodes, "nodes");
        if (size < 0) {
            throw new IllegalArgumentException("tree size is negative: " + size);
        }
        Frontier frontier = new Frontier(hash);
        long start = 0;
        for (int level = Long.SIZE - 2; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                byte[] node = nodes.perfect(level, start >>> level);
                if (node == null || node.length != hash.size()) {
                    throw new IllegalStateException("node source has no " + hash.size()
                            + "-byte hash for the subtree at level " + level + ", index " + (start >>> level));
                }
                frontier.edge[level] = node.clone();
                start += 1L << level;
            }
        }
        frontier.size = size;
        return frontier;
    }

    /**
     * Appends the leaf with hash {@code leafHash} (already {@link MerkleHash#leaf}) as leaf number {@link #size()}.
     *
     * @return the perfect nodes this append completes, the leaf itself (level 0) first, each higher one covering
     *         the previous; the caller stores them so that {@link NodeSource} can serve them
     */
    public List<Node> append(byte[] leafHash) {
        Objects.requireNonNull(leafHash, "leafHash");
        if (leafHash.length != hash.size()) {
            throw new IllegalArgumentException("a leaf hash has " + hash.size() + " bytes, not " + leafHash.length);
        }
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        long leafIndex = size;
        byte[] carry = leafHash.clone();
        List<Node> completed = new ArrayList<>();
        int level = 0;
        completed.add(new Node(level, leafIndex, carry));
        while ((size & (1L << level)) != 0) {
            carry = hash.node(edge[level], carry);
            edge[level] = null;
            level++;
            completed.add(new Node(level, leafIndex >>> level, carry));
        }
        edge[level] = carry;
        size++;
        return List.copyOf(completed);
    }

    /** Number of leaves appended. */
    public long size() {
        return size;
    }

    /** MTH(D[size]) of RFC 9162 §2.1.1; the empty root for the empty tree. */
    public byte[] root() {
        byte[] folded = null;
        for (int level = 0; level < edge.length; level++) {
            if (edge[level] != null) {
                folded = folded == null ? edge[level].clone() : hash.node(edge[level], folded);
            }
        }
        return folded == null ? hash.emptyRoot() : folded;
    }

    /**
     * A perfect subtree of {@code 2^level} leaves starting at leaf {@code index * 2^level}, as {@link NodeSource}
     * addresses it. Equality compares the hash bytes.
     */
    public record Node(int level, long index, byte[] hash) {

        public Node {
            if (level < 0 || level >= Long.SIZE - 1 || index < 0) {
                throw new IllegalArgumentException("no subtree at level " + level + ", index " + index);
            }
            hash = Objects.requireNonNull(hash, "hash").clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Node node && level == node.level && index == node.index
                    && Arrays.equals(hash, node.hash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(level, index, Arrays.hashCode(hash));
        }

        @Override
        public String toString() {
            return "Node[level=" + level + ", index=" + index + ", hash=" + HexFormat.of().formatHex(hash) + "]";
        }
    }
}
