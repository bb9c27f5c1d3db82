package cn.chengxin.audit.persistence;

import cn.chengxin.audit.domain.NodeSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Perfect subtree hashes read through the caller's transaction (proofs, checkpoints, verification). */
public class ReadNodeSource implements NodeSource {

    private final JdbcClient jdbc;

    public ReadNodeSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] perfect(int level, long index) {
        return (level == 0
                ? jdbc.sql("SELECT leaf_hash FROM audit.event WHERE seq = ?").param(index)
                : jdbc.sql("SELECT hash FROM audit.node WHERE level = ? AND idx = ?").params(level, index))
                .query(byte[].class).optional()
                .orElseThrow(() -> new IllegalStateException("audit tree node " + level + "/" + index + " is missing"));
    }
}
