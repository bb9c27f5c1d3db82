package cn.chengxin.platform.database;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gaps review xli: the rules the Java holds, held by the tables too, so that a repair script, an import or
 * a bug writing past the domain code is refused by PostgreSQL. Each forbidden row is written as the owner, beside the
 * same row made right, which the table takes (rolled back): the refusal is the constraint's, not the fixture's.
 */
@IntegrationTest
class DatabaseGuaranteesIT {

    private static final String SUBJECT = """
            INSERT INTO subject.subject (id, kind, document_type, number_index, number_cipher, number_key_version,
                                         number_masked, name, synthetic)
            VALUES (gen_random_uuid(), ?, ?, ?, '\\x00', 1, ?, '测试', true)""";

    private static final String ENTRY = """
            INSERT INTO listing.entry (id, list_type, subject_id, subject_pseudonym, subject_name, subject_kind,
                                       masked_number, department_code, legal_basis, reasons, status, proposed_by,
                                       proposed_at)
            VALUES (gen_random_uuid(), 'BLACK', gen_random_uuid(), 'ab12', '测试', ?, ?, 'COURT', '依据', '理由',
                    'PROPOSED', 'test', now())""";

    private static final String DECIDED_ENTRY = """
            INSERT INTO listing.entry (id, list_type, subject_id, subject_pseudonym, subject_name, subject_kind,
                                       masked_number, department_code, legal_basis, reasons, status, proposed_by,
                                       proposed_at, reviewed_by, reviewed_at, effective_from)
            VALUES (gen_random_uuid(), 'RED', gen_random_uuid(), 'ab12', '测试', 'PERSON', '1101**********002X', 'COURT',
                    '依据', '理由', 'EFFECTIVE', ?, now(), ?, now(), now())""";

    private static final String EXIT_PROPOSAL = """
            WITH e AS (INSERT INTO listing.entry (id, list_type, subject_id, subject_pseudonym, subject_name,
                                                  subject_kind, masked_number, department_code, legal_basis, reasons,
                                                  status, proposed_by, proposed_at, reviewed_by, reviewed_at,
                                                  effective_from)
                       VALUES (gen_random_uuid(), 'RED', gen_random_uuid(), 'ab12', '测试', 'PERSON',
                               '1101**********002X', 'COURT', '依据', '理由', 'EFFECTIVE', 'system', now(), 'reviewer',
                               now(), now()) RETURNING id)
            INSERT INTO listing.exit_proposal (id, entry_id, ground, reasons, proposed_by, proposed_at, status,
                                               decided_by, decided_at)
            SELECT gen_random_uuid(), e.id, 'OTHER', '理由', ?, now(), 'APPROVED', ?, now() FROM e""";

    private static final String RULE_DECIDED = """
            UPDATE listing.rule SET changed_by = 'clerk', decided_by = ?
            WHERE current AND code = (SELECT min(code) FROM listing.rule WHERE current)""";

    private static final String MEASURE_CHANGE = """
            INSERT INTO measures.measure_change (id, measure_code, kind, enabled, proposed_by, proposer_name,
                                                 proposed_at, status, decided_by, decider_name, decided_at)
            SELECT gen_random_uuid(), min(code), 'SWITCH', false, ?, '提出人', now(), ?, ?, '审核人', now()
            FROM measures.measure""";

    private static final String CALENDAR_PROPOSAL = """
            INSERT INTO shared.calendar_proposal (id, first_day, last_day, change, source, proposed_by,
                                                  proposed_by_name, proposed_at, status, decided_by, decided_by_name,
                                                  decided_at)
            VALUES (gen_random_uuid(), DATE '2030-01-02', DATE '2030-01-02', 'ORDINARY', '测试', ?, '提出人', now(), ?,
                    ?, '审核人', now())""";

    private static final String OBJECTION = """
            INSERT INTO objection.objection (id, subject_id, record_key, item_code, department_code, reasons, filed_by,
                                             filed_at, status, due_on, received_on, outcome, decided_at)
            VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'P_ADMIN_PENALTY_GENERAL', 'MARKET',
                    '测试', 'test', now(), ?, ?, ?, ?, ?)""";

