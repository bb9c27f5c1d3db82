package cn.chengxin.inquiry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.DevSmsGateway;
import cn.chengxin.account.NoticeTexts;
import cn.chengxin.account.Notices;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AccessHistory;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.ConsentReview;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.PdfText;
import cn.chengxin.support.Principals;
import cn.chengxin.support.Sessions;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.WindowPhones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 窗口查询 (gaps review xxiii F11; RULES.md §6, §9): the credit office's clerk checks the identity of a person who
 * cannot use self-service, or of a child's guardian, and issues the person's own full report, counted against the
 * free ones and shown to the person as 本人（窗口） with the clerk's name; the number typed is never shown again.
 * The clerk holds what the credit office's base role grants after the migrations.
 */
@IntegrationTest
class CounterReportsIT {

    private static final String GUARDIAN_NUMBER = "110105198001010019";
    private static final String WINDOW_PHONE = "13907550123";
    private static final byte[] SCAN = "%PDF-1.4 signed authorisation".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};

    @Autowired
    MockMvc mvc;

    @Autowired
    Reports reports;

    @Autowired
    Consents consents;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    StaffDirectory directory;

    @Autowired
    AccessHistory history;

    @Autowired
    ApiClients apiClients;

    @Autowired
    Clock clock;

    @Autowired
    Notices notices;

    @Autowired
    DevSmsGateway sms;

    @Autowired
    NoticeTexts noticeTexts;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CounterConsentReviews reviews;

    @Test
    void aCounterReportUsesOneOfTheFreeReportsAndShowsAsTheSelfAtTheCounter() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柏守仁");
        UUID subjectId = id(person);
        var clerk = clerk("counter-a");
        int free = reports.freeReportsLeft(subjectId);

        MvcResult issued = mvc.perform(counterReport(person).param("seenDocument", "RESIDENT_ID_CARD")
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.issued")).andReturn();
        UUID reportId = (UUID) issued.getFlashMap().get("issuedId");

        assertThat(reports.freeReportsLeft(subjectId)).isEqualTo(free - 1);
        assertThat(reports.about(subjectId)).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReportKind.SELF_FULL);
            assertThat(r.requesterKind()).isEqualTo("SELF");
            assertThat(r.purpose()).isEqualTo("本人查询（窗口）");
        });
        String pseudonym = subjects.pseudonymOf(subjectId).orElseThrow();
        assertThat(history.of(pseudonym, 20)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("report.counter");
            assertThat(a.actorName()).isEqualTo("counter-a");
            assertThat(a.purpose()).isEqualTo("本人查询（窗口）");
        });

        var citizen = Principals.citizen(subjects, subjectId);
        String access = mvc.perform(get("/me/access").with(authentication(citizen))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(access).contains("本人（窗口）", "在窗口出具本人信用报告", "counter-a");

        String page = mvc.perform(get("/console/reports/self").with(authentication(clerk))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("出具本人信用报告", "居民身份证").doesNotContain(person.number());
        byte[] plain = mvc.perform(get("/console/reports/self/{id}.pdf", reportId).with(authentication(clerk)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        mvc.perform(get("/console/reports/self/{id}.pdf", reportId).with(authentication(clerk("counter-b"))))
                .andExpect(status().isNotFound());

        // Large print (大字版) for an elderly person at the window: offered beside the print button, the same report
        // in type none below 12 pt (the PDF as issued: 7.5-9.5 pt), its own SM3 kept for the verification page;
        // another clerk gets it no more than the PDF.
        String issuedPage = mvc.perform(get("/console/reports/self").with(Sessions.flashOf(issued))
                .with(authentication(clerk))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(issuedPage).contains("href=\"/console/reports/self/" + reportId + ".pdf?largePrint=true\"",
                "打印大字版报告（PDF）");
        MvcResult large = mvc.perform(get("/console/reports/self/{id}.pdf", reportId).param("largePrint", "true")
                .with(authentication(clerk))).andExpect(status().isOk()).andReturn();
        assertThat(large.getResponse().getHeader("Content-Disposition")).contains("-large-print.pdf");
        byte[] largePdf = large.getResponse().getContentAsByteArray();
        assertThat(PdfText.fontSizes(largePdf)).isNotEmpty()
                .allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(11.9f));
        assertThat(PdfText.fontSizes(plain)).anySatisfy(size -> assertThat(size).isLessThan(10f));
        String number = (String) issued.getFlashMap().get("issued");
        assertThat(PdfText.compact(largePdf)).contains(number);
        assertThat(jdbc.sql("SELECT large_print_sm3 FROM inquiry.report WHERE id = ?").param(reportId)
                .query(String.class).single()).isEqualTo(Reports.sm3(largePdf));
        mvc.perform(get("/console/reports/self/{id}.pdf", reportId).param("largePrint", "true")
                .with(authentication(clerk("counter-b")))).andExpect(status().isNotFound());

        // The person's next report of their own lists the counter query as theirs, with the clerk who served them.
        mvc.perform(post("/me/reports").param("kind", "SELF_FULL").with(csrf()).with(authentication(citizen)))
                .andExpect(flash().attribute("successKey", "me.report.generated"));
        UUID own = reports.about(subjectId).stream().filter(r -> !r.id().equals(reportId)).findFirst().orElseThrow()
                .id();
        assertThat(reports.aboutSubject(subjectId, own).orElseThrow().content().queries()).anySatisfy(q -> {
            assertThat(q.organisation()).isEqualTo("本人（窗口）");
            assertThat(q.querier()).isEqualTo("counter-a");
        });

        // The two free reports of the year are used: the counter refuses a third as self-service does.
        mvc.perform(counterReport(person).param("seenDocument", "RESIDENT_ID_CARD")
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "FREE_REPORTS_USED"));
        assertThat(reports.about(subjectId)).hasSize(2);
    }

    /**
     * Gaps review xxxi M2: the number alone does not let a clerk act for its holder. The name as on the document is
     * compared with the registry's, as registration compares it; a wrong or missing one is refused for the report and
     * for the consent, nothing is issued or granted, and the refusal is audited about the person.
     */
    @Test
    void aKnownNumberWithAnotherNameIsRefusedForTheReportAndTheConsent() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柏守正");
        UUID subjectId = id(person);
        var clerk = clerk("counter-n");
        UUID bank = apiClients.issue("信贷系统名", "癸银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000).clientId();

        mvc.perform(counterReport(person.number()).param("personName", "柏守邪").param("seenDocument",
                        "RESIDENT_ID_CARD").with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_NAME_MISMATCH"));
        mvc.perform(counterReport(person.number()).param("seenDocument", "RESIDENT_ID_CARD")
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_NAME_REQUIRED"));
        mvc.perform(consentAtCounter(person.number(), bank).param("personName", "柏守邪")
                        .param("seenDocument", "RESIDENT_ID_CARD").with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_NAME_MISMATCH"));
        assertThat(reports.about(subjectId)).isEmpty();
        assertThat(consents.of(subjectId)).isEmpty();
        String pseudonym = subjects.pseudonymOf(subjectId).orElseThrow();
        assertThat(history.of(pseudonym, 20)).filteredOn(a -> a.action().equals("counter.identity.refuse"))
                .hasSize(2).allSatisfy(a -> assertThat(a.actorName()).isEqualTo("counter-n"));

        // The name written with spaces, as a card's spelling may be, is the same name.
        mvc.perform(counterReport(person.number()).param("personName", " 柏守正 ").param("seenDocument",
                        "RESIDENT_ID_CARD").with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.issued"));
        assertThat(reports.about(subjectId)).hasSize(1);
    }

    /**
     * Gaps review xxxi M2: without the signed authorisation scanned (or, for a guardian, the proof of guardianship)
     * nothing is recorded; with it, the paper is kept with the visit and listed for the clerk, and the person, who has
     * no account, is told once by a text to the phone typed at the window and once by a notice.
     */
    @Test
    void aConsentNeedsTheScannedAuthorisationAndThePersonIsToldOnce() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柏守书");
        UUID subjectId = id(person);
        var clerk = clerk("counter-p");
        UUID bank = apiClients.issue("信贷系统书", "子银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000).clientId();

        mvc.perform(multipart("/console/reports/self/consents").param("number", person.number())
                        .param("personName", person.name()).param("documentType", "").param("phone", WINDOW_PHONE)
                        .param("clientId", bank.toString()).param("purpose", "LENDING").param("days", "30")
                        .param("singleUse", "true").param("seenDocument", "RESIDENT_ID_CARD").with(csrf())
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_AUTHORISATION_REQUIRED"));
        mvc.perform(multipart("/console/reports/self").file(new MockMultipartFile("authorisation", "a.exe",
                                "application/pdf", "MZ not a scan".getBytes(StandardCharsets.US_ASCII)))
                        .param("number", person.number()).param("personName", person.name())
                        .param("phone", WINDOW_PHONE).param("seenDocument", "RESIDENT_ID_CARD").with(csrf())
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "EVIDENCE_TYPE"));
        mvc.perform(consentAtCounter(person, bank).param("phone", "").param("seenDocument", "RESIDENT_ID_CARD")
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_PHONE_REQUIRED"));
        assertThat(consents.of(subjectId)).isEmpty();
        assertThat(reports.about(subjectId)).isEmpty();
        assertThat(notices.of(subjectId)).isEmpty();

        // Single use for 30 days: one clerk's service, in effect at once (gaps review xxxi M2).
        mvc.perform(consentAtCounter(person.number(), bank, 30, true).param("personName", person.name())
                        .param("seenDocument", "RESIDENT_ID_CARD").with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.consentRecorded"));
        assertThat(consents.of(subjectId)).hasSize(1);
        assertThat(notices.of(subjectId)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("CONSENT_GRANTED_AT_COUNTER");
            assertThat(n.title()).contains("在信用办窗口授权子银行查询您的信用报告", "如非本人办理");
        });
        // The gateway keeps the newest 50 texts of the whole run: the one text is found by its institution's name.
        noticeTexts.sendDue(); // notices' texts wait in the outbox (N6)
        assertThat(sms.recent()).filteredOn(m -> m.text().contains("子银行")).singleElement().satisfies(m -> {
            assertThat(m.maskedPhone()).isEqualTo("139****0123");
            assertThat(m.text()).contains("子银行", "如非本人办理").doesNotContain(person.number());
        });

        String page = mvc.perform(get("/console/reports/self").with(authentication(clerk))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String visits = page.substring(page.indexOf("id=\"counter-visits\""));
        assertThat(visits).contains("授权书 授权书.pdf", "/console/reports/self/papers/");
        String paper = visits.replaceAll("(?s).*?/console/reports/self/papers/([0-9a-f-]{36}).*", "$1");
        byte[] kept = mvc.perform(get("/console/reports/self/papers/{id}", paper).with(authentication(clerk)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(kept).isEqualTo(SCAN);
        // Kept sealed for its row (M4): the scanned bytes are not in the database.
        byte[] stored = jdbc.sql("SELECT content FROM inquiry.counter_paper WHERE id = ?::uuid").param(paper)
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(SCAN, StandardCharsets.ISO_8859_1));
        mvc.perform(get("/console/reports/self/papers/{id}", paper).with(authentication(clerk("counter-q"))))
                .andExpect(status().isNotFound());
        String pseudonym = subjects.pseudonymOf(subjectId).orElseThrow();
        assertThat(history.of(pseudonym, 20)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("counter.paper.download");
            assertThat(a.actorName()).isEqualTo("counter-p");
        });
    }

    @Test
    void aChildIsServedOnlyThroughAGuardianWhoseCheckIsRecordedWithTheNumberMasked() throws Exception {
        LocalDate today = LocalDate.now(clock);
        TestCitizens.Person child = TestCitizens.register(subjects, "柏小禾", today.minusYears(9));
        UUID childId = id(child);
        var clerk = clerk("counter-c");

        mvc.perform(counterReport(child).param("seenDocument", "HOUSEHOLD_REGISTER")
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_GUARDIAN_REQUIRED"));
        mvc.perform(counterReport(child).param("seenDocument", "HOUSEHOLD_REGISTER")
                        .param("byGuardian", "true").param("guardianName", "柏守仁")
                        .param("guardianDocument", "RESIDENT_ID_CARD").param("guardianNumber", GUARDIAN_NUMBER)
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_CHECK_INCOMPLETE"));
        assertThat(reports.about(childId)).isEmpty();

        mvc.perform(guardian(counterReport(child)).with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.issued"));
        assertThat(reports.about(childId)).hasSize(1);

        UUID bank = apiClients.issue("信贷系统窗", "庚银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000).clientId();
        mvc.perform(guardian(withPapers(multipart("/console/reports/self/consents")).param("number", child.number())
                        .param("personName", child.name()).param("documentType", "")).param("clientId", bank.toString()).param("purpose", "LENDING")
                        .param("days", "30").param("singleUse", "true").with(csrf()).with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.consentRecorded"));
        assertThat(consents.of(childId)).singleElement().satisfies(c -> assertThat(c.institutionId()).isEqualTo(bank));

        String page = mvc.perform(get("/console/reports/self").with(authentication(clerk))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(Masking.identityNumber(GUARDIAN_NUMBER), Masking.personName("柏守仁"), "出生医学证明")
                .doesNotContain(GUARDIAN_NUMBER, child.number(), "柏守仁");
        String pseudonym = subjects.pseudonymOf(childId).orElseThrow();
        assertThat(history.of(pseudonym, 20)).filteredOn(a -> a.action().equals("consent.grant")).singleElement()
                .satisfies(a -> assertThat(a.actorName()).isEqualTo("counter-c"));
    }

    /**
     * Gaps review xxix K3: a person the register does not know (a nurse from another city, no records here) is
     * registered at the window once the clerk checked her card and typed the name on it, and takes her report of a
     * clean record; without the name the clerk is asked for it. She then consents, and the hospital's query answers.
     */
    @Test
    void aPersonWithNoFileIsRegisteredAtTheCounterAndTakesAReportAndConsents() throws Exception {
        String number = TestCitizens.unregisteredNumber();
        var document = subjects.validate(DocumentType.RESIDENT_ID, number);
        var clerk = clerk("counter-k");

        mvc.perform(counterReport(number).param("seenDocument", "RESIDENT_ID_CARD").with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_NAME_REQUIRED"));
        assertThat(subjects.find(document)).as("nobody registered without a name").isEmpty();

        MvcResult issued = mvc.perform(counterReport(number).param("seenDocument", "RESIDENT_ID_CARD")
                        .param("personName", " 柏无档 ").with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.issued")).andReturn();
        UUID reportId = (UUID) issued.getFlashMap().get("issuedId");

        UUID subjectId = subjects.find(document).orElseThrow();
        assertThat(subjects.profile(subjectId).orElseThrow()).satisfies(p -> {
            assertThat(p.name()).isEqualTo("柏无档");
            assertThat(p.nameProvisional()).isFalse();
        });
        ReportContent content = reports.aboutSubject(subjectId, reportId).orElseThrow().content();
        assertThat(content.goodRecords()).isEmpty();
        assertThat(content.negativeRecords()).isEmpty();
        assertThat(content.otherRecords()).isEmpty();
        assertThat(content.lists()).isEmpty();
        assertThat(PdfText.compact(mvc.perform(get("/console/reports/self/{id}.pdf", reportId)
                .with(authentication(clerk))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray())).as("the clean record said in words").contains("未采集到该主体的信用记录。");
        String pseudonym = subjects.pseudonymOf(subjectId).orElseThrow();
        assertThat(history.of(pseudonym, 20)).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("subject.register.citizen");
            assertThat(a.actorName()).isEqualTo("counter-k");
        });
        String page = mvc.perform(get("/console/reports/self").with(authentication(clerk)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"personName\"").doesNotContain(number);

        ApiClients.IssuedKey hospital = apiClients.issue("人事系统无档", "辛医院", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000);
        mvc.perform(consentAtCounter(number, hospital.clientId()).param("personName", "柏无档")
                        .param("seenDocument", "RESIDENT_ID_CARD")
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.consentAwaitsReview"));
        approvedBySecondClerk(subjectId);
        lending(hospital.key(), number).andExpect(status().isOk());
        assertThat(subjects.find(document)).contains(subjectId);
    }

    /**
     * 撤回查询授权 (gaps review xxix K1; RULES.md §9, PIPL Art. 15): what was granted at the window is withdrawn
     * there, after the same identity check, and the institution's next query on it is refused CONSENT_WITHDRAWN.
     */
    @Test
    void aConsentGrantedAtTheCounterIsWithdrawnThereAndTheInstitutionIsRefused() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柏守义");
        UUID subjectId = id(person);
        var clerk = clerk("counter-w");
        ApiClients.IssuedKey bank = apiClients.issue("信贷系统撤", "辛银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000);
        mvc.perform(consentAtCounter(person, bank.clientId()).param("seenDocument", "RESIDENT_ID_CARD")
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.consentAwaitsReview"));
        approvedBySecondClerk(subjectId);
        lending(bank.key(), person.number()).andExpect(status().isOk());
        UUID consentId = consents.of(subjectId).get(0).id();

        // Without the identity check in this session nothing is withdrawn; nor with an incomplete one.
        RequestPostProcessor session = Sessions.of(context);
        mvc.perform(post("/console/reports/self/withdrawals/{id}", consentId).with(session).with(csrf())
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_CHECK_REQUIRED"));
        mvc.perform(withdrawalCheck(person.number()).with(session).with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_CHECK_INCOMPLETE"));
        mvc.perform(post("/console/reports/self/withdrawals/{id}", consentId).with(session).with(csrf())
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_CHECK_REQUIRED"));
        assertThat(consents.inForce(subjectId)).extracting(Consent::id).containsExactly(consentId);

        mvc.perform(withdrawalCheck(person.number()).param("seenDocument", "RESIDENT_ID_CARD").with(session)
                        .with(authentication(clerk)))
                .andExpect(flash().attributeCount(0));
        String listed = mvc.perform(get("/console/reports/self").with(session).with(authentication(clerk)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(listed).contains("id=\"counter-consents\"", "data-consent=\"" + consentId + "\"", "辛银行",
                        "/console/reports/self/withdrawals/" + consentId)
                .doesNotContain(person.number());

        // The check is for this person: another's consent is not withdrawn with it.
        TestCitizens.Person other = TestCitizens.register(subjects, "柏守信");
        UUID othersConsent = consents.grant(id(other), bank.clientId(), Purpose.LENDING, null, false).id();
        mvc.perform(post("/console/reports/self/withdrawals/{id}", othersConsent).with(session).with(csrf())
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "CONSENT_NOT_WITHDRAWABLE"));
        assertThat(consents.inForce(id(other))).hasSize(1);

        mvc.perform(post("/console/reports/self/withdrawals/{id}", consentId).with(session).with(csrf())
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.consentWithdrawn"));
        assertThat(consents.of(subjectId)).singleElement().satisfies(c -> assertThat(c.withdrawn()).isTrue());
        lending(bank.key(), person.number()).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CONSENT_WITHDRAWN"));

        String pseudonym = subjects.pseudonymOf(subjectId).orElseThrow();
        assertThat(history.of(pseudonym, 20)).filteredOn(a -> a.action().equals("consent.withdraw.counter"))
                .singleElement().satisfies(a -> assertThat(a.actorName()).isEqualTo("counter-w"));
        var citizen = Principals.citizen(subjects, subjectId);
        assertThat(mvc.perform(get("/me/access").with(authentication(citizen))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("在窗口撤回授权", "counter-w");
        String after = mvc.perform(get("/console/reports/self").with(session).with(authentication(clerk)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("本人没有仍然有效的查询授权").doesNotContain(person.number());
        assertThat(after.substring(after.indexOf("id=\"counter-visits\""))).contains("撤回查询授权", "记录查询授权");
    }

    @Test
    void aGuardianWithdrawsAChildsConsentAtTheCounter() throws Exception {
        TestCitizens.Person child = TestCitizens.register(subjects, "柏小苗", LocalDate.now(clock).minusYears(10));
        UUID childId = id(child);
        var clerk = clerk("counter-g");
        ApiClients.IssuedKey bank = apiClients.issue("信贷系统监", "壬银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000);
        mvc.perform(guardian(consentAtCounter(child, bank.clientId())).with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.consentAwaitsReview"));
        UUID consentId = consents.of(childId).get(0).id();

        RequestPostProcessor session = Sessions.of(context);
        mvc.perform(withdrawalCheck(child.number()).param("seenDocument", "HOUSEHOLD_REGISTER").with(session)
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_GUARDIAN_REQUIRED"));
        assertThat(mvc.perform(get("/console/reports/self").with(session).with(authentication(clerk)))
                .andReturn().getResponse().getContentAsString()).doesNotContain("id=\"counter-consents\"");
        mvc.perform(post("/console/reports/self/withdrawals/{id}", consentId).with(session).with(csrf())
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("failureCode", "COUNTER_CHECK_REQUIRED"));

        mvc.perform(guardian(withdrawalCheck(child.number())).with(session).with(authentication(clerk)))
                .andExpect(flash().attributeCount(0));
        mvc.perform(post("/console/reports/self/withdrawals/{id}", consentId).with(session).with(csrf())
                        .with(authentication(clerk)))
                .andExpect(flash().attribute("successKey", "counter.consentWithdrawn"));
        assertThat(consents.inForce(childId)).isEmpty();
        lending(bank.key(), child.number()).andExpect(jsonPath("$.code").value("CONSENT_WITHDRAWN"));

        String pseudonym = subjects.pseudonymOf(childId).orElseThrow();
        assertThat(history.of(pseudonym, 20)).filteredOn(a -> a.action().equals("consent.withdraw.counter"))
                .singleElement().satisfies(a -> assertThat(a.actorName()).isEqualTo("counter-g"));
        String page = mvc.perform(get("/console/reports/self").with(session).with(authentication(clerk)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.substring(page.indexOf("id=\"counter-visits\""))).contains("撤回查询授权",
                        Masking.identityNumber(GUARDIAN_NUMBER))
                .doesNotContain(GUARDIAN_NUMBER, child.number());
    }

    /** A consent for a year, of multiple use: it waits for a second clerk (gaps review xxxi M2). */
    private MockMultipartHttpServletRequestBuilder consentAtCounter(String number, UUID clientId) throws Exception {
        return consentAtCounter(number, clientId, 365, false);
    }

    private MockMultipartHttpServletRequestBuilder consentAtCounter(String number, UUID clientId, int days,
                                                                    boolean singleUse) throws Exception {
        return withPapers(multipart("/console/reports/self/consents")).param("number", number).param("documentType", "")
                .param("clientId", clientId.toString()).param("purpose", "LENDING").param("days", String.valueOf(days))
                .param("singleUse", String.valueOf(singleUse)).with(csrf());
    }

    /** The consent form as a clerk fills it for a registered person: the name as on the person's document. */
    private MockMultipartHttpServletRequestBuilder consentAtCounter(TestCitizens.Person person, UUID clientId)
            throws Exception {
        return consentAtCounter(person.number(), clientId).param("personName", person.name());
    }

    /** The person's consents recorded at the window approved by a second clerk (gaps review xxxi M2). */
    private void approvedBySecondClerk(UUID subjectId) {
        consents.of(subjectId).stream().filter(c -> c.review() == ConsentReview.PENDING)
                .forEach(c -> reviews.approve((Actor) clerk("counter-second").getPrincipal(), c.id()));
    }

    private static MockMultipartHttpServletRequestBuilder withdrawalCheck(String number) {
        return multipart("/console/reports/self/withdrawals").param("number", number).param("documentType", "")
                .with(csrf());
    }

    /** The institution's lending query about the person, on the consent it was given. */
    private ResultActions lending(String key, String number) throws Exception {
        return mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectNumber\":\"" + number + "\",\"purpose\":\"LENDING\",\"format\":\"JSON\"}"));
    }

    private MockMultipartHttpServletRequestBuilder counterReport(String number) throws Exception {
        return withPapers(multipart("/console/reports/self")).param("number", number).param("documentType", "")
                .with(csrf());
    }

    /**
     * Gaps review xxxi M2: the signed authorisation scanned at the window, and the phone typed for a person without an
     * account with the code texted to it and read out, in the session the code was sent in, as the clerk hands them
     * in with every report and consent.
     */
    private MockMultipartHttpServletRequestBuilder withPapers(MockMultipartHttpServletRequestBuilder request)
            throws Exception {
        request.file(new MockMultipartFile("authorisation", "授权书.pdf", "application/pdf", SCAN));
        return WindowPhones.sent(mvc, context, clerk("counter-phone"), WINDOW_PHONE).on(request);
    }

    /** The report form as a clerk fills it for a registered person: the name as on the person's document. */
    private MockMultipartHttpServletRequestBuilder counterReport(TestCitizens.Person person) throws Exception {
        return counterReport(person.number()).param("personName", person.name());
    }

    private static MockMultipartHttpServletRequestBuilder guardian(MockMultipartHttpServletRequestBuilder request) {
        request.file(new MockMultipartFile("guardianship", "出生医学证明.png", "image/png", PNG));
        return request.param("seenDocument", "HOUSEHOLD_REGISTER").param("byGuardian", "true")
                .param("guardianName", "柏守仁").param("guardianDocument", "RESIDENT_ID_CARD")
                .param("guardianNumber", GUARDIAN_NUMBER).param("proof", "BIRTH_CERTIFICATE");
    }

    private UUID id(TestCitizens.Person person) {
        return subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
    }

    /** A member of the credit office with what its base role grants. */
    private UsernamePasswordAuthenticationToken clerk(String username) {
        return Principals.member(username, office(), granted());
    }

    private Department office() {
        return directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE")).findFirst()
                .orElseThrow();
    }

    private Permission[] granted() {
        return directory.roles().stream().filter(r -> r.code().equals("CREDIT_OFFICE")).findFirst().orElseThrow()
                .permissions().toArray(Permission[]::new);
    }
}
