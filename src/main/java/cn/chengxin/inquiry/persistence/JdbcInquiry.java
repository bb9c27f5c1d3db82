package cn.chengxin.inquiry.persistence;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.ConsentReview;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.subject.PersonalDataProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inquiry schema: consents, issued reports, statements and the module's key. */
@Repository
public class JdbcInquiry {

    private static final String CONSENT = """
            SELECT id, subject_id, institution_id, institution, organisation, purpose, single_use, granted_at, expires_at,
                   withdrawn_at, uses, last_used_at, review FROM inquiry.consent""";
    private static final String REPORT = """
            SELECT id, number, verification_code, kind, subject_id, requester_kind, requester_id, requester_name, organisation,
                   purpose, legal_basis, generated_at, valid_until, sm3, emptied_at FROM inquiry.report""";

    /**
     * A report's snapshot and PDF are sealed for their row, each for its own purpose (PIPL Art. 51, RULES.md §10; gaps
     * review xxxi M4): the person's whole file as issued is never in clear in the database, a dump or a backup, and
     * neither moves to another row or to the other column.
     */
    public static final String CONTENT_SEALED_FOR = "inquiry.report-content:";
    public static final String PDF_SEALED_FOR = "inquiry.report-pdf:";

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;

    public JdbcInquiry(JdbcClient jdbc, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    // ---- consents ----

    public void insertConsent(Consent c, String grantedVia) {
        jdbc.sql("""
                        INSERT INTO inquiry.consent (id, subject_id, institution_id, institution, organisation, purpose,
                                                     single_use, granted_at, expires_at, granted_via, review)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.subjectId(), c.institutionId(), c.institution(), c.organisation(), c.purpose().name(),
                        c.singleUse(), Timestamp.from(c.grantedAt()), Timestamp.from(c.expiresAt()), grantedVia,
                        c.review().stored())
                .update();
    }

    public Optional<Consent> consent(UUID id) {
        return jdbc.sql(CONSENT + " WHERE id = ?").param(id).query(JdbcInquiry::consent).optional();
    }

    public List<Consent> consentsOf(UUID subjectId) {
        return jdbc.sql(CONSENT + " WHERE subject_id = ? ORDER BY granted_at DESC LIMIT 200").param(subjectId)
                .query(JdbcInquiry::consent).list();
    }

    /** The person's consents to the institution, whichever of its keys asks (gaps review xxix K2). */
    public List<Consent> consentsOf(UUID subjectId, UUID institutionId) {
        return jdbc.sql(CONSENT + " WHERE subject_id = ? AND institution_id = ? ORDER BY granted_at DESC LIMIT 200")
                .params(subjectId, institutionId).query(JdbcInquiry::consent).list();
    }

    /**
     * Withdraws the subject's own consent, recording {@code by} ('self', or 'counter' at the window); false when it
     * is not theirs or already withdrawn.
     */
    public boolean withdraw(UUID id, UUID subjectId, Instant at, String by) {
        return jdbc.sql("UPDATE inquiry.consent SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ? "
                        + "AND subject_id = ? AND withdrawn_at IS NULL")
                .params(Timestamp.from(at), by, id, subjectId).update() == 1;
    }

    /**
     * Withdraws the subject's consents granted at or after {@code grantedSince}, not withdrawn yet and not expired at
     * {@code at}, recording {@code by}.
     *
     * @return the ids of the consents withdrawn
     */
    public List<UUID> withdrawGrantedSince(UUID subjectId, Instant grantedSince, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE inquiry.consent SET withdrawn_at = ?, withdrawn_by = ?
                        WHERE subject_id = ? AND granted_at >= ? AND withdrawn_at IS NULL AND expires_at > ?
                        RETURNING id""")
                .params(Timestamp.from(at), by, subjectId, Timestamp.from(grantedSince), Timestamp.from(at))
                .query(UUID.class).list();
    }

    /** A consent withdrawn from an institution the violation register bans: whose it was, to whom and for what. */
    public record WithdrawnForBan(UUID id, UUID subjectId, String organisation, Purpose purpose) {
    }

    /**
     * Withdraws at most {@code limit} of the consents to the institutions {@code institutionIds} that are still live
     * at {@code at} — not withdrawn, expired, used up or rejected on review ({@link Consent#live}) — recording
     * {@code by} (gaps review xxx L4). The rows are locked, not skipped: a second runner waits for the first's chunk
     * and finds those consents withdrawn, so each is withdrawn, audited and told once.
     *
     * @return the consents withdrawn; empty when none is left
     */
    public List<WithdrawnForBan> withdrawLiveOf(List<UUID> institutionIds, Instant at, String by, int limit) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        UPDATE inquiry.consent SET withdrawn_at = ?, withdrawn_by = ?
                        WHERE id IN (SELECT id FROM inquiry.consent
                                     WHERE institution_id = ANY(?) AND withdrawn_at IS NULL AND expires_at > ?
                                       AND (NOT single_use OR uses = 0) AND review IS DISTINCT FROM 'REJECTED'
                                     ORDER BY id LIMIT ? FOR UPDATE)
                          AND withdrawn_at IS NULL
                        RETURNING id, subject_id, organisation, purpose""")
                .params(Timestamp.from(at), by, institutionIds.toArray(UUID[]::new), Timestamp.from(at), limit)
                .query((rs, n) -> new WithdrawnForBan(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), Purpose.valueOf(rs.getString(4))))
                .list();
    }

    /**
     * Counts one use, only if the consent still allows it at {@code now}: the row lock of the UPDATE makes two
     * simultaneous queries on a single-use consent end with exactly one use, and a query beside a second clerk's
     * decision use only an approved consent (gaps review xxxi M2).
     */
    public boolean use(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE inquiry.consent SET uses = uses + 1, last_used_at = ?
                        WHERE id = ? AND withdrawn_at IS NULL AND expires_at > ? AND (NOT single_use OR uses = 0)
                          AND (review IS NULL OR review = 'APPROVED')""")
                .params(Timestamp.from(now), id, Timestamp.from(now)).update() == 1;
    }

    // ---- reports ----

    public record NewReport(UUID id, String number, String verificationCode, ReportKind kind, UUID subjectId,
                            String requesterKind, String requesterId, String requesterName, String organisation,
                            String purpose, String legalBasis, UUID consentId, Instant generatedAt,
                            Instant validUntil, String sm3, String summaryJson, String contentJson, byte[] pdf) {
    }

    /** Inserts a report, its snapshot and PDF sealed for its row (the SM3 is the PDF's as issued). */
    public void insertReport(NewReport r) {
        PersonalDataProtection.Sealed content = protection.sealFile(r.contentJson().getBytes(StandardCharsets.UTF_8),
                CONTENT_SEALED_FOR + r.id());
        PersonalDataProtection.Sealed pdf = protection.sealFile(r.pdf(), PDF_SEALED_FOR + r.id());
        jdbc.sql("""
                        INSERT INTO inquiry.report (id, number, verification_code, kind, subject_id, requester_kind,
                                                    requester_id, requester_name, organisation, purpose, legal_basis,
                                                    consent_id, generated_at, valid_until, sm3, summary, content,
                                                    content_key_version, pdf, pdf_key_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(r.id(), r.number(), r.verificationCode(), r.kind().name(), r.subjectId(), r.requesterKind(),
                        r.requesterId(), r.requesterName(), r.organisation(), r.purpose(), r.legalBasis(),
                        r.consentId(), Timestamp.from(r.generatedAt()), Timestamp.from(r.validUntil()), r.sm3(),
                        r.summaryJson(), content.cipher(), content.keyVersion(), pdf.cipher(), pdf.keyVersion())
                .update();
    }

    /**
     * A report as lists show it (without its content and PDF); {@code emptiedAt}: when its content and PDF were deleted
     * at the end of their retention (M4), null while they are kept.
     */
    public record IssuedReport(UUID id, String number, String verificationCode, ReportKind kind, UUID subjectId,
                               String requesterKind, String requesterId, String requesterName, String organisation, String purpose,
                               String legalBasis, Instant generatedAt, Instant validUntil, String sm3,
                               Instant emptiedAt) {

        public boolean valid(Instant now) {
            return now.isBefore(validUntil);
        }

        public boolean emptied() {
            return emptiedAt != null;
        }
    }

    /**
     * Empties the content and PDF of the reports whose validity ended before {@code validBefore}, keeping number,
     * kind, requester, purpose, SM3 and summary (M4); returns how many.
     */
    public int emptyReportsValidBefore(Instant validBefore, Instant now) {
        return jdbc.sql("""
                        UPDATE inquiry.report SET content = NULL, content_key_version = NULL, pdf = NULL,
                                                  pdf_key_version = NULL, emptied_at = ?
                        WHERE valid_until < ? AND emptied_at IS NULL""")
                .params(Timestamp.from(now), Timestamp.from(validBefore)).update();
    }

    public List<IssuedReport> reportsOf(UUID subjectId) {
        return jdbc.sql(REPORT + " WHERE subject_id = ? ORDER BY generated_at DESC LIMIT 200").param(subjectId)
                .query(JdbcInquiry::report).list();
    }

    public List<IssuedReport> reportsBy(String requesterId, int limit) {
        // A report issued at the counter is the person's own (requester_kind SELF), not one the clerk obtained.
        return jdbc.sql(REPORT + " WHERE requester_id = ? AND requester_kind <> 'SELF' "
                        + "ORDER BY generated_at DESC LIMIT ?")
                .params(requesterId, limit).query(JdbcInquiry::report).list();
    }

    public Optional<IssuedReport> report(UUID id) {
        return jdbc.sql(REPORT + " WHERE id = ?").param(id).query(JdbcInquiry::report).optional();
    }

    public Optional<IssuedReport> reportByNumber(String number) {
        return jdbc.sql(REPORT + " WHERE number = ?").param(number).query(JdbcInquiry::report).optional();
    }

    /** The consent a report was issued on; empty for one issued on none (the person's own, a state organ's). */
    public Optional<UUID> consentOf(UUID reportId) {
        return jdbc.sql("SELECT consent_id FROM inquiry.report WHERE id = ? AND consent_id IS NOT NULL")
                .param(reportId).query((rs, n) -> rs.getObject(1, UUID.class)).optional();
    }

    /**
     * The snapshot's JSON, opened: sealed, or still in clear when stored before V325 and not sealed yet; empty when the
     * report is unknown or was emptied.
     */
    public Optional<String> content(UUID id) {
        return stored("content", "content_key_version", id).map(stored -> new String(
                protection.openStoredFile(stored, CONTENT_SEALED_FOR + id), StandardCharsets.UTF_8));
    }

    public Optional<String> summary(UUID id) {
        return jdbc.sql("SELECT summary::text FROM inquiry.report WHERE id = ?").param(id).query(String.class)
                .optional();
    }

    /** The PDF as issued, opened as {@link #content} is. */
    public Optional<byte[]> pdf(UUID id) {
        return stored("pdf", "pdf_key_version", id).map(stored -> protection.openStoredFile(stored,
                PDF_SEALED_FOR + id));
    }

    /**
     * A form of the report rendered on request from its snapshot, whose SM3 is kept at its first rendering (gaps review
     * xxxv O3): the tagged (PDF/UA) form (V446) and the large-print form (V580), each with its column.
     */
    public enum RenderedForm {
        TAGGED("tagged_sm3"), LARGE_PRINT("large_print_sm3");

        private final String column;

        RenderedForm(String column) {
            this.column = column;
        }
    }

    /** Keeps the SM3 of the form at its first rendering; returns the one kept, this or an earlier rendering's. */
    public String keepSm3(RenderedForm form, UUID id, String sm3) {
        jdbc.sql("UPDATE inquiry.report SET " + form.column + " = ? WHERE id = ? AND " + form.column + " IS NULL")
                .params(sm3, id).update();
        return sm3Of(form, id).orElse(sm3);
    }

    /** The SM3 of the report's tagged form; empty while it was never asked for. */
    public Optional<String> taggedSm3(UUID id) {
        return sm3Of(RenderedForm.TAGGED, id);
    }

    /** The SM3 of the report's large-print form; empty while it was never asked for. */
    public Optional<String> largePrintSm3(UUID id) {
        return sm3Of(RenderedForm.LARGE_PRINT, id);
    }

    private Optional<String> sm3Of(RenderedForm form, UUID id) {
        return jdbc.sql("SELECT " + form.column + " FROM inquiry.report WHERE id = ? AND " + form.column
                + " IS NOT NULL").param(id).query(String.class).optional();
    }

    /** A sealed column of the report as stored (the column names are constants); empty when null. */
    private Optional<PersonalDataProtection.StoredFile> stored(String column, String versionColumn, UUID id) {
        return jdbc.sql("SELECT " + column + ", " + versionColumn + " FROM inquiry.report WHERE id = ? AND " + column
                        + " IS NOT NULL").param(id)
                .query((rs, n) -> new PersonalDataProtection.StoredFile(rs.getBytes(1),
                        rs.getObject(2, Integer.class))).optional();
    }

    /**
     * Full self-query reports of the subject in [from, to), counted under a transaction-scoped lock on the subject
     * so that two simultaneous requests cannot both take the last free report. Call inside a transaction.
     */
    public int lockAndCountSelfReports(UUID subjectId, Instant from, Instant to) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))").param("inquiry.self:" + subjectId)
                .query(Object.class).single();
        return countSelfReports(subjectId, from, to);
    }

    /** Full self-query reports of the subject in [from, to), without a lock: for display and early refusal. */
    public int countSelfReports(UUID subjectId, Instant from, Instant to) {
        return jdbc.sql("SELECT count(*) FROM inquiry.report WHERE subject_id = ? AND kind = ? "
                        + "AND requester_kind = 'SELF' AND generated_at >= ? AND generated_at < ?")
                .params(subjectId, ReportKind.SELF_FULL.name(), Timestamp.from(from), Timestamp.from(to))
                .query(Integer.class).single();
    }

    // ---- counter services (窗口查询) ----

    /**
     * A service given at the counter with the identity check it rested on: the report issued or the consent recorded,
     * the person's document seen, and for a guardian their name, document, masked number and proof of guardianship.
     * {@code agreementId}: the confirmation of electronic service recorded or withdrawn at the window (gaps review xl
     * U13 rest; account's agreement, named by id), null for the other services.
     */
    public record CounterVisit(UUID id, UUID subjectId, String service, UUID reportId, UUID consentId,
                               String personDocument, boolean byGuardian, String guardianName,
                               String guardianDocument, String guardianNumberMasked, String guardianshipProof,
                               String clerkId, String clerkName, Instant servedAt, UUID agreementId) {

        /** The same visit, as the service about the confirmation of electronic service {@code agreement}. */
        public CounterVisit about(UUID agreement) {
            return new CounterVisit(id, subjectId, service, reportId, consentId, personDocument, byGuardian,
                    guardianName, guardianDocument, guardianNumberMasked, guardianshipProof, clerkId, clerkName,
                    servedAt, agreement);
        }

        /** The guardian's name as screens show it (RULES.md §10). */
        public String maskedGuardianName() {
            return guardianName == null ? null : cn.chengxin.subject.domain.Masking.personName(guardianName);
        }
    }

    public void insertCounterVisit(CounterVisit v) {
        jdbc.sql("""
                        INSERT INTO inquiry.counter_visit (id, subject_id, service, report_id, consent_id,
                                                           person_document, by_guardian, guardian_name,
                                                           guardian_document, guardian_number_masked,
                                                           guardianship_proof, clerk_id, clerk_name, served_at,
                                                           agreement_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.id(), v.subjectId(), v.service(), v.reportId(), v.consentId(), v.personDocument(),
                        v.byGuardian(), v.guardianName(), v.guardianDocument(), v.guardianNumberMasked(),
                        v.guardianshipProof(), v.clerkId(), v.clerkName(), Timestamp.from(v.servedAt()),
                        v.agreementId())
                .update();
    }

    /** The clerk's counter services, newest first. */
    public List<CounterVisit> counterVisitsBy(String clerkId, int limit) {
        return jdbc.sql("""
                        SELECT id, subject_id, service, report_id, consent_id, person_document, by_guardian,
                               guardian_name, guardian_document, guardian_number_masked, guardianship_proof, clerk_id,
                               clerk_name, served_at, agreement_id
                        FROM inquiry.counter_visit WHERE clerk_id = ? ORDER BY served_at DESC LIMIT ?""")
                .params(clerkId, limit)
                .query((rs, n) -> counterVisit(rs))
                .list();
    }

    /** A counter visit from the first 15 columns, in the order {@link #counterVisitsBy} selects them. */
    private static CounterVisit counterVisit(ResultSet rs) throws SQLException {
        return new CounterVisit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6), rs.getBoolean(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getTimestamp(14).toInstant(), rs.getObject(15, UUID.class));
    }

    /**
     * A counter service about the person as the person's copy lists it: the visit, the report's number or the
     * consent's organisation it was for.
     */
    public record CounterVisitAbout(CounterVisit visit, String reportNumber, String consentOrganisation) {
    }

    /** The subject's counter services, newest first (V175's index by subject). */
    public List<CounterVisitAbout> counterVisitsOf(UUID subjectId) {
        return jdbc.sql("""
                        SELECT v.id, v.subject_id, v.service, v.report_id, v.consent_id, v.person_document,
                               v.by_guardian, v.guardian_name, v.guardian_document, v.guardian_number_masked,
                               v.guardianship_proof, v.clerk_id, v.clerk_name, v.served_at, v.agreement_id,
                               r.number, c.organisation
                        FROM inquiry.counter_visit v
                        LEFT JOIN inquiry.report r ON r.id = v.report_id
                        LEFT JOIN inquiry.consent c ON c.id = v.consent_id
                        WHERE v.subject_id = ? ORDER BY v.served_at DESC""")
                .param(subjectId)
                .query((rs, n) -> new CounterVisitAbout(counterVisit(rs), rs.getString(16), rs.getString(17)))
                .list();
    }

    // ---- statements ----

    public record Statement(UUID id, UUID subjectId, UUID recordKey, String text, Instant createdAt) {
    }

    public void insertStatement(Statement s) {
        jdbc.sql("INSERT INTO inquiry.statement (id, subject_id, record_key, text, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(s.id(), s.subjectId(), s.recordKey(), s.text(), Timestamp.from(s.createdAt())).update();
    }

    public List<Statement> statementsOf(UUID subjectId) {
        return jdbc.sql("SELECT id, subject_id, record_key, text, created_at FROM inquiry.statement "
                        + "WHERE subject_id = ? AND withdrawn_at IS NULL AND set_aside_at IS NULL ORDER BY created_at")
                .param(subjectId)
                .query((rs, n) -> new Statement(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    public boolean withdrawStatement(UUID id, UUID subjectId, Instant at) {
        return jdbc.sql("UPDATE inquiry.statement SET withdrawn_at = ? WHERE id = ? AND subject_id = ? "
                        + "AND withdrawn_at IS NULL")
                .params(Timestamp.from(at), id, subjectId).update() == 1;
    }

    /**
     * Sets aside the subject's statements in force written at or after {@code writtenSince}: kept, never printed again.
     *
     * @return how many were set aside
     */
    public int setAsideStatementsSince(UUID subjectId, Instant writtenSince, Instant at, String why) {
        return jdbc.sql("UPDATE inquiry.statement SET set_aside_at = ?, set_aside_why = ? WHERE subject_id = ? "
                        + "AND created_at >= ? AND withdrawn_at IS NULL AND set_aside_at IS NULL")
                .params(Timestamp.from(at), why, subjectId, Timestamp.from(writtenSince)).update();
    }

    public int activeStatements(UUID subjectId) {
        return jdbc.sql("SELECT count(*) FROM inquiry.statement WHERE subject_id = ? AND withdrawn_at IS NULL "
                        + "AND set_aside_at IS NULL")
                .param(subjectId).query(Integer.class).single();
    }

    /** The named key, generated and stored on first use; every instance then reads the same one. */
    public byte[] secret(String name) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO inquiry.secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                .params(name, fresh).update();
        return jdbc.sql("SELECT value FROM inquiry.secret WHERE name = ?").param(name).query(byte[].class).single();
    }

    private static Consent consent(ResultSet rs, int n) throws SQLException {
        return new Consent(rs.getObject("id", UUID.class), rs.getObject("subject_id", UUID.class),
                rs.getObject("institution_id", UUID.class), rs.getString("institution"), rs.getString("organisation"),
                Purpose.valueOf(rs.getString("purpose")), rs.getBoolean("single_use"), instant(rs, "granted_at"),
                instant(rs, "expires_at"), instant(rs, "withdrawn_at"), rs.getInt("uses"),
                instant(rs, "last_used_at"), ConsentReview.ofStored(rs.getString("review")));
    }

    private static IssuedReport report(ResultSet rs, int n) throws SQLException {
        return new IssuedReport(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getString("verification_code"), ReportKind.valueOf(rs.getString("kind")),
                rs.getObject("subject_id", UUID.class), rs.getString("requester_kind"), rs.getString("requester_id"),
                rs.getString("requester_name"), rs.getString("organisation"), rs.getString("purpose"),
                rs.getString("legal_basis"), instant(rs, "generated_at"), instant(rs, "valid_until"), rs.getString("sm3"),
                instant(rs, "emptied_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
