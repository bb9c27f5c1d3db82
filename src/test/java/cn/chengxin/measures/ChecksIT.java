package cn.chengxin.measures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.DemoAccounts;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.account.ViolationGround;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.measures.persistence.JdbcMeasures;
import cn.chengxin.subject.NewOrganisation;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.Pages.withParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The check API on the real embedded PostgreSQL. */
@IntegrationTest
class ChecksIT {

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Checks checks;

    @Autowired
    JdbcMeasures store;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    cn.chengxin.audit.AuditLog audit;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    CheckIndex index;

    @Autowired
    CheckBudget budget;

    @Autowired
    cn.chengxin.subject.SubjectDocuments furtherDocuments;

    @LocalServerPort
    int port;

    @Test
    void aSubjectOnNoListIsAnsweredAndTheCheckIsStoredWithNoMeasures() throws Exception {
        String id = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/checks")
                        .header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumber\":\"11010519491231002X\",\"scenario\":\"INSPECTION\","
                                + "\"purpose\":\"企业设立登记审查\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries").isEmpty())
                .andExpect(jsonPath("$.measures").isEmpty())
                .andExpect(jsonPath("$.feedbackRequired").value(false))
                .andReturn().getResponse().getContentAsString(), "$.checkId");

        assertThat(jdbc.sql("SELECT cardinality(measure_codes) FROM measures.check_made WHERE id = ?::uuid")
                .param(id).query(Integer.class).single()).isZero();
    }

    @Test
    void aPassportHolderOnTheBlackListIsFoundByACheckThatNamesTheDocumentType() throws Exception {
        String passport = freshPassport();
        blackListedPassportHolder(passport);

        String typed = travelCheckOfPassport(passport);
        await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() -> mvc.perform(checkBody(typed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK"))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_FLIGHTS_TRAINS"))));
        String answer = mvc.perform(checkBody(typed)).andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain(passport).doesNotContain("史密斯");

        mvc.perform(checkBody(typed.replace(",\"documentType\":\"PASSPORT\"", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("ID_FORMAT"));
        mvc.perform(checkBody(typed.replace("\"PASSPORT\"", "\"驾驶证\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("DOCUMENT_TYPE_UNKNOWN"));
        mvc.perform(checkBody(typed.replace("\"PASSPORT\"", "\"护照\"")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.entries[0].listType").value("BLACK"));

        // The batch form: each subject with its own type, next to the plain list of numbers it always took.
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjects\":[{\"subjectNumber\":\"" + passport + "\",\"documentType\":\"PASSPORT\"},"
                                + "{\"subjectNumber\":\"" + passport + "\"},{\"subjectNumber\":\"11010519491231002X\"},"
                                + "{\"subjectNumber\":\"" + passport + "\",\"documentType\":\"驾驶证\"}],"
                                + "\"scenario\":\"TRAVEL\",\"purpose\":\"批量购票审查\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].result.entries[0].listType").value("BLACK"))
                .andExpect(jsonPath("$[1].code").value("ID_FORMAT"))
                .andExpect(jsonPath("$[2].result.entries").isEmpty())
                .andExpect(jsonPath("$[3].code").value("DOCUMENT_TYPE_UNKNOWN"));
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumbers\":[\"11010519491231002X\"],\"subjects\":[{\"subjectNumber\":\""
                                + passport + "\",\"documentType\":\"PASSPORT\"}],\"scenario\":\"TRAVEL\","
                                + "\"purpose\":\"批量购票审查\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CHECK_SUBJECTS_AMBIGUOUS"));
    }

    /**
     * An empty list names no subject, as a missing one does: the documented CHECK_SUBJECTS_REQUIRED, not a generic
     * VALIDATION_FAILED (issue #5); and an empty list beside a full one is not two lists.
     */
    @Test
    void aBatchWithAnEmptyListOfSubjectsIsASubjectlessBatch() throws Exception {
        String rest = "\"scenario\":\"TRAVEL\",\"purpose\":\"批量购票审查\"}";
        for (String subjects : List.of("\"subjectNumbers\":[],", "\"subjects\":[],",
                "\"subjectNumbers\":[],\"subjects\":[],", "")) {
            mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                            .contentType(MediaType.APPLICATION_JSON).content("{" + subjects + rest))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("CHECK_SUBJECTS_REQUIRED"));
        }
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumbers\":[],\"subjects\":[{\"subjectNumber\":\"11010519491231002X\"}],"
                                + rest))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].index").value(1));
    }

    /**
     * One mistake, one answer: a purpose left out, blank or too long is PURPOSE_REQUIRED, a scenario left out
     * SCENARIO_REQUIRED, and a batch over its limit BATCH_TOO_LARGE, as the API document says, whichever layer notices.
     */
    @Test
    void aMissingPurposeOrScenarioAndAnOversizedBatchEachHaveTheirOwnCode() throws Exception {
        String base = "{\"subjectNumber\":\"11010519491231002X\",\"scenario\":\"TRAVEL\",\"purpose\":\"购票审查\"}";
        for (String body : List.of(base.replace(",\"purpose\":\"购票审查\"", ""),
                base.replace("购票审查", " "), base.replace("购票审查", "审".repeat(201)))) {
            mvc.perform(checkBody(body)).andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("PURPOSE_REQUIRED"));
        }
        mvc.perform(checkBody(base.replace("\"scenario\":\"TRAVEL\",", "")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("SCENARIO_REQUIRED"));
        String numbers = String.join(",", java.util.Collections.nCopies(Checks.MAX_BATCH + 1, "\"11010519491231002X\""));
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumbers\":[" + numbers + "],\"scenario\":\"TRAVEL\",\"purpose\":\"批量\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("BATCH_TOO_LARGE"));
    }

    /**
     * An approval system's batch names a subject twice (a list merged from two sources, the same number written with
     * a small x): one check, not two that each owe feedback and each show in the subject's 谁查询了我.
     */
    @Test
    void aSubjectNamedTwiceInABatchIsCheckedOnce() throws Exception {
        String purpose = "批量许可审查 " + java.util.UUID.randomUUID();
        String answer = mvc.perform(post("/api/v1/checks/batch")
                        .header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumbers\":[\"11010519491231002X\",\"91350100M000100Y43\","
                                + "\" 11010519491231002x\"],\"scenario\":\"INSPECTION\",\"purpose\":\"" + purpose
                                + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[2].index").value(3))
                .andReturn().getResponse().getContentAsString();

        String first = com.jayway.jsonpath.JsonPath.read(answer, "$[0].result.checkId");
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(answer, "$[2].result.checkId")).isEqualTo(first);
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(answer, "$[1].result.checkId")).isNotEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_made WHERE purpose = ?").param(purpose)
                .query(Long.class).single()).as("one stored check per subject").isEqualTo(2);
    }

    /**
     * H4: a batch carries the department's own case reference (案件号) per subject, kept with each check and answered
     * with it and in feedback-owed, so that the department matches answers to its cases; the subject named again for
     * another case is a check of that case, for the same case the same check. The single check takes one too. A
     * reference too long or holding an identity number is refused with its code, and nothing is stored.
     */
    @Test
    void aBatchKeepsEachSubjectsCaseReferenceAndAnswersItInFeedbackOwed() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        blackListedPassportHolder(passport);
        await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> mvc.perform(
                checkBody(travelCheckOfPassport(passport))).andExpect(jsonPath("$.entries[0].listType").value("BLACK")));
        String department = freshDepartment();
        ApiClients.IssuedKey system = systemOf(department, "票务系统（案件号）");
        String resident = cn.chengxin.support.TestCitizens.register(subjects, "卢思远").number();
        String holder = "{\"subjectNumber\":\"" + passport + "\",\"documentType\":\"PASSPORT\",\"reference\":\"";
        String batch = "{\"subjects\":[" + holder + "YW-2026-001\"}," + holder + "YW-2026-002\"},"
                + "{\"subjectNumber\":\"" + resident + "\"}," + holder + " YW-2026-001 \"}],"
                + "\"scenario\":\"TRAVEL\",\"purpose\":\"批量购票审查\"}";

        String answer = mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + system.key())
                        .contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].result.reference").value("YW-2026-001"))
                .andExpect(jsonPath("$[1].result.reference").value("YW-2026-002"))
                .andExpect(jsonPath("$[3].result.reference").value("YW-2026-001"))
                .andExpect(jsonPath("$[0].result.feedbackRequired").value(true))
                .andReturn().getResponse().getContentAsString();
        String first = com.jayway.jsonpath.JsonPath.read(answer, "$[0].result.checkId");
        String second = com.jayway.jsonpath.JsonPath.read(answer, "$[1].result.checkId");
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(answer, "$[3].result.checkId")).as("the same case")
                .isEqualTo(first);
        assertThat(second).as("another case").isNotEqualTo(first);
        assertThat(com.jayway.jsonpath.JsonPath.<Object>read(answer, "$[2].result.reference")).isNull();
        assertThat(jdbc.sql("SELECT reference FROM measures.check_made WHERE department_code = ? ORDER BY reference")
                .param(department).query(String.class).list()).containsExactly("YW-2026-001", "YW-2026-002", null);

        String owed = mvc.perform(get("/api/v1/checks/feedback-owed").header("Authorization", "Bearer " + system.key()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
                .andReturn().getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(owed, "$.checks[*].reference"))
                .containsExactlyInAnyOrder("YW-2026-001", "YW-2026-002");
        assertThat(com.jayway.jsonpath.JsonPath.<Object>read(owed, "$.checks[?(@.id == '" + first
                + "')].reference").toString()).contains("YW-2026-001");

        String single = travelCheckOfPassport(passport).replace("}", ",\"reference\":\"SP-77\"}");
        mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + system.key())
                        .contentType(MediaType.APPLICATION_JSON).content(single))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reference").value("SP-77"));
        mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + system.key())
                        .contentType(MediaType.APPLICATION_JSON).content(single.replace("SP-77", "S".repeat(65))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("REFERENCE_TOO_LONG"));
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + system.key())
                        .contentType(MediaType.APPLICATION_JSON).content(batch.replace("YW-2026-002", "Y".repeat(65))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("REFERENCE_TOO_LONG"));
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + system.key())
                        .contentType(MediaType.APPLICATION_JSON).content(batch.replace("YW-2026-002", "案 " + resident)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("FREE_TEXT_HOLDS_IDENTITY_NUMBER"));
        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_made WHERE department_code = ?").param(department)
                .query(Long.class).single()).as("three from the batch, one single, none refused").isEqualTo(4);
        assertThat(cn.chengxin.support.ClearIdentityNumbers.inDatabase(jdbc)).noneMatch(f -> f.endsWith(resident));
    }

    /**
     * Gaps review xxx L1 (98号 三(一)): a foreigner black-listed under his passport who renews it is the same person.
     * Before the renewed passport is added to his file a check by it answers a clean stranger; once a clerk added it and
     * a second person approved it, a check by it, alone or in a batch, answers his entry and its measures, and is
     * stored and audited under his pseudonym, where his 谁查询了我 shows it.
     */
    @Test
    void anEntryUnderOneDocumentIsAnsweredOnACheckByAFurtherDocumentOfItsHolder() throws Exception {
        String passport = freshPassport();
        blackListedPassportHolder(passport);
        java.util.UUID holder = subjects.find(subjects.validate(DocumentType.PASSPORT, passport)).orElseThrow();
        await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() -> mvc.perform(checkBody(
                travelCheckOfPassport(passport))).andExpect(jsonPath("$.entries[0].listType").value("BLACK")));
        String renewed = freshPassport();
        String renewedCheck = travelCheckOfPassport(renewed);
        mvc.perform(checkBody(renewedCheck)).andExpect(status().isOk()).andExpect(jsonPath("$.entries").isEmpty());

        java.util.UUID proposal = cn.chengxin.support.AsStaff.as("docs-a", () -> furtherDocuments.propose(holder,
                "PASSPORT", renewed, java.time.LocalDate.of(2026, 1, 5), java.time.LocalDate.of(2036, 1, 4),
                "护照换发记录 2026-7", "护照到期换发，本人持新旧护照到窗口核验"));
        cn.chengxin.support.AsStaff.as("docs-b", () -> {
            furtherDocuments.approve(proposal, null);
            return null;
        });

        String checkId = com.jayway.jsonpath.JsonPath.read(mvc.perform(checkBody(renewedCheck))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK"))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_FLIGHTS_TRAINS")))
                .andReturn().getResponse().getContentAsString(), "$.checkId");
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjects\":[{\"subjectNumber\":\"" + renewed + "\",\"documentType\":\"PASSPORT\"}],"
                                + "\"scenario\":\"TRAVEL\",\"purpose\":\"批量购票审查\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].result.entries[0].listType").value("BLACK"));
        assertThat(jdbc.sql("SELECT subject_pseudonym FROM measures.check_made WHERE id = ?::uuid").param(checkId)
                .query(String.class).single()).isEqualTo(subjects.pseudonymOf(holder).orElseThrow());
    }

    @Test
    void aTravelPermitHolderIsNotCheckedAsThePassportHolderWithTheSameNumber() throws Exception {
        // Passport and Taiwan-permit numbers come from different issuers: 12345678 may be both, for two persons.
        String number = String.valueOf(10_000_000 + java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(89_999_999));
        blackListedPassportHolder(number);
        subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.TAIWAN_PERMIT, number), "林美华",
                java.time.LocalDate.of(1985, 6, 1), null, List.of(), List.of(), false));
        String passportCheck = travelCheckOfPassport(number);
        await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() -> mvc.perform(checkBody(passportCheck))
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK")));

        mvc.perform(checkBody(passportCheck.replace("PASSPORT", "TAIWAN_PERMIT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries").isEmpty())
                .andExpect(jsonPath("$.measures").isEmpty());
        assertThat(subjects.pseudonymOf(subjects.validate(DocumentType.TAIWAN_PERMIT, number)))
                .isNotEqualTo(subjects.pseudonymOf(subjects.validate(DocumentType.PASSPORT, number)));
    }

    /**
     * RULES.md §6: a minor is never on the black or grey list. Should such an entry reach the index anyway (here
     * written past the listing's refusal), a check of the minor shows neither it nor its measures; a red entry stays,
     * and the same black entry of an adult is shown.
     */
    @Test
    void aCheckOfAMinorShowsNoBlackOrGreyEntryThatReachedTheIndex() throws Exception {
        java.time.LocalDate born = java.time.LocalDate.now().minusYears(17);
        String minor = cn.chengxin.support.TestCitizens.withCheckCharacter("411702"
                + born.toString().replace("-", "") + String.format("%03d", System.nanoTime() % 1000));
        String adult = cn.chengxin.support.TestCitizens.withCheckCharacter("41170219900101"
                + String.format("%03d", System.nanoTime() % 1000));
        for (String number : List.of(minor, adult)) {
            java.util.UUID subject = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID,
                    number), "乔小宇", null, null, List.of(), List.of(), false));
            String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
            for (String type : number.equals(minor) ? List.of("BLACK", "GREY", "RED") : List.of("BLACK")) {
                jdbc.sql("""
                        INSERT INTO listing.entry (id, list_type, subject_id, subject_pseudonym, subject_name,
                                                   subject_kind, masked_number, department_code, legal_basis, reasons,
                                                   status, proposed_by, proposed_at, effective_from)
                        VALUES (?, ?, ?, ?, '乔小宇', 'PERSON', '4117****', 'COURT', '依据', '理由', 'EFFECTIVE', 'test',
                                now(), now())""").params(java.util.UUID.randomUUID(), type, subject, pseudonym)
                        .update();
            }
        }
        String inspection = "{\"subjectNumber\":\"%s\",\"scenario\":\"INSPECTION\",\"purpose\":\"执法检查\"}";
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> mvc.perform(
                        checkBody(inspection.formatted(adult)))
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK"))
                .andExpect(jsonPath("$.measures").isNotEmpty()));
        mvc.perform(checkBody(inspection.formatted(minor))).andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].listType").value(org.hamcrest.Matchers.contains("RED")))
                .andExpect(jsonPath("$.measures[?(@.listType == 'BLACK' || @.listType == 'GREY')]").isEmpty())
                .andExpect(jsonPath("$.feedbackRequired").value(false));
    }

    /**
     * RULES.md §7: 守信激励 is not for those under 失信惩戒. A red-listed resident who is also on the black or the grey
     * list (重点关注) is answered the measures of those lists and no incentive — neither for the red entry nor for a
     * clean record — by a single check and by a batch; the red entry itself is still shown.
     */
    @Test
    void noIncentiveIsAnsweredWhileABlackOrGreyEntryIsInForce() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (List<String> types : List.of(List.of("RED", "BLACK"), List.of("RED", "GREY"), List.of("RED"))) {
            String number = cn.chengxin.support.TestCitizens.register(subjects, "诚信之星").number();
            java.util.UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, number)).orElseThrow();
            String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
            for (String type : types) {
                jdbc.sql("""
                        INSERT INTO listing.entry (id, list_type, subject_id, subject_pseudonym, subject_name,
                                                   subject_kind, masked_number, department_code, legal_basis, reasons,
                                                   status, proposed_by, proposed_at, effective_from)
                        VALUES (?, ?, ?, ?, '诚信之星', 'PERSON', '4117****', 'MARKET', '依据', '理由', 'EFFECTIVE',
                                'test', now(), now())""").params(java.util.UUID.randomUUID(), type, subject, pseudonym)
                        .update();
            }
            numbers.add(number);
        }
        String licensing = "{\"subjectNumber\":\"%s\",\"scenario\":\"LICENSING\",\"purpose\":\"许可受理\"}";
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            mvc.perform(checkBody(licensing.formatted(numbers.get(2))))
                    .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("GREEN_CHANNEL")));
            for (String punished : numbers.subList(0, 2)) {
                mvc.perform(checkBody(licensing.formatted(punished)))
                        .andExpect(jsonPath("$.entries.length()").value(2));
            }
        });
        for (String punished : numbers.subList(0, 2)) {
            mvc.perform(checkBody(licensing.formatted(punished))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.entries[*].listType", org.hamcrest.Matchers.hasItem("RED")))
                    .andExpect(jsonPath("$.cleanRecordThreeYears").value(false))
                    .andExpect(jsonPath("$.measures").isNotEmpty())
                    .andExpect(jsonPath("$.measures[?(@.kind == 'INCENTIVE')]").isEmpty())
                    .andExpect(jsonPath("$.measures[?(@.listType == 'RED')]").isEmpty());
        }
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumbers\":[\"" + String.join("\",\"", numbers) + "\"],"
                                + "\"scenario\":\"LICENSING\",\"purpose\":\"批量许可受理\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].result.measures[?(@.kind == 'INCENTIVE')]").isEmpty())
                .andExpect(jsonPath("$[1].result.measures[?(@.kind == 'INCENTIVE')]").isEmpty())
                .andExpect(jsonPath("$[1].result.measures[*].code", org.hamcrest.Matchers.hasItem("WARNING_TALK")))
                .andExpect(jsonPath("$[2].result.measures[*].code",
                        org.hamcrest.Matchers.hasItems("GREEN_CHANNEL", "TOLERANT_ACCEPTANCE")));
    }

    /**
     * RULES.md §7: each measure reaches whom its legal basis names. A company on the market regulator's black list is
     * neither told of nor checked for civil-service hiring (persons only) or the court's consumption restrictions
     * (court defaulters only), though the latter bind a defaulting company; it is told of the measures that reach it.
     */
    @Test
    void aCompanyOnTheMarketBlackListGetsNoMeasureMeantForPersonsOrCourtDefaulters() throws Exception {
        String code = cn.chengxin.support.TestCreditCodes.next();
        java.util.UUID company = subjects.registerOrganisation(new NewOrganisation(subjects.validate(null, code),
                "示例商贸有限公司", java.time.LocalDate.of(2012, 5, 1), List.of(), false));
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + DemoAccounts.SUBMISSION_KEY)
                        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"O_SERIOUS_ILLEGAL_LIST\",\"subjectNumber\":\"" + code
                                + "\",\"subjectName\":\"示例商贸有限公司\",\"sourceRecordId\":\"SI-"
                                + java.util.UUID.randomUUID() + "\",\"decisionNumber\":\"驻市监严〔2026〕1号\","
                                + "\"decisionDate\":\"2026-03-02\",\"fields\":{\"reason\":\"提交虚假材料取得登记\","
                                + "\"authority\":\"驻马店市市场监督管理局\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        ListEntry proposal = await().atMost(java.time.Duration.ofSeconds(10)).until(() -> listing.entriesOf(company)
                .stream().filter(e -> e.status() == EntryStatus.PROPOSED).findFirst().orElse(null), e -> e != null);
        assertThat(proposal.ruleCode()).isEqualTo("BLACK_SERIOUS_ILLEGAL");
        mvc.perform(post("/console/lists/{id}/approve", proposal.id()).param("note", "核实无误")
                        .with(staff("reviewer-org", "list:review")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // An organisation has no self-service: its prior notice is served by post, then its period passes.
        cn.chengxin.support.AsStaff.as("clerk-org", () -> {
            listing.recordService(listing.noticesOfEntry(proposal.id()).get(0).id(),
                    cn.chengxin.listing.NoticeDelivery.Channel.POST,
                    java.time.LocalDate.now(context.getBean(java.time.Clock.class)), "");
            return null;
        });
        jdbc.sql("UPDATE listing.entry SET effective_from = now() - interval '1 second' WHERE id = ?")
                .param(proposal.id()).update();
        listing.activateDue();

        List<String> notices = listing.noticesOf(company).stream().map(cn.chengxin.listing.ListNotice::body).toList();
        assertThat(notices).as("the prior notice and the notice of effect").hasSize(2).allSatisfy(body ->
                assertThat(body).contains("限制参与政府采购和公共资源交易活动", "列为重点监管对象")
                        .doesNotContain("公务员", "事业单位", "限制乘坐飞机", "高消费", "子女就读"));
        String checkOf = "{\"subjectNumber\":\"" + code + "\",\"scenario\":\"%s\",\"purpose\":\"企业审批审查\"}";
        await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() -> mvc.perform(
                        checkBody(checkOf.formatted("INSPECTION")))
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK"))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("CLOSER_SUPERVISION"))));
        for (String scenario : List.of("TRAVEL", "CONSUMPTION")) {
            mvc.perform(checkBody(checkOf.formatted(scenario))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.entries[0].listType").value("BLACK"))
                    .andExpect(jsonPath("$.measures").isEmpty())
                    .andExpect(jsonPath("$.feedbackRequired").value(false));
        }
        mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + hrSystem("人社招录系统").key())
                        .contentType(MediaType.APPLICATION_JSON).content(checkOf.formatted("HIRING")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK"))
                .andExpect(jsonPath("$.measures").isEmpty());
    }

    /**
     * RULES.md §7: an organisation established less than three years ago has not gone three years without a negative
     * record; one established three or more years ago, or whose date the registry does not record, is judged on its
     * records. A batch answers the same.
     */
    @Test
    void anOrganisationEstablishedLessThanThreeYearsAgoHasNoCleanRecordYet() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now();
        String young = organisation("新设商贸有限公司", today.minusYears(1));
        String old = organisation("老字号商贸有限公司", today.minusYears(3));
        String undated = organisation("成立日期未登记有限公司", null);
        String licensing = "{\"subjectNumber\":\"%s\",\"scenario\":\"LICENSING\",\"purpose\":\"企业许可受理\"}";

        mvc.perform(checkBody(licensing.formatted(young))).andExpect(status().isOk())
                .andExpect(jsonPath("$.cleanRecordThreeYears").value(false))
                .andExpect(jsonPath("$.measures").isEmpty());
        for (String established : List.of(old, undated)) {
            mvc.perform(checkBody(licensing.formatted(established))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.cleanRecordThreeYears").value(true))
                    .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItems("GREEN_CHANNEL",
                            "TOLERANT_ACCEPTANCE")));
        }
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumbers\":[\"" + old + "\",\"" + young + "\",\"" + undated + "\"],"
                                + "\"scenario\":\"LICENSING\",\"purpose\":\"批量许可受理\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].result.cleanRecordThreeYears").value(true))
                .andExpect(jsonPath("$[1].result.cleanRecordThreeYears").value(false))
                .andExpect(jsonPath("$[1].result.measures").isEmpty())
                .andExpect(jsonPath("$[2].result.cleanRecordThreeYears").value(true));
    }

    /**
     * gaps-review-xxv H4 (RULES.md §2, §7, §10): whether someone had a negative record in three years is told only to
     * a department that grants a clean-record incentive to them in the scenario, and counts only records usable for
     * punishment that the department may read. The market regulator grants none in inspections, so there it learns
     * nothing of a warned person, of a tax debtor, or whether the platform knows a number at all; in licensing it
     * grants 绿色通道, and neither a minor penalty (never used to punish) nor the tax office's government-only record
     * of arrears (outside its data scope) closes it. The tax office, checking its own debtor, is told.
     */
    @Test
    void theCleanRecordIsToldOnlyToADepartmentGrantingItAndCountsNoMinorPenaltyNorARecordOutsideItsScope()
            throws Exception {
        cn.chengxin.support.TestCitizens.Person warned = cn.chengxin.support.TestCitizens.register(subjects, "温当改");
        cn.chengxin.support.TestCitizens.Person owing = cn.chengxin.support.TestCitizens.register(subjects, "欧缴税");
        submitAMonthAgo("MARKET", "P_ADMIN_PENALTY_MINOR", warned, "{\"penalty_type\":\"警告\","
                + "\"facts\":\"占道经营，当场改正\",\"basis\":\"《城市道路管理条例》\",\"authority\":\"市市场监督管理局\"}");
        submitAMonthAgo("TAX", "P_TAX_ARREARS", owing, "{\"tax_type\":\"个人所得税\",\"arrears\":\"1200.00\"}");
        List<String> numbers = List.of(warned.number(), owing.number());
        // Both records are negative and in use: the index marks them, as it did before it was asked whose they are.
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> numbers.stream().allMatch(n -> index.lastNegative(
                subjects.pseudonymOf(subjects.validate(null, n))) != null));
        String stranger = cn.chengxin.support.TestCitizens.withCheckCharacter("65010219750617"
                + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000)));
        String check = "{\"subjectNumber\":\"%s\",\"scenario\":\"%s\",\"purpose\":\"许可受理\"}";

        for (String number : List.of(warned.number(), owing.number(), stranger)) {
            mvc.perform(checkBody(check.formatted(number, "INSPECTION"))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.cleanRecordThreeYears").value(org.hamcrest.Matchers.nullValue()))
                    .andExpect(jsonPath("$.registered").doesNotExist())
                    .andExpect(jsonPath("$.measures").isEmpty());
        }
        for (String number : numbers) {
            mvc.perform(checkBody(check.formatted(number, "LICENSING"))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.cleanRecordThreeYears").value(true))
                    .andExpect(jsonPath("$.registered").doesNotExist())
                    .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("GREEN_CHANNEL")));
        }
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumbers\":[\"" + String.join("\",\"", numbers) + "\"],"
                                + "\"scenario\":\"LICENSING\",\"purpose\":\"批量许可受理\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].result.cleanRecordThreeYears", org.hamcrest.Matchers.contains(true, true)))
                .andExpect(jsonPath("$[0].result.registered").doesNotExist());
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumbers\":[\"" + String.join("\",\"", numbers) + "\"],"
                                + "\"scenario\":\"INSPECTION\",\"purpose\":\"批量检查\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].result.cleanRecordThreeYears", org.hamcrest.Matchers.contains(
                        org.hamcrest.Matchers.nullValue(), org.hamcrest.Matchers.nullValue())));

        String taxChecks = apiClients.issue("税务审批系统", "TAX", cn.chengxin.account.ApiClient.Kind.DEPARTMENT,
                departmentId("TAX"), Set.of(cn.chengxin.shared.security.Permission.API_SUBJECT_CHECK), 6000).key();
        mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + taxChecks)
                        .contentType(MediaType.APPLICATION_JSON).content(check.formatted(owing.number(), "LICENSING")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cleanRecordThreeYears").value(false))
                .andExpect(jsonPath("$.measures").isEmpty());
    }

    /**
     * gaps-review-xxv H4: a batch costs the client's budget of subjects a minute one for each subject it names, so a
     * key cannot screen a city at one request a batch. A batch beyond what is left of the budget is refused whole (429
     * CHECK_BUDGET_EXHAUSTED, Retry-After), checks no one, and is audited once as refused. gaps-review-xxviii J2: the budget
     * always pays a whole batch of 10,000 (issue #5), so a key at the default rate is answered, never told to wait for
     * a minute that cannot come.
     */
    @Test
    void aWholeBatchPassesAtTheDefaultRateAndABatchBeyondWhatIsLeftIsRefusedWholeAndChecksNoOne() throws Exception {
        ApiClients.IssuedKey key = apiClients.issue("市场监管批量审批系统", "MARKET",
                cn.chengxin.account.ApiClient.Kind.DEPARTMENT, departmentId("MARKET"),
                Set.of(cn.chengxin.shared.security.Permission.API_SUBJECT_CHECK), 600);
        cn.chengxin.account.ApiClientPrincipal client = new cn.chengxin.account.ApiClientPrincipal(key.clientId(),
                "市场监管批量审批系统", "MARKET", "MARKET", key.prefix(), Set.of(), 600);
        long perMinute = budget.perMinuteOf(client);
        assertThat(perMinute).as("a minute's budget pays the largest batch").isGreaterThanOrEqualTo(Checks.MAX_BATCH);
        java.util.function.BiFunction<List<String>, String, String> batchOf = (numbers, purpose) -> "{\"subjectNumbers\":["
                + numbers.stream().map(n -> "\"" + n + "\"").collect(java.util.stream.Collectors.joining(",")) + "],"
                + "\"scenario\":\"LICENSING\",\"purpose\":\"" + purpose + "\"}";
        List<String> tenThousand = java.util.stream.IntStream.range(0, Checks.MAX_BATCH)
                .mapToObj(i -> cn.chengxin.support.TestCitizens.withCheckCharacter("110105"
                        + java.time.LocalDate.of(1980, 1, 1).plusDays(i / 1000).format(
                                java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                        + String.format("%03d", i % 1000)))
                .toList();
        String screening = "全市招标筛查 " + UUID.randomUUID();

        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + key.key())
                        .contentType(MediaType.APPLICATION_JSON).content(batchOf.apply(tenThousand, screening)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(Checks.MAX_BATCH));

        // The rest of the minute's budget spent (by checks made a moment ago): a batch of a thousand waits for it.
        String purpose = "全市筛查 " + UUID.randomUUID();
        drain(client);
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + key.key())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(batchOf.apply(java.util.Collections.nCopies(1_000, "11010519491231002X"), purpose)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CHECK_BUDGET_EXHAUSTED"))
                .andExpect(jsonPath("$.retry").value("same-request"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")));

        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_made WHERE purpose = ?").param(purpose)
                .query(Long.class).single()).as("no one checked").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'measures.check.refused' AND actor_id = ? "
                        + "AND detail = 'reason=MEASURE_BATCH_REFUSED; refusal=CHECK_BUDGET_EXHAUSTED; "
                        + "scenario=#measures.scenario.LICENSING; subjects=1000'")
                .param(key.clientId().toString()).query(Long.class).single()).as("the refusal audited once")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(DISTINCT subject_pseudonym) FROM measures.check_made WHERE purpose = ?")
                .param(screening).query(Long.class).single()).as("each of the 10,000 checked")
                .isEqualTo(Checks.MAX_BATCH);
    }

    /** Spends what is left of the client's budget of subjects. */
    private void drain(cn.chengxin.account.ApiClientPrincipal client) {
        try {
            while (true) {
                budget.take(client, 100);
            }
        } catch (MeasuresProblem spent) {
            assertThat(spent.code()).isEqualTo("CHECK_BUDGET_EXHAUSTED");
        }
    }

    private UUID departmentId(String code) {
        return directory.departments().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow().id();
    }

    /** A record of {@code item} on {@code person} by {@code department}, decided a month ago (a minor one shows 3). */
    private void submitAMonthAgo(String department, String item, cn.chengxin.support.TestCitizens.Person person,
                                       String fields) throws Exception {
        String key = apiClients.issue("报送系统", department, cn.chengxin.account.ApiClient.Kind.DEPARTMENT,
                departmentId(department), Set.of(cn.chengxin.shared.security.Permission.RECORD_SUBMIT), 6000).key();
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"" + item + "\",\"subjectNumber\":\"" + person.number()
                                + "\",\"subjectName\":\"" + person.name() + "\",\"sourceRecordId\":\"H4-"
                                + UUID.randomUUID() + "\",\"decisionNumber\":\"驻决〔2026〕4号\",\"decisionDate\":\""
                                + java.time.LocalDate.now().minusMonths(1) + "\",\"fields\":" + fields + "}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
    }

    /**
     * The registry learns an organisation's establishment date from its registration record (登记注册基本信息), and a
     * correction of the record corrects it: without it no organisation registered by ingestion would have a date, and
     * one founded a year ago would get the clean-record incentives.
     */
    @Test
    void aRegistrationRecordGivesTheRegistryTheDateTheCleanRecordIsCountedFrom() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now();
        String code = organisation("新登记商贸有限公司", null);
        UUID subject = subjects.find(subjects.validate(null, code)).orElseThrow();
        String sourceId = "REG-" + UUID.randomUUID();

        register(code, "新登记商贸有限公司", sourceId, "1", "ADD", today.minusYears(1))
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(establishedOn(subject)).isEqualTo(today.minusYears(1));
        mvc.perform(checkBody("{\"subjectNumber\":\"" + code + "\",\"scenario\":\"LICENSING\","
                        + "\"purpose\":\"企业许可受理\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.cleanRecordThreeYears").value(false));

        register(code, "新登记商贸有限公司", sourceId, "2", "UPDATE", today.minusYears(5))
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(establishedOn(subject)).as("the corrected record's date").isEqualTo(today.minusYears(5));

        register(code, "新登记商贸有限公司", sourceId, "1", "ADD", today.minusYears(1))
                .andExpect(jsonPath("$.duplicates").value(1));
        assertThat(establishedOn(subject)).as("an old version sent again undoes no correction")
                .isEqualTo(today.minusYears(5));
    }

    private java.time.LocalDate establishedOn(UUID subject) {
        return jdbc.sql("SELECT established_on FROM subject.organisation WHERE subject_id = ?").param(subject)
                .query(java.time.LocalDate.class).single();
    }

    /** The market regulator's registration record of the organisation, version {@code version}. */
    private org.springframework.test.web.servlet.ResultActions register(String code, String name, String sourceId,
            String version, String action, java.time.LocalDate established) throws Exception {
        UUID market = directory.departments().stream().filter(d -> d.code().equals("MARKET")).findFirst()
                .orElseThrow().id();
        String key = apiClients.issue("登记系统", "MARKET", cn.chengxin.account.ApiClient.Kind.DEPARTMENT, market,
                java.util.Set.of(cn.chengxin.shared.security.Permission.RECORD_SUBMIT), 6000).key();
        return mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"O_REGISTRATION\",\"subjectNumber\":\"" + code
                                + "\",\"subjectName\":\"" + name + "\",\"version\":\"" + version
                                + "\",\"action\":\"" + action + "\",\"sourceRecordId\":\"" + sourceId
                                + "\",\"decisionDate\":\"" + established + "\",\"fields\":{\"type\":\"有限责任公司\","
                                + "\"address\":\"驿城区解放大道 1 号\",\"established_on\":\"" + established + "\"}}]}"));
    }

    /** A registered organisation with no records, established on {@code establishedOn} (null: not recorded). */
    private String organisation(String name, java.time.LocalDate establishedOn) {
        String code = cn.chengxin.support.TestCreditCodes.next();
        subjects.registerOrganisation(new NewOrganisation(subjects.validate(null, code), name, establishedOn,
                List.of(), false));
        return code;
    }

    private static String freshPassport() {
        return "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
    }

    /** A check in the travel scenario (the demo system's) of the holder of {@code passport}. */
    private static String travelCheckOfPassport(String passport) {
        return "{\"subjectNumber\":\"" + passport + "\",\"documentType\":\"PASSPORT\",\"scenario\":\"TRAVEL\","
                + "\"purpose\":\"购票审查\"}";
    }

    /**
     * A passport holder with a birth date, on the black list from a court's record, approved by a reviewer.
     *
     * @return the black-list entry's id
     */
    private java.util.UUID blackListedPassportHolder(String passport) throws Exception {
        return courtListed(passportHolder(passport), passport);
    }

    /** A passport holder with a birth date: without one no black-list entry is made. */
    private java.util.UUID passportHolder(String passport) {
        return subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport), "史密斯",
                java.time.LocalDate.of(1979, 4, 2), null, List.of(), List.of(), false));
    }

    /**
     * One more black-list entry of the passport holder: a court's record of a judgment not performed, approved by a
     * reviewer.
     *
     * @return the entry's id
     */
    private java.util.UUID courtListed(java.util.UUID holder, String passport) throws Exception {
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + courtKey())
                        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"P_COURT_DEFAULTER\",\"documentType\":\"PASSPORT\","
                                + "\"subjectNumber\":\"" + passport + "\",\"subjectName\":\"史密斯\",\"sourceRecordId\":\"PC-"
                                + java.util.UUID.randomUUID() + "\",\"decisionNumber\":\"(2026)豫1702执91号\","
                                + "\"decisionDate\":\"2026-03-02\",\"fields\":{\"case_number\":\"(2026)豫1702执91号\","
                                + "\"court\":\"驿城区人民法院\",\"obligation\":\"给付货款\",\"performance\":\"全部未履行\","
                                + "\"behaviour\":\"违反限制消费令\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        ListEntry proposal = await().atMost(java.time.Duration.ofSeconds(10)).until(() -> listing.entriesOf(holder)
                .stream().filter(e -> e.listType() == ListType.BLACK && e.status() == EntryStatus.PROPOSED)
                .findFirst().orElse(null), e -> e != null);
        mvc.perform(post("/console/lists/{id}/approve", proposal.id()).param("note", "核实无误")
                        .with(staff("reviewer-pp", "list:review")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return proposal.id();
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder checkBody(String body) {
        return post("/api/v1/checks").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String courtKey() {
        java.util.UUID court = directory.departments().stream().filter(d -> d.code().equals("COURT")).findFirst()
                .orElseThrow().id();
        return apiClients.issue("法院报送系统", "COURT", cn.chengxin.account.ApiClient.Kind.DEPARTMENT, court,
                Set.of(cn.chengxin.shared.security.Permission.RECORD_SUBMIT), 6000).key();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor staff(String name,
                                                                                           String... permissions) {
        List<String> authorities = new ArrayList<>(List.of("STAFF", "console:home"));
        authorities.addAll(List.of(permissions));
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(name)
                .authorities(authorities.stream().map(org.springframework.security.core.authority
                        .SimpleGrantedAuthority::new).toList());
    }

    @Test
    void theCaseFiguresCountEveryCheckAndFeedbackAsAScanOfThemWould() throws Exception {
        String resident = cn.chengxin.support.TestCitizens.register(subjects, "韦志清").number();
        String checkId = null;
        for (int i = 0; i < 3; i++) {
            String answer = mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"subjectNumber\":\"" + resident + "\",\"scenario\":\"LICENSING\","
                                    + "\"purpose\":\"许可审查 " + i + "\"}"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            checkId = com.jayway.jsonpath.JsonPath.read(answer, "$.checkId");
            assertThat(com.jayway.jsonpath.JsonPath.<java.util.List<String>>read(answer, "$.measures[*].code"))
                    .as("a clean record is granted 容缺受理 in licensing").contains("TOLERANT_ACCEPTANCE");
        }
        mvc.perform(post("/api/v1/checks/" + checkId + "/feedback")
                        .header("Authorization", "Bearer " + DemoAccounts.API_KEY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measureCode\":\"TOLERANT_ACCEPTANCE\",\"applied\":true,\"outcome\":\"已容缺受理\"}"))
                .andExpect(status().isNoContent());

        List<JdbcMeasures.CaseCount> scanned = jdbc.sql("""
                        SELECT m.code, c.department_code, count(*), count(*) FILTER (WHERE m.code = ANY (c.owed_codes)),
                               count(f.check_id) FILTER (WHERE m.code = ANY (c.owed_codes)),
                               count(*) FILTER (WHERE f.applied AND m.code = ANY (c.owed_codes)),
                               count(f.check_id), count(*) FILTER (WHERE f.applied)
                        FROM measures.check_made c CROSS JOIN LATERAL unnest(c.measure_codes) AS m(code)
                        LEFT JOIN measures.feedback f ON f.check_id = c.id AND f.measure_code = m.code
                        GROUP BY m.code, c.department_code ORDER BY 4 DESC, 3 DESC, 1, 2""")
                .query((rs, n) -> new JdbcMeasures.CaseCount(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))).list();
        assertThat(checks.cases()).isEqualTo(scanned);
        assertThat(checks.cases()).anySatisfy(c -> {
            assertThat(c.measureCode()).isEqualTo("TOLERANT_ACCEPTANCE");
            assertThat(c.department()).isEqualTo("MARKET");
            assertThat(c.hits()).isGreaterThanOrEqualTo(3);
            assertThat(c.owed()).as("a clean-record incentive owes no feedback").isZero();
            assertThat(c.applied()).isGreaterThanOrEqualTo(1);
            assertThat(c.returnedOwed()).as("its feedback is none of the feedback owed").isZero();
            assertThat(c.returnedPercent()).isNull();
        });
        String lastCheck = checkId;
        assertThat(store.unreturned(10_000)).noneMatch(u -> u.id().toString().equals(lastCheck));
    }

    @Test
    void aCheckOwesFeedbackOnEachMeasureThatFollowedAListEntryUntilEachHasIt() {
        java.util.UUID id = cn.chengxin.shared.Ids.newId();
        java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        audit.record(cn.chengxin.audit.AuditEntry.of(cn.chengxin.audit.AuditCategory.QUERY, "measures.check")
                        .detail("check " + id), JdbcMeasures.CHECK_ROWS,
                new JdbcMeasures.CheckRow(id, at, "test-client", "OWEDTEST", "pseudonym-owed", Scenario.HIRING,
                        "招录审查", 1, List.of("NO_CIVIL_SERVICE", "NO_PUBLIC_INSTITUTION_HIRING", "PRIORITY"),
                        List.of("NO_CIVIL_SERVICE", "NO_PUBLIC_INSTITUTION_HIRING")));
        assertThat(unreturned(id)).hasValueSatisfying(u -> assertThat(u.missing())
                .containsExactlyInAnyOrder("NO_CIVIL_SERVICE", "NO_PUBLIC_INSTITUTION_HIRING"));

        assertThat(store.feedback(id, "NO_CIVIL_SERVICE", true, "不予录用", null, "test-client", at)).isTrue();
        assertThat(unreturned(id)).as("one owed measure still lacks feedback")
                .hasValueSatisfying(u -> assertThat(u.missing()).containsExactly("NO_PUBLIC_INSTITUTION_HIRING"));
        assertThat(store.feedback(id, "PRIORITY", false, "未涉及", null, "test-client", at)).isTrue();
        assertThat(unreturned(id)).as("feedback on an incentive owes nothing and settles nothing").isPresent();

        assertThat(store.feedback(id, "NO_PUBLIC_INSTITUTION_HIRING", true, "不予聘用", null, "test-client", at))
                .isTrue();
        assertThat(unreturned(id)).isEmpty();
        assertThat(store.caseCounts()).filteredOn(c -> c.department().equals("OWEDTEST"))
                .extracting(JdbcMeasures.CaseCount::measureCode, JdbcMeasures.CaseCount::hits,
                        JdbcMeasures.CaseCount::owed, JdbcMeasures.CaseCount::returnedOwed,
                        JdbcMeasures.CaseCount::returned)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("NO_CIVIL_SERVICE", 1L, 1L, 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("NO_PUBLIC_INSTITUTION_HIRING", 1L, 1L, 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("PRIORITY", 1L, 0L, 0L, 1L));
    }

    /**
     * 案例统计 reads feedback against what is owed: a department owes feedback on the measures a check returned for a
     * list entry, not on an incentive granted for a clean record, nor on a check that returned no measure. Feedback
     * returned and measures applied are counted, and their rates given, of the owed hits only; feedback on incentives
     * is shown apart. Before, the incentives' feedback counted as feedback returned, so a department that reported
     * on them and on half its punishments showed more feedback returned than it owed.
     */
    @Test
    void theCaseFiguresCountFeedbackReturnedAndMeasuresAppliedOfTheHitsThatOweIt() throws Exception {
        String department = "RATES" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        java.util.UUID punished = cn.chengxin.shared.Ids.newId();
        java.util.UUID punishedToo = cn.chengxin.shared.Ids.newId();
        java.util.UUID rewarded = cn.chengxin.shared.Ids.newId();
        java.util.UUID nothing = cn.chengxin.shared.Ids.newId();
        List<JdbcMeasures.CheckRow> rows = List.of(
                new JdbcMeasures.CheckRow(punished, at, "test-client", department, "p-rates-1", Scenario.LICENSING,
                        "许可审查", 2, List.of("STRICT_LICENSING", "TOLERANT_ACCEPTANCE"), List.of("STRICT_LICENSING")),
                new JdbcMeasures.CheckRow(punishedToo, at, "test-client", department, "p-rates-2", Scenario.LICENSING,
                        "许可审查", 1, List.of("STRICT_LICENSING"), List.of("STRICT_LICENSING")),
                new JdbcMeasures.CheckRow(rewarded, at, "test-client", department, "p-rates-3", Scenario.LICENSING,
                        "许可审查", 0, List.of("TOLERANT_ACCEPTANCE"), List.of()),
                new JdbcMeasures.CheckRow(nothing, at, "test-client", department, "p-rates-4", Scenario.LICENSING,
                        "许可审查", 0, List.of(), List.of()));
        audit.recordAll(rows.stream().map(r -> cn.chengxin.audit.AuditEntry.of(cn.chengxin.audit.AuditCategory.QUERY,
                "measures.check").detail("check " + r.id())).toList(), JdbcMeasures.CHECK_ROWS, rows);
        assertThat(store.feedback(punished, "STRICT_LICENSING", false, "已审慎办理", null, "test-client", at)).isTrue();
        for (java.util.UUID incentive : List.of(punished, rewarded)) {
            assertThat(store.feedback(incentive, "TOLERANT_ACCEPTANCE", true, "已容缺受理", null, "test-client", at))
                    .isTrue();
        }

        assertThat(store.caseCounts()).filteredOn(c -> c.department().equals(department))
                .extracting(JdbcMeasures.CaseCount::measureCode, JdbcMeasures.CaseCount::hits,
                        JdbcMeasures.CaseCount::owed, JdbcMeasures.CaseCount::returnedOwed,
                        JdbcMeasures.CaseCount::appliedOwed, JdbcMeasures.CaseCount::returnedPercent,
                        JdbcMeasures.CaseCount::appliedPercent, JdbcMeasures.CaseCount::feedbackNotOwed)
                .as("the check that returned nothing is in none of them")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("STRICT_LICENSING", 2L, 2L, 1L, 0L, 50, 0, 0L),
                        org.assertj.core.groups.Tuple.tuple("TOLERANT_ACCEPTANCE", 2L, 0L, 0L, 0L, null, null, 2L));
        assertThat(unreturned(nothing)).isEmpty();
        assertThat(unreturned(rewarded)).isEmpty();
        assertThat(unreturned(punishedToo)).isPresent();

        String page = console();
        assertThat(caseRow(page, "STRICT_LICENSING", department)).endsWith("| 2 | 2 | 1（50%） | 0（0%） | 0 |");
        assertThat(caseRow(page, "TOLERANT_ACCEPTANCE", department)).endsWith("| 2 | 0 | 0 | 0 | 2 |");
        assertThat(page).contains(">应反馈中已反馈<", ">应反馈中已实施<", ">其余反馈（守信激励）<");
    }

    /** The cells of the console's case row of the measure and department, as "text | text | … |". */
    private static String caseRow(String page, String measure, String department) {
        int start = page.indexOf("data-code=\"" + measure + "\" data-department=\"" + department + "\"");
        assertThat(start).as(measure + " of " + department).isNotNegative();
        String row = page.substring(start, page.indexOf("</tr>", start));
        return row.substring(row.indexOf('>') + 1).replace("</td>", " | ").replaceAll("<[^>]*>", "")
                .replaceAll("\\s+", " ").strip();
    }

    /**
     * 联合奖惩 for the credit office: the checks still owing feedback grow with every hit, so they come a page at a
     * time with their total, oldest first; and the cases name the measure and the department, not their codes.
     */
    @Test
    void theChecksOwingFeedbackArePagedWithTheirTotalAndTheCasesNameMeasureAndDepartment() throws Exception {
        java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<java.util.UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            java.util.UUID id = cn.chengxin.shared.Ids.newId();
            ids.add(id);
            audit.record(cn.chengxin.audit.AuditEntry.of(cn.chengxin.audit.AuditCategory.QUERY, "measures.check")
                            .detail("check " + id), JdbcMeasures.CHECK_ROWS,
                    new JdbcMeasures.CheckRow(id, at.plusMillis(i), "test-client", "MARKET", "pseudonym-page-" + i,
                            Scenario.EXECUTIVE, "任职审查", 1, List.of("NO_EXECUTIVE_POSITION"),
                            List.of("NO_EXECUTIVE_POSITION")));
        }
        long owed = jdbc.sql("SELECT count(*) FROM measures.check_made WHERE " + OWED).query(Long.class).single();

        String last = console("page", String.valueOf(owed - 1), "size", "1");
        assertThat(last).contains("共 " + owed + " 条，第 " + owed + " / " + owed + " 页", ids.get(2).toString())
                .doesNotContain(ids.get(1).toString());
        assertThat(console("page", String.valueOf(owed - 2), "size", "1")).contains(ids.get(1).toString())
                .doesNotContain(ids.get(2).toString())
                .contains("href=\"/console/measures?size=1&amp;page=" + (owed - 1) + "\"");
        String name = catalogue.all().stream().filter(m -> m.code().equals("NO_EXECUTIVE_POSITION")).findFirst()
                .orElseThrow().name();
        assertThat(last).as("the cases, the checks owing feedback and the catalogue name measures and departments")
                .contains("<td><span><span>" + name + "</span> <code>NO_EXECUTIVE_POSITION</code>", "市市场监督管理局")
                .doesNotContain(">MARKET<", ">CREDIT_OFFICE<");
        String measures = last.substring(last.indexOf("id=\"measures\""));
        assertThat(measures).as("issue #5: the seeded measures' implementing departments are in the directory")
                .contains("市人民政府国有资产监督管理委员会", "市科学技术局", "市财政局", "市公共资源交易中心")
                .doesNotContain(">SASAC<", ">SCIENCE<", ">FINANCE<", ">PUBLIC_RESOURCES<", "未登记的单位代码");
    }

    /** A department code the directory does not know is never shown bare, as if it were a name (issue #5). */
    @Test
    void anImplementingDepartmentMissingFromTheDirectoryIsFlagged() throws Exception {
        Measure before = catalogue.all().stream().filter(m -> m.code().equals("NO_AWARDS")).findFirst().orElseThrow();
        try {
            jdbc.sql("UPDATE measures.measure SET departments = ARRAY['QNOWHERE', 'FINANCE'], all_departments = false "
                    + "WHERE code = 'NO_AWARDS'").update();
            catalogue.refresh();
            String page = console();
            // In the catalogue: the cases above may name the measure too (a check of another test).
            String row = page.substring(page.indexOf("<code>NO_AWARDS</code>", page.indexOf("id=\"measures\"")));
            row = row.substring(0, row.indexOf("</tr>"));
            assertThat(row).contains("未登记的单位代码", "<code>QNOWHERE</code>", "<span>市财政局</span>")
                    .as("not as a name").doesNotContain("<span>QNOWHERE</span>");
        } finally {
            jdbc.sql("UPDATE measures.measure SET departments = ?::text[], all_departments = ? WHERE code = 'NO_AWARDS'")
                    .params(before.departments().toArray(String[]::new), before.allDepartments()).update();
            forgetApprovedReach("NO_AWARDS");
            catalogue.refresh();
        }
    }

    /**
     * The credit office chasing feedback narrows the checks owing it to one department and sees what each check was
     * for (the purpose the calling system gave), not only its id.
     */
    @Test
    void theChecksOwingFeedbackShowTheirPurposeAndNarrowToADepartment() throws Exception {
        java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        java.util.UUID market = cn.chengxin.shared.Ids.newId();
        java.util.UUID hrss = cn.chengxin.shared.Ids.newId();
        for (var row : List.of(new JdbcMeasures.CheckRow(market, at, "test-client", "MARKET", "pseudonym-dept-1",
                        Scenario.EXECUTIVE, "市场任职审查", 1, List.of("NO_EXECUTIVE_POSITION"),
                        List.of("NO_EXECUTIVE_POSITION")),
                new JdbcMeasures.CheckRow(hrss, at, "test-client", "HRSS", "pseudonym-dept-2", Scenario.HIRING,
                        "事业单位招聘审查", 1, List.of("NO_CIVIL_SERVICE"), List.of("NO_CIVIL_SERVICE")),
                new JdbcMeasures.CheckRow(cn.chengxin.shared.Ids.newId(), at, "test-client", "HRSS",
                        "pseudonym-dept-3", Scenario.HIRING, "公务员招录审查", 1, List.of("NO_CIVIL_SERVICE"),
                        List.of("NO_CIVIL_SERVICE")))) {
            audit.record(cn.chengxin.audit.AuditEntry.of(cn.chengxin.audit.AuditCategory.QUERY, "measures.check")
                    .detail("check " + row.id()), JdbcMeasures.CHECK_ROWS, row);
        }
        long owed = jdbc.sql("SELECT count(*) FROM measures.check_made WHERE " + OWED + " AND department_code = 'HRSS'")
                .query(Long.class).single();

        String page = console("department", "HRSS", "size", "500", "page", String.valueOf((owed - 1) / 500));
        assertThat(page).contains("共 " + owed + " 条", hrss.toString(), "事业单位招聘审查")
                .doesNotContain(market.toString(), "市场任职审查")
                .contains("<option value=\"HRSS\" selected=\"selected\">");
        assertThat(console("department", "HRSS", "size", "1")).as("the pager keeps the department")
                .contains("href=\"/console/measures?size=1&amp;department=HRSS&amp;page=1\"");
    }

    /**
     * A department's approval system works through the checks its department still owes feedback on, a batch at a
     * time, without keeping its own list; it sees only its department's, and a check leaves once every owed measure
     * has its feedback.
     */
    @Test
    void aSystemListsItsDepartmentsChecksOwingFeedbackAndEachLeavesWithItsLastFeedback() throws Exception {
        String department = freshDepartment();
        ApiClients.IssuedKey mine = systemOf(department, "人社审批系统");
        String others = freshDepartment();
        ApiClients.IssuedKey other = systemOf(others, "另一部门审批系统");
        java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<java.util.UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(i < 2 ? owedHiringCheck(mine, department, at.plusMillis(i))
                    : owedHiringCheck(other, others, at.plusMillis(i)));
        }

        mvc.perform(get("/api/v1/checks/feedback-owed").param("limit", "1")
                        .header("Authorization", "Bearer " + mine.key()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.checks.length()").value(1))
                .andExpect(jsonPath("$.checks[0].id").value(ids.get(0).toString()))
                .andExpect(jsonPath("$.checks[0].missing[0]").value("NO_CIVIL_SERVICE"))
                .andExpect(jsonPath("$.checks[0].purpose").value("招录审查"))
                .andExpect(jsonPath("$.next").value(ids.get(0).toString()));
        mvc.perform(get("/api/v1/checks/feedback-owed").param("after", ids.get(0).toString())
                        .header("Authorization", "Bearer " + mine.key()))
                .andExpect(jsonPath("$.checks.length()").value(1))
                .andExpect(jsonPath("$.checks[0].id").value(ids.get(1).toString()))
                .andExpect(jsonPath("$.next").doesNotExist());

        mvc.perform(post("/api/v1/checks/" + ids.get(0) + "/feedback").header("Authorization", "Bearer " + mine.key())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measureCode\":\"NO_CIVIL_SERVICE\",\"applied\":true,\"outcome\":\"不予录用\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/checks/feedback-owed").header("Authorization", "Bearer " + mine.key()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.checks[0].id").value(ids.get(1).toString()));
        mvc.perform(get("/api/v1/checks/feedback-owed").header("Authorization", "Bearer " + other.key()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.checks[0].id").value(ids.get(2).toString()));
    }

    /**
     * A cursor that names none of the system's checks (mistyped, kept from another system's key) would otherwise
     * answer an empty batch without 'next': the system would take it for the end while 'total' checks still wait.
     */
    @Test
    void aCursorThatIsNotOneOfTheSystemsChecksIsRefusedRatherThanTakenForTheEnd() throws Exception {
        String department = freshDepartment();
        String others = freshDepartment();
        ApiClients.IssuedKey mine = systemOf(department, "人社审批系统");
        ApiClients.IssuedKey other = systemOf(others, "另一部门审批系统");
        java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        java.util.UUID owed = owedHiringCheck(mine, department, at);
        java.util.UUID othersCheck = owedHiringCheck(other, others, at);

        for (java.util.UUID after : List.of(othersCheck, cn.chengxin.shared.Ids.newId())) {
            mvc.perform(get("/api/v1/checks/feedback-owed").param("after", after.toString())
                            .header("Authorization", "Bearer " + mine.key()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("AFTER_CHECK_UNKNOWN"));
        }
        mvc.perform(get("/api/v1/checks/feedback-owed").param("after", owed.toString())
                        .header("Authorization", "Bearer " + mine.key()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checks").isEmpty())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.next").doesNotExist());
    }

    /**
     * A system that sent its feedback and lost the answer (a timeout, a dropped connection) sends it again: the same
     * feedback is taken as given, not refused as a conflict; only different feedback on the measure is refused.
     */
    @Test
    void feedbackSentAgainUnchangedIsTakenAsGivenAndOnlyOtherFeedbackIsAConflict() throws Exception {
        ApiClients.IssuedKey mine = hrSystem("人社审批系统");
        java.util.UUID id = owedHiringCheck(mine,
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        String given = "{\"measureCode\":\"NO_CIVIL_SERVICE\",\"applied\":true,\"outcome\":\"不予录用\","
                + "\"note\":\"招录公告第三条\"}";

        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/checks/" + id + "/feedback").header("Authorization", "Bearer " + mine.key())
                            .contentType(MediaType.APPLICATION_JSON).content(given))
                    .andExpect(status().isNoContent());
        }
        mvc.perform(post("/api/v1/checks/" + id + "/feedback").header("Authorization", "Bearer " + mine.key())
                        .contentType(MediaType.APPLICATION_JSON).content(given.replace("true", "false")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("FEEDBACK_EXISTS"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'measures.feedback' AND detail LIKE ?")
                .param("reason=MEASURE_FEEDBACK_APPLIED; check=" + id + "; measure=NO_CIVIL_SERVICE").query(Long.class)
                .single()).as("given once, audited once").isEqualTo(1);
    }

    /**
     * Feedback the audit log cannot record is not kept either: the system is told to send it again (503), and when it
     * does, the feedback is stored and audited then, not taken as given already.
     */
    @Test
    void feedbackThatCannotBeAuditedIsNotKeptAndItsResendIsStoredAndAudited() throws Exception {
        ApiClients.IssuedKey mine = hrSystem("人社审批系统");
        java.util.UUID id = owedHiringCheck(mine,
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        String given = "{\"measureCode\":\"NO_CIVIL_SERVICE\",\"applied\":true,\"outcome\":\"不予录用\"}";
        jdbc.sql("ALTER TABLE audit.event ADD CONSTRAINT test_refused CHECK (detail NOT LIKE "
                + "'reason=MEASURE_FEEDBACK_APPLIED; check=" + id + ";%') NOT VALID").update();
        try {
            mvc.perform(post("/api/v1/checks/" + id + "/feedback").header("Authorization", "Bearer " + mine.key())
                            .contentType(MediaType.APPLICATION_JSON).content(given))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.code").value("AUDIT_UNAVAILABLE"))
                    // Gaps review xxxvii R9: when to send it again, and that the same request may be.
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                            .string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")))
                    .andExpect(jsonPath("$.retry").value("same-request"));
            assertThat(jdbc.sql("SELECT count(*) FROM measures.feedback WHERE check_id = ?").param(id)
                    .query(Long.class).single()).as("not kept unaudited").isZero();
        } finally {
            jdbc.sql("ALTER TABLE audit.event DROP CONSTRAINT test_refused").update();
        }
        mvc.perform(post("/api/v1/checks/" + id + "/feedback").header("Authorization", "Bearer " + mine.key())
                        .contentType(MediaType.APPLICATION_JSON).content(given))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT count(*) FROM measures.feedback WHERE check_id = ?").param(id)
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'measures.feedback' AND detail LIKE ?")
                .param("reason=MEASURE_FEEDBACK_APPLIED; check=" + id + "; measure=NO_CIVIL_SERVICE").query(Long.class)
                .single()).as("audited when kept").isOne();
    }

    /**
     * The administrator binds a department's system to its department in the console; its checks then answer that
     * department's measures and are kept, and owe feedback, under it (issue #5).
     */
    @Test
    void aKeyTheConsoleBindsToItsDepartmentChecksForThatDepartmentsMeasures() throws Exception {
        String passport = freshPassport();
        blackListedPassportHolder(passport);
        java.util.UUID hr = department("HRSS");
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .authentication(cn.chengxin.support.Principals.staff("clients-hr", "CREDIT_OFFICE",
                        cn.chengxin.shared.security.Permission.CONSOLE_HOME,
                        cn.chengxin.shared.security.Permission.ACCOUNT_API_CLIENT_MANAGE));
        var session = cn.chengxin.support.Sessions.of(context);
        var form = java.util.regex.Pattern.compile("name=\"issueToken\" value=\"([^\"]+)\"").matcher(mvc.perform(
                get("/console/api-clients").with(session).with(admin)).andReturn().getResponse().getContentAsString());
        assertThat(form.find()).as("the form's one-time token").isTrue();
        String name = "人社招录审批系统 " + java.util.UUID.randomUUID();
        mvc.perform(post("/console/api-clients").param("issueToken", form.group(1))
                        .with(session).param("name", name)
                        .param("organisation", "市人力资源和社会保障局").param("kind", "DEPARTMENT")
                        .param("departmentId", hr.toString()).param("permission", "api:subject:check")
                        .param("allowedAddresses", "127.0.0.1").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // A second system administrator approves the proposal (issue #3): the key is made and shown to them.
        var checker = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .authentication(cn.chengxin.support.Principals.staff("clients-hr-checker", "CREDIT_OFFICE",
                        cn.chengxin.shared.security.Permission.CONSOLE_HOME,
                        cn.chengxin.shared.security.Permission.ACCOUNT_API_CLIENT_MANAGE));
        java.util.UUID proposal = jdbc.sql("SELECT id FROM account.api_client_proposal WHERE name = ?").param(name)
                .query(java.util.UUID.class).single();
        String key = (String) mvc.perform(post("/console/api-clients/proposals/{id}/approve", proposal)
                        .with(checker).with(csrf()))
                .andReturn().getModelAndView().getModel().get("issuedKey");
        String hiring = travelCheckOfPassport(passport).replace("TRAVEL", "HIRING").replace("购票审查", "招录审查");

        await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() -> mvc.perform(post("/api/v1/checks")
                        .header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                        .content(hiring))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_CIVIL_SERVICE"))));
        String checkId = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/checks")
                        .header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                        .content(hiring))
                .andReturn().getResponse().getContentAsString(), "$.checkId");
        assertThat(jdbc.sql("SELECT department_code FROM measures.check_made WHERE id = ?::uuid").param(checkId)
                .query(String.class).single()).isEqualTo("HRSS");
    }

    /**
     * RULES.md §7 (措施清单: measure, legal basis, implementing department): a check is answered only the measures its
     * department implements. NO_AWARDS named no department, and so went to every department's check by omission; V142
     * keeps it for every department, explicitly. The credit office narrows it to one department on its form (a form
     * naming no department, and not every department, is refused rather than read as every department), another
     * person approves, and then only that department's check is answered it.
     */
    @Test
    void aCheckIsAnsweredOnlyTheMeasuresItsDepartmentImplements() throws Exception {
        Measure before = catalogue.all().stream().filter(m -> m.code().equals("NO_AWARDS")).findFirst().orElseThrow();
        assertThat(before.allDepartments()).as("V142: every department, explicitly").isTrue();
        assertThat(before.departments()).isEmpty();
        String passport = freshPassport();
        blackListedPassportHolder(passport);
        String implementing = freshDepartment();
        ApiClients.IssuedKey mine = systemOf(implementing, "评优审批系统");
        ApiClients.IssuedKey others = systemOf(freshDepartment(), "另一部门评优审批系统");
        String awards = travelCheckOfPassport(passport).replace("TRAVEL", "AWARDS").replace("购票审查", "评优审查");
        try {
            await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() -> measuresOf(others, awards)
                    .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_AWARDS"))));
            assertThat(mvc.perform(get("/console/measures/NO_AWARDS").with(editor())).andReturn().getResponse()
                    .getContentAsString()).as("the form shows the explicit choice")
                    .contains("name=\"allDepartments\" value=\"true\" checked");
            var form = post("/console/measures/NO_AWARDS").with(editor()).with(csrf())
                    .param("name", before.name()).param("legalBasis", before.legalBasis())
                    .param("list", before.listTypes().stream().map(Enum::name).toArray(String[]::new))
                    .param("scenario", before.scenarios().stream().map(Enum::name).toArray(String[]::new))
                    .param("subjectKind", before.subjectKinds().stream().map(Enum::name).toArray(String[]::new));
            assertThat(mvc.perform(form).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                    .getContentAsString()).as("no department is not every department")
                    .contains("<code>MEASURE_INVALID</code>", "须至少选择一个实施部门，或明确选择「所有部门」");
            mvc.perform(form.param("department", implementing)).andExpect(status().is3xxRedirection());
            approvePendingChangeOf("NO_AWARDS");

            measuresOf(mine, awards).andExpect(status().isOk())
                    .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_AWARDS")));
            measuresOf(others, awards).andExpect(status().isOk())
                    .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.hasItem("NO_AWARDS"))));
            assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'measures.revise' ORDER BY seq DESC "
                    + "LIMIT 1").query(String.class).single())
                    .startsWith("reason=MEASURE_REVISED; measure=NO_AWARDS; change=")
                    .contains("departments: [] → [" + implementing + "]", "allDepartments: true → false");
        } finally {
            jdbc.sql("UPDATE measures.measure_change SET status = 'REJECTED', decided_at = now() "
                    + "WHERE measure_code = 'NO_AWARDS' AND status = 'PENDING'").update();
            jdbc.sql("UPDATE measures.measure SET departments = ?::text[], all_departments = ? WHERE code = 'NO_AWARDS'")
                    .params(before.departments().toArray(String[]::new), before.allDepartments()).update();
            forgetApprovedReach("NO_AWARDS");
            catalogue.refresh();
        }
    }

    private org.springframework.test.web.servlet.ResultActions measuresOf(ApiClients.IssuedKey key, String body)
            throws Exception {
        return mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + key.key())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /**
     * A key issued before keys were bound to a department acts for none: its checks were answered every measure named
     * for no department, for any subject. It is refused, single or batch, and nothing is kept.
     */
    @Test
    void aKeyBoundToNoDepartmentMayNotCheck() throws Exception {
        ApiClients.IssuedKey unbound = hrSystem("旧版审批系统");
        jdbc.sql("UPDATE account.api_client SET department_id = NULL WHERE id = ?").param(unbound.clientId())
                .update();

        mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + unbound.key())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumber\":\"11010519491231002X\",\"scenario\":\"TRAVEL\","
                                + "\"purpose\":\"购票审查\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CHECK_DEPARTMENT_REQUIRED"));
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + unbound.key())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumbers\":[\"11010519491231002X\"],\"scenario\":\"HIRING\","
                                + "\"purpose\":\"招录审查\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("CHECK_DEPARTMENT_REQUIRED"));
        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_made WHERE client_id = ?")
                .param(unbound.clientId().toString()).query(Long.class).single()).isZero();
    }

    /**
     * A department gives feedback on its checks with any of its keys: one issued to replace a revoked one finds the
     * checks the old one left owing and closes them; another department's key finds none of them (issue #5).
     */
    @Test
    void aKeyIssuedToReplaceARevokedOneGivesFeedbackOnTheChecksTheOldOneMade() throws Exception {
        String department = freshDepartment();
        ApiClients.IssuedKey old = systemOf(department, "人社审批系统（旧密钥）");
        java.util.UUID id = owedHiringCheck(old, department,
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        apiClients.revoke(old.clientId(), ViolationGround.OTHER, "测试停用");
        ApiClients.IssuedKey renewed = systemOf(department, "人社审批系统（新密钥）");
        ApiClients.IssuedKey others = systemOf(freshDepartment(), "另一部门审批系统");
        String given = "{\"measureCode\":\"NO_CIVIL_SERVICE\",\"applied\":true,\"outcome\":\"不予录用\"}";

        mvc.perform(get("/api/v1/checks/feedback-owed").header("Authorization", "Bearer " + renewed.key()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.checks[0].id").value(id.toString()));
        mvc.perform(get("/api/v1/checks/feedback-owed").header("Authorization", "Bearer " + others.key()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(post("/api/v1/checks/" + id + "/feedback").header("Authorization", "Bearer " + others.key())
                        .contentType(MediaType.APPLICATION_JSON).content(given))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CHECK_UNKNOWN"));
        mvc.perform(post("/api/v1/checks/" + id + "/feedback").header("Authorization", "Bearer " + renewed.key())
                        .contentType(MediaType.APPLICATION_JSON).content(given))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/checks/feedback-owed").header("Authorization", "Bearer " + renewed.key()))
                .andExpect(jsonPath("$.total").value(0));
    }

    /** A department of its own, so that what it owes is counted apart from every other test's checks. */
    private String freshDepartment() {
        String code = "T" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        directory.createDepartment(code, "测试部门 " + code, cn.chengxin.account.Department.Kind.RESPONDING_UNIT,
                List.of());
        return code;
    }

    /** The key of an approval system of {@code departmentCode} that checks subjects. */
    private ApiClients.IssuedKey systemOf(String departmentCode, String name) {
        return apiClients.issue(name, departmentCode, cn.chengxin.account.ApiClient.Kind.DEPARTMENT,
                department(departmentCode), Set.of(cn.chengxin.shared.security.Permission.API_SUBJECT_CHECK), 6000);
    }

    private java.util.UUID department(String code) {
        return directory.departments().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow().id();
    }

    /**
     * A refused check leaves a trace (issue #5: every check is audited): one security event each, with the refusal's
     * code, the subject by pseudonym when its number is well formed, never the number. These requests meet the lean
     * lane's conditions (exact path, small body, an API key): it declines them and ChecksApi refuses them, so each is
     * audited once, not once on each path.
     */
    @Test
    void aRefusedCheckIsAuditedOnceAsRefusedWithoutTheNumberInClear() throws Exception {
        ApiClients.IssuedKey mine = hrSystem("人社审批系统（拒绝）");
        String resident = cn.chengxin.support.TestCitizens.register(subjects, "甘若溪").number();
        String malformed = resident.substring(0, 17) + (resident.endsWith("1") ? "2" : "1");
        String base = "{\"subjectNumber\":\"" + resident + "\",\"scenario\":\"HIRING\",\"purpose\":\"招录审查\"}";

        String notHers = java.util.Arrays.stream(Scenario.values()).filter(sc -> !catalogue.mayCheck("HRSS", sc))
                .findFirst().orElseThrow().name();
        refusedOnce(mine, base.replace("HIRING", notHers), 403, "SCENARIO_NOT_ALLOWED",
                subjects.pseudonymOf(subjects.validate(null, resident)));
        refusedOnce(mine, base.replace("招录审查", "招录审查 " + resident), 422, "FREE_TEXT_HOLDS_IDENTITY_NUMBER",
                subjects.pseudonymOf(subjects.validate(null, resident)));
        refusedOnce(mine, base.replace(resident, malformed), 400, "ID_CHECKSUM", null);

        String batch = "{\"subjectNumbers\":[\"" + resident + "\",\"" + malformed + "\"],\"scenario\":\"HIRING\","
                + "\"purpose\":\"批量招录审查\"}";
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + mine.key())
                        .contentType(MediaType.APPLICATION_JSON).content(batch))
                .andExpect(status().isOk()).andExpect(jsonPath("$[1].code").value("ID_CHECKSUM"));
        assertThat(refusals(mine)).as("the batch's malformed number, with the rest of the batch")
                .containsExactly("reason=MEASURE_BATCH_ITEM_REFUSED; refusal=ID_CHECKSUM; "
                        + "scenario=#measures.scenario.HIRING; item=2|null");
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + mine.key())
                        .contentType(MediaType.APPLICATION_JSON).content(batch.replace("HIRING", notHers)))
                .andExpect(status().isForbidden());
        assertThat(refusals(mine)).as("a batch refused whole, once")
                .containsExactly("reason=MEASURE_BATCH_REFUSED; refusal=SCENARIO_NOT_ALLOWED; "
                        + "scenario=#measures.scenario." + notHers + "; subjects=2|null");
        assertThat(cn.chengxin.support.ClearIdentityNumbers.inDatabase(jdbc))
                .noneMatch(found -> found.endsWith(resident) || found.endsWith(malformed));
    }

    /**
     * Feedback refused — on a check unknown or another department's, with a body that does not read or breaks a
     * constraint, on a measure the check did not return, without an outcome — or audited as given and then not stored
     * is audited as refused, with its code: the subject and the measure only for the department's own check, never
     * the text the caller sent (here an identity number as the measure). The answers are those given before. Refused
     * before the handler ran (a body not JSON, 415; an id that is no UUID, 404), it is audited too, from the error
     * handling, with its code and without the subject or the id sent (here an identity number as the id).
     */
    @Test
    void refusedFeedbackIsAuditedAsRefusedWithItsCode() throws Exception {
        ApiClients.IssuedKey mine = hrSystem("人社反馈系统（拒绝）");
        java.time.Instant at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        java.util.UUID own = owedHiringCheck(mine, at);
        java.util.UUID others = owedHiringCheck(mine, "MARKET", at);
        java.util.UUID unknown = cn.chengxin.shared.Ids.newId();
        String pseudonym = "pseudonym-owed-" + own;
        String given = "{\"measureCode\":\"NO_CIVIL_SERVICE\",\"applied\":true,\"outcome\":\"不予录用\"}";

        feedbackOf(mine, unknown, given).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CHECK_UNKNOWN"));
        feedbackOf(mine, others, given).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CHECK_UNKNOWN"));
        feedbackOf(mine, own, "{\"measureCode\":\"NO_CIVIL_SERVICE\",\"outcome\":\"不予录用\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("applied"));
        feedbackOf(mine, own, "{\"measureCode\":").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        feedbackOf(mine, own, given.replace("true", "\"maybe\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value("applied"));
        feedbackOf(mine, own, "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        feedbackOf(mine, own, given.replace("NO_CIVIL_SERVICE", "11010519491231002X"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("MEASURE_NOT_IN_CHECK"));
        feedbackOf(mine, own, given.replace("不予录用", " ")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("OUTCOME_REQUIRED"));
        mvc.perform(post("/api/v1/checks/" + own + "/feedback").header("Authorization", "Bearer " + mine.key())
                        .contentType(MediaType.TEXT_PLAIN).content(given))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        String resident = cn.chengxin.support.TestCitizens.register(subjects, "应若溪").number();
        mvc.perform(post("/api/v1/checks/" + resident + "/feedback").header("Authorization", "Bearer " + mine.key())
                        .contentType(MediaType.APPLICATION_JSON).content(given))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        String refused = "reason=MEASURE_FEEDBACK_REFUSED; refusal=";
        assertThat(feedbackRefusals(mine)).containsExactly(
                refused + "CHECK_UNKNOWN; check=" + unknown + "|null",
                refused + "CHECK_UNKNOWN; check=" + others + "|null",
                refused + "VALIDATION_FAILED; check=" + own + "|" + pseudonym,
                refused + "MALFORMED_REQUEST; check=" + own + "|" + pseudonym,
                refused + "MALFORMED_REQUEST; check=" + own + "|" + pseudonym,
                refused + "MALFORMED_REQUEST; check=" + own + "|" + pseudonym,
                refused + "MEASURE_NOT_IN_CHECK; check=" + own + "|" + pseudonym,
                "reason=MEASURE_FEEDBACK_REFUSED_MEASURE; refusal=OUTCOME_REQUIRED; check=" + own
                        + "; measure=NO_CIVIL_SERVICE|" + pseudonym,
                refused + "UNSUPPORTED_MEDIA_TYPE; check=" + own + "|null",
                "reason=MEASURE_FEEDBACK_REFUSED_NO_ID; refusal=NOT_FOUND|null");
        assertThat(cn.chengxin.support.ClearIdentityNumbers.inDatabase(jdbc)).as("the id sent is never kept")
                .noneMatch(found -> found.endsWith(resident));

        jdbc.sql("ALTER TABLE measures.feedback ADD CONSTRAINT test_not_stored CHECK (check_id <> '" + own
                + "'::uuid) NOT VALID").update();
        try {
            feedbackOf(mine, own, given).andExpect(status().isInternalServerError());
        } finally {
            jdbc.sql("ALTER TABLE measures.feedback DROP CONSTRAINT test_not_stored").update();
        }
        assertThat(feedbackRefusals(mine)).as("audited as given, then as not stored").containsExactly(
                "reason=MEASURE_FEEDBACK_REFUSED_MEASURE; refusal=FEEDBACK_NOT_STORED; check=" + own
                        + "; measure=NO_CIVIL_SERVICE|" + pseudonym);
        feedbackOf(mine, own, given).andExpect(status().isNoContent());
        assertThat(unreturned(own)).isEmpty();
        assertThat(feedbackRefusals(mine)).isEmpty();
    }

    /**
     * Feedback whose body declares a length past the API's bound is refused before it is read, and audited as refused
     * as every other refused feedback is (issue #2), with its code and nothing of the body.
     */
    @Test
    void feedbackRefusedForTheLengthItDeclaresIsAuditedAsRefused() throws Exception {
        ApiClients.IssuedKey mine = hrSystem("人社反馈系统（超长）");
        java.util.UUID own = owedHiringCheck(mine, java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        feedbackRefusals(mine);
        byte[] large = ("{\"measureCode\":\"NO_CIVIL_SERVICE\",\"applied\":true,\"outcome\":\""
                + "不".repeat(12 << 20) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        mvc.perform(post("/api/v1/checks/" + own + "/feedback").header("Authorization", "Bearer " + mine.key())
                        .contentType(MediaType.APPLICATION_JSON).content(large))
                .andExpect(status().is(413)).andExpect(jsonPath("$.code").value("BODY_TOO_LARGE"));
        assertThat(feedbackRefusals(mine)).containsExactly(
                "reason=MEASURE_FEEDBACK_REFUSED; refusal=BODY_TOO_LARGE; check=" + own + "|null");
        assertThat(unreturned(own)).as("still owed").isNotEmpty();
    }

    private org.springframework.test.web.servlet.ResultActions feedbackOf(ApiClients.IssuedKey system,
            java.util.UUID check, String body) throws Exception {
        return mvc.perform(post("/api/v1/checks/" + check + "/feedback")
                .header("Authorization", "Bearer " + system.key())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** The system's refused feedback audited since the last look ("detail|pseudonym"), each then marked as seen. */
    private List<String> feedbackRefusals(ApiClients.IssuedKey mine) {
        List<String> found = jdbc.sql("SELECT detail || '|' || coalesce(subject_pseudonym, 'null') FROM audit.event "
                        + "WHERE actor_id = ? AND action = 'measures.feedback.refused' AND result = 'DENIED' "
                        + "AND category = 'SECURITY' AND seq > ? ORDER BY seq")
                .param(mine.clientId().toString()).param(seenUpTo).query(String.class).list();
        seenUpTo = jdbc.sql("SELECT max(seq) FROM audit.event").query(Long.class).single();
        return found;
    }

    /** Refused with its status and code, and audited as refused exactly once, by this system. */
    private void refusedOnce(ApiClients.IssuedKey mine, String body, int status, String code, String pseudonym)
            throws Exception {
        mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + mine.key())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status)).andExpect(jsonPath("$.code").value(code));
        assertThat(refusals(mine)).as(code).singleElement().asString()
                .startsWith("reason=MEASURE_CHECK_REFUSED; refusal=" + code + "; scenario=#measures.scenario.")
                .endsWith("|" + pseudonym);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE actor_id = ? AND action = 'measures.check'")
                .param(mine.clientId().toString()).query(Long.class).single()).as("not a check made").isZero();
    }

    /** The system's refused checks audited since the last look ("detail|pseudonym"), each then marked as seen. */
    private List<String> refusals(ApiClients.IssuedKey mine) {
        List<String> found = jdbc.sql("SELECT detail || '|' || coalesce(subject_pseudonym, 'null') FROM audit.event "
                        + "WHERE actor_id = ? AND action = 'measures.check.refused' AND result = 'DENIED' "
                        + "AND category = 'SECURITY' AND seq > ? ORDER BY seq")
                .param(mine.clientId().toString()).param(seenUpTo).query(String.class).list();
        seenUpTo = jdbc.sql("SELECT max(seq) FROM audit.event").query(Long.class).single();
        return found;
    }

    private long seenUpTo = -1;

    /** The key of an approval system of the human-resources department that checks subjects. */
    private ApiClients.IssuedKey hrSystem(String name) {
        java.util.UUID hr = directory.departments().stream().filter(d -> d.code().equals("HRSS")).findFirst()
                .orElseThrow().id();
        return apiClients.issue(name, "HRSS", cn.chengxin.account.ApiClient.Kind.DEPARTMENT, hr,
                Set.of(cn.chengxin.shared.security.Permission.API_SUBJECT_CHECK), 6000);
    }

    /**
     * Feedback is owed on the measures that followed a list entry, and welcome on the incentives a check granted for
     * a clean record (联合激励 is fed back too, RULES.md §7: the case figures count them as 已反馈, 已实施); a measure
     * the answer did not contain is refused, named, whatever the check owed.
     */
    @Test
    void feedbackIsTakenOnlyOnMeasuresTheAnswerContained() throws Exception {
        String resident = cn.chengxin.support.TestCitizens.register(subjects, "柏雅琴").number();
        String answer = mvc.perform(checkBody("{\"subjectNumber\":\"" + resident + "\",\"scenario\":\"LICENSING\","
                        + "\"purpose\":\"许可审查\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.feedbackRequired").value(false))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("TOLERANT_ACCEPTANCE")))
                .andReturn().getResponse().getContentAsString();
        String checkId = com.jayway.jsonpath.JsonPath.read(answer, "$.checkId");

        for (String absent : List.of("NO_FLIGHTS_TRAINS", "NO_SUCH_MEASURE")) {
            mvc.perform(post("/api/v1/checks/" + checkId + "/feedback")
                            .header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"measureCode\":\"" + absent + "\",\"applied\":true,\"outcome\":\"已实施\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("MEASURE_NOT_IN_CHECK"))
                    .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString(absent)));
        }
        mvc.perform(post("/api/v1/checks/" + checkId + "/feedback")
                        .header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measureCode\":\"TOLERANT_ACCEPTANCE\",\"applied\":true,\"outcome\":\"已容缺受理\"}"))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT measure_code FROM measures.feedback WHERE check_id = ?::uuid").param(checkId)
                .query(String.class).list()).containsExactly("TOLERANT_ACCEPTANCE");
    }

    /**
     * Feedback without an outcome is one refusal, OUTCOME_REQUIRED (422), whether the outcome is missing, blank or
     * too long: an approval system handles one code, not a 400 for a missing field and a 422 for an empty one. None
     * of them is kept, and the feedback is still taken afterwards.
     */
    @Test
    void feedbackWithoutAnOutcomeIsRefusedWithOneCodeWhetherMissingBlankOrTooLong() throws Exception {
        ApiClients.IssuedKey mine = hrSystem("人社审批系统");
        java.util.UUID id = owedHiringCheck(mine,
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        String tooLong = "不".repeat(201);
        for (String outcome : List.of("", ",\"outcome\":null", ",\"outcome\":\"  \"",
                ",\"outcome\":\"" + tooLong + "\"")) {
            mvc.perform(post("/api/v1/checks/" + id + "/feedback").header("Authorization", "Bearer " + mine.key())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"measureCode\":\"NO_CIVIL_SERVICE\",\"applied\":true" + outcome + "}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("OUTCOME_REQUIRED"));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM measures.feedback WHERE check_id = ?").param(id)
                .query(Long.class).single()).as("none kept").isZero();
        mvc.perform(post("/api/v1/checks/" + id + "/feedback").header("Authorization", "Bearer " + mine.key())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measureCode\":\"NO_CIVIL_SERVICE\",\"applied\":true,\"outcome\":\"不予录用\"}"))
                .andExpect(status().isNoContent());
    }

    /**
     * The check answers JSON only: an approval system that asks for another format is told so before anything is
     * checked, as the batch is, and an Accept that JSON satisfies (or none) is answered.
     */
    @Test
    void aCheckAskedForAFormatOtherThanJsonIsNotAcceptableAndNotMade() throws Exception {
        String purpose = "格式协商 " + java.util.UUID.randomUUID();
        String body = "{\"subjectNumber\":\"11010519491231002X\",\"scenario\":\"INSPECTION\",\"purpose\":\""
                + purpose + "\"}";
        for (String refused : List.of("application/xml", "text/html", "text/csv;q=0.9, application/xml")) {
            mvc.perform(checkBody(body).header("Accept", refused))
                    .andExpect(status().isNotAcceptable())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("NOT_ACCEPTABLE"));
        }
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .header("Accept", "application/xml").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumbers\":[\"11010519491231002X\"],\"scenario\":\"INSPECTION\","
                                + "\"purpose\":\"" + purpose + "\"}"))
                .andExpect(status().isNotAcceptable()).andExpect(jsonPath("$.code").value("NOT_ACCEPTABLE"));
        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_made WHERE purpose = ?").param(purpose)
                .query(Long.class).single()).as("no check made for an answer that cannot be given").isZero();

        for (String accepted : List.of("*/*", "application/json", "application/*",
                "text/html, application/json;q=0.9", "Application/JSON; charset=utf-8")) {
            mvc.perform(checkBody(body).header("Accept", accepted)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.checkId").isNotEmpty());
        }
        mvc.perform(checkBody(body)).andExpect(status().isOk());
    }

    /**
     * A department that reads only the measures sees which rest on entries marked in dispute only (异议处理中,
     * RULES.md §5: the mark shows everywhere the record shows), not only the entries themselves.
     */
    @Test
    void aMeasureFollowingADisputedEntryIsMarkedDisputed() throws Exception {
        String passport = freshPassport();
        java.util.UUID entry = blackListedPassportHolder(passport);
        String check = travelCheckOfPassport(passport);
        await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() -> mvc.perform(checkBody(check))
                .andExpect(jsonPath("$.measures[?(@.code == 'NO_FLIGHTS_TRAINS')].disputed").value(false)));

        listing.markEntryDisputed(entry, true);

        await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() -> mvc.perform(checkBody(check))
                .andExpect(jsonPath("$.entries[0].disputed").value(true))
                .andExpect(jsonPath("$.measures[?(@.code == 'NO_FLIGHTS_TRAINS')].disputed").value(true)));
    }

    /**
     * A subject on the black list by two entries, one of them under objection: the department sees that the measure
     * rests on both, so it stands whatever the objection's outcome, and is not marked disputed; once both are, it is.
     * The batch answers the same.
     */
    @Test
    void aMeasureNamesTheEntriesItRestsOnAndIsDisputedOnlyWhenEachOfThemIs() throws Exception {
        String passport = freshPassport();
        java.util.UUID holder = passportHolder(passport);
        String first = courtListed(holder, passport).toString();
        String second = courtListed(holder, passport).toString();
        List<String> both = java.util.stream.Stream.of(first, second).sorted().toList();
        listing.markEntryDisputed(java.util.UUID.fromString(first), true);
        String check = travelCheckOfPassport(passport);

        await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() -> {
            String answer = mvc.perform(checkBody(check)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(answer, "$.entries[*].id"))
                    .containsExactlyInAnyOrder(first, second);
            assertThat(com.jayway.jsonpath.JsonPath.<Boolean>read(answer, "$.disputed")).isTrue();
            assertThat(flights(answer, "$", "basedOn")).containsExactly(both);
            assertThat(flights(answer, "$", "disputed")).containsExactly(false);
        });
        String batched = travelBatchOfPassport(passport);
        assertThat(flights(batched, "$[0].result", "basedOn")).containsExactly(both);
        assertThat(flights(batched, "$[0].result", "disputed")).containsExactly(false);

        listing.markEntryDisputed(java.util.UUID.fromString(second), true);

        await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() -> {
            String answer = mvc.perform(checkBody(check)).andReturn().getResponse().getContentAsString();
            assertThat(flights(answer, "$", "basedOn")).containsExactly(both);
            assertThat(flights(answer, "$", "disputed")).containsExactly(true);
        });
        assertThat(flights(travelBatchOfPassport(passport), "$[0].result", "disputed")).containsExactly(true);
    }

    /**
     * A field of NO_FLIGHTS_TRAINS in the check's answer at {@code result}: one value, as the measure is listed once;
     * the entries it rests on are sorted, as the answer promises no order.
     */
    private static List<Object> flights(String answer, String result, String field) {
        List<Object> values = com.jayway.jsonpath.JsonPath.read(answer,
                result + ".measures[?(@.code == 'NO_FLIGHTS_TRAINS')]." + field);
        return values.stream().map(v -> v instanceof List<?> ids ? ids.stream().map(String::valueOf).sorted().toList()
                : v).toList();
    }

    /** The passport holder checked in a batch of one, as the demo system checks travellers. */
    private String travelBatchOfPassport(String passport) throws Exception {
        return mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjects\":[{\"subjectNumber\":\"" + passport + "\",\"documentType\":"
                                + "\"PASSPORT\"}],\"scenario\":\"TRAVEL\",\"purpose\":\"批量购票审查\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A hiring check the system made, stored as checks are, that owes feedback on NO_CIVIL_SERVICE. */
    private java.util.UUID owedHiringCheck(ApiClients.IssuedKey system, java.time.Instant at) {
        return owedHiringCheck(system, "HRSS", at);
    }

    /** The same, made by a system of {@code department}. */
    private java.util.UUID owedHiringCheck(ApiClients.IssuedKey system, String department, java.time.Instant at) {
        java.util.UUID id = cn.chengxin.shared.Ids.newId();
        audit.record(cn.chengxin.audit.AuditEntry.of(cn.chengxin.audit.AuditCategory.QUERY, "measures.check")
                        .detail("check " + id), JdbcMeasures.CHECK_ROWS,
                new JdbcMeasures.CheckRow(id, at, system.clientId().toString(), department, "pseudonym-owed-" + id,
                        Scenario.HIRING, "招录审查", 1, List.of("NO_CIVIL_SERVICE"), List.of("NO_CIVIL_SERVICE")));
        return id;
    }

    private String console(String... params) throws Exception {
        return mvc.perform(withParams(get("/console/measures"), params).with(staff("office-cases", "measure:cases")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private java.util.Optional<JdbcMeasures.Unreturned> unreturned(java.util.UUID id) {
        return store.unreturned(10_000).stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Test
    void aMeasureTurnedOffIsAuditedAndReachesEveryInstanceWithinASecond() throws Exception {
        // Other tests of the JVM (MeasureReviewIT) turn it off too.
        long disabledBefore = jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'measures.disable' "
                + "AND detail LIKE ?").param("reason=MEASURE_DISABLED; measure=NO_AWARDS; change=%").query(Long.class)
                .single();
        try {
            mvc.perform(post("/console/measures/NO_AWARDS/enabled").param("enabled", "false")
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.user("office-clerk").authorities(
                                            List.of("STAFF", "console:home", "measure:edit").stream()
                                                    .map(org.springframework.security.core.authority
                                                            .SimpleGrantedAuthority::new).toList()))
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(status().is3xxRedirection());
            approvePendingChangeOf("NO_AWARDS");
            assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'measures.disable' AND detail LIKE ?")
                    .param("reason=MEASURE_DISABLED; measure=NO_AWARDS; change=%").query(Long.class).single())
                    .isEqualTo(disabledBefore + 1);

            // Another instance turns it on again: this one follows within a second.
            jdbc.sql("UPDATE measures.measure SET enabled = true WHERE code = 'NO_AWARDS'").update();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (!enabled("NO_AWARDS") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(enabled("NO_AWARDS")).isTrue();
        } finally {
            jdbc.sql("UPDATE measures.measure SET enabled = true WHERE code = 'NO_AWARDS'").update();
            forgetApprovedReach("NO_AWARDS");
            catalogue.refresh();
        }
    }

    /**
     * The credit office keeps the catalogue: a measure's legal basis, departments and scenarios are revised on its
     * form, audited with what changed, and checks follow at once; a revision the measure could not stand under
     * (RULES.md §7: the grey list's measures reduce no rights) is refused with its reasons and changes nothing: the
     * form comes back with the reasons and what was typed, to correct rather than type again.
     */
    @Test
    void aMeasureRevisedInTheConsoleIsAuditedAndChecksFollowItAtOnce() throws Exception {
        Measure before = catalogue.all().stream().filter(m -> m.code().equals("NO_CIVIL_SERVICE")).findFirst()
                .orElseThrow();
        String hiring = "{\"subjectNumber\":\"11010519491231002X\",\"scenario\":\"HIRING\",\"purpose\":\"招录审查\"}";
        mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content(hiring))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("SCENARIO_NOT_ALLOWED"));
        try {
            assertThat(mvc.perform(get("/console/measures/NO_CIVIL_SERVICE").with(editor()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                    .contains(before.legalBasis(), "value=\"HRSS\" checked", "value=\"BLACK\"",
                            "value=\"PERSON\" checked", "value=\"ORGANISATION\"", "value=\"BLACK_COURT_DEFAULTER\"")
                    .doesNotContain("value=\"ORGANISATION\" checked", "value=\"BLACK_COURT_DEFAULTER\" checked")
                    .as("a rights-reducing measure is offered the black list and its rules only")
                    .doesNotContain("value=\"GREY\"", "value=\"GREY_ABNORMAL_OPERATIONS\"", "value=\"RED_VOLUNTEER\"");

            mvc.perform(post("/console/measures/NO_CIVIL_SERVICE").with(editor()).with(csrf())
                            .param("name", before.name()).param("legalBasis", "《公务员录用规定》第十八条（修订）")
                            .param("department", "HRSS", "MARKET").param("list", "BLACK")
                            .param("scenario", "HIRING", "EXECUTIVE").param("subjectKind", "PERSON")
                            .param("rule", "BLACK_COURT_DEFAULTER", "BLACK_TAX_SERIOUS"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute("successKey", "measures.proposed"));
            approvePendingChangeOf("NO_CIVIL_SERVICE");
            Measure after = catalogue.all().stream().filter(m -> m.code().equals("NO_CIVIL_SERVICE")).findFirst()
                    .orElseThrow();
            assertThat(after.legalBasis()).isEqualTo("《公务员录用规定》第十八条（修订）");
            assertThat(after.departments()).containsExactlyInAnyOrder("HRSS", "MARKET");
            assertThat(after.scenarios()).containsExactlyInAnyOrder(Scenario.HIRING, Scenario.EXECUTIVE);
            assertThat(after.subjectKinds()).containsExactly(cn.chengxin.subject.domain.SubjectKind.PERSON);
            assertThat(after.ruleCodes()).containsExactlyInAnyOrder("BLACK_COURT_DEFAULTER", "BLACK_TAX_SERIOUS");
            assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'measures.revise' ORDER BY seq DESC "
                    + "LIMIT 1").query(String.class).single())
                    .startsWith("reason=MEASURE_REVISED; measure=NO_CIVIL_SERVICE; change=")
                    .contains("departments: [CREDIT_OFFICE, HRSS] → [HRSS, MARKET]", "（修订）",
                            "rules: [] → [BLACK_COURT_DEFAULTER, BLACK_TAX_SERIOUS]")
                    .as("the subjects it reaches did not change").doesNotContain("subjectKinds");
            assertThat(console()).as("the catalogue shows whom a measure reaches and the rules it is limited to")
                    .contains("<td>失信被执行人、重大税收违法失信主体</td>", "<td>自然人</td>");
            mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                            .contentType(MediaType.APPLICATION_JSON).content(hiring))
                    .andExpect(status().isOk());

            String refused = mvc.perform(post("/console/measures/NO_CIVIL_SERVICE").with(editor()).with(csrf())
                            .param("name", "不得录用为公务员（修订稿）").param("legalBasis", " ")
                            .param("list", "GREY", "BLACK").param("scenario", "HIRING", "TITLES")
                            .param("department", "MARKET", "NOWHERE").param("subjectKind", "ORGANISATION")
                            .param("rule", "BLACK_TAX_SERIOUS"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
                            .attribute("failureCode", "MEASURE_INVALID"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(refused).as("the refusal, on the form").contains("<code>MEASURE_INVALID</code>",
                    "须写明措施的法律、法规或政策依据", "不能适用于重点关注名单", "没有这个部门：NOWHERE");
            assertThat(refused).as("what was typed, not what is stored").contains("id=\"measure-form\"",
                            "value=\"不得录用为公务员（修订稿）\"", "value=\"MARKET\" checked", "value=\"BLACK\" checked",
                            "value=\"HIRING\" checked", "value=\"TITLES\" checked",
                            "value=\"ORGANISATION\" checked", "value=\"BLACK_TAX_SERIOUS\" checked")
                    .doesNotContain("value=\"HRSS\" checked", "value=\"PERSON\" checked",
                            "value=\"BLACK_COURT_DEFAULTER\" checked", "value=\"EXECUTIVE\" checked",
                            after.legalBasis(),
                            "value=\"" + before.name() + "\"");
            assertThat(catalogue.all()).contains(after);
        } finally {
            jdbc.sql("""
                            UPDATE measures.measure SET legal_basis = ?, departments = ?::text[], all_departments = ?,
                                scenarios = ?::text[], subject_kinds = ?::text[], rule_codes = ?::text[]
                            WHERE code = 'NO_CIVIL_SERVICE'""")
                    .params(before.legalBasis(), before.departments().toArray(String[]::new), before.allDepartments(),
                            before.scenarios().stream().map(Enum::name).toArray(String[]::new),
                            before.subjectKinds().stream().map(Enum::name).toArray(String[]::new),
                            before.ruleCodes().toArray(String[]::new)).update();
            forgetApprovedReach("NO_CIVIL_SERVICE");
            catalogue.refresh();
        }
    }

    /**
     * RULES.md §7 (review xxv H7): a measure added to the black list after a person was listed is not answered for
     * their entry — their notice named the measures in force then — but for entries that take effect from the day
     * after its approval; the effective notice of an entry names exactly what the checks answer for it; switched off,
     * the measure stops at once for every entry.
     */
    @Test
    void aMeasureWidenedAfterAnEntryTookEffectReachesOnlyEntriesThatTookEffectAfterItsApproval() throws Exception {
        Measure before = catalogue.all().stream().filter(m -> m.code().equals("WARNING_TALK")).findFirst()
                .orElseThrow();
        java.time.Clock clock = context.getBean(java.time.Clock.class);
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        String earlier = blackListedResident("列入在先", today.minusDays(30));
        String later = blackListedResident("列入在后", today.minusDays(2));
        String licensing = "{\"subjectNumber\":\"%s\",\"scenario\":\"LICENSING\",\"purpose\":\"许可受理\"}";
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String number : List.of(earlier, later)) {
                mvc.perform(checkBody(licensing.formatted(number)))
                        .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("STRICT_LICENSING")));
            }
        });
        try {
            MeasureChange widened = cn.chengxin.support.AsStaff.as("reach-maker", () -> catalogue.proposeRevision(
                    "WARNING_TALK", before.name(), before.legalBasis(), before.departments(), before.allDepartments(),
                    Set.of(ListType.GREY, ListType.BLACK), before.scenarios(), before.cleanRecord(),
                    before.subjectKinds(), before.ruleCodes()));
            cn.chengxin.support.AsStaff.as("reach-checker", () -> {
                catalogue.approve(widened.id(), "同意");
                return null;
            });
            assertThat(jdbc.sql("SELECT applies_from FROM measures.measure_version WHERE change_id = ?")
                    .param(widened.id()).query(java.time.LocalDate.class).single()).isEqualTo(today.plusDays(1));
            for (String number : List.of(earlier, later)) {
                mvc.perform(checkBody(licensing.formatted(number))).andExpect(status().isOk())
                        .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.hasItem("WARNING_TALK"))));
            }
            // Listed today, after the approval: its effective notice is written now, without the measure, and the
            // checks answer what it names.
            String passport = freshPassport();
            java.util.UUID listedToday = blackListedPassportHolder(passport);
            String notice = listing.noticesOfEntry(listedToday).stream()
                    .filter(n -> n.kind() == cn.chengxin.listing.ListNotice.Kind.EFFECTIVE).findFirst().orElseThrow()
                    .body();
            String strictLicensing = catalogue.all().stream().filter(m -> m.code().equals("STRICT_LICENSING"))
                    .findFirst().orElseThrow().name();
            assertThat(notice).contains(strictLicensing).doesNotContain(before.name());
            String passportLicensing = travelCheckOfPassport(passport).replace("TRAVEL", "LICENSING");
            await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() -> mvc.perform(
                            checkBody(passportLicensing))
                    .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("STRICT_LICENSING")))
                    .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.hasItem("WARNING_TALK")))));

            // As if approved eleven days ago: the entry of two days ago took effect after it, the other before.
            java.time.LocalDate from = today.minusDays(10);
            jdbc.sql("UPDATE measures.measure_version SET applies_from = ? WHERE change_id = ?")
                    .params(from, widened.id()).update();
            catalogue.refresh();
            mvc.perform(checkBody(licensing.formatted(earlier))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("STRICT_LICENSING")))
                    .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.hasItem("WARNING_TALK"))));
            mvc.perform(checkBody(licensing.formatted(later))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("WARNING_TALK")));
            java.time.ZoneId zone = clock.getZone();
            assertThat(catalogue.forEntry(ListType.BLACK, null, cn.chengxin.subject.domain.SubjectKind.PERSON,
                    today.minusDays(30).atStartOfDay(zone).toInstant())).as("the notice of the entry listed before")
                    .contains(strictLicensing).doesNotContain(before.name());
            assertThat(catalogue.forEntry(ListType.BLACK, null, cn.chengxin.subject.domain.SubjectKind.PERSON,
                    today.minusDays(2).atStartOfDay(zone).toInstant())).contains(before.name());
            assertThat(console()).contains("适用于 " + from + " 起生效的名单条目：严重失信主体名单",
                    "只适用于审核通过次日起生效的名单条目");
            assertThat(console("lang", "en")).contains("Applies to entries in force from " + from
                    + ": Serious dishonesty list");

            MeasureChange off = cn.chengxin.support.AsStaff.as("reach-maker", () -> catalogue.proposeSwitch(
                    "WARNING_TALK", false));
            cn.chengxin.support.AsStaff.as("reach-checker", () -> {
                catalogue.approve(off.id(), "停用");
                return null;
            });
            for (String number : List.of(earlier, later)) {
                mvc.perform(checkBody(licensing.formatted(number))).andExpect(status().isOk())
                        .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("STRICT_LICENSING")))
                        .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.hasItem("WARNING_TALK"))));
            }
        } finally {
            jdbc.sql("UPDATE measures.measure_change SET status = 'REJECTED', decided_at = now() "
                    + "WHERE measure_code = 'WARNING_TALK' AND status = 'PENDING'").update();
            jdbc.sql("UPDATE measures.measure SET list_types = ?::text[], enabled = true WHERE code = 'WARNING_TALK'")
                    .param(before.listTypes().stream().map(Enum::name).toArray(String[]::new)).update();
            forgetApprovedReach("WARNING_TALK");
            catalogue.refresh();
        }
    }

    /** A resident on the black list under no rule (a department's proposal), in force since {@code since}. */
    private String blackListedResident(String name, java.time.LocalDate since) {
        String number = cn.chengxin.support.TestCitizens.register(subjects, name).number();
        java.util.UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, number)).orElseThrow();
        jdbc.sql("""
                        INSERT INTO listing.entry (id, list_type, subject_id, subject_pseudonym, subject_name,
                                                   subject_kind, masked_number, department_code, legal_basis, reasons,
                                                   status, proposed_by, proposed_at, effective_from)
                        VALUES (?, 'BLACK', ?, ?, ?, 'PERSON', '4117****', 'MARKET', '依据', '理由', 'EFFECTIVE',
                                'test', now(), ?)""")
                .params(java.util.UUID.randomUUID(), subject, subjects.pseudonymOf(subject).orElseThrow(), name,
                        java.sql.Timestamp.from(since.atStartOfDay(context.getBean(java.time.Clock.class).getZone())
                                .toInstant()))
                .update();
        return number;
    }

    /**
     * The console in English names scenarios, kinds of measures and lists in English, from the message bundle; in
     * Chinese, the default, as before.
     */
    @Test
    void theMeasuresPagesNameScenariosKindsAndListsInTheReadersLanguage() throws Exception {
        java.util.UUID id = cn.chengxin.shared.Ids.newId();
        String newest = owedCheck(id, Scenario.EXECUTIVE, List.of("NO_EXECUTIVE_POSITION"));

        // The Chinese labels absent from the measures' own names and legal bases, which stay as the office wrote them.
        String[] chinese = {"任职资格", "招录聘用", "政府采购与公共资源交易", "政府资金支持", "监管检查",
                "减损权益或增加义务的惩戒措施", "管理性措施", "市场性、行业性措施", "守信激励措施", "严重失信主体名单", "红名单"};
        assertThat(console("page", newest, "size", "1", "lang", "en")).contains(id.toString(),
                        "<td>Qualification for office</td>", "<td>Measures reducing rights or adding duties</td>",
                        "<td>Incentives for trustworthiness</td>", "Serious dishonesty list",
                        "Administrative licensing")
                .doesNotContain(chinese);
        assertThat(console("page", newest, "size", "1")).as("Chinese first, as before").contains(id.toString(),
                "<td>任职资格</td>", "<td>减损权益或增加义务的惩戒措施</td>", "<td>守信激励措施</td>", "严重失信主体名单",
                "招录聘用");

        assertThat(form("NO_CIVIL_SERVICE", "lang", "en")).contains("<span>Serious dishonesty list</span>",
                        "<span>Recruitment and hiring</span>", "<span>Measures reducing rights or adding duties</span>")
                .doesNotContain(chinese);
        assertThat(form("NO_CIVIL_SERVICE")).contains("<span>严重失信主体名单</span>", "<span>招录聘用</span>",
                "<span>减损权益或增加义务的惩戒措施</span>");
    }

    /**
     * The console in English joins several lists, scenarios, departments or measures owing feedback as English does;
     * in Chinese, the default, with 、 and ； as before.
     */
    @Test
    void theMeasuresPageJoinsValuesAsTheReadersLanguageDoes() throws Exception {
        String newest = owedCheck(cn.chengxin.shared.Ids.newId(), Scenario.LICENSING,
                List.of("STRICT_LICENSING", "CLOSER_SUPERVISION"));
        String closerSupervisionsLists = "(Serious dishonesty list|Grey list \\(key attention\\))";
        assertThat(console("page", newest, "size", "1", "lang", "en"))
                .containsPattern("<td>" + closerSupervisionsLists + ", " + closerSupervisionsLists + "</td>")
                .contains("</code><span>; </span>", "</span><span>, </span>")
                .doesNotContain("<span>、</span>", "<span>；</span>", "list、", "list (key attention)、");
        assertThat(console("page", newest, "size", "1")).as("Chinese first, as before")
                .containsPattern("<td>(严重失信主体名单|重点关注名单)、(严重失信主体名单|重点关注名单)</td>")
                .contains("</code><span>；</span>", "</span><span>、</span>");
    }

    /** The checks the console lists as owing feedback: due, and resting on an entry still in force (H3). */
    private static final String OWED = "feedback_due AND entries_ended_on IS NULL";

    /** A check owing feedback on {@code measures}, and the page of the console's one-a-page list that shows it. */
    private String owedCheck(java.util.UUID id, Scenario scenario, List<String> measures) {
        audit.record(cn.chengxin.audit.AuditEntry.of(cn.chengxin.audit.AuditCategory.QUERY, "measures.check")
                        .detail("check " + id), JdbcMeasures.CHECK_ROWS,
                new JdbcMeasures.CheckRow(id, java.time.Instant.now(), "test-client", "MARKET", "pseudonym-lang",
                        scenario, "许可审查", 1, measures, measures));
        return String.valueOf(jdbc.sql("SELECT count(*) FROM measures.check_made WHERE " + OWED)
                .query(Long.class).single() - 1);
    }

    private String form(String code, String... params) throws Exception {
        return mvc.perform(withParams(get("/console/measures/{code}", code), params).with(editor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /**
     * What the test's approvals kept of what the measure reaches is forgotten with them, as the measure is restored:
     * else the measure, off or narrowed in between, would reach no entry of the other tests listed before.
     */
    private void forgetApprovedReach(String code) {
        jdbc.sql("DELETE FROM measures.measure_version WHERE measure_code = ? AND change_id IS NOT NULL").param(code)
                .update();
    }

    /** The measure's waiting change approved in the console by a second person of the credit office (issue #5). */
    private void approvePendingChangeOf(String code) throws Exception {
        MeasureChange change = catalogue.pendingChanges().stream().filter(c -> c.measureCode().equals(code))
                .findFirst().orElseThrow();
        mvc.perform(post("/console/measures/changes/{id}/approve", change.id())
                        .with(cn.chengxin.support.ConsoleStaff.staff("office-checker", "measure:cases",
                                "measure:approve")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("successKey", "measures.changeApproved"));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor editor() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("office-editor").authorities(List.of("STAFF", "console:home", "measure:edit").stream()
                        .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList());
    }

    private boolean enabled(String code) {
        return catalogue.all().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow().enabled();
    }

    @Test
    void overHttpEveryAnswerLeavesWithItsCheckStoredAndAuditedAndTheUsualHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(http.sendAsync(check("并发核查 " + i), HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> ids = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
            String id = com.jayway.jsonpath.JsonPath.read(response.body(), "$.checkId");
            ids.add(id);
            // Read at once, before any other answer is awaited: the answer may leave only once both are durable.
            assertThat(jdbc.sql("SELECT at FROM measures.check_made WHERE id = ?::uuid").param(id)
                    .query(java.sql.Timestamp.class).single().toInstant())
                    .as("stored, at the time the answer gives")
                    .isEqualTo(java.time.Instant.parse(
                            com.jayway.jsonpath.JsonPath.read(response.body(), "$.checkedAt")));
            assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'measures.check' AND detail LIKE ?")
                    .param("reason=MEASURE_CHECKED; check=" + id + ";%").query(Long.class).single()).isEqualTo(1);
        }
        assertThat(ids).hasSize(40);
    }

    @Test
    void aCheckThatCannotBeStoredIsRefusedOverHttpAndLeavesNoTrace() throws Exception {
        jdbc.sql("ALTER TABLE measures.check_made ADD CONSTRAINT test_refused CHECK (purpose <> '存不下的核查') NOT VALID")
                .update();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(check("存不下的核查"),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"code\":\"AUDIT_UNAVAILABLE\"").doesNotContain("checkId");
            // Gaps review xxxvii R9: nothing happened, so the same check may be sent again, after Retry-After; the
            // key's rate and what is left of it are told on this answer too.
            assertThat(response.body()).contains("\"retry\":\"same-request\"");
            assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                    wait -> assertThat(wait).matches("[1-9][0-9]*"));
            assertThat(response.headers().firstValue("RateLimit")).hasValueSatisfying(
                    left -> assertThat(left).startsWith("\"requests\";r="));
            assertThat(jdbc.sql("SELECT count(*) FROM measures.check_made WHERE purpose = '存不下的核查'")
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE purpose LIKE '%存不下的核查%'")
                    .query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("ALTER TABLE measures.check_made DROP CONSTRAINT test_refused").update();
        }
        assertThat(HttpClient.newHttpClient().send(check("存得下的核查"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("the next check is stored again").isEqualTo(200);
    }

    @Test
    void theApiDocumentStillDescribesTheAnswerThatTheHandlerWritesItself() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/checks'].post.responses['200'].content['application/json']"
                        + ".schema['$ref']").value(org.hamcrest.Matchers.endsWith("/CheckResult")))
                .andExpect(jsonPath("$.components.schemas.CheckResult.properties.checkId").exists())
                .andExpect(jsonPath("$.components.schemas.Entry.properties.id").exists())
                .andExpect(jsonPath("$.components.schemas.Applicable.properties.basedOn.type").value("array"))
                .andExpect(jsonPath("$.paths['/api/v1/checks'].post.description",
                        org.hamcrest.Matchers.containsString("'basedOn'")))
                .andExpect(jsonPath("$.paths['/api/v1/checks/batch'].post.description",
                        org.hamcrest.Matchers.containsString("'basedOn'")));
    }

    private HttpRequest check(String purpose) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/checks"))
                .header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subjectNumber\":\"11010519491231002X\","
                        + "\"scenario\":\"LICENSING\",\"purpose\":\"" + purpose + "\"}"))
                .build();
    }
}
