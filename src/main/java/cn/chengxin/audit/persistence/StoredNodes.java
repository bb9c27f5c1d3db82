package cn.chengxin.audit.persistence;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import cn.chengxin.audit.domain.MerkleHash;

/**
 * Which perfect subtrees the database keeps in {@code audit.node}: those of {@value #LOWEST_LEVEL} levels and more
 * (16 leaves and up), about one row per eight events. The lower ones are hashed again from their at most 8 leaf
 * hashes, read in one range of {@code audit.event}, when a proof or the tree's right edge needs them. Storing every
 * level cost one row and two index entries per event (some 7% of the database's work per audited check, and a fifth
 * of the log's bytes) to save reading at most 8 leaves where a proof touches one of the three low levels.
 */
public final class StoredNodes {

    /** The lowest level stored; below it a node is computed from its leaves. */
    public static final int LOWEST_LEVEL = 4;

    private StoredNodes() {
    }

    /** Whether a node of {@code level} (≥ 1) is written to {@code audit.node}. */
    public static boolean stored(int level) {
        return level >= LOWEST_LEVEL;
    }

    /**
     * The perfect subtree at {@code level} (1 ≤ level < {@link #LOWEST_LEVEL}), {@code index}, from its leaf hashes
     * as {@code leaves(from, to)} reads them for sequence numbers {@code from ≤ seq < to}, in order.
     */
    static byte[] fromLeaves(int level, long index, BiFunction<Long, Long, List<byte[]>> leaves, MerkleHash hash) {
        long from = index << level;
        List<byte[]> hashes = leaves.apply(from, from + (1L << level));
        long withHash = hashes.stream().filter(Objects::nonNull).count();
        if (hashes.size() != 1 << level || withHash != hashes.size()) {
            throw new IllegalStateException("audit tree node " + level + "/" + index + " is missing: " + withHash
                    + " of its " + (1 << level) + " leaves are stored with a hash");
        }
        return hash.perfect(hashes);
    }

    static final String LEAVES = "SELECT leaf_hash FROM audit.event WHERE seq >= ? AND seq < ? ORDER BY seq";
}
