package cn.chengxin.oversight.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.oversight.domain.CalendarChange;
import cn.chengxin.oversight.domain.CalendarProposal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Proposed changes of the working calendar ({@code shared.calendar_proposal}). */
@Repository
public class JdbcCalendarProposals {

    private static final String COLUMNS = """
            id, first_day, last_day, change, holiday, source, correction_reason, proposed_by, proposed_by_name,
            proposed_at, status, decided_by, decided_by_name, decided_at, decision_note""";

    private final JdbcClient jdbc;

    public JdbcCalendarProposals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CalendarProposal p) {
        CalendarChange c = p.change();
        jdbc.sql("""
                        INSERT INTO shared.calendar_proposal (id, first_day, last_day, change, holiday, source,
                            correction_reason, proposed_by, proposed_by_name, proposed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), c.firstDay(), c.lastDay(), c.change().name(), c.holiday(), c.source(),
                        c.correctionReason(), p.proposedBy(), p.proposedByName(), Timestamp.from(p.proposedAt()))
                .update();
    }

    public Optional<CalendarProposal> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shared.calendar_proposal WHERE id = ?").param(id)
                .query(JdbcCalendarProposals::proposal).optional();
    }

    /** The pending proposals, oldest first. */
    public List<CalendarProposal> pending() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shared.calendar_proposal WHERE status = 'PENDING' "
                + "ORDER BY proposed_at, id").query(JdbcCalendarProposals::proposal).list();
    }

    /** The last decided proposals, newest decision first. */
    public List<CalendarProposal> recentlyDecided(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shared.calendar_proposal WHERE status <> 'PENDING' "
                + "ORDER BY decided_at DESC, id LIMIT ?").param(limit).query(JdbcCalendarProposals::proposal).list();
    }

    /**
     * Decides a pending proposal. The row's status is the guard: of two reviewers at once the second waits for the
     * first's row lock, then finds the proposal no longer pending.
     *
     * @return false when it was no longer pending
     */
    public boolean decide(UUID id, CalendarProposal.Status status, String by, String byName, Instant at, String note) {
        return jdbc.sql("""
                        UPDATE shared.calendar_proposal
                        SET status = ?, decided_by = ?, decided_by_name = ?, decided_at = ?, decision_note = ?
                        WHERE id = ? AND status = 'PENDING'""")
                .params(status.name(), by, byName, Timestamp.from(at), note, id).update() == 1;
    }

    private static CalendarProposal proposal(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        CalendarChange change = new CalendarChange(rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class), CalendarChange.Change.valueOf(rs.getString("change")),
                rs.getString("holiday"), rs.getString("source"), rs.getString("correction_reason"));
        return new CalendarProposal(rs.getObject("id", UUID.class), change, rs.getString("proposed_by"),
                rs.getString("proposed_by_name"), rs.getTimestamp("proposed_at").toInstant(),
                CalendarProposal.Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
                rs.getString("decided_by_name"), decided == null ? null : decided.toInstant(),
                rs.getString("decision_note"));
    }
}
