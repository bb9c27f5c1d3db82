package cn.chengxin.inquiry;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.account.ApiClients;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.SubjectsJoined;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engineer 13, session xliv (合并信用档案, gaps review xxx L1; RULES.md §9): a person known under an old passport and,
 * as a second subject, under the renewed one, who consented under the renewed one, took a report and was served at
 * the window there, finds all of it under the one file kept once the join is approved, and the bank's consent
 * authorises its query of that file.
 */
@IntegrationTest
class JoinedInquiriesIT {

    private static final LocalDate BORN = LocalDate.of(1983, 8, 19);

    @Autowired
    SubjectRegistry registry;

    @Autowired
    SubjectJoining joining;

    @Autowired
    Consents consents;

    @Autowired
    Reports reports;

    @Autowired
    ApiClients apiClients;

    @Autowired
    JoinedInquiries joinedInquiries;

    @Autowired
    JdbcClient jdbc;

    /**
     * The consent, report, statement and counter visit under the joined subject are the kept one's: its consents and
     * reports show them, the bank queries the kept file by the renewed passport on the consent given under it, no
     * inquiry table keeps the joined id, and the consent the kept subject gave the same bank for the same purpose stays
     * beside it. The older platform's consent imported under both ids keeps one import key. Redelivered, nothing moves.
     */
    @Test
    void aJoinedPersonsConsentsReportsAndCounterVisitsAreTheKeptSubjects() throws Exception {
        String old = passport();
        String renewed = passport();
        UUID kept = holder(old);
        UUID joined = holder(renewed);
        String organisation = "合并授权银行" + UUID.randomUUID().toString().substring(0, 8);
        ApiClients.IssuedKey bank = as("join13-setup", () -> apiClients.issue("信贷系统", organisation,
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 6000));
        Consent keptConsent = consents.grant(kept, bank.institutionId(), Purpose.LENDING, 30, false);
        Consent joinedConsent = consents.grant(joined, bank.institutionId(), Purpose.LENDING, 30, false);
        UUID report = as("join13-self", () -> reports.forSelf(joined, ReportKind.SELF_FULL)).id();
        UUID visit = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO inquiry.counter_visit (id, subject_id, service, report_id, person_document,
                                                           by_guardian, clerk_id, clerk_name, served_at)
                        VALUES (?, ?, 'REPORT', ?, '护照', false, 'join13-clerk', '窗口甲', now())""")
                .params(visit, joined, report).update();
        jdbc.sql("INSERT INTO inquiry.statement (id, subject_id, text, created_at) VALUES (?, ?, '护照已换发', now())")
                .params(UUID.randomUUID(), joined).update();
        Timestamp oldGrant = Timestamp.valueOf("2024-03-01 10:00:00");
        for (Consent imported : List.of(keptConsent, joinedConsent)) {
            jdbc.sql("""
                            INSERT INTO inquiry.migrated_consent (consent_id, subject_id, institution_id, purpose,
                                                                  granted_at, told_at)
                            VALUES (?, ?, ?, 'LENDING', ?, now())""")
                    .params(imported.id(), imported.subjectId(), bank.institutionId(), oldGrant).update();
        }
        String keptPseudonym = registry.pseudonymOf(kept).orElseThrow();
        String joinedPseudonym = registry.pseudonymOf(joined).orElseThrow();

        UUID proposal = as("join13-a", () -> joining.propose(kept, "PASSPORT", renewed, "护照换发记录 2026-12",
                "本人持新旧护照到窗口核验，两份档案为同一人"));
        as("join13-b", () -> {
            joining.approve(proposal, "核验无误");
            return null;
        });

        assertThat(consents.of(kept)).extracting(Consent::id)
                .containsExactlyInAnyOrder(keptConsent.id(), joinedConsent.id());
        assertThat(reports.about(kept)).extracting(JdbcInquiry.IssuedReport::id).containsExactly(report);
        assertThat(reports.aboutSubject(kept, report)).as("the self-service page's report").isPresent();
        assertThat(jdbc.sql("SELECT subject_id FROM inquiry.counter_visit WHERE id = ?").param(visit)
                .query(UUID.class).single()).isEqualTo(kept);
        assertThat(jdbc.sql("SELECT subject_id FROM inquiry.migrated_consent WHERE institution_id = ?")
                .param(bank.institutionId()).query(UUID.class).list()).as("one import key, the kept subject's")
                .containsExactly(kept);
        assertThat(rowsUnder(joined)).as("every inquiry table keyed by subject").isZero();

        ApiClientPrincipal client = apiClients.authenticate(bank.key()).orElseThrow();
        Reports.Issued queried = reports.forInstitution(client, renewed, "PASSPORT", Purpose.LENDING, null,
                joinedConsent.id(), null);
        assertThat(reports.aboutSubject(kept, queried.id())).as("the bank's report is about the kept file").isPresent();
        assertThat(consents.of(kept)).filteredOn(c -> c.id().equals(joinedConsent.id())).singleElement()
                .extracting(Consent::uses).isEqualTo(1);

        long rowsUnderKept = rowsUnder(kept);
        joinedInquiries.on(new SubjectsJoined(kept, keptPseudonym, joined, joinedPseudonym));
        assertThat(rowsUnder(kept)).as("a redelivered join moves nothing").isEqualTo(rowsUnderKept);
        assertThat(reports.about(kept)).hasSize(2);
    }

    /** Rows under the id in every table of the inquiry schema that has a subject_id column, found by the catalogue. */
    private long rowsUnder(UUID id) {
        long rows = 0;
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.columns
                        WHERE table_schema = 'inquiry' AND column_name = 'subject_id'""").query(String.class).list();
        assertThat(tables).contains("consent", "report", "statement", "counter_visit", "counter_consent_review",
                "migrated_consent");
        for (String table : tables) {
            rows += jdbc.sql("SELECT count(*) FROM inquiry." + table + " WHERE subject_id = ?").param(id)
                    .query(Long.class).single();
        }
        return rows;
    }

    private UUID holder(String passport) {
        return registry.registerPerson(new NewPerson(registry.validate(DocumentType.PASSPORT, passport), "史密斯",
                BORN, null, List.of(), List.of(), false));
    }

    private static String passport() {
        return "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
    }
}
