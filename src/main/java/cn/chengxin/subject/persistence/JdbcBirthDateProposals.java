package cn.chengxin.subject.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.subject.domain.BirthDateEvidence;
import cn.chengxin.subject.domain.BirthDateProposal;
import cn.chengxin.subject.domain.DocumentType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Proposals to complete a birth date ({@code subject.birth_date_proposal}) and the completion itself. */
@Repository
public class JdbcBirthDateProposals {

    private static final String COLUMNS = """
            p.id, p.subject_id, p.birth_date, p.evidence, p.evidence_reference, p.reason, p.proposed_by,
            p.proposed_by_name, p.proposed_at, p.status, p.decided_by, p.decided_by_name, p.decided_at,
            p.decision_note""";

    private static final String OWN = "SELECT " + COLUMNS + " FROM subject.birth_date_proposal p";

    private static final String LISTED = "SELECT " + COLUMNS + ", s.name, s.document_type, s.number_masked "
            + "FROM subject.birth_date_proposal p JOIN subject.subject s ON s.id = p.subject_id";

    private final JdbcClient jdbc;

    public JdbcBirthDateProposals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the person already has a pending proposal (one at a time) */
    public boolean insert(BirthDateProposal p) {
        return jdbc.sql("""
                        INSERT INTO subject.birth_date_proposal (id, subject_id, birth_date, evidence, evidence_reference,
                            reason, proposed_by, proposed_by_name, proposed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (subject_id) WHERE status = 'PENDING' DO NOTHING""")
                .params(p.id(), p.subjectId(), p.birthDate(), p.evidence().name(), p.evidenceReference(), p.reason(),
                        p.proposedBy(), p.proposedByName(), Timestamp.from(p.proposedAt()))
                .update() == 1;
    }

    public Optional<BirthDateProposal> find(UUID id) {
        return ReviewedRows.find(jdbc, OWN, id, JdbcBirthDateProposals::proposal);
    }

    /** A person's proposals, oldest first. */
    public List<BirthDateProposal> ofSubject(UUID subjectId) {
        return ReviewedRows.ofSubject(jdbc, OWN, subjectId, JdbcBirthDateProposals::proposal);
    }

    /** A proposal with what a reviewer's screen may show of its person: masked name and number. */
    public record Listed(BirthDateProposal proposal, String name, DocumentType documentType, String maskedNumber) {
    }

    /** The pending proposals, oldest first: a reviewer's queue. */
    public List<Listed> pending() {
        return ReviewedRows.pending(jdbc, LISTED, JdbcBirthDateProposals::listed);
    }

    /** The last decided proposals, newest decision first. */
    public List<Listed> recentlyDecided(int limit) {
        return ReviewedRows.recentlyDecided(jdbc, LISTED, limit, JdbcBirthDateProposals::listed);
    }

    private static Listed listed(ResultSet rs, int n) throws SQLException {
        return new Listed(proposal(rs, n), rs.getString("name"),
                DocumentType.valueOf(rs.getString("document_type")), rs.getString("number_masked"));
    }

    /** @return false when it was no longer pending (of two reviewers at once, the first decides) */
    public boolean decide(UUID id, BirthDateProposal.Status status, String by, String byName, Instant at,
                          String note) {
        return ReviewedRows.decide(jdbc, "subject.birth_date_proposal", id, status, by, byName, at, note);
    }

    /** @return false when the person has a birth date already (never overwritten) */
    public boolean completeBirthDate(UUID subjectId, LocalDate birthDate) {
        return jdbc.sql("UPDATE subject.person SET birth_date = ? WHERE subject_id = ? AND birth_date IS NULL")
                .params(birthDate, subjectId).update() == 1;
    }

    private static BirthDateProposal proposal(ResultSet rs, int n) throws SQLException {
        return new BirthDateProposal(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                rs.getObject("birth_date", LocalDate.class), BirthDateEvidence.valueOf(rs.getString("evidence")),
                rs.getString("evidence_reference"), rs.getString("reason"), rs.getString("proposed_by"),
                rs.getString("proposed_by_name"), rs.getTimestamp("proposed_at").toInstant(),
                BirthDateProposal.Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
                rs.getString("decided_by_name"), ReviewedRows.decidedAt(rs),
                rs.getString("decision_note"));
    }
}
