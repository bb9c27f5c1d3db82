package cn.chengxin.subject.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.chengxin.subject.PersonalDataProtection;
import cn.chengxin.subject.domain.CorrectionRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The persons' requests to correct their registry data ({@code subject.correction_request}, V1015), each beside the
 * proposal it became, with its evidence sealed for its row as an objection's is.
 */
@Repository
public class JdbcCorrectionRequests {

    /** The purpose a request's evidence is sealed for, with the row's id. */
    public static final String SEALED_FOR = "subject.correction_request:";

    private static final String FIELDS = """
            id, subject_id, name_proposal_id, birth_date_proposal_id, channel, received_on, due_on, filename,
            content_type, size, reminded_for, escalated_at""";

    private static final String COLUMNS = "SELECT " + FIELDS + " FROM subject.correction_request";

    /** A request still waiting: the proposal it became is undecided (of whichever field). */
    private static final String UNDECIDED = """
            (EXISTS (SELECT 1 FROM subject.name_change_proposal p WHERE p.id = name_proposal_id AND p.status = 'PENDING')
             OR EXISTS (SELECT 1 FROM subject.birth_date_proposal p
                        WHERE p.id = birth_date_proposal_id AND p.status = 'PENDING'))""";

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;

    public JdbcCorrectionRequests(JdbcClient jdbc, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    public void insert(CorrectionRequest r, byte[] content, String sha256, Instant at) {
        PersonalDataProtection.Sealed sealed = protection.sealFile(content, SEALED_FOR + r.id());
        boolean name = r.field() == CorrectionRequest.Field.NAME;
        jdbc.sql("""
                        INSERT INTO subject.correction_request (id, subject_id, name_proposal_id, birth_date_proposal_id,
                            channel, received_on, due_on, filename, content_type, content, content_key_version, size,
                            sha256, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.subjectId(), name ? r.proposalId() : null, name ? null : r.proposalId(),
                        r.channel().name(), r.receivedOn(), r.dueOn(), r.filename(), r.contentType(), sealed.cipher(),
                        sealed.keyVersion(), content.length, sha256, Timestamp.from(at))
                .update();
    }

    /** The requests behind these proposals (of either field), by proposal id; a proposal made by staff has none. */
    public Map<UUID, CorrectionRequest> byProposals(Collection<UUID> proposalIds) {
        if (proposalIds.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = proposalIds.toArray(UUID[]::new);
        return jdbc.sql(COLUMNS + " WHERE name_proposal_id = ANY(?::uuid[]) OR birth_date_proposal_id = ANY(?::uuid[])")
                .params(ids, ids).query(JdbcCorrectionRequests::request).list().stream()
                .collect(Collectors.toMap(CorrectionRequest::proposalId, Function.identity()));
    }

    public Optional<CorrectionRequest> ofProposal(UUID proposalId) {
        return Optional.ofNullable(byProposals(List.of(proposalId)).get(proposalId));
    }

    public Optional<CorrectionRequest> find(UUID id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(JdbcCorrectionRequests::request).optional();
    }

    /** A person's requests, newest first. */
    public List<CorrectionRequest> ofSubject(UUID subjectId) {
        return jdbc.sql(COLUMNS + " WHERE subject_id = ? ORDER BY received_at DESC, id").param(subjectId)
                .query(JdbcCorrectionRequests::request).list();
    }

    /** The evidence's bytes, opened. */
    public Optional<byte[]> evidence(UUID id) {
        return jdbc.sql("SELECT content, content_key_version FROM subject.correction_request WHERE id = ?").param(id)
                .query((rs, n) -> protection.openFile(rs.getBytes(1), rs.getInt(2), SEALED_FOR + id)).optional();
    }

    /** The requests whose proposal is undecided, the first due first. */
    public List<CorrectionRequest> undecided() {
        return jdbc.sql(COLUMNS + " WHERE " + UNDECIDED + " ORDER BY due_on, received_at, id")
                .query(JdbcCorrectionRequests::request).list();
    }

    /** Marks the undecided requests due between {@code today} and {@code soon} as reminded of that deadline. */
    public List<CorrectionRequest> remind(LocalDate today, LocalDate soon) {
        return jdbc.sql("UPDATE subject.correction_request SET reminded_for = due_on WHERE due_on BETWEEN ? AND ? "
                        + "AND reminded_for IS DISTINCT FROM due_on AND " + UNDECIDED + " RETURNING " + FIELDS)
                .params(today, soon).query(JdbcCorrectionRequests::request).list();
    }

    /** Escalates the undecided requests past their deadline on {@code today} that were not yet; returns them. */
    public List<CorrectionRequest> escalate(LocalDate today, Instant at) {
        return jdbc.sql("UPDATE subject.correction_request SET escalated_at = ? WHERE due_on < ? "
                        + "AND escalated_at IS NULL AND " + UNDECIDED + " RETURNING " + FIELDS)
                .params(Timestamp.from(at), today).query(JdbcCorrectionRequests::request).list();
    }

    /**
     * Of the requests whose proposal was decided from {@code from} (included) to {@code until} (excluded): how many,
     * and how many by their deadline ({@code zone}'s date); and how many undecided are past it on {@code today}.
     */
    public long[] figures(Instant from, Instant until, String zone, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE d.decided_at >= :from AND d.decided_at < :until),
                               count(*) FILTER (WHERE d.decided_at >= :from AND d.decided_at < :until
                                                AND (d.decided_at AT TIME ZONE :zone)::date <= r.due_on),
                               count(*) FILTER (WHERE d.status = 'PENDING' AND r.due_on < :today)
                        FROM subject.correction_request r
                        LEFT JOIN subject.name_change_proposal n ON n.id = r.name_proposal_id
                        LEFT JOIN subject.birth_date_proposal b ON b.id = r.birth_date_proposal_id
                        CROSS JOIN LATERAL (SELECT coalesce(n.status, b.status) AS status,
                                                   coalesce(n.decided_at, b.decided_at) AS decided_at) d""")
                .param("from", Timestamp.from(from)).param("until", Timestamp.from(until)).param("zone", zone)
                .param("today", today)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    private static CorrectionRequest request(ResultSet rs, int n) throws SQLException {
        UUID name = rs.getObject("name_proposal_id", UUID.class);
        Timestamp escalatedAt = rs.getTimestamp("escalated_at");
        return new CorrectionRequest(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                name != null ? CorrectionRequest.Field.NAME : CorrectionRequest.Field.BIRTH_DATE,
                name != null ? name : rs.getObject("birth_date_proposal_id", UUID.class),
                CorrectionRequest.Channel.valueOf(rs.getString("channel")),
                rs.getObject("received_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getString("filename"), rs.getString("content_type"), rs.getInt("size"),
                rs.getObject("reminded_for", LocalDate.class), escalatedAt == null ? null : escalatedAt.toInstant());
    }
}
