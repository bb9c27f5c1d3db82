package cn.chengxin.audit.persistence;

import java.util.List;

import cn.chengxin.audit.domain.MerkleHash;
import cn.chengxin.audit.domain.NodeSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Perfect subtree hashes read through the caller's transaction (proofs, checkpoints, verification); below
 * {@link StoredNodes#LOWEST_LEVEL} from their leaves.
 */
public class ReadNodeSource implements NodeSource {

    private final JdbcClient jdbc;
    private final MerkleHash hash;

    public ReadNodeSource(JdbcClient jdbc, MerkleHash hash) {
        this.jdbc = jdbc;
        this.hash = hash;
    }

    @Override
    public byte[] perfect(int level, long index) {
        if (level > 0 && !StoredNodes.stored(level)) {
            return StoredNodes.fromLeaves(level, index, this::leaves, hash);
        }
        return (level == 0
                ? jdbc.sql("SELECT leaf_hash FROM audit.event WHERE seq = ?").param(index)
                : jdbc.sql("SELECT hash FROM audit.node WHERE level = ? AND idx = ?").params(level, index))
                .query(byte[].class).optional()
                .orElseThrow(() -> new IllegalStateException("audit tree node " + level + "/" + index + " is missing"));
    }

    private List<byte[]> leaves(long from, long to) {
        return jdbc.sql(StoredNodes.LEAVES).params(from, to).query(byte[].class).list();
    }
}
