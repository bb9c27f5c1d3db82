package cn.chengxin.audit.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.audit.domain.MerkleHash;
import cn.chengxin.audit.domain.NodeSource;

/**
 * Perfect subtree hashes from the database: leaves from {@code audit.event}, higher nodes from {@code audit.node}
 * or, below {@link StoredNodes#LOWEST_LEVEL}, from their leaves.
 */
class JdbcNodeSource implements NodeSource {

    private final Connection connection;
    private final MerkleHash hash;

    JdbcNodeSource(Connection connection, MerkleHash hash) {
        this.connection = connection;
        this.hash = hash;
    }

    @Override
    public byte[] perfect(int level, long index) {
        if (level > 0 && !StoredNodes.stored(level)) {
            return StoredNodes.fromLeaves(level, index, this::leaves, hash);
        }
        String sql = level == 0 ? "SELECT leaf_hash FROM audit.event WHERE seq = ?"
                : "SELECT hash FROM audit.node WHERE level = ? AND idx = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (level == 0) {
                ps.setLong(1, index);
            } else {
                ps.setInt(1, level);
                ps.setLong(2, index);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("audit tree node " + level + "/" + index + " is missing");
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read audit tree node " + level + "/" + index, e);
        }
    }

    private List<byte[]> leaves(long from, long to) {
        try (PreparedStatement ps = connection.prepareStatement(StoredNodes.LEAVES)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            List<byte[]> hashes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getBytes(1));
                }
            }
            return hashes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read audit leaves " + from + "–" + (to - 1), e);
        }
    }
}
