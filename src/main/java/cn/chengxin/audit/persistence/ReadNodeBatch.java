package cn.chengxin.audit.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.chengxin.audit.domain.InclusionProofs;
import cn.chengxin.audit.domain.MerkleHash;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many perfect subtree hashes in two statements, through the caller's transaction, whatever their number and the
 * tree's size: the stored ones ({@link StoredNodes#LOWEST_LEVEL} and up) by their primary key in one, and every leaf
 * hash wanted — leaves themselves and the at most 8 leaves of each lower node, hashed again here as
 * {@link ReadNodeSource} does — by seq in the other. A page of inclusion proofs thus costs two statements rather
 * than one per node per proof (gaps review xxxv P4).
 */
public class ReadNodeBatch implements InclusionProofs.NodeBatch {

    private final JdbcClient jdbc;
    private final MerkleHash hash;

    public ReadNodeBatch(JdbcClient jdbc, MerkleHash hash) {
        this.jdbc = jdbc;
        this.hash = hash;
    }

    @Override
    public Map<InclusionProofs.Node, byte[]> read(Set<InclusionProofs.Node> nodes) {
        List<InclusionProofs.Node> stored = new ArrayList<>();
        Set<Long> seqs = new TreeSet<>();
        for (InclusionProofs.Node node : nodes) {
            if (node.level() > 0 && StoredNodes.stored(node.level())) {
                stored.add(node);
            } else {
                for (long seq = node.index() << node.level(); seq < (node.index() + 1) << node.level(); seq++) {
                    seqs.add(seq);
                }
            }
        }
        Map<InclusionProofs.Node, byte[]> found = new HashMap<>();
        if (!stored.isEmpty()) {
            jdbc.sql("""
                            SELECT n.level, n.idx, n.hash
                            FROM audit.node n JOIN unnest(?::int[], ?::bigint[]) AS w(level, idx)
                                 ON n.level = w.level AND n.idx = w.idx""")
                    .params(stored.stream().map(InclusionProofs.Node::level).toArray(Integer[]::new),
                            stored.stream().map(InclusionProofs.Node::index).toArray(Long[]::new))
                    .query(rs -> {
                        found.put(new InclusionProofs.Node(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                    });
        }
        Map<Long, byte[]> leaves = new HashMap<>();
        if (!seqs.isEmpty()) {
            jdbc.sql("SELECT seq, leaf_hash FROM audit.event WHERE seq = ANY(?::bigint[])")
                    .param(seqs.toArray(Long[]::new))
                    .query(rs -> {
                        leaves.put(rs.getLong(1), rs.getBytes(2));
                    });
        }
        for (InclusionProofs.Node node : nodes) {
            if (node.level() == 0 && leaves.containsKey(node.index())) {
                found.put(node, leaves.get(node.index()));
            } else if (node.level() > 0 && !StoredNodes.stored(node.level())) {
                found.put(node, StoredNodes.fromLeaves(node.level(), node.index(), (from, to) -> {
                    List<byte[]> range = new ArrayList<>();
                    for (long seq = from; seq < to; seq++) {
                        range.add(leaves.get(seq));
                    }
                    return range;
                }, hash));
            }
        }
        return found;
    }
}
