package cn.chengxin.account.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.RoleProposal;
import cn.chengxin.shared.security.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The proposed widenings of roles (account.role_proposal, V308), which a second security administrator decides. */
@Repository
public class JdbcRoleProposals {

    private static final String SELECT = """
            SELECT p.id, p.role_id, r.code, r.name, r.name_en, p.added, p.proposed_by, p.proposer_name,
                   p.proposed_at, p.status
            FROM account.role_proposal p JOIN account.role r ON r.id = p.role_id""";

    private final JdbcClient jdbc;

    public JdbcRoleProposals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a pending proposal; false when the role already has one (one pending widening per role). */
    public boolean insert(UUID id, UUID roleId, Collection<Permission> added, String proposedBy, String proposerName,
                          Instant at) {
        return jdbc.sql("""
                        INSERT INTO account.role_proposal (id, role_id, added, proposed_by, proposer_name, proposed_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (role_id) WHERE status = 'PENDING' DO NOTHING""")
                .params(id, roleId, added.stream().sorted().map(Permission::code).toArray(String[]::new), proposedBy,
                        proposerName, Timestamp.from(at))
                .update() == 1;
    }

    public List<RoleProposal> pending() {
        return jdbc.sql(SELECT + " WHERE p.status = 'PENDING' ORDER BY p.proposed_at")
                .query((rs, n) -> proposal(rs)).list();
    }

    /** The proposal, locked until the transaction ends: of two administrators deciding at once, one decides. */
    public Optional<RoleProposal> lock(UUID id) {
        return jdbc.sql(SELECT + " WHERE p.id = ? FOR UPDATE OF p").param(id).query((rs, n) -> proposal(rs))
                .optional();
    }

    /** Records the decision on a pending proposal; false when it was no longer pending. */
    public boolean decide(UUID id, RoleProposal.Status status, String by, String byName, Instant at, String note) {
        return jdbc.sql("""
                        UPDATE account.role_proposal
                        SET status = ?, decided_by = ?, decider_name = ?, decided_at = ?, decision_note = ?
                        WHERE id = ? AND status = 'PENDING'""")
                .params(status.name(), by, byName, Timestamp.from(at), note, id).update() == 1;
    }

    private static RoleProposal proposal(ResultSet rs) throws SQLException {
        String[] codes = (String[]) rs.getArray(6).getArray();
        List<Permission> added = Arrays.stream(codes).flatMap(c -> Permission.ofCode(c).stream()).sorted().toList();
        return new RoleProposal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), added, rs.getString(7), rs.getString(8),
                rs.getTimestamp(9).toInstant(), RoleProposal.Status.valueOf(rs.getString(10)));
    }
}
