package cn.chengxin.subject.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.FormerName;
import cn.chengxin.subject.domain.NameChangeEvidence;
import cn.chengxin.subject.domain.NameChangeProposal;
import cn.chengxin.subject.domain.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Proposals to change a subject's name ({@code subject.name_change_proposal}), the change itself and the names it
 * leaves ({@code subject.former_name}).
 */
@Repository
public class JdbcNameChanges {

    private static final String COLUMNS = """
            p.id, p.subject_id, p.former_name, p.new_name, p.effective_from, p.evidence, p.evidence_reference,
            p.reason, p.proposed_by, p.proposed_by_name, p.proposed_at, p.status, p.decided_by, p.decided_by_name,
            p.decided_at, p.decision_note""";

    private static final String OWN = "SELECT " + COLUMNS + " FROM subject.name_change_proposal p";

    private static final String LISTED = "SELECT " + COLUMNS + ", s.kind, s.document_type, s.number_masked "
            + "FROM subject.name_change_proposal p JOIN subject.subject s ON s.id = p.subject_id";

    private final JdbcClient jdbc;

    public JdbcNameChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the subject already has a pending proposal (one at a time) */
    public boolean insert(NameChangeProposal p) {
        return jdbc.sql("""
                        INSERT INTO subject.name_change_proposal (id, subject_id, former_name, new_name, effective_from,
                            evidence, evidence_reference, reason, proposed_by, proposed_by_name, proposed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (subject_id) WHERE status = 'PENDING' DO NOTHING""")
                .params(p.id(), p.subjectId(), p.formerName(), p.newName(), p.effectiveFrom(), p.evidence().name(),
                        p.evidenceReference(), p.reason(), p.proposedBy(), p.proposedByName(),
                        Timestamp.from(p.proposedAt()))
                .update() == 1;
    }

    public Optional<NameChangeProposal> find(UUID id) {
        return ReviewedRows.find(jdbc, OWN, id, JdbcNameChanges::proposal);
    }

    /** A subject's proposals, oldest first. */
    public List<NameChangeProposal> ofSubject(UUID subjectId) {
        return ReviewedRows.ofSubject(jdbc, OWN, subjectId, JdbcNameChanges::proposal);
    }

    /** A proposal with what a reviewer's screen shows of its subject: kind, document type and masked number. */
    public record Listed(NameChangeProposal proposal, SubjectKind kind, DocumentType documentType,
                         String maskedNumber) {
    }

    /** The pending proposals, oldest first: a reviewer's queue. */
    public List<Listed> pending() {
        return ReviewedRows.pending(jdbc, LISTED, JdbcNameChanges::listed);
    }

    /** The last decided proposals, newest decision first. */
    public List<Listed> recentlyDecided(int limit) {
        return ReviewedRows.recentlyDecided(jdbc, LISTED, limit, JdbcNameChanges::listed);
    }

    private static Listed listed(ResultSet rs, int n) throws SQLException {
        return new Listed(proposal(rs, n), SubjectKind.valueOf(rs.getString("kind")),
                DocumentType.valueOf(rs.getString("document_type")), rs.getString("number_masked"));
    }

    /** @return false when it was no longer pending (of two reviewers at once, the first decides) */
    public boolean decide(UUID id, NameChangeProposal.Status status, String by, String byName, Instant at,
                          String note) {
        return ReviewedRows.decide(jdbc, "subject.name_change_proposal", id, status, by, byName, at, note);
    }

    /**
     * Renames the subject and keeps the name it leaves with its period.
     *
     * @return false when the subject no longer bears the name the proposal replaces
     */
    public boolean rename(UUID subjectId, String newName, FormerName leaving, UUID proposalId) {
        if (jdbc.sql("UPDATE subject.subject SET name = ?, name_source = 'REVIEW' WHERE id = ? AND name = ?")
                .params(newName, subjectId, leaving.name()).update() != 1) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO subject.former_name (subject_id, name, valid_from, valid_until, proposal_id)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(subjectId, leaving.name(), leaving.validFrom(), leaving.validUntil(), proposalId).update();
        return true;
    }

    /**
     * Renames a relayed subject as its origin did ({@code NameSource.ORIGIN}, gaps review xxvii I9) and keeps the name
     * it leaves with its period, written by the origin rather than by a proposal; a period that would end before it
     * began (a second change on one day) keeps no former name.
     *
     * @return false when the subject no longer bears that name, or its name is no longer one the exchange gave
     */
    public boolean renameByOrigin(UUID subjectId, String newName, FormerName leaving, String origin) {
        if (jdbc.sql("""
                        UPDATE subject.subject SET name = ?, name_source = 'ORIGIN'
                        WHERE id = ? AND name = ? AND name_source IN ('EXCHANGE', 'ORIGIN')""")
                .params(newName, subjectId, leaving.name()).update() != 1) {
            return false;
        }
        if (leaving.validFrom() == null || !leaving.validFrom().isAfter(leaving.validUntil())) {
            jdbc.sql("""
                            INSERT INTO subject.former_name (subject_id, name, valid_from, valid_until, origin)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT (subject_id, valid_until) DO NOTHING""")
                    .params(subjectId, leaving.name(), leaving.validFrom(), leaving.validUntil(), origin).update();
        }
        return true;
    }

    /**
     * The subjects renamed at least once that bear {@code name} now or bore it: their former names, and the names an
     * approved change gave them (the current one is the last such: only an approved change renames a subject once it
     * has a name of its own, V210). Both by index (V340).
     */
    public List<UUID> renamedSubjectsCalled(String name) {
        return jdbc.sql("""
                        SELECT subject_id FROM subject.former_name WHERE name = ?
                        UNION
                        SELECT f.subject_id FROM subject.name_change_proposal p
                            JOIN subject.former_name f ON f.proposal_id = p.id
                        WHERE p.new_name = ? AND p.status = 'APPROVED'""")
                .params(name, name).query(UUID.class).list();
    }

    /** A subject's former names, oldest first. */
    public List<FormerName> formerNamesOf(UUID subjectId) {
        return formerNames(List.of(subjectId)).getOrDefault(subjectId, List.of());
    }

    /** The former names of many subjects at once, oldest first, by subject (absent: none). */
    public Map<UUID, List<FormerName>> formerNames(Collection<UUID> subjectIds) {
        Map<UUID, List<FormerName>> names = new HashMap<>();
        if (subjectIds.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                        SELECT subject_id, name, valid_from, valid_until FROM subject.former_name
                        WHERE subject_id = ANY(?::uuid[]) ORDER BY subject_id, valid_until""")
                .param(subjectIds.toArray(UUID[]::new))
                .query((rs, n) -> names.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new FormerName(rs.getString(2), rs.getObject(3, LocalDate.class),
                                rs.getObject(4, LocalDate.class))))
                .list();
        return names;
    }

    private static NameChangeProposal proposal(ResultSet rs, int n) throws SQLException {
        return new NameChangeProposal(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                rs.getString("former_name"), rs.getString("new_name"), rs.getObject("effective_from", LocalDate.class),
                NameChangeEvidence.valueOf(rs.getString("evidence")), rs.getString("evidence_reference"),
                rs.getString("reason"), rs.getString("proposed_by"), rs.getString("proposed_by_name"),
                rs.getTimestamp("proposed_at").toInstant(), NameChangeProposal.Status.valueOf(rs.getString("status")),
                rs.getString("decided_by"), rs.getString("decided_by_name"),
                ReviewedRows.decidedAt(rs), rs.getString("decision_note"));
    }
}
