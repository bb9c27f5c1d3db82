package cn.chengxin.account.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.domain.BreachIncident;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 个人信息安全事件 and the persons concerned, account.breach_incident and account.breach_recipient (V1035): a recipient
 * row per person and incident, its key making a second upload or a second sending add nobody.
 */
@Repository
public class JdbcBreachIncidents {

    private static final String COLUMNS = "id, number, categories, cause, harm, remedies, person_can_do, contact, "
            + "found_at, reported_at, reported_to, opened_by, opened_by_name, opened_at, matched, unmatched, invalid, "
            + "approved_by, approved_by_name, approved_at, sent_at, notified";

    private final JdbcClient jdbc;

    public JdbcBreachIncidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an opened incident; returns its number. */
    public long insert(UUID id, String categories, String cause, String harm, String remedies, String personCanDo,
                       String contact, Instant foundAt, Instant reportedAt, String reportedTo, String openedBy,
                       String openedByName, Instant openedAt) {
        return jdbc.sql("INSERT INTO account.breach_incident (id, categories, cause, harm, remedies, person_can_do, "
                        + "contact, found_at, reported_at, reported_to, opened_by, opened_by_name, opened_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING number")
                .params(id, categories, cause, harm, remedies, personCanDo, contact, Timestamp.from(foundAt),
                        Timestamp.from(reportedAt), reportedTo, openedBy, openedByName, Timestamp.from(openedAt))
                .query(Long.class).single();
    }

    public Optional<BreachIncident> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account.breach_incident WHERE id = ?").param(id)
                .query(JdbcBreachIncidents::incident).optional();
    }

    /** The incident locked until the caller's transaction ends: an upload and an approval one after the other. */
    public Optional<BreachIncident> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account.breach_incident WHERE id = ? FOR UPDATE").param(id)
                .query(JdbcBreachIncidents::incident).optional();
    }

    /** Every incident, the newest first. */
    public List<BreachIncident> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account.breach_incident ORDER BY opened_at DESC, number DESC")
                .query(JdbcBreachIncidents::incident).list();
    }

    /**
     * Adds the persons concerned, each once whatever the uploads repeat, and the upload's counts to the incident's.
     *
     * @return how many persons were new to the incident
     */
    public int addRecipients(UUID incident, Collection<UUID> subjects, int unmatched, int invalid) {
        int added = subjects.isEmpty() ? 0 : jdbc.sql("INSERT INTO account.breach_recipient (incident_id, subject_id) "
                        + "SELECT ?, s FROM unnest(?::uuid[]) AS s ON CONFLICT DO NOTHING")
                .params(incident, subjects.stream().map(UUID::toString).toArray(String[]::new)).update();
        jdbc.sql("UPDATE account.breach_incident SET matched = matched + ?, unmatched = unmatched + ?, "
                        + "invalid = invalid + ? WHERE id = ?")
                .params(added, unmatched, invalid, incident).update();
        return added;
    }

    /** Records the approval of an incident not yet approved; false when another approved it meanwhile. */
    public boolean approve(UUID id, String by, String byName, Instant at) {
        return jdbc.sql("UPDATE account.breach_incident SET approved_by = ?, approved_by_name = ?, approved_at = ? "
                        + "WHERE id = ? AND approved_at IS NULL")
                .params(by, byName, Timestamp.from(at), id).update() == 1;
    }

    /**
     * Up to {@code limit} persons concerned not yet notified, locked for the caller's transaction and skipped by any
     * other sending at the same time: two sendings never take the same person.
     */
    public List<UUID> claimUnnotified(UUID incident, int limit) {
        return jdbc.sql("SELECT subject_id FROM account.breach_recipient WHERE incident_id = ? AND notified_at IS NULL "
                        + "ORDER BY subject_id LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(incident, limit).query(UUID.class).list();
    }

    /** Marks these persons notified, in the transaction that wrote their notices, and counts them on the incident. */
    public void markNotified(UUID incident, List<UUID> subjects, Instant at) {
        int marked = jdbc.sql("UPDATE account.breach_recipient SET notified_at = ? WHERE incident_id = ? "
                        + "AND subject_id = ANY(?::uuid[]) AND notified_at IS NULL")
                .params(Timestamp.from(at), incident, subjects.stream().map(UUID::toString).toArray(String[]::new))
                .update();
        jdbc.sql("UPDATE account.breach_incident SET notified = notified + ?, sent_at = coalesce(sent_at, ?) "
                        + "WHERE id = ?")
                .params(marked, Timestamp.from(at), incident).update();
    }

    private static BreachIncident incident(ResultSet rs, int n) throws SQLException {
        return new BreachIncident(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), instant(rs, 10),
                rs.getString(11), rs.getString(12), rs.getString(13), instant(rs, 14), rs.getInt(15), rs.getInt(16),
                rs.getInt(17), rs.getString(18), rs.getString(19), instant(rs, 20), instant(rs, 21), rs.getInt(22));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