    private static final String CONSENT = """
            INSERT INTO inquiry.consent (id, subject_id, institution_id, institution, organisation, purpose, single_use,
                                         granted_at, expires_at, granted_via, uses, last_used_at)
            VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '测试银行', '测试银行', ?, ?,
                    now() - interval '1 day', now() + interval '30 days', 'self-service', ?, ?)""";

    private static final String REPORT = """
            INSERT INTO inquiry.report (id, number, verification_code, kind, subject_id, requester_kind, requester_id,
                                        requester_name, organisation, purpose, consent_id, generated_at, valid_until,
                                        sm3, summary, content, pdf)
            VALUES (gen_random_uuid(), 'XLI-' || gen_random_uuid(), 'code', ?, gen_random_uuid(), ?, 'test',
                    '测试', '测试', '测试', NULL, now(), now() + interval '30 days', 'sm3', '{}', '\\x00', '\\x00')""";

    private static final String GUARDIAN = """
            WITH c AS (INSERT INTO inquiry.consent (id, subject_id, institution_id, institution, organisation, purpose,
                                                    single_use, granted_at, expires_at, granted_via)
                       VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '测试银行', '测试银行', 'LENDING',
                               true, now(), now() + interval '30 days', 'counter') RETURNING id)
            INSERT INTO inquiry.counter_visit (id, subject_id, service, consent_id, person_document, by_guardian,
                                               guardian_name, guardian_document, guardian_number_masked,
                                               guardianship_proof, clerk_id, clerk_name, served_at)
            SELECT gen_random_uuid(), gen_random_uuid(), 'CONSENT', c.id, 'RESIDENT_ID', true, '监护人',
                   'RESIDENT_ID', ?, 'HOUSEHOLD_REGISTER', 'clerk', '窗口', now() FROM c""";

    private static final String STAFF_IDENTITY = """
            UPDATE account.staff_user SET identity_pseudonym = 'xli', identity_masked = ?
            WHERE id = (SELECT min(id::text)::uuid FROM account.staff_user)""";

    private static final String REPAIR = """
            INSERT INTO repair.application (id, subject_id, record_key, item_code, department_code, performance,
                                            commitment_id, filed_by, filed_at, status, feedback_due, extension_days)
            VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'P_ADMIN_PENALTY_GENERAL', 'MARKET',
                    '已履行', gen_random_uuid(), 'test', TIMESTAMPTZ '2026-12-08 00:30+08', ?, ?, ?)""";

    private static final String COMMITMENT = """
            INSERT INTO commitment.commitment (id, subject_id, kind, text, digest, signed_by, signed_at, status)
            VALUES (gen_random_uuid(), gen_random_uuid(), ?, '承诺', 'digest', 'test', now(), ?)""";

    private static final String CONSENT_VIA = """
            INSERT INTO inquiry.consent (id, subject_id, institution_id, institution, organisation, purpose, single_use,
                                         granted_at, expires_at, granted_via)
            VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '测试银行', '测试银行', 'LENDING', true,
                    now(), now() + interval '30 days', ?)""";

    private static final String RECEIVED = """
            INSERT INTO exchange.received (source_platform, source_id, version, kind, via_partner, subject_pseudonym,
                                           masked_number, list_type, severity, status, in_force, disputed,
                                           period_start, period_end, occurred_at, received_at, digest)
            VALUES ('XLI', 'xli/' || gen_random_uuid(), 1, ?, 'XLI', 'ab12', ?, ?, ?, ?, true, false, ?, ?, now(),
                    now(), 'd')""";

    private static final String OUTBOX = """
            WITH p AS (INSERT INTO exchange.partner (code, name, level, relation, public_key, updated_at)
                       VALUES ('XLI7', '测试平台', 'CITY', 'PEER', 'key', now()) RETURNING code)
            INSERT INTO exchange.outbox (partner_code, subject_id, source_platform, source_id, version, kind, status,
                                         body, queued_at)
            SELECT p.code, gen_random_uuid(), 'XLI', 'xli/1', 1, ?, ?, '{}'::jsonb, now() FROM p""";

