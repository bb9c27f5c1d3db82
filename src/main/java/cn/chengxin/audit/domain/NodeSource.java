package cn.chengxin.audit.domain;

/**
 * Where the tree's perfect subtrees are kept: the hash of the 2^level leaves starting at leaf
 * {@code index * 2^level} (level 0: the leaf hash itself). Proofs and roots need only O(log n) of these.
 */
@FunctionalInterface
public interface NodeSource {

    byte[] perfect(int level, long index);
}
