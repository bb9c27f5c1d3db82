package cn.chengxin.audit.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The right edge of the growing tree: the perfect subtrees into which its current size decomposes (one per
 * set bit, at most 64). Appending a leaf merges equal-sized subtrees and reports every perfect node thus
 * completed, so the writer can store them; the root folds the edge from right to left, exactly RFC 6962's
 * MTH for any size. A writer restarts from the stored nodes with {@link #restore}.
 */
public final class Frontier {

    /** A perfect subtree: 2^level leaves starting at leaf index·2^level. */
    public record Node(int level, long index, byte[] hash) {
    }

    private final MerkleHash hash;
    private final Deque<Node> edge = new ArrayDeque<>(); // left (largest) first
    private long size;

    private Frontier(MerkleHash hash) {
        this.hash = hash;
    }

    public static Frontier empty(MerkleHash hash) {
        return new Frontier(hash);
    }

    public static Frontier restore(long size, NodeSource nodes, MerkleHash hash) {
        Frontier frontier = new Frontier(hash);
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                long index = start >> level;
                frontier.edge.addLast(new Node(level, index, nodes.perfect(level, index)));
                start += 1L << level;
            }
        }
        frontier.size = size;
        return frontier;
    }

    public long size() {
        return size;
    }

    /** Adds the next leaf; returns the perfect nodes it completes, the leaf itself (level 0) first. */
    public List<Node> append(byte[] leafHash) {
        List<Node> completed = new ArrayList<>(2);
        Node node = new Node(0, size, leafHash);
        completed.add(node);
        while (!edge.isEmpty() && edge.peekLast().level() == node.level()) {
            Node left = edge.removeLast();
            node = new Node(node.level() + 1, left.index() >> 1, hash.node(left.hash(), node.hash()));
            completed.add(node);
        }
        edge.addLast(node);
        size++;
        return completed;
    }

    public byte[] root() {
        if (edge.isEmpty()) {
            return hash.emptyRoot();
        }
        Iterator<Node> fromRight = edge.descendingIterator();
        byte[] root = fromRight.next().hash();
        while (fromRight.hasNext()) {
            root = hash.node(fromRight.next().hash(), root);
        }
        return root;
    }
}
