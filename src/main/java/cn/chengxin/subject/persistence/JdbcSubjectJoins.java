package cn.chengxin.subject.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.FurtherDocument;
import cn.chengxin.subject.domain.SubjectJoin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Proposals to join a person's second credit file into the first ({@code subject.join_proposal}, V335; gaps review
 * xxx L1), and the registry's own part of a join: the joined subject's document, further documents, names, proposals,
 * residences, memberships and responsibilities pass to the kept subject, and the joined subject's row goes.
 */
@Repository
public class JdbcSubjectJoins {

    private static final String OWN = """
            SELECT p.id, p.subject_id, p.joined_id, p.joined_document_type, p.joined_masked, p.joined_pseudonym,
                   p.evidence_reference, p.reason, p.proposed_by, p.proposed_by_name, p.proposed_at, p.status,
                   p.decided_by, p.decided_by_name, p.decided_at, p.decision_note
            FROM subject.join_proposal p""";

    /** The joins' lock ({@link #holdJoinsShared}), one for every subject as {@link HeldDocuments}' is. */
    private static final String JOINS_LOCK = "hashtextextended('subject.joins', 7)";

    private final JdbcClient jdbc;

    public JdbcSubjectJoins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many joins were ever approved: one count over V335's index of approved joins. */
    public long approvedCount() {
        return jdbc.sql("SELECT count(*) FROM subject.join_proposal WHERE status = 'APPROVED'").query(Long.class)
                .single();
    }

    /** The pseudonym of every subject joined into another (the approved joins). */
    public List<String> joinedPseudonyms() {
        return jdbc.sql("SELECT joined_pseudonym FROM subject.join_proposal WHERE status = 'APPROVED'")
                .query(String.class).list();
    }

    /**
     * Holds joins off until the caller's transaction ends, shared: a writer that resolved its subjects before its
     * transaction (an ingestion chunk) takes it before it writes under them, and reads the joins approved meanwhile
     * after it ({@link #keptInsteadOf}). Writers do not wait for each other.
     */
    public void holdJoinsShared() {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(" + JOINS_LOCK + ")").query(Object.class).single();
    }

    /**
     * The exclusive counterpart of {@link #holdJoinsShared}, taken by an approval before it moves anything: it waits
     * for the writers under way (a chunk's transaction: well under a second; the connection's {@code lock_timeout}
     * bounds it), and holds the next ones back for its own few statements.
     */
    public void holdJoinsExclusively() {
        jdbc.sql("SELECT pg_advisory_xact_lock(" + JOINS_LOCK + ")").query(Object.class).single();
    }

    /**
     * The subject kept by the approved join of each of these ids that was joined into another: joined id to kept id,
     * one query over V335's index of approved joins. One step is enough: a join moves the earlier joins of its joined
     * subject to its kept one ({@link #moveRegistryEntries}), so the kept subject of an approved join always exists.
     */
    public Map<UUID, UUID> keptInsteadOf(Collection<UUID> ids) {
        Map<UUID, UUID> kept = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            SELECT joined_id, subject_id FROM subject.join_proposal
                             WHERE status = 'APPROVED' AND joined_id = ANY(?::uuid[])""")
                    .param(ids.toArray(UUID[]::new))
                    .query(rs -> {
                        kept.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    });
        }
        return kept;
    }

    /** @return false when the joined subject already has a pending proposal (one at a time) */
    public boolean insert(SubjectJoin p) {
        return jdbc.sql("""
                        INSERT INTO subject.join_proposal (id, subject_id, joined_id, joined_document_type,
                            joined_masked, joined_pseudonym, evidence_reference, reason, proposed_by, proposed_by_name,
                            proposed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (joined_id) WHERE status = 'PENDING' DO NOTHING""")
                .params(p.id(), p.subjectId(), p.joinedId(), p.joinedDocumentType().name(), p.joinedMasked(),
                        p.joinedPseudonym(), p.evidenceReference(), p.reason(), p.proposedBy(), p.proposedByName(),
                        Timestamp.from(p.proposedAt()))
                .update() == 1;
    }

    public Optional<SubjectJoin> find(UUID id) {
        return ReviewedRows.find(jdbc, OWN, id, JdbcSubjectJoins::join);
    }

    /** The join proposals made on a kept subject's page, oldest first. */
    public List<SubjectJoin> ofSubject(UUID subjectId) {
        return ReviewedRows.ofSubject(jdbc, OWN, subjectId, JdbcSubjectJoins::join);
    }

    /** A pending proposal with the kept subject's document type and masked number, for a reviewer's queue. */
    public record Listed(SubjectJoin join, DocumentType keptDocumentType, String keptMasked) {
    }

    /** The pending proposals, oldest first: a reviewer's queue. */
    public List<Listed> pending() {
        return ReviewedRows.pending(jdbc, OWN.replace("FROM subject.join_proposal p", """
                        , s.document_type AS kept_document_type, s.number_masked AS kept_masked
                        FROM subject.join_proposal p JOIN subject.subject s ON s.id = p.subject_id"""),
                (rs, n) -> new Listed(join(rs, n), DocumentType.valueOf(rs.getString("kept_document_type")),
                        rs.getString("kept_masked")));
    }

    /** @return false when it was no longer pending */
    public boolean decide(UUID id, FurtherDocument.Status status, String by, String byName, Instant at, String note) {
        return ReviewedRows.decide(jdbc, "subject.join_proposal", id, status, by, byName, at, note);
    }

    /**
     * Locks the rows of the subjects, in id order (two joins of the same subjects at once wait for each other rather
     * than deadlock), and answers which of them still exist: a subject joined meanwhile has none.
     */
    public Set<UUID> lockExisting(UUID a, UUID b) {
        return Set.copyOf(jdbc.sql("SELECT id FROM subject.subject WHERE id IN (?, ?) ORDER BY id FOR UPDATE")
                .params(a, b).query(UUID.class).list());
    }

    /** Whether a correction of the subject's registry entry waits for its review (name, birth date, document). */
    public boolean hasOpenCorrections(UUID subjectId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM subject.name_change_proposal
                                        WHERE subject_id = :s AND status = 'PENDING')
                            OR EXISTS (SELECT 1 FROM subject.birth_date_proposal
                                        WHERE subject_id = :s AND status = 'PENDING')
                            OR EXISTS (SELECT 1 FROM subject.further_document
                                        WHERE subject_id = :s AND status = 'PENDING')""")
                .param("s", subjectId).query(Boolean.class).single();
    }