    private static final String SCORE_REVIEW = """
            INSERT INTO scoring.review (id, subject_id, reasons, requested_at, due_on)
            VALUES (gen_random_uuid(), gen_random_uuid(), '请人工复核', TIMESTAMPTZ '2026-12-08 00:30+08', ?)""";

    /** A batch's rejected ({@code row_error}) or warned ({@code row_warning}) row, with the number it was sent with. */
    private static final String ROW_PROBLEM = """
            WITH b AS (INSERT INTO ingestion.batch (id, department_code, submitted_by, channel, content_hash, status,
                                                    started_at)
                       VALUES (gen_random_uuid(), 'MARKET', 'test', 'API', 'hash', 'DONE', now()) RETURNING id)
            INSERT INTO ingestion.%s (batch_id, line, field, code, message, subject_masked)
            SELECT b.id, 1, 'subjectNumber', 'TEST', '测试', ? FROM b""";

    /** A unified social credit code the registry accepts (UnifiedSocialCreditCode.parse): public, kept in clear. */
    private static final String CREDIT_CODE = "50540489DPRN93K78D";

    /** A person's number (GB 11643: Henan, born 1990-12-05) whose 18 characters also pass a credit code's checks. */
    private static final String CLEAR_AS_CODE = "410105199012050705";

    private static final String RECORD = """
            INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code, item_version,
                                           department_code, source_record_id, action, decision_date, content,
                                           fingerprint, status, publication_end, own_publication_end, retention_end,
                                           batch_id, accepted_at, accepted_by)
            VALUES (gen_random_uuid(), gen_random_uuid(), 1, true, gen_random_uuid(), 'P_ADMIN_PENALTY_GENERAL', 1,
                    'MARKET', 'XLI-' || gen_random_uuid(), 'ADD', DATE '2026-03-10', '{}', 'f', 'ACTIVE', ?, ?, ?,
                    gen_random_uuid(), now(), 'test')""";

    /** A score row (no key to its model: V642 says why). */
    private static final String SCORE = """
            INSERT INTO scoring.score (subject_id, model_code, model_version, score, grade, not_scored_code,
                                       computed_at, explanation_bytes, since)
            VALUES (gen_random_uuid(), 'XLI_MODEL', 1, ?, ?, ?, now(), '\\x00'::bytea, now())""";

    /** A review of a score under a model stored with it, or under model {@code ?} when given. */
    private static final String REVIEW = """
            WITH m AS (INSERT INTO scoring.model (code, version, status, definition, proposed_by, proposed_at)
                       VALUES ('XLI_' || gen_random_uuid(), 1, 'PENDING', '{}', 'test', now()) RETURNING code, version)
            INSERT INTO scoring.review (id, subject_id, reasons, model_code, model_version, requested_at, due_on)
            SELECT gen_random_uuid(), gen_random_uuid(), '理由', coalesce(?, m.code), m.version, now(),
                   (now() AT TIME ZONE 'Asia/Shanghai')::date + 10
            FROM m""";

    /** An entry a rule proposed, under a stored rule's version, or under rule {@code ?} when given. */
    private static final String RULE_ENTRY = """
            INSERT INTO listing.entry (id, list_type, rule_code, rule_version, subject_id, subject_pseudonym,
                                       subject_name, subject_kind, masked_number, department_code, legal_basis,
                                       reasons, status, proposed_by, proposed_at)
            SELECT gen_random_uuid(), 'BLACK', coalesce(?, r.code), r.version, gen_random_uuid(), 'ab12', '测试',
                   'PERSON', '1101**********002X', 'COURT', '依据', '理由', 'PROPOSED', 'system', now()
            FROM (SELECT code, version FROM listing.rule ORDER BY code, version LIMIT 1) r""";

    /** An exit event owed for an entry just stored, or for entry {@code ?} when given. */
    private static final String EXIT_OWED = """
            WITH e AS (INSERT INTO listing.entry (id, list_type, subject_id, subject_pseudonym, subject_name,
                                                  subject_kind, masked_number, department_code, legal_basis, reasons,
                                                  status, proposed_by, proposed_at)
                       VALUES (gen_random_uuid(), 'RED', gen_random_uuid(), 'ab12', '测试', 'PERSON',
                               '1101**********002X', 'COURT', '依据', '理由', 'EXITED', 'clerk', now()) RETURNING id)
            INSERT INTO listing.exit_event_owed (entry_id, owed_at, claimed_until)
            SELECT coalesce(?::uuid, e.id), now(), now() FROM e""";

