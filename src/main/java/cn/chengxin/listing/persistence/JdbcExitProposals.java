package cn.chengxin.listing.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.listing.ExitProposal;
import cn.chengxin.listing.domain.ExitGround;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The proposals to take entries off their lists by hand, and their decisions (listing.exit_proposal). */
@Repository
public class JdbcExitProposals {

    private static final String COLUMNS = """
            p.id, p.entry_id, p.ground, p.reference, p.reasons, p.proposed_by, p.proposed_at, p.status, p.decided_by,
            p.decided_at, p.note FROM listing.exit_proposal p""";

    private final JdbcClient jdbc;

    public JdbcExitProposals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a waiting proposal; false when one already waits for the entry (at most one does). */
    public boolean propose(ExitProposal p) {
        return jdbc.sql("""
                        INSERT INTO listing.exit_proposal (id, entry_id, ground, reference, reasons, proposed_by,
                                                           proposed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(p.id(), p.entryId(), p.ground().name(), p.reference(), p.reasons(), p.proposedBy(),
                        Timestamp.from(p.proposedAt()))
                .update() == 1;
    }

    /** The proposal waiting for the entry, if one does and the entry is still open. */
    public Optional<ExitProposal> pending(UUID entryId) {
        return jdbc.sql("SELECT " + COLUMNS + " JOIN listing.entry e ON e.id = p.entry_id "
                        + "WHERE p.entry_id = ? AND p.status = 'PENDING' AND e.status NOT IN ('REJECTED', 'EXITED')")
                .param(entryId).query(JdbcExitProposals::map).optional();
    }

    /** The proposals waiting on open entries, the oldest first, at most {@code limit}. */
    public List<ExitProposal> waiting(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " JOIN listing.entry e ON e.id = p.entry_id "
                        + "WHERE p.status = 'PENDING' AND e.status NOT IN ('REJECTED', 'EXITED') "
                        + "ORDER BY p.proposed_at, p.id LIMIT ?")
                .param(limit).query(JdbcExitProposals::map).list();
    }

    /** How many of the waiting proposals {@code reviewer} did not make (the index of those waiting, V202). */
    public long countWaitingFromOthers(String reviewer) {
        return jdbc.sql("SELECT count(*) FROM listing.exit_proposal p JOIN listing.entry e ON e.id = p.entry_id "
                        + "WHERE p.status = 'PENDING' AND e.status NOT IN ('REJECTED', 'EXITED') "
                        + "AND p.proposed_by <> ?")
                .param(reviewer).query(Long.class).single();
    }

    /** Every proposal made for the entry, in the order made: its page shows those decided too. */
    public List<ExitProposal> ofEntry(UUID entryId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE p.entry_id = ? ORDER BY p.proposed_at, p.id")
                .param(entryId).query(JdbcExitProposals::map).list();
    }

    /** Every proposal on {@code ground} made for these entries, in the order made. */
    public List<ExitProposal> onGround(Collection<UUID> entryIds, ExitGround ground) {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " WHERE p.entry_id = ANY(?::uuid[]) AND p.ground = ? ORDER BY p.proposed_at, p.id")
                .params(entryIds.toArray(UUID[]::new), ground.name()).query(JdbcExitProposals::map).list();
    }

    /** Decides a waiting proposal once: of two reviewers at once, one decides. */
    public boolean decide(UUID id, ExitProposal.Status to, String by, Instant at, String note) {
        return jdbc.sql("""
                        UPDATE listing.exit_proposal SET status = ?, decided_by = ?, decided_at = ?, note = ?
                        WHERE id = ? AND status = 'PENDING'""")
                .params(to.name(), by, Timestamp.from(at), note, id).update() == 1;
    }

    private static ExitProposal map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp(10);
        return new ExitProposal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                ExitGround.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), ExitProposal.Status.valueOf(rs.getString(8)), rs.getString(9),
                decided == null ? null : decided.toInstant(), rs.getString(11));
    }
}
