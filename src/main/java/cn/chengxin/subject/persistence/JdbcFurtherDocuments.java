package cn.chengxin.subject.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.FurtherDocument;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.protection.SealedNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Further identity documents of persons and the proposals that add them ({@code subject.further_document}, gaps review
 * xxx L1): one row each, held once approved. The lookups by number are in {@link JdbcSubjects}.
 */
@Repository
public class JdbcFurtherDocuments {

    private static final String COLUMNS = """
            p.id, p.subject_id, p.document_type, p.number_masked, p.valid_from, p.valid_to, p.evidence_reference,
            p.reason, p.proposed_by, p.proposed_by_name, p.proposed_at, p.status, p.decided_by, p.decided_by_name,
            p.decided_at, p.decision_note""";

    private static final String OWN = "SELECT " + COLUMNS + " FROM subject.further_document p";

    private static final String LISTED = "SELECT " + COLUMNS + ", s.kind, s.document_type AS subject_document_type, "
            + "s.number_masked AS subject_masked FROM subject.further_document p "
            + "JOIN subject.subject s ON s.id = p.subject_id";

    private final JdbcClient jdbc;

    public JdbcFurtherDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the subject already has a pending proposal (one at a time) */
    public boolean insert(FurtherDocument p, SealedNumber number) {
        return jdbc.sql("""
                        INSERT INTO subject.further_document (id, subject_id, document_type, number_index,
                            number_cipher, number_key_version, number_masked, valid_from, valid_to, evidence_reference,
                            reason, proposed_by, proposed_by_name, proposed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (subject_id) WHERE status = 'PENDING' DO NOTHING""")
                .params(p.id(), p.subjectId(), number.type().name(), number.index(), number.cipher(),
                        number.keyVersion(), number.masked(), p.validFrom(), p.validTo(), p.evidenceReference(),
                        p.reason(), p.proposedBy(), p.proposedByName(), Timestamp.from(p.proposedAt()))
                .update() == 1;
    }

    public Optional<FurtherDocument> find(UUID id) {
        return ReviewedRows.find(jdbc, OWN, id, JdbcFurtherDocuments::document);
    }

    /** A subject's further documents and proposals, oldest first. */
    public List<FurtherDocument> ofSubject(UUID subjectId) {
        return ReviewedRows.ofSubject(jdbc, OWN, subjectId, JdbcFurtherDocuments::document);
    }

    /** The type and blind index of a proposal's document, for the audit entry under its own pseudonym. */
    public Optional<byte[]> numberIndex(UUID id) {
        return jdbc.sql("SELECT number_index FROM subject.further_document WHERE id = ?").param(id)
                .query(byte[].class).optional();
    }

    /** A proposal with what a reviewer's screen shows of its subject: kind, document type and masked number. */
    public record Listed(FurtherDocument document, SubjectKind kind, DocumentType subjectDocumentType,
                         String subjectMasked) {
    }

    /** The pending proposals, oldest first: a reviewer's queue. */
    public List<Listed> pending() {
        return ReviewedRows.pending(jdbc, LISTED, JdbcFurtherDocuments::listed);
    }

    /**
     * Decides a pending proposal; an approval holds only while no subject holds the number (the unique index of held
     * documents refuses a second holder of a further document).
     *
     * @return false when it was no longer pending
     */
    public boolean decide(UUID id, FurtherDocument.Status status, String by, String byName, Instant at, String note) {
        return ReviewedRows.decide(jdbc, "subject.further_document", id, status, by, byName, at, note);
    }

    /** Whether a subject other than {@code subjectId} holds the number of the proposal {@code id} as a further one. */
    public boolean heldByAnother(UUID id, UUID subjectId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM subject.further_document f
                            JOIN subject.further_document p ON p.document_type = f.document_type
                             AND p.number_index = f.number_index
                            WHERE p.id = ? AND f.status = 'APPROVED' AND f.subject_id <> ?)""")
                .params(id, subjectId).query(Boolean.class).single();
    }

    private static Listed listed(ResultSet rs, int n) throws SQLException {
        return new Listed(document(rs, n), SubjectKind.valueOf(rs.getString("kind")),
                DocumentType.valueOf(rs.getString("subject_document_type")), rs.getString("subject_masked"));
    }

    private static FurtherDocument document(ResultSet rs, int n) throws SQLException {
        return new FurtherDocument(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                DocumentType.valueOf(rs.getString("document_type")), rs.getString("number_masked"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("evidence_reference"), rs.getString("reason"), rs.getString("proposed_by"),
                rs.getString("proposed_by_name"), rs.getTimestamp("proposed_at").toInstant(),
                FurtherDocument.Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
                rs.getString("decided_by_name"), ReviewedRows.decidedAt(rs), rs.getString("decision_note"));
    }
}
