package cn.chengxin.audit.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import cn.chengxin.audit.domain.NodeSource;

/** Perfect subtree hashes from the database: leaves from {@code audit.event}, higher nodes from {@code audit.node}. */
class JdbcNodeSource implements NodeSource {

    private final Connection connection;

    JdbcNodeSource(Connection connection) {
        this.connection = connection;
    }

    @Override
    public byte[] perfect(int level, long index) {
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
}