    /**
     * The registry's part of the approved join {@code join}: the joined subject's document becomes a further document
     * of the kept one (its sealed number, index and mask as they are), its further documents, names, decided
     * proposals, residences, memberships and responsibilities pass to the kept subject (a birth date or gender the
     * kept one lacks too), and its row goes. Responsibilities are written anew, so that the change feed of responsible
     * persons carries them to the check index.
     */
    public void moveRegistryEntries(SubjectJoin join, UUID documentId) {
        UUID kept = join.subjectId();
        UUID joined = join.joinedId();
        jdbc.sql("""
                        INSERT INTO subject.further_document (id, subject_id, document_type, number_index,
                            number_cipher, number_key_version, number_masked, evidence_reference, reason, proposed_by,
                            proposed_by_name, proposed_at, status, decided_by, decided_by_name, decided_at,
                            decision_note)
                        SELECT ?, ?, s.document_type, s.number_index, s.number_cipher, s.number_key_version,
                               s.number_masked, ?, ?, ?, ?, ?, 'APPROVED', ?, ?, ?, ?
                        FROM subject.subject s WHERE s.id = ?""")
                .params(documentId, kept, join.evidenceReference(), join.reason(), join.proposedBy(),
                        join.proposedByName(), Timestamp.from(join.proposedAt()), join.decidedBy(),
                        join.decidedByName(), Timestamp.from(join.decidedAt()), join.decisionNote(), joined)
                .update();
        for (String table : List.of("further_document", "name_change_proposal", "join_proposal", "correction_request")) {
            jdbc.sql("UPDATE subject." + table + " SET subject_id = ? WHERE subject_id = ?").params(kept, joined)
                    .update();
        }
        jdbc.sql("""
                        UPDATE subject.former_name f SET subject_id = ? WHERE f.subject_id = ?
                           AND NOT EXISTS (SELECT 1 FROM subject.former_name k
                                            WHERE k.subject_id = ? AND k.valid_until = f.valid_until)""")
                .params(kept, joined, kept).update();
        jdbc.sql("DELETE FROM subject.former_name WHERE subject_id = ?").param(joined).update();
        jdbc.sql("""
                        UPDATE subject.person k
                           SET birth_date = coalesce(k.birth_date, j.birth_date), gender = coalesce(k.gender, j.gender)
                          FROM subject.person j WHERE k.subject_id = ? AND j.subject_id = ?""")
                .params(kept, joined).update();
        jdbc.sql("UPDATE subject.birth_date_proposal SET subject_id = ? WHERE subject_id = ?").params(kept, joined)
                .update();
        for (String table : List.of("residency", "occupational_membership")) {
            jdbc.sql("UPDATE subject." + table + " SET person_id = ? WHERE person_id = ?").params(kept, joined)
                    .update();
        }
        jdbc.sql("""
                        INSERT INTO subject.responsible_person (organisation_id, person_id, role, valid_from, valid_to)
                        SELECT organisation_id, ?, role, valid_from, valid_to FROM subject.responsible_person
                        WHERE person_id = ? ORDER BY id""")
                .params(kept, joined).update();
        jdbc.sql("DELETE FROM subject.responsible_person WHERE person_id = ?").param(joined).update();
        jdbc.sql("DELETE FROM subject.reindexed_subject WHERE subject_id = ?").param(joined).update();
        jdbc.sql("DELETE FROM subject.person WHERE subject_id = ?").param(joined).update();
        jdbc.sql("DELETE FROM subject.subject WHERE id = ?").param(joined).update();
    }

    private static SubjectJoin join(ResultSet rs, int n) throws SQLException {
        return new SubjectJoin(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                rs.getObject("joined_id", UUID.class), DocumentType.valueOf(rs.getString("joined_document_type")),
                rs.getString("joined_masked"), rs.getString("joined_pseudonym"), rs.getString("evidence_reference"),
                rs.getString("reason"), rs.getString("proposed_by"), rs.getString("proposed_by_name"),
                rs.getTimestamp("proposed_at").toInstant(), FurtherDocument.Status.valueOf(rs.getString("status")),
                rs.getString("decided_by"), rs.getString("decided_by_name"), ReviewedRows.decidedAt(rs),
                rs.getString("decision_note"));
    }
}
