package cn.chengxin.audit.domain;

/**
 * Where {@link MerkleTree} reads the tree from: the hashes of its perfect subtrees. A perfect subtree never
 * changes once its last leaf is appended, so storage can keep exactly these nodes (the database stores the
 * ones {@link Frontier#append} reports) and every root and proof is computed from O(log n) of them, never
 * from all leaves.
 */
@FunctionalInterface
public interface NodeSource {

    /**
     * The hash of the perfect subtree of {@code 2^level} leaves that starts at leaf {@code index * 2^level}:
     * level 0 is a leaf hash, level 1 hashes two leaves, and so on. Only complete subtrees are asked for.
     *
     * @return the hash, never {@code null}; an implementation that lacks the node should throw
     */
    byte[] perfect(int level, long index);
}