    private static final String CHANGE_NOTICE = """
            INSERT INTO catalog.change_notice (change_seq, department_code, code, version, notified_at)
            SELECT ?, 'XLI_TEST', coalesce(?, i.code), i.version, now()
            FROM (SELECT code, version FROM catalog.item ORDER BY code, version LIMIT 1) i""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    /** V3: a person's number only masked, a document type the code reads back, an organisation by its code. */
    @Test
    void aPersonsNumberInClearOrAnUnknownDocumentIsRefused() {
        accepted(SUBJECT, "PERSON", "RESIDENT_ID", index(), "1101**********002X");
        accepted(SUBJECT, "ORGANISATION", "UNIFIED_SOCIAL_CREDIT_CODE", index(), "91410100MA44L0XX1B");
        refused("subject_number_masked", SUBJECT, "PERSON", "RESIDENT_ID", index(), "11010519491231002X");
        refused("subject_document_type_known", SUBJECT, "PERSON", "NO_SUCH_TYPE", index(), "1101**********002X");
        refused("subject_kind_of_document", SUBJECT, "ORGANISATION", "RESIDENT_ID", index(), "1101**********002X");

        accepted(ENTRY, "PERSON", "1101**********002X");
        accepted(ENTRY, "ORGANISATION", "91410100MA44L0XX1B");
        refused("entry_number_masked", ENTRY, "PERSON", "11010519491231002X");

        accepted(GUARDIAN, "1101**********002X");
        refused("counter_visit_guardian_number_masked", GUARDIAN, "11010519491231002X");
        accepted(STAFF_IDENTITY, "1101**********002X");
        refused("staff_user_identity_masked", STAFF_IDENTITY, "11010519491231002X");
    }

    /**
     * V5: a list entry decided, an exit by hand, a rule's version, a measure's change and a calendar change approved,
     * by someone other than its proposer (双人复核).
     */
    @Test
    void aListDecisionByItsOwnProposerIsRefused() {
        accepted(DECIDED_ENTRY, "system", "reviewer");
        accepted(DECIDED_ENTRY, "clerk", "reviewer");
        refused("entry_four_eyes", DECIDED_ENTRY, "clerk", "clerk");
        refused("entry_four_eyes", DECIDED_ENTRY, "system", "system");
        accepted(EXIT_PROPOSAL, "clerk", "reviewer");
        refused("exit_proposal_four_eyes", EXIT_PROPOSAL, "clerk", "clerk");

        // The other maker-checker tables: a rule's version and a measure's change may be taken back by their
        // proposer (rejected), never approved by them; a calendar change is decided by a second person either way.
        accepted(RULE_DECIDED, "reviewer");
        refused("rule_four_eyes", RULE_DECIDED, "clerk");
        accepted(MEASURE_CHANGE, "clerk", "APPROVED", "reviewer");
        accepted(MEASURE_CHANGE, "clerk", "REJECTED", "clerk");
        refused("measure_change_four_eyes", MEASURE_CHANGE, "clerk", "APPROVED", "clerk");
        accepted(CALENDAR_PROPOSAL, "clerk", "APPROVED", "reviewer");
        refused("calendar_proposal_four_eyes", CALENDAR_PROPOSAL, "clerk", "REJECTED", "clerk");
        refused("calendar_proposal_four_eyes", CALENDAR_PROPOSAL, "clerk", "APPROVED", "clerk");
    }

    /** V7: no case due beyond the 20-day ceiling or before its receipt; states and outcomes the code knows. */
    @Test
    void anObjectionBeyondTheStatutoryCeilingOrInAnUnknownStateIsRefused() {
        LocalDate received = LocalDate.of(2026, 12, 7);
        Timestamp decided = Timestamp.from(Instant.parse("2026-12-09T02:00:00Z"));
        accepted(OBJECTION, "RECEIVED", received.plusDays(20), received, null, null);
        accepted(OBJECTION, "DECIDED", received.plusDays(3), received, "UPHOLD", decided);
        refused("objection_within_the_ceiling", OBJECTION, "RECEIVED", received.plusDays(21), received, null, null);
        refused("objection_within_the_ceiling", OBJECTION, "RECEIVED", received.minusDays(1), received, null, null);
        refused("objection_status_known", OBJECTION, "WHATEVER", received.plusDays(3), received, null, null);
        refused("objection_outcome_known", OBJECTION, "DECIDED", received.plusDays(3), received, "NOT_AN_OUTCOME",
                decided);
        refused("objection_decided_whole", OBJECTION, "DECIDED", received.plusDays(3), received, null, null);
        refused("objection_decided_whole", OBJECTION, "RECEIVED", received.plusDays(3), received, "UPHOLD", decided);
    }

    /** V6: a single use used once, within its validity, for a purpose the code knows; an institution's report on one. */
    @Test
    void aConsentUsedBeyondItsTermsOrAnInstitutionsReportWithoutOneIsRefused() {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp afterExpiry = Timestamp.from(Instant.now().plusSeconds(60L * 86_400));
        accepted(CONSENT, "LENDING", true, 1, now);
        accepted(CONSENT, "LENDING", false, 5, now);
        refused("consent_uses_counted", CONSENT, "LENDING", true, 5, now);
        refused("consent_uses_counted", CONSENT, "LENDING", false, 1, null);
        refused("consent_used_before_expiry", CONSENT, "LENDING", false, 1, afterExpiry);
        refused("consent_purpose_known", CONSENT, "ANYTHING", false, 0, null);

        accepted(REPORT, "SELF_FULL", "SELF");
        refused("report_institution_has_consent", REPORT, "SELF_FULL", "INSTITUTION");
        refused("report_requester_known", REPORT, "SELF_FULL", "NOBODY");
    }

    /**
     * V10: the states the code reads back with valueOf, and a repair's deadline: extended, never shortened, and due
     * after the day of filing — the platform's day (filed at 00:30 in Beijing, the evening before in UTC).
     */
    @Test
    void aStateTheCodeDoesNotKnowOrARepairDueBeforeItsFilingIsRefused() {
        LocalDate filed = LocalDate.of(2026, 12, 8);
        accepted(REPAIR, "APPLIED", filed, 0);
        accepted(REPAIR, "WITHDRAWN", filed.plusDays(15), 10);
        refused("application_status_known", REPAIR, "WHATEVER", filed.plusDays(15), 0);
        refused("application_extension_not_negative", REPAIR, "APPLIED", filed.plusDays(15), -30);
        refused("application_feedback_due_after_filing", REPAIR, "APPLIED", filed.minusDays(1), 0);

        accepted(COMMITMENT, "REPAIR", "IN_FORCE");
        accepted(COMMITMENT, "VOLUNTARY", "LAPSED");
        refused("commitment_status_known", COMMITMENT, "REPAIR", "WHATEVER");
        refused("commitment_kind_known", COMMITMENT, "WHATEVER", "IN_FORCE");

        accepted(CONSENT_VIA, "self-service");
        accepted(CONSENT_VIA, "counter");
        refused("consent_granted_via_known", CONSENT_VIA, "SELF_SERVICE");
        accepted(REPORT, "GOVERNMENT", "GOVERNMENT");
        refused("report_kind_known", REPORT, "SELF_SUMMARY", "SELF");

        LocalDate start = LocalDate.of(2026, 1, 5);
        LocalDate end = LocalDate.of(2027, 1, 4);
        String masked = "1101**********002X";
        accepted(RECEIVED, "RECORD", masked, null, "GENERAL", "IN_DISPUTE", start, end);
        accepted(RECEIVED, "LIST_ENTRY", masked, "BLACK", null, "EXITED", start, null);
        refused("received_kind_known", RECEIVED, "NEWS", masked, null, null, "ACTIVE", start, end);
        refused("received_status_known", RECEIVED, "RECORD", masked, null, null, "EFFECTIVE", start, end);
        refused("received_status_known", RECEIVED, "LIST_ENTRY", masked, "RED", null, "ACTIVE", start, end);
        refused("received_list_type_known", RECEIVED, "LIST_ENTRY", masked, null, null, "EFFECTIVE", start, end);
        refused("received_list_type_known", RECEIVED, "LIST_ENTRY", masked, "PURPLE", null, "EFFECTIVE", start, end);
        refused("received_severity_known", RECEIVED, "RECORD", masked, null, "HUGE", "ACTIVE", start, end);
        refused("received_period_ordered", RECEIVED, "RECORD", masked, null, null, "ACTIVE", end, start);

        accepted(OUTBOX, "RECORD", "DECLINED");
        accepted(OUTBOX, "LIST_ENTRY", "EFFECTIVE");
        refused("outbox_status_known", OUTBOX, "RECORD", "EXITED");
        refused("outbox_status_known", OUTBOX, "LIST_ENTRY", "WHATEVER");
    }

    /** V7 (rest): a score's review due within 20 days of the day it was asked for (Beijing's), never before it. */
    @Test
    void aScoreReviewDueBeyondTheStatutoryCeilingIsRefused() {
        LocalDate requested = LocalDate.of(2026, 12, 8);
        accepted(SCORE_REVIEW, requested);
        accepted(SCORE_REVIEW, requested.plusDays(20));
        refused("review_within_the_ceiling", SCORE_REVIEW, requested.plusDays(21));
        refused("review_within_the_ceiling", SCORE_REVIEW, requested.minusDays(1));
    }

    /**
     * V3 (rest): what is received shows a person's number masked, an organisation's public code only if it is one;
     * a batch's rejected and warned rows show the number they were sent with masked.
     */
    @Test
    void aReceivedOrRejectedNumberInClearIsRefused() {
        cn.chengxin.subject.domain.UnifiedSocialCreditCode.parse(CREDIT_CODE);
        LocalDate start = LocalDate.of(2026, 1, 5);
        accepted(RECEIVED, "RECORD", "1101**********002X", null, null, "ACTIVE", start, null);
        accepted(RECEIVED, "LIST_ENTRY", CREDIT_CODE, "BLACK", null, "EFFECTIVE", start, null);
        refused("received_number_masked", RECEIVED, "RECORD", "11010519491231002X", null, null, "ACTIVE", start, null);
        refused("received_number_masked", RECEIVED, "RECORD", "E12345678", null, null, "ACTIVE", start, null);
        String wrongCheck = CREDIT_CODE.substring(0, 17) + (CREDIT_CODE.charAt(17) == 'D' ? 'E' : 'D');
        refused("received_number_masked", RECEIVED, "RECORD", wrongCheck, null, null, "ACTIVE", start, null);

        // V780: a person's number in clear that happens to pass V666's credit-code checks.
        assertThat(jdbc.sql("SELECT exchange.is_credit_code(?)").param(CLEAR_AS_CODE).query(Boolean.class).single())
                .isTrue();
        refused("received_number_not_resident", RECEIVED, "RECORD", CLEAR_AS_CODE, null, null, "ACTIVE", start, null);
        accepted(RECEIVED, "RECORD", "4101**********0705", null, null, "ACTIVE", start, null);

        for (String table : new String[] {"row_error", "row_warning"}) {
            accepted(ROW_PROBLEM.formatted(table), "1101**********002X");
            accepted(ROW_PROBLEM.formatted(table), "***");
            accepted(ROW_PROBLEM.formatted(table), (Object) null);
            refused(table + "_number_masked", ROW_PROBLEM.formatted(table), "11010519491231002X");
        }
    }

    /**
     * V3 (rest, V780): {@code exchange.is_resident_number} takes what {@code ResidentIdentityNumber.parse} takes, on
     * generated numbers with right and wrong check characters, real and impossible birth dates, provinces and not
     * (a foreigner's 9 + province aside, not asked: V780), and no company's credit code (registration authority 9).
     */
    @Test
    void theReceivedNumbersResidentCheckAgreesWithTheRegistry() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String[] regions = {"110105", "410105", "650102", "810000", "830000", "160105", "000000", "710100"};
        for (int i = 0; i < 1500; i++) {
            String birth = random.nextInt(4) == 0
                    ? String.format("%04d%02d%02d", 1880 + random.nextInt(240), random.nextInt(14), random.nextInt(33))
                    : LocalDate.of(1890, 1, 1).plusDays(random.nextInt(76_000)).toString().replace("-", "");
            String number = cn.chengxin.support.TestCitizens.withCheckCharacter(
                    regions[random.nextInt(regions.length)] + birth + String.format("%03d", random.nextInt(1000)));
            if (random.nextBoolean()) {
                number = cn.chengxin.support.TestCitizens.withWrongCheckCharacter(number);
            }
            boolean registry;
            try {
                cn.chengxin.subject.domain.ResidentIdentityNumber.parse(number, LocalDate.of(2099, 12, 31));
                registry = true;
            } catch (cn.chengxin.subject.domain.InvalidIdentityException e) {
                registry = false;
            }
            assertThat(isResidentNumber(number)).as(number).isEqualTo(registry);
        }
        for (int i = 0; i < 1500; i++) {
            String body = String.format("%08d", random.nextInt(100_000_000));
            String first17 = "91" + (110000 + random.nextInt(550_000)) + body
                    + cn.chengxin.subject.domain.UnifiedSocialCreditCode.organisationCodeCheckCharFor(body);
            String code = first17 + cn.chengxin.subject.domain.UnifiedSocialCreditCode.checkCharFor(first17);
            assertThat(isResidentNumber(code)).as(code).isFalse();
        }
    }

    private boolean isResidentNumber(String value) {
        return jdbc.sql("SELECT exchange.is_resident_number(?)").param(value).query(Boolean.class).single();
    }

    /** V8: a record's periods never end before its decision (RULES.md §4: they count from it); NULL is long-term. */
    @Test
    void aRecordsPeriodEndingBeforeItsDecisionIsRefused() {
        LocalDate decided = LocalDate.of(2026, 3, 10);
        accepted(RECORD, decided.plusYears(1), null, decided.plusYears(5));
        accepted(RECORD, decided, decided, decided);
        accepted(RECORD, null, null, null);
        refused("record_publication_from_decision", RECORD, decided.minusDays(1), null, decided.plusYears(5));
        refused("record_own_publication_from_decision", RECORD, decided.plusYears(1), decided.minusDays(1),
                decided.plusYears(5));
        refused("record_retention_from_decision", RECORD, decided.plusYears(1), null, decided.minusDays(1));
    }

    /** V9: a score has its grade and no "not scored" code, or the code (one the code knows) and neither. */
    @Test
    void aScoreWithoutItsGradeOrAGradeNotScoredIsRefused() {
        accepted(SCORE, 850, "A", null);
        accepted(SCORE, null, null, "MINOR");
        refused("score_graded_or_not_scored", SCORE, 850, null, null);
        refused("score_graded_or_not_scored", SCORE, null, "A", "MINOR");
        refused("score_graded_or_not_scored", SCORE, 850, "A", "MINOR");
        refused("score_graded_or_not_scored", SCORE, null, null, null);
        refused("score_not_scored_code_known", SCORE, null, null, "WHATEVER");
    }

    /** V12: the same-module references a key now holds: a rule's version, an entry, a model, an item's version. */
    @Test
    void aReferenceToARowThatDoesNotExistIsRefused() {
        accepted(RULE_ENTRY, (Object) null);
        refused("entry_rule_known", RULE_ENTRY, "NO_SUCH_RULE");
        accepted(EXIT_OWED, (Object) null);
        refused("exit_event_owed_entry_known", EXIT_OWED, UUID.randomUUID());
        accepted(REVIEW, (Object) null);
        refused("review_model_known", REVIEW, "NO_MODEL");
        long seq = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        accepted(CHANGE_NOTICE, seq, null);
        refused("change_notice_item_known", CHANGE_NOTICE, seq, "NO_SUCH_ITEM");
    }

    private void accepted(String sql, Object... params) {
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            assertThat(jdbc.sql(sql).params(params).update()).isOne();
        });
    }

    private void refused(String constraint, String sql, Object... params) {
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> jdbc.sql(sql).params(params).update()))
                .as(constraint).rootCause().hasMessageContaining("\"" + constraint + "\"");
    }

    private static byte[] index() {
        byte[] index = new byte[32];
        ThreadLocalRandom.current().nextBytes(index);
        return index;
    }
}
