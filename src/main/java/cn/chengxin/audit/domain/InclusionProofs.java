package cn.chengxin.audit.domain;

import java.security.MessageDigest;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The inclusion proofs of many leaves against one signed checkpoint at once, as 谁查询了我 shows a page of accesses
 * (RULES.md §10: each access with a proof, "so the citizen need not take the platform's word"; gaps review xxxv P4).
 * Which perfect subtrees a path reads depends only on the leaf's index and the tree size, never on their hashes, so
 * the nodes of all the page's paths are known before anything is read: they are asked of the store in one
 * {@link NodeBatch} (the paths share their upper levels, read once), and the checkpoint's signature is checked once
 * for the page, not once per proof. Each proof is still verified in full: the leaf against its stored hash, the path
 * against the checkpoint's root (RFC 9162 §2.1.3.2), the checkpoint against its signature.
 *
 * <p>Immutable and thread-safe.
 */
public final class InclusionProofs {

    /** A perfect subtree of {@code 2^level} leaves starting at leaf {@code index * 2^level} ({@link NodeSource}). */
    public record Node(int level, long index) {
    }

    /** Reads many perfect subtrees at once; a node it does not return is missing from the store. */
    @FunctionalInterface
    public interface NodeBatch {
        Map<Node, byte[]> read(Set<Node> nodes);
    }

    /** A leaf to prove: its index, its content as the log encodes it, and the leaf hash stored with it. */
    public record Leaf(long index, byte[] data, byte[] storedHash) {
    }

    /** One leaf's proof and what of it verified. */
    public record Result(List<byte[]> path, boolean leafMatches, boolean pathVerifies, boolean checkpointSigned) {

        public boolean verified() {
            return leafMatches && pathVerifies && checkpointSigned;
        }
    }

    private final MerkleTree tree;

    public InclusionProofs(MerkleTree tree) {
        this.tree = Objects.requireNonNull(tree, "tree");
    }

    /** The perfect subtrees the audit paths of {@code leaves} in the tree of {@code treeSize} read, each once. */
    public Set<Node> nodesFor(Collection<Long> leaves, long treeSize) {
        Set<Node> wanted = new LinkedHashSet<>();
        byte[] placeholder = new byte[tree.hash().size()];
        NodeSource recording = (level, index) -> {
            wanted.add(new Node(level, index));
            return placeholder;
        };
        leaves.forEach(leaf -> tree.inclusionProof(leaf, treeSize, recording));
        return wanted;
    }

    /**
     * The proofs of {@code leaves} (each below {@code treeSize}) in the checkpoint of {@code treeSize} and
     * {@code root}, by leaf index: one {@link NodeBatch#read} for all their paths, and {@code checkpointSigned} asked
     * once (none when there is no leaf).
     *
     * @throws IllegalStateException when the store lacks a node a path needs (the log is damaged)
     */
    public Map<Long, Result> prove(List<Leaf> leaves, long treeSize, byte[] root, BooleanSupplier checkpointSigned,
                                   NodeBatch nodes) {
        Map<Long, Result> results = new LinkedHashMap<>();
        if (leaves.isEmpty()) {
            return results;
        }
        Map<Node, byte[]> read = nodes.read(nodesFor(leaves.stream().map(Leaf::index).toList(), treeSize));
        NodeSource source = (level, index) -> {
            byte[] node = read.get(new Node(level, index));
            if (node == null) {
                throw new IllegalStateException("audit tree node " + level + "/" + index + " is missing");
            }
            return node;
        };
        boolean signed = checkpointSigned.getAsBoolean();
        for (Leaf leaf : leaves) {
            List<byte[]> path = tree.inclusionProof(leaf.index(), treeSize, source);
            boolean leafMatches = MessageDigest.isEqual(tree.hash().leaf(leaf.data()), leaf.storedHash());
            boolean pathVerifies = tree.verifyInclusion(leaf.storedHash(), leaf.index(), treeSize, path, root);
            results.put(leaf.index(), new Result(path, leafMatches, pathVerifies, signed));
        }
        return results;
    }
}
