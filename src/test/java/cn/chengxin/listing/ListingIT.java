package cn.chengxin.listing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewOrganisation;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.listing.domain.ListRule;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.RuleVersions;
import cn.chengxin.support.Sessions;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestCreditCodes;
import cn.chengxin.support.TestRecords;
import cn.chengxin.listing.domain.SeriousGround;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static cn.chengxin.support.ConsoleStaff.staff;
import static cn.chengxin.support.Pages.withParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #5 end to end on PostgreSQL: a court-defaulter record → proposal → review → notices → effective → the
 * check API answers travel and hiring measures → the public list shows the person de-identified → the record is
 * revoked → entry, measures and public listing gone. And the refusals: own review, double review, minors, stale
 * entries, bad callers, hostile search boxes, scraping.
 */
@IntegrationTest
class ListingIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    EntryProceedings proceedings;

    @Autowired
    ExitProposals exits;

    @Autowired
    cn.chengxin.creditfile.RecordProceedings recordProceedings;

    @Autowired
    Catalogue catalogue;

    @Autowired
    java.time.Clock clock;

    @Autowired
    cn.chengxin.shared.City city;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    cn.chengxin.creditfile.CreditFile creditFile;

    @Autowired
    cn.chengxin.listing.persistence.JdbcListing listingStore;

    @Autowired
    ReevaluatingHolders reevaluating;

    @Autowired
    RemarkingHolders remarking;

    @Autowired
    ListingJobs jobs;

    @org.springframework.beans.factory.annotation.Value("${chengxin.listing.reevaluation-chunk}")
    int reevaluationChunk;

    private String courtSubmits;
    private String hrChecks;
    private String marketChecks;

    @BeforeEach
    void keys() {
        if (directory.departments().stream().noneMatch(d -> d.code().equals("HRSS"))) {
            directory.createDepartment("HRSS", "市人力资源和社会保障局", Department.Kind.DATA_PROVIDER, List.of());
        }
        courtSubmits = key("COURT", Permission.RECORD_SUBMIT);
        hrChecks = key("HRSS", Permission.API_SUBJECT_CHECK);
        marketChecks = key("MARKET", Permission.API_SUBJECT_CHECK);
    }

    @Test
    void aCourtDefaulterIsListedCheckedPublishedAndRemovedWhenTheRecordIsRevoked() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "贺建新");
        String source = "SX-" + UUID.randomUUID();
        submit(courtDefaulter(person.number(), person.name(), source, "ADD", 1)).andExpect(jsonPath("$.accepted").value(1));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();

        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
        assertThat(proposal.status()).isEqualTo(EntryStatus.PROPOSED);
        assertThat(proposal.ruleCode()).isEqualTo("BLACK_COURT_DEFAULTER");
        String court = directory.departments().stream().filter(d -> d.code().equals("COURT")).findFirst()
                .orElseThrow().name();
        assertThat(proposal.reasons()).as("the prior notice names the reporting department as the subject knows it")
                .contains("依据" + court + "报送").doesNotContain("COURT");
        assertThat(queue("q", person.name())).contains("<td>" + court + "</td>").doesNotContain(">COURT<");
        assertThat(entryPage(proposal.id())).as("proposed by the platform's rule, not by a person")
                .contains("平台（按认定规则）").doesNotContain(">system ·");
        assertThat(proposal.actDay()).as("judged on the record's decision date, which the entry carries to checks")
                .isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(entryPage(proposal.id())).contains("所依据记录的决定日期（按此日认定是否成年）",
                "id=\"age-judged-on\">2026-03-02<");
        check(hrChecks, person.number(), "HIRING").andExpect(jsonPath("$.entries").isEmpty())
                .andExpect(jsonPath("$.measures").isEmpty());

        mvc.perform(post("/console/lists/{id}/approve", proposal.id()).param("note", "核实无误")
                .with(staff("reviewer-a", "list:review", "list:propose")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        ListEntry effective = listing.entry(proposal.id()).orElseThrow();
        assertThat(effective.status()).as("the court's notice is the prior notice: effective at once")
                .isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(listing.noticesOf(subject)).extracting(ListNotice::kind)
                .as("no prior notice of the platform's own, which would offer an objection before an effect already "
                        + "taken").containsExactly(ListNotice.Kind.EFFECTIVE);
        assertThat(listing.noticesOf(subject).get(0).body()).contains("异议").doesNotContain(person.number());

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> check(hrChecks, person.number(), "HIRING")
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK"))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_CIVIL_SERVICE"))));
        String travel = check(marketChecks, person.number(), "TRAVEL")
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_FLIGHTS_TRAINS")))
                .andExpect(jsonPath("$.feedbackRequired").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(travel).doesNotContain(person.number()).doesNotContain(person.name());
        String checkId = com.jayway.jsonpath.JsonPath.read(travel, "$.checkId");

        // Feedback from the department that checked, once; the credit office sees the case.
        feedback(marketChecks, checkId, "{\"measureCode\":\"NO_FLIGHTS_TRAINS\",\"applied\":true,\"outcome\":\"已限制购票\"}")
                .andExpect(status().isNoContent());
        feedback(marketChecks, checkId, "{\"measureCode\":\"NO_FLIGHTS_TRAINS\",\"applied\":true,\"outcome\":\"再次\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("FEEDBACK_EXISTS"));
        feedback(hrChecks, checkId, "{\"measureCode\":\"NO_FLIGHTS_TRAINS\",\"applied\":true,\"outcome\":\"x\"}")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("CHECK_UNKNOWN"));
        mvc.perform(get("/console/measures").with(staff("office", "measure:cases")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("NO_FLIGHTS_TRAINS")));

        // Public list: de-identified, found by name and by number; the issuing department by name.
        String masked = cn.chengxin.subject.domain.Masking.personName(person.name());
        mvc.perform(get("/lists").param("q", person.name())).andExpect(status().isOk())
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(containsString("<td>" + court + "</td>")))
                .andExpect(content().string(not(containsString(person.number()))));
        mvc.perform(post("/lists").param("q", person.number()).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(not(containsString(person.number()))));

        // The court revokes the record: the entry exits at once, with an exit notice; measures and listing are gone.
        submit(courtDefaulter(person.number(), person.name(), source, "REVOKE", 2)).andExpect(jsonPath("$.accepted").value(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> listing.entry(proposal.id()).orElseThrow().status(),
                s -> s == EntryStatus.EXITED);
        assertThat(listing.noticesOf(subject)).extracting(ListNotice::kind).contains(ListNotice.Kind.EXIT);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> check(hrChecks, person.number(), "HIRING")
                .andExpect(jsonPath("$.entries").isEmpty()).andExpect(jsonPath("$.measures").isEmpty()));
        mvc.perform(get("/lists").param("q", person.name()))
                .andExpect(content().string(not(containsString(masked))));
    }

    @Test
    void aRejectedProposalDoesNotComeBackAtTheNextEvaluation() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柯雨桐");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        ListEntry proposal = blackProposalFromACourtRecord(person, subject);
        as("reviewer-r", () -> {
            listing.reject(proposal.id(), "执行案件已结案，材料有误");
            return null;
        });

        listing.evaluate(List.of(subject));

        assertThat(listing.entriesOf(subject)).filteredOn(e -> e.listType() == ListType.BLACK)
                .extracting(ListEntry::status).containsExactly(EntryStatus.REJECTED);
        // The rejection is a decision about the person: it is in their part of the log, which they can see.
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'listing.reject' AND subject_pseudonym = ?")
                .param(subjects.pseudonymOf(subjects.validate(null, person.number()))).query(Long.class).single())
                .isEqualTo(1L);
    }

    /**
     * RULES.md §7 (法释〔2017〕7号第二条): a court lists a defaulter for two years, so the entry is in force two years
     * from the court's decision (counted as 《民法典》第二百零二条 counts them): decided on 2 March 2026, to 2 March 2028, the day its notice names beside the exit
     * condition "公布期满（一般 2 年）", not to the end of the record's three years of publication. The rule's first
     * version, which set no validity, stays in its history as it was (V114).
     */
    @Test
    void aCourtDefaulterIsListedForTwoYearsFromTheDecisionAsItsNoticeSays() throws Exception {
        assertThat(listing.rules()).filteredOn(r -> r.code().equals("BLACK_COURT_DEFAULTER")).singleElement()
                .satisfies(r -> assertThat(r.validityMonths()).isEqualTo(ListRule.COURT_LISTING_MONTHS));
        assertThat(listing.ruleHistory("BLACK_COURT_DEFAULTER")).filteredOn(v -> v.rule().version() == 1)
                .singleElement().satisfies(v -> assertThat(v.rule().validityMonths()).isNull());
        TestCitizens.Person person = TestCitizens.register(subjects, "庞书越");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        ListEntry proposal = blackProposalFromACourtRecord(person, subject);
        assertThat(proposal.validUntil()).isEqualTo(LocalDate.of(2028, 3, 2));

        as("reviewer-v", () -> listing.approve(proposal.id(), "核实无误"));

        assertThat(listing.noticesOf(subject)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(ListNotice.Kind.EFFECTIVE);
            assertThat(n.body()).contains("有效期至2028年3月2日", "公布期满（一般 2 年）");
        });
    }

    /**
     * Finding I2 of gaps review xxvii (RULES.md §7; 法释〔2017〕7号第一条、第二条): the court decides the term. A defaulter
     * able to perform and refusing (第一条第一项), whose court delivered no last day, is listed without one: decided
     * three years ago, his entry is proposed and stays in force, where the rule's two years ended it a year ago. One
     * whose term the court extended for violent obstruction keeps the court's last day, past the two years.
     */
    @Test
    void aCourtDefaulterAbleToPayAndRefusingStaysListedThreeYearsLaterAndAnExtendedTermIsTheCourts() throws Exception {
        LocalDate today = LocalDate.now(clock);
        TestCitizens.Person refusing = TestCitizens.register(subjects, "郎启明");
        TestCitizens.Person obstructing = TestCitizens.register(subjects, "郎启亮");
        LocalDate courtsEnd = today.plusMonths(6);
        submit(courtDefaulter(refusing.number(), refusing.name(), "SX-" + UUID.randomUUID(), today.minusYears(3))
                .replace("违反限制消费令", "其他有履行能力而拒不履行生效法律文书确定义务") + ","
                + courtDefaulter(obstructing.number(), obstructing.name(), "SX-" + UUID.randomUUID(),
                today.minusYears(2).minusMonths(6)).replace("\"behaviour\":\"违反限制消费令\"",
                "\"behaviour\":\"以暴力、威胁方法妨碍、抗拒执行\",\"listing_end\":\"" + courtsEnd + "\""))
                .andExpect(jsonPath("$.accepted").value(2));
        UUID refusingSubject = subjects.find(subjects.validate(null, refusing.number())).orElseThrow();
        UUID obstructingSubject = subjects.find(subjects.validate(null, obstructing.number())).orElseThrow();
        ListEntry withoutTerm = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(refusingSubject)
                .stream().filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
        ListEntry extended = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(obstructingSubject)
                .stream().filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
        assertThat(withoutTerm.validUntil()).as("第一条第一项: no term").isNull();
        assertThat(extended.validUntil()).as("the court's extension, not the rule's 24 months").isEqualTo(courtsEnd);

        as("reviewer-v", () -> listing.approve(withoutTerm.id(), "核实无误"));
        as("reviewer-v", () -> listing.approve(extended.id(), "核实无误"));
        listing.expireDue();
        listing.evaluate(List.of(refusingSubject, obstructingSubject));

        assertThat(listing.entry(withoutTerm.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(listing.entry(extended.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(entryPage(withoutTerm.id())).contains("长期（至法院删除）");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> check(hrChecks, refusing.number(), "HIRING")
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK")));
    }

    /**
     * Two years from a decision end on its second anniversary (《民法典》第二百零一条、第二百零二条: the decision day is not
     * counted): one decided a day before that is listed no more.
     */
    @Test
    void aCourtDefaulterDecidedTwoYearsAgoIsNoLongerListedOneDecidedADayLaterUntilToday() throws Exception {
        LocalDate today = LocalDate.now(clock);
        TestCitizens.Person over = TestCitizens.register(subjects, "郎启航");
        TestCitizens.Person lastDay = TestCitizens.register(subjects, "郎启帆");
        // One batch, so both are evaluated in the same pass.
        submit(courtDefaulter(over.number(), over.name(), "SX-" + UUID.randomUUID(), today.minusYears(2).minusDays(1))
                + "," + courtDefaulter(lastDay.number(), lastDay.name(), "SX-" + UUID.randomUUID(), today.minusYears(2)))
                .andExpect(jsonPath("$.accepted").value(2));
        UUID lastDaySubject = subjects.find(subjects.validate(null, lastDay.number())).orElseThrow();
        UUID overSubject = subjects.find(subjects.validate(null, over.number())).orElseThrow();

        ListEntry entry = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(lastDaySubject).stream()
                .filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);

        assertThat(entry.validUntil()).isEqualTo(today);
        assertThat(listing.entriesOf(overSubject)).as("its last day was yesterday, its record still published")
                .noneMatch(e -> e.listType() == ListType.BLACK);
        // RULES.md §7: on its last day the entry, once in force, still brings its measures to a check (gaps review
        // xxxvii, Q1).
        as("reviewer-v", () -> listing.approve(entry.id(), "核实无误"));
        assertThat(listing.entry(entry.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> check(hrChecks, lastDay.number(), "HIRING")
                .andExpect(status().isOk()).andExpect(jsonPath("$.entries[0].listType").value("BLACK"))
                .andExpect(jsonPath("$.measures").isNotEmpty()));
        check(hrChecks, over.number(), "HIRING").andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[?(@.listType == 'BLACK')]").isEmpty());
    }

    /**
     * An organisation has no age and no self-service account (issue #5): its entry's page names the day its record was
     * decided without an age judged on it, and its prior notice sends it to the credit office's window to object.
     */
    @Test
    void anOrganisationsEntryJudgesNoAgeAndItsPriorNoticeSendsItToTheWindow() throws Exception {
        if (directory.departments().stream().noneMatch(d -> d.code().equals("TAX"))) {
            directory.createDepartment("TAX", "市税务局", Department.Kind.DATA_PROVIDER, List.of());
        }
        String code = TestCreditCodes.next();
        UUID organisation = subjects.registerOrganisation(new NewOrganisation(subjects.validate(null, code),
                "驻马店市恒信商贸有限公司", LocalDate.of(2015, 3, 1), List.of(), false));
        LocalDate decided = LocalDate.now(clock).minusMonths(1);
        String taxSubmits = key("TAX", Permission.RECORD_SUBMIT);
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + taxSubmits)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"O_TAX_SERIOUS_DISHONESTY\",\"subjectNumber\":\""
                                + code + "\",\"subjectName\":\"驻马店市恒信商贸有限公司\",\"sourceRecordId\":\"TX-"
                                + UUID.randomUUID() + "\",\"decisionNumber\":\"驻税稽罚〔2026〕8号\",\"decisionDate\":\""
                                + decided + "\",\"fields\":{\"case_nature\":\"逃避缴纳税款\",\"facts\":\"虚假申报\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(organisation)
                .stream().filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);

        assertThat(entryPage(proposal.id())).contains("所依据记录的决定日期", "id=\"age-judged-on\">" + decided + "<")
                .doesNotContain("认定是否成年");

        as("reviewer-o", () -> listing.approve(proposal.id(), "核实无误"));

        assertThat(listing.noticesOf(organisation)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(ListNotice.Kind.PRIOR);
            assertThat(n.body()).contains("可在生效前到" + city.name() + "信用办窗口提出异议").doesNotContain("个人中心");
        });
    }

    /**
     * RULES.md §5 (Shenzhen Art. 43): a listing decision is an administrative act the person may take to review or
     * to court. The credit office flags a pending review on the entry once decided (not on a proposal); the flag shows
     * on the entry's page, to the person on their lists page and in the check answer, where the entry keeps its
     * effect and its measures; it is audited in the person's part of the log and cleared only with the outcome.
     */
    @Test
    void aReviewAgainstAnEntryIsFlaggedShownEverywhereAndClearedWithItsOutcome() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "危明远");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        String pseudonym = subjects.pseudonymOf(subjects.validate(null, person.number()));
        ListEntry proposal = blackProposalFromACourtRecord(person, subject);
        RequestPostProcessor office = staff("office-p", "list:review", "objection:handle");
        java.util.function.Supplier<org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> flag =
                () -> post("/console/lists/{id}/proceedings", proposal.id()).param("kind", "ADMINISTRATIVE_REVIEW")
                        .param("note", "市人民政府行政复议决定书 驻政复〔2026〕12号").with(csrf());
        mvc.perform(flag.get().with(office)).andExpect(status().isConflict())
                .andExpect(content().string(containsString("PROCEEDING_ENTRY_NOT_DECIDED")));
        as("reviewer-p", () -> listing.approve(proposal.id(), "核实无误"));

        mvc.perform(flag.get().with(staff("reviewer-q", "list:review"))).andExpect(status().isForbidden());
        mvc.perform(flag.get().with(office)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "lists.proceedingFlagged"));
        mvc.perform(flag.get().with(office)).andExpect(status().isConflict())
                .andExpect(content().string(containsString("PROCEEDING_ALREADY_FLAGGED")));

        ListEntry flagged = listing.entry(proposal.id()).orElseThrow();
        assertThat(flagged.status()).as("a pending review does not suspend the listing").isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(flagged.proceedings()).containsExactly("ADMINISTRATIVE_REVIEW");
        assertThat(entryPage(proposal.id())).contains("id=\"proceeding-marks\"", "行政复议中", "驻政复〔2026〕12号");
        assertThat(citizensListsPage(subject)).contains("data-field=\"proceeding\">行政复议中<");
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> check(hrChecks, person.number(), "HIRING")
                .andExpect(jsonPath("$.entries[0].proceedings[0]").value("ADMINISTRATIVE_REVIEW"))
                .andExpect(jsonPath("$.entries[0].disputed").value(false))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_CIVIL_SERVICE"))));

        UUID pending = proceedings.of(proposal.id()).get(0).id();
        mvc.perform(post("/console/lists/proceedings/{id}/clear", pending).param("outcome", " ")
                        .with(office).with(csrf())).andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("PROCEEDING_OUTCOME_REQUIRED")));
        assertThat(proceedings.of(proposal.id())).singleElement().satisfies(p -> assertThat(p.pending()).isTrue());
        mvc.perform(post("/console/lists/proceedings/{id}/clear", pending)
                        .param("outcome", "复议维持原认定决定").with(office).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(proceedings.of(proposal.id())).singleElement().satisfies(p -> {
            assertThat(p.pending()).isFalse();
            assertThat(p.outcome()).isEqualTo("复议维持原认定决定");
        });
        assertThat(entryPage(proposal.id())).contains("复议维持原认定决定").doesNotContain("id=\"proceeding-marks\"");
        assertThat(citizensListsPage(subject)).doesNotContain("data-field=\"proceeding\"");
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> check(hrChecks, person.number(), "HIRING")
                .andExpect(jsonPath("$.entries[0].proceedings").isEmpty()));
        for (String action : List.of("listing.proceeding.flag", "listing.proceeding.clear")) {
            assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = ? AND subject_pseudonym = ?")
                    .params(action, pseudonym).query(Long.class).single()).as(action).isEqualTo(1L);
        }
    }

    /**
     * Issue #5, RULES.md §5: a review or lawsuit pending against the record an entry rests on is flagged on the record
     * (creditfile), and shows with the entry too — on its console page, on the person's lists page and in the check
     * answer — told apart from one against the entry itself; cleared on the record, it goes from the entry.
     */
    @Test
    void aLawsuitPendingAgainstTheRecordShowsOnTheEntriesRestingOnIt() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "危明澈");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        String pseudonym = subjects.pseudonymOf(subjects.validate(null, person.number()));
        ListEntry proposal = blackProposalFromACourtRecord(person, subject);
        as("reviewer-r", () -> listing.approve(proposal.id(), "核实无误"));
        assertThat(entryPage(proposal.id())).doesNotContain("id=\"record-proceeding-marks\"");

        UUID flag = as("office-r", () -> recordProceedings.flag(subject, proposal.recordKey(),
                cn.chengxin.creditfile.RecordProceeding.Kind.LAWSUIT, "驻马店市中级人民法院 （2026）豫17行初5号",
                pseudonym));

        assertThat(entryPage(proposal.id())).contains("id=\"record-proceeding-marks\"", "所依据记录的行政复议、行政诉讼",
                "data-field=\"record-proceeding\"").doesNotContain("id=\"proceeding-marks\"");
        assertThat(citizensListsPage(subject)).contains("data-field=\"record-proceeding\">所依据的记录：行政诉讼中<")
                .doesNotContain("data-field=\"proceeding\"");
        assertThat(listing.entry(proposal.id()).orElseThrow().proceedings()).as("none against the entry itself")
                .isEmpty();
        // The check answers it with the entry, from the index that follows the entries' feed (no look-up per check).
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> check(hrChecks, person.number(), "HIRING")
                .andExpect(jsonPath("$.entries[0].recordProceedings[0]").value("LAWSUIT"))
                .andExpect(jsonPath("$.entries[0].proceedings").isEmpty()));

        as("office-r", () -> {
            recordProceedings.clear(flag);
            return null;
        });
        assertThat(entryPage(proposal.id())).doesNotContain("id=\"record-proceeding-marks\"");
        assertThat(citizensListsPage(subject)).doesNotContain("data-field=\"record-proceeding\"");
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> check(hrChecks, person.number(), "HIRING")
                .andExpect(jsonPath("$.entries[0].recordProceedings").isEmpty()));
    }

    /** The black-list proposal a court-defaulter record delivered for the person brings. */
    private ListEntry blackProposalFromACourtRecord(TestCitizens.Person person, UUID subject) throws Exception {
        submit(courtDefaulter(person.number(), person.name(), "SX-" + UUID.randomUUID(), "ADD", 1))
                .andExpect(jsonPath("$.accepted").value(1));
        return await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
    }

    @Test
    void anEntryEndedByADecisionIsNotProposedAgainFromTheSameRecord() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "乔慕白");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        // A serious penalty (the platform's own item: a court's record is ended by the court, not by hand).
        ListEntry proposal = greyProposalFromASeriousPenalty(person, subject);
        as("checker-g", () -> listing.approve(proposal.id(), "核实无误"));
        // e.g. an objection against the entry was upheld while the department has not yet revoked the record: one
        // reviewer proposes the exit, another approves it; the entry ends, the record is still shown.
        as("officer-o", () -> exits.propose(proposal.id(), cn.chengxin.listing.domain.ExitGround.OBJECTION_UPHELD,
                "驻信异〔2026〕3号", "异议成立，认定事实有误"));
        as("officer-p", () -> {
            exits.approve(proposal.id(), "");
            return null;
        });

        listing.evaluate(List.of(subject));

        assertThat(listing.entriesOf(subject)).filteredOn(e -> e.listType() == ListType.GREY)
                .extracting(ListEntry::status).containsExactly(EntryStatus.EXITED);

        greyProposalFromASeriousPenalty(person, subject);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listing.entriesOf(subject))
                .as("a new record is a new ground").filteredOn(e -> e.listType() == ListType.GREY)
                .extracting(ListEntry::status).contains(EntryStatus.EXITED, EntryStatus.PROPOSED));
    }

    /** The grey-list proposal (GREY_ADMIN_PENALTY_SERIOUS) a serious penalty delivered for the person brings. */
    private ListEntry greyProposalFromASeriousPenalty(TestCitizens.Person person, UUID subject) throws Exception {
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_SERIOUS",
                "驻市监罚〔2026〕" + (int) (Math.random() * 900 + 100) + "号");
        return await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> "GREY_ADMIN_PENALTY_SERIOUS".equals(e.ruleCode())
                        && e.status() == EntryStatus.PROPOSED).findFirst().orElse(null), e -> e != null);
    }

    /**
     * A correction keeps the record's key (RULES.md §4): the entry resting on it follows the record as corrected, its
     * last day two years from the corrected decision date (法释〔2017〕7号第二条).
     */
    @Test
    void aCorrectedDecisionDateMovesTheLastDayOfTheEntryOnTheRecord() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "尚立言");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        String source = "SX-" + UUID.randomUUID();
        submit(courtDefaulter(person.number(), person.name(), source, "ADD", 1)).andExpect(jsonPath("$.accepted").value(1));
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
        assertThat(proposal.validUntil()).isEqualTo(LocalDate.of(2028, 3, 2));

        submit(courtDefaulter(person.number(), person.name(), source, "UPDATE", 2).replace(
                "\"decisionDate\":\"2026-03-02\"", "\"decisionDate\":\"2026-01-10\""))
                .andExpect(jsonPath("$.accepted").value(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> listing.entry(proposal.id()).orElseThrow().validUntil(),
                d -> LocalDate.of(2028, 1, 10).equals(d));
        assertThat(listing.entry(proposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.PROPOSED);
        assertThat(listing.entry(proposal.id()).orElseThrow().actDay()).as("the age is judged on the corrected date")
                .isEqualTo(LocalDate.of(2026, 1, 10));
    }

    /**
     * RULES.md §7, §5: an entry in force told its subject its last day. A correction that moves the day later
     * lengthens the measures: the person receives a notice with the old and the new day, why, and where to object,
     * owed service like the exit notice; the entry's page shows the change. Before, only an audit line recorded it.
     */
    @Test
    void aCorrectionMovingTheLastDayOfAnEntryInForceLaterTellsThePersonBothDays() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "闻延期");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        String source = "SX-" + UUID.randomUUID();
        submit(courtDefaulter(person.number(), person.name(), source, "ADD", 1)).andExpect(jsonPath("$.accepted").value(1));
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
        as("reviewer-late", () -> listing.approve(proposal.id(), "核实无误"));
        assertThat(listing.entry(proposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(listing.noticesOfEntry(proposal.id())).extracting(ListNotice::kind)
                .doesNotContain(ListNotice.Kind.PERIOD_CHANGED);

        submit(courtDefaulter(person.number(), person.name(), source, "UPDATE", 2).replace(
                "\"decisionDate\":\"2026-03-02\"", "\"decisionDate\":\"2026-05-10\""))
                .andExpect(jsonPath("$.accepted").value(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> listing.entry(proposal.id()).orElseThrow().validUntil(),
                d -> LocalDate.of(2028, 5, 10).equals(d));
        ListNotice changed = await().atMost(Duration.ofSeconds(5)).until(() -> listing.noticesOf(subject).stream()
                .filter(n -> n.kind() == ListNotice.Kind.PERIOD_CHANGED).findFirst().orElse(null), n -> n != null);
        assertThat(changed.entryId()).isEqualTo(proposal.id());
        assertThat(changed.body()).contains("原有效期至2028年3月2日，现有效期至2028年5月10日",
                        "决定文书号：(2026)豫1702执88号", "决定日期：2026-05-10", "相应措施将继续执行至新的有效期届满",
                        "提出异议")
                .doesNotContain(person.number());
        assertThat(listing.unserved(null, null, 100).notices()).as("owed service, as the exit notice is")
                .extracting(u -> u.notice().id()).contains(changed.id());
        assertThat(mvc.perform(get("/console/lists/{id}", proposal.id()).with(staff("office-late", "list:propose",
                        "list:review"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("class=\"period-change\"", "原有效期至2028年3月2日，现有效期至2028年5月10日");
    }

    /**
     * RULES.md §6: a check judges the age on the day of the act, for an entry a rule made from a record too — on the
     * record's decision date, which the entry carries to the check index, not on the day the entry took effect. A
     * person whose registered birth date was wrong (their number says they were 17 when the court decided) is listed
     * by the rule, and comes of age before the entry takes effect: the check answers neither the entry nor its
     * measures. The same entry of one who was of age at the decision carries them.
     */
    @Test
    void aRuleMadeEntryForAnActDoneAsAMinorCarriesNoMeasureInTheCheckOnceTheyAreOfAge() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = today.minusMonths(6);
        LocalDate born = today.minusYears(18).minusMonths(3);
        String number = TestCitizens.withCheckCharacter("411702" + born.toString().replace("-", "")
                + String.format("%03d", (int) (Math.random() * 900) + 100));
        UUID minorAtTheAct = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number),
                "青年戊", born.minusYears(5), null, List.of(), List.of(), false));
        TestCitizens.Person adult = TestCitizens.register(subjects, "青年己");
        UUID adultSubject = subjects.find(subjects.validate(null, adult.number())).orElseThrow();
        for (String[] who : List.of(new String[] {number, "青年戊"}, new String[] {adult.number(), adult.name()})) {
            submit(courtDefaulter(who[0], who[1], "SX-" + UUID.randomUUID(), decided))
                    .andExpect(jsonPath("$.accepted").value(1));
        }
        List<UUID> entries = new ArrayList<>();
        for (UUID subject : List.of(minorAtTheAct, adultSubject)) {
            ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject)
                    .stream().filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
            assertThat(proposal.actDay()).isEqualTo(decided);
            as("reviewer-act", () -> listing.approve(proposal.id(), "核实无误"));
            assertThat(listing.entry(proposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
            entries.add(proposal.id());
        }

        // The adult's entry took effect after the other's: once the check shows it, the index holds both.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> check(hrChecks, adult.number(), "HIRING")
                .andExpect(jsonPath("$.entries[0].id").value(entries.get(1).toString()))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("NO_CIVIL_SERVICE"))));
        check(hrChecks, number, "HIRING").andExpect(status().isOk())
                .andExpect(jsonPath("$.entries").isEmpty())
                .andExpect(jsonPath("$.measures[?(@.listType == 'BLACK' || @.listType == 'GREY')]").isEmpty())
                .andExpect(jsonPath("$.feedbackRequired").value(false));
    }

    /**
     * RULES.md §6: a correction that dates the decision before the person's 18th birthday ends the black entry in
     * force on the record, with an exit notice, and the record does not propose it again.
     */
    @Test
    void aCorrectionDatingTheActBeforeTheEighteenthBirthdayEndsTheEntryWithAnExitNotice() throws Exception {
        String number = TestCitizens.withCheckCharacter("41170220070601"
                + String.format("%03d", (int) (Math.random() * 900) + 100));
        UUID subject = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number),
                "青年丁", null, null, List.of(), List.of(), false));
        String source = "SX-" + UUID.randomUUID();
        submit(courtDefaulter(number, "青年丁", source, "ADD", 1)).andExpect(jsonPath("$.accepted").value(1));
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
        as("reviewer-m", () -> listing.approve(proposal.id(), "核实无误"));
        assertThat(listing.entry(proposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);

        submit(courtDefaulter(number, "青年丁", source, "UPDATE", 2).replace("\"decisionDate\":\"2026-03-02\"",
                "\"decisionDate\":\"2025-05-01\"")).andExpect(jsonPath("$.accepted").value(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> listing.entry(proposal.id()).orElseThrow().status(),
                s -> s == EntryStatus.EXITED);
        assertThat(listing.entry(proposal.id()).orElseThrow().exitReason()).contains("已更正", "未满十八周岁");
        assertThat(listing.noticesOfEntry(proposal.id())).extracting(ListNotice::kind).contains(ListNotice.Kind.EXIT);
        listing.evaluate(Set.of(subject));
        assertThat(listing.entriesOf(subject)).filteredOn(e -> e.listType() == ListType.BLACK)
                .extracting(ListEntry::status).containsExactly(EntryStatus.EXITED);
    }

    /** A volunteer's hours corrected below the red rule's threshold end the red entry on the record (RULES.md §7). */
    @Test
    void hoursCorrectedBelowTheRedRulesThresholdEndTheRedEntry() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "艾志恒");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        String source = "VS-" + UUID.randomUUID();
        volunteerRecord(person, source, "ADD", 1, "1600");
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.RED).findFirst().orElse(null), e -> e != null);
        as("reviewer-h", () -> listing.approve(proposal.id(), "核实无误"));

        volunteerRecord(person, source, "UPDATE", 2, "160");

        await().atMost(Duration.ofSeconds(10)).until(() -> listing.entry(proposal.id()).orElseThrow().status(),
                s -> s == EntryStatus.EXITED);
        assertThat(listing.entry(proposal.id()).orElseThrow().exitReason()).contains("已更正", "不再符合");
        assertThat(listing.noticesOfEntry(proposal.id())).extracting(ListNotice::kind).contains(ListNotice.Kind.EXIT);
    }

    /**
     * RULES.md §2, §10: the seeded RED_VOLUNTEER rule lists on P_VOLUNTEER_SERVICE, an authorised-query item. Its entry
     * rewards in checks, but neither its public notice nor the entry in force is on the public red list.
     */
    @Test
    void aRedEntryOnAnAuthorisedQueryItemIsInForceInChecksButNotOnThePublicLists() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "艾志公");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        volunteerRecord(person, "VS-" + UUID.randomUUID(), "ADD", 1, "1600");
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.RED).findFirst().orElse(null), e -> e != null);
        assertThat(proposal.published()).isFalse();
        assertThat(as("reviewer-pub", () -> listing.approve(proposal.id(), "核实无误")))
                .isEqualTo(EntryStatus.PUBLIC_NOTICE);
        String masked = cn.chengxin.subject.domain.Masking.personName(person.name());
        mvc.perform(get("/lists").param("type", "RED").param("notice", "true").param("q", person.name()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(masked))));

        jdbc.sql("UPDATE listing.entry SET effective_from = now() - interval '1 second' WHERE id = ?")
                .param(proposal.id()).update();
        listing.activateDue();
        assertThat(listing.entry(proposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> check(marketChecks, person.number(), "INSPECTION")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].listType", org.hamcrest.Matchers.hasItem("RED"))));
        mvc.perform(get("/lists").param("type", "RED").param("q", person.name()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(masked))));
        mvc.perform(post("/lists").param("type", "RED").param("q", person.number()).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(masked))));
        assertThat(listing.published(ListType.RED, false, null, null, null, null, Listing.MAX_PAGE_SIZE).entries())
                .noneMatch(e -> e.id().equals(proposal.id()));
        // On the entry page, staff are told why the public does not see it.
        assertThat(entryPage(proposal.id())).contains("id=\"not-published\"");
    }

    private void volunteerRecord(TestCitizens.Person person, String source, String action, int version, String hours)
            throws Exception {
        if (directory.departments().stream().noneMatch(d -> d.code().equals("CIVILISATION_OFFICE"))) {
            directory.createDepartment("CIVILISATION_OFFICE", "市文明办", Department.Kind.DATA_PROVIDER, List.of());
        }
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key("CIVILISATION_OFFICE",
                                Permission.RECORD_SUBMIT))
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"P_VOLUNTEER_SERVICE\",\"subjectNumber\":\""
                                + person.number() + "\",\"subjectName\":\"" + person.name() + "\",\"sourceRecordId\":\""
                                + source + "\",\"version\":\"" + version + "\",\"action\":\"" + action
                                + "\",\"decisionNumber\":\"驻文明志〔2026〕9号\",\"decisionDate\":\""
                                + LocalDate.now(clock).minusDays(5) + "\",\"fields\":{\"hours\":\"" + hours
                                + "\",\"organisation\":\"驿城区志愿者协会\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
    }

    /**
     * Issue #7: an entry a department proposed answers to no rule, which its pages say in their language (部门认定 is
     * our word, not data); the legal basis the proposer entered is data and stays as entered.
     */
    @Test
    void aDepartmentsProposalSaysSoInThePagesLanguage() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "龚志英");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID id = as("maker-3", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号",
                "市级道德模范", aMonthAgo(), aYearFromNow()));

        assertThat(entryPage(id, "lang", "en")).contains("id=\"rule\">Proposed by a department<",
                "国办发〔2016〕98号").doesNotContain("部门认定");
        assertThat(entryPage(id)).contains("id=\"rule\">部门认定<");
    }

    @Test
    void aProposerNeverReviewsTheirOwnProposalAndTwoReviewersMakeOneDecision() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "龚志红");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID id = as("maker-1", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号",
                "市级道德模范", aMonthAgo(), aYearFromNow()));
        Throwable own = org.assertj.core.api.Assertions.catchThrowable(() -> as("maker-1",
                () -> listing.approve(id, "")));
        assertThat(own).isInstanceOf(ListingProblem.class).extracting("code").isEqualTo("LIST_SELF_REVIEW");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (String reviewer : List.of("checker-1", "checker-2")) {
            outcomes.add(pool.submit(() -> {
                try {
                    as(reviewer, () -> listing.approve(id, ""));
                    return "approved";
                } catch (ListingProblem p) {
                    return p.code();
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).containsExactlyInAnyOrder("approved", "LIST_ALREADY_DECIDED");
        assertThat(listing.entry(id).orElseThrow().status()).as("red list: public notice first")
                .isEqualTo(EntryStatus.PUBLIC_NOTICE);
        assertThat(listing.noticesOf(subject)).extracting(ListNotice::kind).containsExactly(ListNotice.Kind.PUBLIC);
    }

    @Test
    void aMinorIsNeverPutOnADishonestyList() throws Exception {
        UUID minor = minorWithACourtRecord("少年甲");
        Listing.Evaluation evaluation = listing.evaluate(Set.of(minor));
        assertThat(evaluation.proposed()).isZero();
        assertThat(evaluation.minorsSkipped()).isPositive();
        assertThat(evaluation.ageUnknown()).isZero();
        assertThat(listing.awaitingBirthDate(10_000)).as("a minor's refusal stands: no date to complete")
                .noneMatch(a -> a.subjectId().equals(minor));
        assertThat(listing.entriesOf(minor)).noneMatch(e -> e.listType() == ListType.BLACK);
        Throwable manual = org.assertj.core.api.Assertions.catchThrowable(() -> as("maker-2",
                () -> listing.propose(minor, ListType.BLACK, SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER,
                        "某法规", "某理由", aMonthAgo(), aYearFromNow())));
        assertThat(manual).isInstanceOf(ListingProblem.class).extracting("code").isEqualTo("LIST_MINOR");
        Throwable grey = org.assertj.core.api.Assertions.catchThrowable(() -> as("maker-2",
                () -> listing.propose(minor, ListType.GREY, "某法规", "某理由", aMonthAgo(), aYearFromNow())));
        assertThat(grey).isInstanceOf(ListingProblem.class).extracting("code").isEqualTo("LIST_MINOR");
    }

    /**
     * RULES.md §6: a department's proposal by hand checks the age on the day of the act it names, not on the day it is
     * made: what someone did at 17 is never listed, though they are of age now.
     */
    @Test
    void aProposalByHandChecksTheAgeOnTheDayOfTheAct() throws Exception {
        LocalDate born = LocalDate.now(clock).minusYears(19);
        String number = TestCitizens.withCheckCharacter("411702" + born.toString().replace("-", "")
                + String.format("%03d", (int) (Math.random() * 900) + 100));
        UUID adult = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), "青年丙",
                null, null, List.of(), List.of(), false));
        Throwable atSeventeen = org.assertj.core.api.Assertions.catchThrowable(() -> as("maker-2",
                () -> listing.propose(adult, ListType.BLACK, SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER,
                        "某法规", "某理由", born.plusYears(17), aYearFromNow())));
        assertThat(atSeventeen).isInstanceOf(ListingProblem.class).extracting("code").isEqualTo("LIST_MINOR");
        for (LocalDate actDay : java.util.Arrays.asList(null, LocalDate.now(clock).plusDays(1))) {
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> as("maker-2",
                    () -> listing.propose(adult, ListType.GREY, "某法规", "某理由", actDay, aYearFromNow())));
            assertThat(refused).isInstanceOf(ListingProblem.class).extracting("code").isEqualTo("PROPOSAL_ACT_DAY");
        }
        assertThat(listing.entriesOf(adult)).isEmpty();
        UUID atEighteen = as("maker-2", () -> listing.propose(adult, ListType.GREY, "某法规", "某理由",
                born.plusYears(18), aYearFromNow()));
        assertThat(listing.entry(atEighteen)).isPresent();
        assertThat(queue()).contains("name=\"actDay\"", "max=\"" + LocalDate.now(clock) + "\"", "行为发生日期");
    }

    /** RULES.md §6: what someone did as a minor keeps them off the lists after they turn 18 (issue #5). */
    @Test
    void misconductCommittedAsAMinorIsNotListedOnceTheyTurnEighteen() throws Exception {
        LocalDate born = LocalDate.now(clock).minusYears(18); // 18 today; the court decided on 2026-03-02
        String number = TestCitizens.withCheckCharacter("411702" + born.toString().replace("-", "")
                + String.format("%03d", (int) (Math.random() * 900) + 100));
        UUID adult = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), "青年乙",
                null, null, List.of(), List.of(), false));
        submit(courtDefaulter(number, "青年乙", "M-" + UUID.randomUUID(), "ADD", 1))
                .andExpect(jsonPath("$.accepted").value(1));
        listing.evaluate(Set.of(adult));
        assertThat(listing.entriesOf(adult)).noneMatch(e -> e.listType() == ListType.BLACK);
    }

    /** RULES.md §7 and the red rules' exit condition "出现失信记录即移出" (issue #5). */
    @Test
    void aNewDishonestyRecordEndsARedEntryWithAnExitNoticeAndDoesNotBringItBack() throws Exception {
        TestCitizens.Person model = TestCitizens.register(subjects, "柳春华");
        UUID subject = subjects.find(subjects.validate(null, model.number())).orElseThrow();
        commend(model, LocalDate.now(clock).minusDays(10));
        ListEntry red = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.RED).findFirst().orElse(null), e -> e != null);
        as("checker-5", () -> listing.approve(red.id(), ""));
        ListEntry noticed = listing.entry(red.id()).orElseThrow();
        assertThat(noticed.status()).isEqualTo(EntryStatus.PUBLIC_NOTICE);
        // The period's last day, as the notice names it, ends before the entry takes effect (《民法典》第二百零三条).
        LocalDate lastDay = LocalDate.ofInstant(noticed.effectiveFrom(), clock.getZone()).minusDays(1);
        assertThat(noticed.effectiveFrom()).isEqualTo(lastDay.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        assertThat(listing.noticesOfEntry(red.id())).filteredOn(n -> n.kind() == ListNotice.Kind.PUBLIC).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("公示期至" + lastDay.getYear() + "年"
                        + lastDay.getMonthValue() + "月" + lastDay.getDayOfMonth() + "日"));

        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(model.number(), model.name(),
                "P_ADMIN_PENALTY_GENERAL", "RD-" + UUID.randomUUID(), "1", "ADD", "驻市监罚〔2026〕21号", "无照经营"),
                LocalDate.now(clock));
        await().atMost(Duration.ofSeconds(10)).until(() -> listing.entry(red.id()).orElseThrow().status(),
                s -> s == EntryStatus.EXITED);
        assertThat(listing.entry(red.id()).orElseThrow().exitReason()).contains("失信记录", "驻市监罚〔2026〕21号");
        assertThat(listing.noticesOfEntry(red.id())).extracting(ListNotice::kind).contains(ListNotice.Kind.EXIT);
        // Ended during its public notice, it never took effect: the notice and the entry's page say so.
        assertThat(listing.noticesOfEntry(red.id())).filteredOn(n -> n.kind() == ListNotice.Kind.EXIT).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("的决定已终止，该名单不会生效")
                        .doesNotContain("您已被移出", "停止执行"));
        assertThat(mvc.perform(get("/console/lists/{id}", red.id()).with(staff("office-q", "list:propose",
                        "list:review"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("未生效（原定 ");
        listing.evaluate(Set.of(subject));
        assertThat(listing.entriesOf(subject)).as("the same commendation does not propose the subject again")
                .filteredOn(e -> e.listType() == ListType.RED).extracting(ListEntry::status)
                .containsOnly(EntryStatus.EXITED);
    }

    /**
     * RULES.md §1, §7 (review xxv H2): the court lists the company (法释〔2017〕7号). Its record is copied onto the legal
     * representative and recorded there, but it is the company's conduct: it proposes him for no list, does not date
     * his last negative record, and his check answers no black entry while the company's does.
     */
    @Test
    void anOrganisationsCourtRecordProposesTheOrganisationOnlyNotItsLegalRepresentative() throws Exception {
        TestCitizens.Person rep = TestCitizens.register(subjects, "甘立诚");
        TestRecords.Organisation org = TestRecords.organisationDefaulter(mvc, apiClients, directory, subjects,
                creditFile, rep, "(2026)豫1702执91号", LocalDate.now(clock).minusDays(20));
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(org.id()).stream()
                .filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
        assertThat(proposal.ruleCode()).isEqualTo("BLACK_COURT_DEFAULTER");
        assertThat(creditFile.fileOf(org.representative())).as("the copy is recorded on him (RULES.md §1)")
                .anySatisfy(r -> assertThat(r.linked() && r.itemCode().equals("O_COURT_DEFAULTER")).isTrue());

        listing.evaluate(Set.of(org.representative()));
        assertThat(listing.entriesOf(org.representative())).as("not a 失信被执行人 himself").isEmpty();
        assertThat(lastNegatives(List.of(subjects.pseudonymOf(org.representative()).orElseThrow())))
                .as("the company's record is not his own dishonesty").allMatch(java.util.Objects::isNull);

        as("reviewer-h2", () -> listing.approve(proposal.id(), ""));
        assertThat(listing.entry(proposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> check(marketChecks, org.code(), "BIDDING")
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK")));
        check(hrChecks, rep.number(), "HIRING").andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[?(@.listType == 'BLACK')]").isEmpty())
                .andExpect(jsonPath("$.measures").isEmpty());
    }

    /** RULES.md §7 "出现失信记录即移出" is about the person's own dishonesty, not his company's (review xxv H2). */
    @Test
    void aRedEntryOfTheLegalRepresentativeSurvivesHisCompanysCourtRecord() throws Exception {
        TestCitizens.Person rep = TestCitizens.register(subjects, "程守信");
        UUID subject = subjects.find(subjects.validate(null, rep.number())).orElseThrow();
        commend(rep, LocalDate.now(clock).minusDays(10));
        ListEntry red = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.RED).findFirst().orElse(null), e -> e != null);
        as("checker-h2", () -> listing.approve(red.id(), ""));
        EntryStatus noticed = listing.entry(red.id()).orElseThrow().status();

        TestRecords.organisationDefaulter(mvc, apiClients, directory, subjects, creditFile, rep,
                "(2026)豫1702执92号", LocalDate.now(clock));
        assertThat(creditFile.fileOf(subject)).anyMatch(cn.chengxin.creditfile.FileEntry::linked);
        listing.evaluate(Set.of(subject));

        ListEntry after = listing.entry(red.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(noticed);
        assertThat(after.exitReason()).isNull();
    }

    /**
     * An entry proposed on a copy before copies were told apart (RULES.md §1, §7): its page warns the reviewer, and the
     * subject's next evaluation — the pass V193 starts, for every such holder — ends it, telling him why.
     */
    @Test
    void aProposalRestingOnACopyIsMarkedOnItsPageAndEndsAtTheNextEvaluation() throws Exception {
        TestCitizens.Person rep = TestCitizens.register(subjects, "郑本善");
        TestRecords.Organisation org = TestRecords.organisationDefaulter(mvc, apiClients, directory, subjects,
                creditFile, rep, "(2026)豫1702执93号", LocalDate.now(clock).minusDays(20));
        cn.chengxin.creditfile.FileEntry copy = creditFile.fileOf(org.representative()).stream()
                .filter(cn.chengxin.creditfile.FileEntry::linked).findFirst().orElseThrow();
        cn.chengxin.subject.SubjectProfile who = subjects.profile(org.representative()).orElseThrow();
        UUID id = UUID.randomUUID();
        // As the old evaluation proposed it: the company's record read as the person's own.
        assertThat(listingStore.propose(new cn.chengxin.listing.persistence.JdbcListing.NewEntry(id, ListType.BLACK,
                "BLACK_COURT_DEFAULTER", listingStore.currentRule("BLACK_COURT_DEFAULTER").orElseThrow().version(),
                who.id(), subjects.pseudonymOf(who.id()).orElseThrow(), who.name(), who.kind().name(),
                who.maskedNumber(), copy.recordKey(), "COURT", "法释〔2017〕7号", "符合「失信被执行人」认定条件",
                copy.decisionDate(), "system", LocalDate.now(clock).plusYears(2), true,
                SeriousGround.LEGAL_OBLIGATIONS_REFUSED), clock.instant())).isTrue();
        assertThat(entryPage(id)).contains("id=\"linked-copy\"", "id=\"review-linked-copy\"",
                "不是本人的失信行为");

        listing.evaluate(Set.of(org.representative()));
        ListEntry ended = listing.entry(id).orElseThrow();
        assertThat(ended.status()).isEqualTo(EntryStatus.EXITED);
        assertThat(ended.exitReason()).isEqualTo(Listing.LINKED_COPY_REASON);
        assertThat(listing.entriesOf(org.representative())).as("and the copy proposes nothing anew").singleElement()
                .extracting(ListEntry::id).isEqualTo(id);
    }

    @Test
    void aSubjectOnTheBlackListIsNotProposedForTheRedList() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "岳思远");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        submit(courtDefaulter(person.number(), person.name(), "SX-" + UUID.randomUUID(), "ADD", 1))
                .andExpect(jsonPath("$.accepted").value(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .anyMatch(e -> e.listType() == ListType.BLACK));
        commend(person, LocalDate.now(clock).minusDays(3)); // after the court's decision: only the entry bars it
        listing.evaluate(Set.of(subject));
        assertThat(listing.entriesOf(subject)).noneMatch(e -> e.listType() == ListType.RED);
        Throwable manual = org.assertj.core.api.Assertions.catchThrowable(() -> as("maker-5",
                () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", "市级道德模范", aMonthAgo(), aYearFromNow())));
        assertThat(manual).isInstanceOf(ListingProblem.class).extracting("code").isEqualTo("LIST_RED_BARRED");
    }

    /**
     * RULES.md §7: nobody is rewarded and punished at once. A grey entry taking effect ends the red entry in its public
     * notice, with an exit notice, and a red proposal still waiting may no longer be approved.
     */
    @Test
    void anEntryTakingEffectOnTheGreyListEndsTheRedEntryAndBarsApprovingAnother() throws Exception {
        UUID subject = registered("鲍清和");
        UUID red = as("maker-r", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", "市级道德模范",
                aMonthAgo(), aYearFromNow()));
        as("checker-r", () -> listing.approve(red, "核实无误"));
        UUID waiting = as("maker-r", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", "市级劳动模范",
                aMonthAgo(), aYearFromNow()));
        UUID grey = as("maker-g", () -> listing.propose(subject, ListType.GREY, "某法规", "拖欠税款", aMonthAgo(),
                aYearFromNow()));

        as("checker-g", () -> listing.approve(grey, "核实无误"));

        assertThat(listing.entry(red).orElseThrow().status()).isEqualTo(EntryStatus.EXITED);
        assertThat(listing.entry(red).orElseThrow().exitReason()).contains(ListType.GREY.label());
        assertThat(listing.noticesOfEntry(red)).extracting(ListNotice::kind).contains(ListNotice.Kind.EXIT);
        Throwable approval = org.assertj.core.api.Assertions.catchThrowable(() -> as("checker-r",
                () -> listing.approve(waiting, "核实无误")));
        assertThat(approval).isInstanceOf(ListingProblem.class).extracting("code")
                .isEqualTo("LIST_RED_BARRED_IN_FORCE");
        assertThat(listing.entry(waiting).orElseThrow().status()).isEqualTo(EntryStatus.PROPOSED);
    }

    /** The same when a black entry takes effect after its prior notice, however late its ground was reported. */
    @Test
    void aBlackEntryTakingEffectAfterItsNoticeEndsTheRedEntry() throws Exception {
        UUID subject = registered("鲍清远");
        UUID red = as("maker-r", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", "市级道德模范",
                aMonthAgo(), aYearFromNow()));
        as("checker-r", () -> listing.approve(red, "核实无误"));
        UUID black = as("maker-b", () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "国办发〔2020〕49号", "严重违法失信",
                aMonthAgo(), aYearFromNow()));
        assertThat(as("checker-b", () -> listing.approve(black, "核实无误"))).isEqualTo(EntryStatus.NOTIFIED);
        assertThat(listing.entry(red).orElseThrow().status()).isEqualTo(EntryStatus.PUBLIC_NOTICE);

        // The prior notice is served (RULES.md §7: the period counts from service), then its period passes.
        as("clerk-b", () -> {
            listing.recordService(listing.noticesOfEntry(black).stream().filter(n -> n.kind() == ListNotice.Kind.PRIOR)
                    .findFirst().orElseThrow().id(), NoticeDelivery.Channel.IN_PERSON, LocalDate.now(clock), "");
            return null;
        });
        jdbc.sql("UPDATE listing.entry SET effective_from = now() - interval '1 second' WHERE id = ?").param(black)
                .update();
        listing.activateDue();

        assertThat(listing.entry(black).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(listing.entry(red).orElseThrow().status()).isEqualTo(EntryStatus.EXITED);
        assertThat(listing.noticesOfEntry(red)).extracting(ListNotice::kind).contains(ListNotice.Kind.EXIT);
    }

    /**
     * An exit's notice follows the status the entry ended from: an entry read in its prior notice that takes effect
     * before the exit reaches it is told its measures stop, not that the listing will not take effect.
     */
    @Test
    void anEntryThatTookEffectWhileItsExitWaitedIsToldItsMeasuresStop() throws Exception {
        UUID subject = registered("滕子墨");
        UUID black = as("maker-b", () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "国办发〔2020〕49号", "严重违法失信",
                aMonthAgo(), aYearFromNow()));
        as("checker-b", () -> listing.approve(black, "核实无误"));
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(
                        context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> activation = pool.submit(() -> tx.executeWithoutResult(status -> {
                jdbc.sql("UPDATE listing.entry SET status = 'EFFECTIVE' WHERE id = ?").param(black).update();
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            locked.await();
            as("officer-x", () -> exits.propose(black, cn.chengxin.listing.domain.ExitGround.BASIS_REVOKED,
                    "驻市监撤〔2026〕2号", "认定依据的处罚决定已被撤销"));
            Future<?> exit = pool.submit(() -> as("officer-y", () -> {
                exits.approve(black, "");
                return null;
            }));
            // The exit has read the entry in its prior notice and waits for the row the activation holds.
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE wait_event_type = 'Lock' AND query LIKE '%listing.entry%'").query(Long.class).single() > 0);
            release.countDown();
            activation.get();
            exit.get();
        } finally {
            release.countDown();
            pool.shutdown();
        }

        assertThat(listing.noticesOfEntry(black)).filteredOn(n -> n.kind() == ListNotice.Kind.EXIT).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("您已被移出", "停止执行").doesNotContain("不会生效"));
    }

    /** An entry's page shows the person's facts and notices: each look is audited in their part of the log. */
    @Test
    void lookingAtAnEntryIsAuditedInThePersonsPartOfTheLog() throws Exception {
        UUID subject = registered("滕子衿");
        UUID id = as("maker-v", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", "市级道德模范",
                aMonthAgo(), aYearFromNow()));
        String pseudonym = listing.entry(id).orElseThrow().subjectPseudonym();

        entryPage(id);

        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'listing.view' AND category = 'QUERY' "
                + "AND subject_pseudonym = ?").param(pseudonym).query(Long.class).single()).isEqualTo(1L);
    }

    /**
     * An entry whose last day comes before its prior notice ends is not approved: its notice would announce an effect
     * on a day it is already over.
     */
    @Test
    void anEntryEndingBeforeItWouldTakeEffectIsNotApproved() throws Exception {
        UUID subject = registered("滕子安");
        UUID black = as("maker-e", () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "国办发〔2020〕49号", "严重违法失信",
                aMonthAgo(), LocalDate.now(clock).plusDays(2)));

        Throwable approval = org.assertj.core.api.Assertions.catchThrowable(() -> as("checker-e",
                () -> listing.approve(black, "核实无误")));

        assertThat(approval).isInstanceOf(ListingProblem.class).extracting("code").isEqualTo("LIST_ENDS_BEFORE_EFFECT");
        assertThat(listing.entry(black).orElseThrow().status()).isEqualTo(EntryStatus.PROPOSED);
        assertThat(listing.noticesOfEntry(black)).isEmpty();
    }

    /**
     * The proposal form by number tells whether a number is registered only when filled in, and then as an audited
     * look-up in the person's part of the log, as the search box's.
     */
    @Test
    void theProposalFormLooksANumberUpOnlyOnceFilledInAndAuditsTheLookUp() throws Exception {
        String unknown = TestCitizens.withCheckCharacter("41170219850317" + String.format("%03d",
                (int) (Math.random() * 900) + 100));
        String halfFilled = mvc.perform(post("/console/lists").param("subjectNumber", unknown).param("type", "GREY")
                        .param("legalBasis", "").param("reasons", "").with(staff("maker-7", "list:propose"))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(halfFilled).contains("PROPOSAL_INCOMPLETE").doesNotContain("SUBJECT_UNKNOWN");
        String pseudonym = subjects.pseudonymOf(subjects.validate(null, unknown));
        assertThat(lookUps(pseudonym)).isZero();

        mvc.perform(post("/console/lists").param("subjectNumber", unknown).param("type", "GREY")
                        .param("legalBasis", "国办发〔2020〕49号").param("reasons", "较重处罚")
                        .param("actDay", aMonthAgo().toString()).param("validUntil", aYearFromNow().toString())
                        .with(staff("maker-7", "list:propose")).with(csrf()))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("SUBJECT_UNKNOWN")));
        assertThat(lookUps(pseudonym)).isEqualTo(1L);
    }

    private long lookUps(String pseudonym) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'listing.lookup' AND category = 'QUERY' "
                + "AND subject_pseudonym = ?").param(pseudonym).query(Long.class).single();
    }

    /**
     * A passport holder is proposed by hand as anyone is, the form naming the document type, and found on the public
     * list by the number of that type (issue #5).
     */
    @Test
    void aProposalByHandNamesAPassportHolderByTheTypeOfTheirDocument() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport),
                "史密斯", LocalDate.of(1979, 4, 2), null, List.of(), List.of(), false));

        mvc.perform(post("/console/lists").param("documentType", "PASSPORT").param("subjectNumber", passport)
                        .param("type", "RED").param("legalBasis", "国办发〔2016〕98号").param("reasons", "市级道德模范")
                        .param("actDay", aMonthAgo().toString())
                        .param("validUntil", LocalDate.now(clock).plusYears(1).toString())
                        .with(staff("maker-pp", "list:propose")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("successKey", "lists.proposed"));

        assertThat(listing.entriesOf(holder)).singleElement().satisfies(e -> {
            assertThat(e.listType()).isEqualTo(ListType.RED);
            assertThat(e.status()).isEqualTo(EntryStatus.PROPOSED);
        });
        mvc.perform(get("/console/lists").with(staff("maker-pp", "list:propose")))
                .andExpect(content().string(containsString("name=\"documentType\"")))
                .andExpect(content().string(containsString("护照")));

        // Approved, the entry is in its public notice period: the public finds it by the passport number, masked.
        UUID entry = listing.entriesOf(holder).get(0).id();
        mvc.perform(post("/console/lists/{id}/approve", entry).param("note", "核实无误")
                .with(staff("reviewer-pp", "list:review")).with(csrf())).andExpect(status().is3xxRedirection());
        String found = mvc.perform(post("/lists").param("type", "RED").param("notice", "true")
                        .param("documentType", "PASSPORT").param("q", passport).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains("id=\"by-number\"", cn.chengxin.subject.domain.Masking.identityNumber(passport))
                .doesNotContain(passport).doesNotContain("没有符合条件");

        // Staff look the entry up by the same number and type: its pages carry a token, never the number.
        RequestPostProcessor session = Sessions.of(context);
        String redirect = mvc.perform(post("/console/lists/search").param("documentType", "PASSPORT")
                        .param("q", passport).with(session).with(staff("office-q", "list:propose")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(redirect).doesNotContain(passport);
        assertThat(page(redirect, session)).contains(link(entry), "共 1 条").doesNotContain(passport);
    }

    /** Maker-checker on the page too: the proposer is told another reviewer decides, and is offered no decision. */
    @Test
    void theProposerOfAnEntryIsNotOfferedItsReview() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "樊思远");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        mvc.perform(post("/console/lists").param("subjectNumber", person.number()).param("type", "RED")
                        .param("legalBasis", "国办发〔2016〕98号").param("reasons", "市级优秀志愿者")
                        .param("actDay", aMonthAgo().toString())
                        .param("validUntil", LocalDate.now(clock).plusYears(1).toString())
                        .with(staff("maker-own", "list:propose", "list:review")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        UUID entry = listing.entriesOf(subject).get(0).id();

        mvc.perform(get("/console/lists/{id}", entry).with(staff("maker-own", "list:propose", "list:review")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"own-proposal\"")))
                .andExpect(content().string(not(containsString("id=\"approve\""))));
        mvc.perform(get("/console/lists/{id}", entry).with(staff("checker-own", "list:propose", "list:review")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"approve\"")))
                .andExpect(content().string(not(containsString("id=\"own-proposal\""))));
    }

    /**
     * A reviewer who may not propose (名单审核, list:review only: RULES.md §10) reaches the list from the menu and
     * decides on the entry's page, offered no proposal form, which its proposers keep.
     */
    @Test
    void aReviewerWhoMayNotProposeDecidesOnTheListsPages() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "龚若岚");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        mvc.perform(post("/console/lists").param("subjectNumber", person.number()).param("type", "RED")
                        .param("legalBasis", "国办发〔2016〕98号").param("reasons", "市级优秀志愿者")
                        .param("actDay", aMonthAgo().toString())
                        .param("validUntil", LocalDate.now(clock).plusYears(1).toString())
                        .with(staff("maker-only", "list:propose")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        UUID entry = listing.entriesOf(subject).get(0).id();

        mvc.perform(get("/console/lists").param("status", "PROPOSED").with(staff("checker-only", "list:review")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"/console/lists\"")))
                .andExpect(content().string(containsString("/console/lists/" + entry)))
                .andExpect(content().string(not(containsString("id=\"propose\""))));
        mvc.perform(get("/console/lists/{id}", entry).with(staff("checker-only", "list:review")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"approve\"")));
        mvc.perform(get("/console/lists").with(staff("maker-only", "list:propose")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"propose\"")));
        mvc.perform(post("/console/lists/{id}/approve", entry).with(staff("checker-only", "list:review"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey", "lists.approved"));
    }

    /** The entry page names who proposed and who reviewed it as the staff directory knows them, not by account id. */
    @Test
    void theEntryPageNamesItsProposerAndReviewer() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "岳明哲");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID proposer = staffMember("提出人甲");
        UUID reviewer = staffMember("审核人乙");
        UUID entry = as(proposer.toString(), () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号",
                "市级优秀志愿者", aMonthAgo(), aYearFromNow()));
        as(reviewer.toString(), () -> {
            listing.approve(entry, "核实无误");
            return null;
        });

        assertThat(entryPage(entry)).contains("提出人甲", "审核人乙")
                .doesNotContain(proposer.toString(), reviewer.toString());
    }

    /** RULES.md §5: the dispute mark shows wherever the entry shows: its page's facts and review, as the list. */
    @Test
    void theEntryPageShowsTheDisputeMarkInItsFactsAndItsReview() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "邵雨晴");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID entry = as("maker-d", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", "市级道德模范", aMonthAgo(),
                aYearFromNow()));
        assertThat(entryPage(entry)).doesNotContain("异议处理中");

        listing.markEntryDisputed(entry, true);
        String page = entryPage(entry);
        assertThat(part(page, "id=\"entry\"", "</dl>")).contains("异议处理中");
        assertThat(part(page, "id=\"review\"", "</section>")).contains("异议处理中");
        assertThat(entryPage(entry, "lang", "en")).contains("Under objection");
    }

    /**
     * RULES.md §6: the second person who reviews a proposal, and the entry page afterwards, see on what day the
     * person's age was judged: the day of the act a department named, or the decision date of the record.
     */
    @Test
    void theEntryPageShowsTheDayOnWhichTheAgeWasJudged() throws Exception {
        UUID subject = registered("乔安澜");
        LocalDate actDay = aMonthAgo().minusDays(3);
        UUID entry = as("maker-act", () -> listing.propose(subject, ListType.GREY, "某法规", "某理由", actDay,
                aYearFromNow()));
        assertThat(listing.entry(entry).orElseThrow().actDay()).isEqualTo(actDay);

        String page = entryPage(entry);
        assertThat(part(page, "id=\"entry\"", "</dl>")).contains("行为发生日期（按此日认定是否成年）",
                "id=\"age-judged-on\">" + actDay + "<");
        assertThat(part(page, "id=\"review\"", "</section>")).contains("行为发生日期（按此日认定是否成年）",
                actDay.toString());
        String english = entryPage(entry, "lang", "en");
        assertThat(english).contains("Date of the act (the age is judged on it)");
        assertThat(part(english, "id=\"review\"", "</section>")).as("punctuated in the page's language")
                .contains("</span>: <span>" + actDay + "</span>").doesNotContain("：");
    }

    /**
     * The audit log is read by the credit office and auditors in Chinese: an entry's steps are told in Chinese, with
     * the entry's id and never the person's number (issue #5).
     */
    @Test
    void anEntrysStepsAreToldInChineseInTheAuditLog() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "卢思齐");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID kept = as("maker-audit", () -> listing.propose(subject, ListType.GREY, "某法规", "某理由", aMonthAgo(),
                aYearFromNow()));
        as("checker-audit", () -> listing.approve(kept, "核实无误"));
        as("checker-audit", () -> {
            listing.exit(kept, "信用修复");
            return null;
        });
        UUID refused = as("maker-audit", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", "市级道德模范",
                aMonthAgo(), aYearFromNow()));
        as("checker-audit", () -> {
            listing.reject(refused, "材料不全");
            return null;
        });

        assertThat(jdbc.sql("SELECT action || ' ' || detail FROM audit.event WHERE subject_pseudonym = ? "
                        + "AND action IN ('listing.propose', 'listing.approve', 'listing.reject', 'listing.exit') "
                        + "ORDER BY seq")
                .param(subjects.pseudonymOf(subject).orElseThrow()).query(String.class).list()).containsExactly(
                        "listing.propose reason=LIST_PROPOSED; list=#lists.type.GREY; entry=" + kept,
                        "listing.approve reason=LIST_APPROVED; list=#lists.type.GREY; entry=" + kept
                                + "; status=#lists.status.EFFECTIVE",
                        "listing.exit reason=LIST_EXITED; list=#lists.type.GREY; entry=" + kept + "; reason=信用修复",
                        "listing.propose reason=LIST_PROPOSED; list=#lists.type.RED; entry=" + refused,
                        "listing.reject reason=LIST_REJECTED; list=#lists.type.RED; entry=" + refused)
                .allSatisfy(d -> assertThat(d).doesNotContain(person.number()));

        long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit.event").query(Long.class).single();
        listing.evaluate(Set.of(subject, minorWithACourtRecord("少年丁")));
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'listing.evaluate' AND seq > ?")
                .param(before).query(String.class).list()).contains(
                "reason=LIST_EVALUATED; subjects=2; proposed=0; ended=0; minors=1; ageUnknown=0");
    }

    /** A person born in 2012, minor on the decision date of the court's record they hold (2026-03-02). */
    private UUID minorWithACourtRecord(String name) throws Exception {
        String number = TestCitizens.withCheckCharacter("411702" + "20120305"
                + String.format("%03d", (int) (Math.random() * 900) + 100));
        UUID minor = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), name,
                null, null, List.of(), List.of(), false));
        submit(courtDefaulter(number, name, "M-" + UUID.randomUUID(), "ADD", 1))
                .andExpect(jsonPath("$.accepted").value(1));
        return minor;
    }

    private static String part(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return page.substring(start, page.indexOf(to, start));
    }

    private UUID staffMember(String displayName) {
        UUID office = directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE")).findFirst()
                .orElseThrow().id();
        return directory.createUser("tnamed" + UUID.randomUUID().toString().substring(0, 8), displayName, office,
                cn.chengxin.support.TestStaff.PASSWORD);
    }

    /**
     * The console in English names the lists and where an entry stands in English, from the message bundle; in
     * Chinese, the default, as before.
     */
    @Test
    void theListPagesNameListsAndStatusesInTheReadersLanguage() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "靳语桐");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID entry = as("maker-lang", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", "市级道德模范",
                aMonthAgo(), aYearFromNow()));
        String[] chinese = {"红名单", "重点关注名单", "严重失信主体名单", "待审核", "已事先告知", "公示中",
                "不予认定", "已移出"};

        assertThat(queue("q", person.name(), "lang", "en")).contains("<td>Red list</td>",
                        "<td class=\"status\">Awaiting review</td>", ">Serious dishonesty list</option>",
                        ">Grey list (key attention)</option>", ">In force</option>", ">Removed</option>")
                .doesNotContain(chinese);
        assertThat(queue("q", person.name())).as("Chinese first, as before").contains("<td>红名单</td>",
                "<td class=\"status\">待审核</td>", ">严重失信主体名单</option>", ">生效</option>");
        assertThat(entryPage(entry, "lang", "en")).contains("<span>Red list</span>",
                "<dd class=\"status\">Awaiting review</dd>").doesNotContain(chinese);
        assertThat(entryPage(entry)).contains("<span>红名单</span>", "<dd class=\"status\">待审核</dd>");
        assertThat(rulesPage("lang", "en")).contains("<td>Serious dishonesty list</td>", ">Red list</option>")
                .doesNotContain("<td>严重失信主体名单</td>", ">红名单</option>");
        assertThat(rulesPage()).contains("<td>严重失信主体名单</td>", ">红名单</option>");
    }

    /**
     * A disabled rule is marked as such, and the citizen's own lists page names lists and statuses, in the reader's
     * language; in Chinese, the default, as before.
     */
    @Test
    void theRulesAndTheCitizensListsPagesSpeakTheReadersLanguage() throws Exception {
        String code = "RED_LANG_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        RuleVersions.put(listing, hoursRule(code, "1201.5", false));
        String disabled = "测试：志愿服务满 1201.5 小时";
        assertThat(rulesPage("lang", "en")).contains("<td>" + disabled + " (disabled)</td>").doesNotContain("（停用）");
        assertThat(rulesPage()).contains("<td>" + disabled + " （停用）</td>");

        UUID subject = registered("沈知遥");
        as("maker-lang", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", "市级道德模范", aMonthAgo(),
                aYearFromNow()));
        assertThat(citizensListsPage(subject, "lang", "en"))
                .contains("<td>Red list</td>", "<td class=\"status\">Awaiting review</td>")
                .doesNotContain("红名单", "待审核");
        assertThat(citizensListsPage(subject)).contains("<td>红名单</td>", "<td class=\"status\">待审核</td>");
    }

    /**
     * The citizen's lists page and the console's entry page give an English reader each notice in English, written
     * from its wording and marked as a reading aid, with the Chinese text that is the notice served beside it (G13;
     * before, only the kind's name was English); in Chinese, the default, the notice reads as issued (issue #5).
     */
    @Test
    void theNoticesReadInTheReadersLanguageBesideTheChineseTextAsIssued() throws Exception {
        UUID subject = registered("温若川");
        UUID entry = as("maker-lang", () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "某法规第十条", "严重失信", aMonthAgo(),
                aYearFromNow()));
        as("checker-lang", () -> listing.approve(entry, "核实无误"));

        String english = citizensListsPage(subject, "lang", "en");
        assertThat(english).contains("<h3>Prior notice of credit punishment</h3>", "kept as issued",
                        "After review, it is proposed to put you on the", "data-field=\"reading-aid\"",
                        "The notice as issued, in Chinese", "经审核，拟将您列入")
                .doesNotContain("<h3>信用惩戒事先告知书</h3>");
        assertThat(english.indexOf("After review")).isLessThan(english.indexOf("经审核，拟将您列入"));
        assertThat(citizensListsPage(subject)).contains("<h3>信用惩戒事先告知书</h3>", "经审核，拟将您列入")
                .doesNotContain("kept as issued", "After review", "data-field=\"reading-aid\"");

        assertThat(entryPage(entry, "lang", "en")).contains("<h3>Prior notice of credit punishment</h3>",
                "After review, it is proposed to put you on the", "data-field=\"reading-aid\"", "经审核，拟将您列入");
        assertThat(entryPage(entry)).contains("<h3>信用惩戒事先告知书</h3>", "经审核，拟将您列入")
                .doesNotContain("After review", "data-field=\"reading-aid\"");
    }

    private String citizensListsPage(UUID subject, String... params) throws Exception {
        return mvc.perform(withParams(get("/me/lists"), params)
                        .with(authentication(Principals.citizen(subjects, subject))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String entryPage(UUID entry, String... params) throws Exception {
        return reviewersPage(get("/console/lists/{id}", entry), params);
    }

    /**
     * A department's entry needs a last day: after today and within the longest publication period (issue #5). A
     * refused proposal shows the form again with what was typed and why; the number only in its own field.
     */
    @Test
    void aProposalByHandWithoutAValidLastDayIsRefusedOnTheFormAsTyped() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "丁文博");
        for (String validUntil : List.of("", LocalDate.now(clock).toString(),
                LocalDate.now(clock).plusYears(3).plusDays(1).toString())) {
            String page = mvc.perform(post("/console/lists")
                            .param("subjectNumber", person.number()).param("type", "GREY")
                            .param("legalBasis", "国办发〔2020〕49号（刚输入）").param("reasons", "较重处罚（刚输入）")
                            .param("actDay", aMonthAgo().toString()).param("validUntil", validUntil)
                            .with(staff("maker-7", "list:propose")).with(csrf()))
                    .andExpect(status().isUnprocessableContent()).andExpect(flash().attributeCount(0))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("PROPOSAL_VALIDITY", "有效期至");
            String form = part(page, "id=\"propose\"", "</form>");
            assertThat(form).contains("value=\"国办发〔2020〕49号（刚输入）\"", "较重处罚（刚输入）</textarea>",
                    "value=\"" + aMonthAgo() + "\"").containsPattern("value=\"GREY\"[^>]*selected")
                    .containsPattern("name=\"subjectNumber\"[^>]*value=\"" + person.number() + "\"");
            assertThat(page.split(person.number(), -1)).as("the number in its field only").hasSize(2);
        }
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        assertThat(listing.entriesOf(subject)).isEmpty();
    }

    @Test
    void anEntryPastItsValidityIsAbsentFromChecksAndThePublicListAndThenEnds() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "蔡秀英");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID grey = as("maker-3", () -> listing.propose(subject, ListType.GREY, "国办发〔2020〕49号", "较重处罚", aMonthAgo(),
                LocalDate.now(clock).plusMonths(1)));
        UUID black = as("maker-3", () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "某法规第十条", "严重失信", aMonthAgo(),
                LocalDate.now(clock).plusMonths(1)));
        as("checker-3", () -> listing.approve(grey, ""));
        as("checker-3", () -> listing.approve(black, ""));
        assertThat(listing.entry(grey).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(listing.entry(black).orElseThrow().status()).as("after the prior notice period")
                .isEqualTo(EntryStatus.NOTIFIED);
        // The clock is the system's: the two days pass in the database instead, as a change the index follows.
        jdbc.sql("UPDATE listing.entry SET valid_until = current_date - 1, change_seq = nextval('listing.change_seq') "
                + "WHERE id IN (?, ?)").params(grey, black).update();
        // The index follows the change: wait for it rather than for a time.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> check(marketChecks, person.number(), "INSPECTION")
                .andExpect(status().isOk()).andExpect(jsonPath("$.entries").isEmpty())
                .andExpect(jsonPath("$.measures").isEmpty()));
        mvc.perform(get("/lists").param("q", person.name()))
                .andExpect(content().string(not(containsString(cn.chengxin.subject.domain.Masking.personName(person.name())))));
        assertThat(listing.expireDue()).isGreaterThanOrEqualTo(2);
        assertThat(listing.entry(grey).orElseThrow().status()).isEqualTo(EntryStatus.EXITED);
        assertThat(listing.entry(black).orElseThrow().status()).isEqualTo(EntryStatus.EXITED);
    }

    @Test
    void threeYearsWithoutANegativeRecordOpenTheGreenChannelAndARecentPenaltyClosesIt() throws Exception {
        TestCitizens.Person clean = TestCitizens.register(subjects, "秦文静");
        check(marketChecks, clean.number(), "LICENSING").andExpect(status().isOk())
                .andExpect(jsonPath("$.cleanRecordThreeYears").value(true))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItems("GREEN_CHANNEL",
                        "TOLERANT_ACCEPTANCE")))
                .andExpect(jsonPath("$.measures[0].listType").value("CLEAN_RECORD"));

        TestCitizens.Person fined = TestCitizens.register(subjects, "邱海波");
        submitPenaltyElevenMonthsAgo(fined);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> check(marketChecks, fined.number(), "LICENSING")
                .andExpect(jsonPath("$.cleanRecordThreeYears").value(false))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        "GREEN_CHANNEL")))));
    }

    /**
     * RULES.md §7 counts the negative records in use: a penalty revoked (§5), repaired (§6: "stop sharing and use")
     * or whose display stopped (§4: "不再展示使用超过期限的公共信用信息") no longer closes the green channel, and the
     * change reopens it at the next checks; while it is still published, it keeps it closed.
     */
    @Test
    void aPenaltyNoLongerInUseNoLongerClosesTheGreenChannel() throws Exception {
        List<cn.chengxin.creditfile.RecordStatus> ends = List.of(cn.chengxin.creditfile.RecordStatus.REVOKED,
                cn.chengxin.creditfile.RecordStatus.REPAIRED, cn.chengxin.creditfile.RecordStatus.EXPIRED);
        for (cn.chengxin.creditfile.RecordStatus end : ends) {
            TestCitizens.Person fined = TestCitizens.register(subjects, "钱" + "志立达".charAt(ends.indexOf(end)) + "明");
            UUID subject = subjects.find(subjects.validate(null, fined.number())).orElseThrow();
            submitPenaltyElevenMonthsAgo(fined);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> check(marketChecks, fined.number(), "LICENSING")
                    .andExpect(jsonPath("$.cleanRecordThreeYears").value(false))
                    .andExpect(jsonPath("$.measures").isEmpty()));

            UUID record = creditFile.fileOf(subject).get(0).recordKey();
            assertThat(creditFile.changeStatus(subject, record, Set.of(cn.chengxin.creditfile.RecordStatus.ACTIVE),
                    end, "test", "测试：" + end.label())).isTrue();
            await("once " + end).atMost(Duration.ofSeconds(10)).untilAsserted(() -> check(marketChecks,
                    fined.number(), "LICENSING")
                    .andExpect(jsonPath("$.cleanRecordThreeYears").value(true))
                    .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItems("GREEN_CHANNEL",
                            "TOLERANT_ACCEPTANCE"))));
        }
    }

    @Test
    void aNumberThePlatformKeepsNoFileOnEarnsNoIncentiveForACleanRecordUntilItsHolderIsRegistered() throws Exception {
        String stranger = TestCitizens.withCheckCharacter("65010219750615"
                + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000)));
        check(marketChecks, stranger, "LICENSING").andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").doesNotExist())
                .andExpect(jsonPath("$.cleanRecordThreeYears").value(false))
                .andExpect(jsonPath("$.measures").isEmpty());

        subjects.registerPerson(new cn.chengxin.subject.NewPerson(subjects.validate(
                cn.chengxin.subject.domain.DocumentType.RESIDENT_ID, stranger), "房立新", null, null, List.of(),
                List.of(), false));
        String answer = check(marketChecks, stranger, "LICENSING").andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").doesNotExist())
                .andExpect(jsonPath("$.cleanRecordThreeYears").value(true))
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItems("GREEN_CHANNEL",
                        "TOLERANT_ACCEPTANCE")))
                .andReturn().getResponse().getContentAsString();
        // Granted for a clean record, they rest on no list entry.
        assertThat(com.jayway.jsonpath.JsonPath.<List<Object>>read(answer, "$.measures[*].basedOn"))
                .isNotEmpty().containsOnly(List.of());
        assertThat(com.jayway.jsonpath.JsonPath.<List<Boolean>>read(answer, "$.measures[*].disputed"))
                .containsOnly(false);
    }

    @Test
    void aBatchTellsRegisteredSubjectsFromNumbersThePlatformKeepsNoFileOn() throws Exception {
        TestCitizens.Person resident = TestCitizens.register(subjects, "葛玉兰");
        String stranger = TestCitizens.withCheckCharacter("65010219750616"
                + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000)));
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + marketChecks)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumbers\":[\"" + stranger + "\",\"12345\",\"" + resident.number()
                                + "\"],\"scenario\":\"LICENSING\",\"purpose\":\"批量许可受理\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].result.cleanRecordThreeYears").value(false))
                .andExpect(jsonPath("$[0].result.measures").isEmpty())
                .andExpect(jsonPath("$[1].code").value("ID_FORMAT"))
                .andExpect(jsonPath("$[2].index").value(3))
                .andExpect(jsonPath("$[2].result.registered").doesNotExist())
                .andExpect(jsonPath("$[2].result.measures[*].code", org.hamcrest.Matchers.hasItem("GREEN_CHANNEL")));
    }

    /** RULES.md §2: what may not be used to punish (简易程序, minor acts) never makes a black-list rule. */
    @Test
    void aRuleMayNameOnlyItemsItsListAdmits() throws Exception {
        Throwable minor = org.assertj.core.api.Assertions.catchThrowable(() -> as("rule-clerk",
                () -> listing.proposeRule(new ListRule("BLACK_MINOR_PENALTIES", 0, ListType.BLACK, "轻微处罚",
                        Set.of("P_ADMIN_PENALTY_MINOR"), null, null, "国办发〔2020〕49号", 12, 5, "期满", false,
                                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER))));
        assertThat(minor).isInstanceOf(ListingProblem.class).hasMessageContaining("不可用于惩戒")
                .extracting("code").isEqualTo("RULE_INVALID");
        Throwable red = org.assertj.core.api.Assertions.catchThrowable(() -> as("rule-clerk",
                () -> listing.proposeRule(new ListRule("RED_PENALTIES", 0, ListType.RED, "处罚", Set.of(
                        "P_ADMIN_PENALTY_GENERAL"), null, null, "国办发〔2016〕98号", 12, 7, "期满", false))));
        assertThat(red).isInstanceOf(ListingProblem.class).hasMessageContaining("不是守信信息");
        Throwable noNotice = org.assertj.core.api.Assertions.catchThrowable(() -> as("rule-clerk",
                () -> listing.proposeRule(new ListRule("BLACK_SERIOUS_NO_NOTICE", 0, ListType.BLACK, "严重处罚", Set.of(
                        "P_ADMIN_PENALTY_SERIOUS"), null, null, "国办发〔2020〕49号", 36, 0, "期满", false,
                                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER))));
        assertThat(noNotice).isInstanceOf(ListingProblem.class).hasMessageContaining("事先告知")
                .extracting("code").isEqualTo("RULE_INVALID");
        assertThat(listing.rules()).extracting(ListRule::code).doesNotContain("BLACK_MINOR_PENALTIES", "RED_PENALTIES",
                "BLACK_SERIOUS_NO_NOTICE");
        assertThat(RuleVersions.put(listing, new ListRule("BLACK_SERIOUS_PENALTIES_DRAFT", 0, ListType.BLACK,
                "严重处罚（未启用）", Set.of("P_ADMIN_PENALTY_SERIOUS"), null, null, "国办发〔2020〕49号", 36, 5, "期满",
                false, SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER))).isPositive();
    }

    /**
     * RULES.md §7 (国办发〔2020〕49号): the black list rests on one of four grounds and on serious conduct only. A rule
     * naming a general item, or no ground, is refused with its own code; the base rules carry their grounds (V157).
     */
    @Test
    void aBlackRuleNeedsAGroundAndSeriousItems() throws Exception {
        Throwable general = org.assertj.core.api.Assertions.catchThrowable(() -> as("rule-clerk",
                () -> listing.proposeRule(new ListRule("BLACK_GENERAL_PENALTIES", 0, ListType.BLACK, "一般处罚",
                        Set.of("P_ADMIN_PENALTY_GENERAL"), null, null, "国办发〔2020〕49号", 12, 5, "期满", false,
                        SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER))));
        assertThat(general).isInstanceOf(ListingProblem.class).hasMessageContaining("严重程度不是“严重”")
                .extracting("code").isEqualTo("RULE_ITEM_NOT_SERIOUS");
        Throwable groundless = org.assertj.core.api.Assertions.catchThrowable(() -> as("rule-clerk",
                () -> listing.proposeRule(new ListRule("BLACK_NO_GROUND", 0, ListType.BLACK, "严重处罚",
                        Set.of("P_ADMIN_PENALTY_SERIOUS"), null, null, "国办发〔2020〕49号", 36, 5, "期满", false))));
        assertThat(groundless).isInstanceOf(ListingProblem.class).hasMessageContaining("严重失信情形")
                .extracting("code").isEqualTo("RULE_GROUND_REQUIRED");
        assertThat(listing.rules()).extracting(ListRule::code).doesNotContain("BLACK_GENERAL_PENALTIES",
                "BLACK_NO_GROUND");
        assertThat(listing.rules()).filteredOn(r -> r.listType() == ListType.BLACK).isNotEmpty()
                .allSatisfy(r -> assertThat(r.seriousGround()).as(r.code()).isNotNull());
        assertThat(listing.rules()).filteredOn(r -> r.code().equals("BLACK_COURT_DEFAULTER"))
                .extracting(ListRule::seriousGround).containsExactly(SeriousGround.LEGAL_OBLIGATIONS_REFUSED);
    }

    /**
     * A department's black-list proposal names its ground, which its prior notice and its page quote; one without is
     * refused, and one left from before grounds were required is not approved.
     */
    @Test
    void aBlackProposalByHandNamesItsGroundInThePriorNoticeAndOnItsPage() throws Exception {
        UUID subject = registered("甘守正");
        Throwable groundless = org.assertj.core.api.Assertions.catchThrowable(() -> as("maker-gr",
                () -> listing.propose(subject, ListType.BLACK, "某法规第十条", "严重失信", aMonthAgo(), aYearFromNow())));
        assertThat(groundless).isInstanceOf(ListingProblem.class).extracting("code")
                .isEqualTo("PROPOSAL_GROUND_REQUIRED");
        assertThat(listing.entriesOf(subject)).isEmpty();

        UUID entry = as("maker-gr", () -> listing.propose(subject, ListType.BLACK, SeriousGround.HEALTH_AND_LIFE,
                "《中华人民共和国食品安全法》第一百二十三条", "生产销售有毒有害食品", aMonthAgo(), aYearFromNow()));
        assertThat(listing.entry(entry).orElseThrow().seriousGround()).isEqualTo(SeriousGround.HEALTH_AND_LIFE);
        assertThat(as("checker-gr", () -> listing.approve(entry, "核实无误"))).isEqualTo(EntryStatus.NOTIFIED);
        assertThat(listing.noticesOfEntry(entry)).filteredOn(n -> n.kind() == ListNotice.Kind.PRIOR).singleElement()
                .extracting(ListNotice::body).asString().contains("严重失信情形：严重危害人民群众身体健康和生命安全");
        assertThat(entryPage(entry)).contains("id=\"serious-ground\"", "严重危害人民群众身体健康和生命安全");

        UUID old = as("maker-gr", () -> listing.propose(registered("甘守旧"), ListType.BLACK,
                SeriousGround.HEALTH_AND_LIFE, "某法规第十条", "严重失信", aMonthAgo(), aYearFromNow()));
        jdbc.sql("UPDATE listing.entry SET serious_ground = NULL WHERE id = ?").param(old).update();
        Throwable approval = org.assertj.core.api.Assertions.catchThrowable(() -> as("checker-gr",
                () -> listing.approve(old, "核实无误")));
        assertThat(approval).isInstanceOf(ListingProblem.class).extracting("code").isEqualTo("LIST_GROUND_REQUIRED");
        assertThat(listing.entry(old).orElseThrow().status()).isEqualTo(EntryStatus.PROPOSED);
    }

    /**
     * Approval follows the rule version that made the proposal (its notice period and exit conditions), not a later
     * edit; and a proposal whose rule has since been disabled is not approved (issue #5).
     */
    @Test
    void approvalFollowsTheProposingRuleVersionAndRefusesADisabledRule() throws Exception {
        String code = "BLACK_VERSIONED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try {
            saveSeriousPenaltyRule(code, 3, "缴清罚款后移出（第一版）", true);
            TestCitizens.Person first = TestCitizens.register(subjects, "俞晓光");
            TestCitizens.Person second = TestCitizens.register(subjects, "闻可欣");
            ListEntry firstProposal = seriousPenaltyProposedBy(code, first);
            ListEntry secondProposal = seriousPenaltyProposedBy(code, second);
            assertThat(firstProposal.ruleVersion()).isEqualTo(1);
            saveSeriousPenaltyRule(code, 10, "期满移出（第二版）", true);

            as("checker-8", () -> listing.approve(firstProposal.id(), ""));
            assertThat(listing.entry(firstProposal.id()).orElseThrow().effectiveFrom()).as("not before service")
                    .isNull();
            LocalDate served = LocalDate.now(clock);
            as("clerk-8", () -> {
                listing.recordService(listing.noticesOfEntry(firstProposal.id()).get(0).id(),
                        NoticeDelivery.Channel.IN_PERSON, served, "");
                return null;
            });
            ListEntry notified = listing.entry(firstProposal.id()).orElseThrow();
            assertThat(notified.effectiveFrom()).as("three whole days after the day of service, in the city's time")
                    .isEqualTo(served.plusDays(4).atStartOfDay(clock.getZone()).toInstant());
            assertThat(listing.noticesOfEntry(firstProposal.id())).singleElement()
                    .satisfies(n -> assertThat(n.body()).contains("第一版").doesNotContain("第二版"));

            saveSeriousPenaltyRule(code, 10, "期满移出（第二版）", false);
            Throwable disabled = org.assertj.core.api.Assertions.catchThrowable(() -> as("checker-8",
                    () -> listing.approve(secondProposal.id(), "")));
            assertThat(disabled).isInstanceOf(ListingProblem.class).hasMessageContaining("已停用")
                    .extracting("code").isEqualTo("LIST_RULE_DISABLED");
            assertThat(listing.entry(secondProposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.PROPOSED);

            // Nor does an approved entry of the disabled rule take effect once its notice period is over.
            jdbc.sql("UPDATE listing.entry SET effective_from = now() - interval '1 second' WHERE id = ?")
                    .param(firstProposal.id()).update();
            listing.activateDue();
            assertThat(listing.entry(firstProposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.EXITED);
            assertThat(listing.noticesOfEntry(firstProposal.id())).filteredOn(n -> n.kind() == ListNotice.Kind.EXIT)
                    .singleElement().satisfies(n -> assertThat(n.body()).contains("不会生效", "已停用"));
        } finally {
            if (listing.rules().stream().anyMatch(r -> r.code().equals(code) && r.enabled())) {
                saveSeriousPenaltyRule(code, 10, "停用", false); // other tests' serious penalties stay off it
            }
        }
    }

    /** A rule saved now reaches subjects who already hold records of its items, as an item revision does (#5). */
    @Test
    void aNewRuleProposesTheSubjectsWhoAlreadyHoldItsRecords() throws Exception {
        String code = "RED_HOURS_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        TestCitizens.Person volunteer = TestCitizens.register(subjects, "顾雨桐");
        UUID subject = subjects.find(subjects.validate(null, volunteer.number())).orElseThrow();
        java.time.Instant sent = clock.instant().minusSeconds(1);
        volunteerHours(volunteer, "1234.5"); // below RED_VOLUNTEER's 1500: no rule names the record yet
        // The record's own evaluation is over before the rule exists.
        await().atMost(Duration.ofSeconds(10)).until(() -> !creditFile.fileOf(subject).isEmpty()
                && jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE '%RecordsChanged' "
                        + "AND publication_date >= ? AND completion_date IS NULL")
                .param(java.sql.Timestamp.from(sent)).query(Long.class).single() == 0);
        assertThat(listing.entriesOf(subject)).isEmpty();
        try {
            RuleVersions.put(listing, new ListRule(code, 0, ListType.RED, "测试：志愿服务满 1234.5 小时",
                    Set.of("P_VOLUNTEER_SERVICE"), "hours", new java.math.BigDecimal("1234.5"), "《志愿服务条例》", 24, 7,
                    "期满移出", true));
            await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                    .anyMatch(e -> code.equals(e.ruleCode()) && e.status() == EntryStatus.PROPOSED));
        } finally {
            RuleVersions.put(listing, new ListRule(code, 0, ListType.RED, "测试：志愿服务满 1234.5 小时",
                    Set.of("P_VOLUNTEER_SERVICE"), "hours", new java.math.BigDecimal("1234.5"), "《志愿服务条例》", 24, 7,
                    "期满移出", false));
        }
    }

    /**
     * At city scale a rule's items have hundreds of thousands of holders: the rule's save commits at once, and its
     * holders are evaluated after the commit, a chunk of them per transaction, the pass's progress kept in a row.
     */
    @Test
    void aSavedRuleReachesMoreHoldersThanOneChunkAfterItsCommit() throws Exception {
        // Below RED_VOLUNTEER's 1500 hours: its entries would stand for the same records.
        String code = "RED_CHUNKS_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<UUID> holders = volunteersEvaluated("1111.1", reevaluationChunk * 2 + 1);
        try {
            int version = RuleVersions.put(listing, hoursRule(code, "1111.1", true));
            await().atMost(Duration.ofSeconds(20)).until(() -> pass(code, version).finished());
            for (UUID holder : holders) {
                assertThat(listing.entriesOf(holder)).filteredOn(e -> code.equals(e.ruleCode()))
                        .extracting(ListEntry::status).containsExactly(EntryStatus.PROPOSED);
            }
            assertThat(pass(code, version).holdersEvaluated()).as("more holders than one chunk")
                    .isGreaterThan(reevaluationChunk);
        } finally {
            RuleVersions.put(listing, hoursRule(code, "1111.1", false));
        }
    }

    /**
     * A crash part-way leaves the chunks done committed and the pass's row where they stopped: running the pass again
     * (the listing's tick, or the republished event at the next start) evaluates the holders not reached yet, each
     * record once, and proposes each holder once.
     */
    @Test
    void aRuleReevaluationInterruptedPartWayFinishesTheRestOnceWithoutDuplicates() throws Exception {
        String code = "RED_RESUME_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<UUID> holders = volunteersEvaluated("1122.2", reevaluationChunk * 2 + 1);
        // The rule's transaction committed, then the process stopped after two chunks of its holders.
        int version = RuleVersions.inForceWithoutPass(listingStore, hoursRule(code, "1122.2", true),
                clock.instant());
        listingStore.rulePasses().start(code, version);
        try {
            assertThat(reevaluating.nextChunk(code, version)).isTrue();
            assertThat(reevaluating.nextChunk(code, version)).isTrue();
            RuleReevaluation stopped = pass(code, version);
            assertThat(stopped.finished()).isFalse();
            assertThat(stopped.recordsPassed()).isEqualTo(2L * reevaluationChunk);
            List<UUID> proposedBefore = entriesOfRule(code);

            long records = volunteerRecords();
            // No runner has moved it since: the listing's tick takes it up (as the republished event does at a start).
            jdbc.sql("UPDATE listing.rule_reevaluation SET progressed_at = progressed_at - interval '1 hour' "
                    + "WHERE rule_code = ?").param(code).update();
            assertThat(reevaluating.stalled()).extracting(ResumablePasses.Pass::code).contains(code);
            jobs.tick();
            await().atMost(Duration.ofSeconds(20)).until(() -> pass(code, version).finished());

            RuleReevaluation done = pass(code, version);
            assertThat(done.recordsPassed()).as("each record once: the pass went on where it had stopped")
                    .isEqualTo(records);
            for (UUID holder : holders) {
                assertThat(listing.entriesOf(holder)).filteredOn(e -> code.equals(e.ruleCode())).hasSize(1);
            }
            assertThat(entriesOfRule(code)).containsAll(proposedBefore);
            assertThat(reevaluating.run(code, version)).as("a finished pass does nothing more").isZero();
            assertThat(reevaluating.nextChunk(code, version)).isFalse();
        } finally {
            RuleVersions.put(listing, hoursRule(code, "1122.2", false));
        }
    }

    /** The rules' page says which rules' holders are still being evaluated, and stops once the pass is over. */
    @Test
    void theRulesPageShowsAPassUnderWayUntilItIsOver() throws Exception {
        String code = "RED_SHOWN_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        int version = RuleVersions.inForceWithoutPass(listingStore, hoursRule(code, "1133.3", true),
                clock.instant());
        listingStore.rulePasses().start(code, version);
        try {
            assertThat(rulesPage()).contains("id=\"reevaluations\"", code + " 第 " + version + " 版正在后台分批重新评估");
            reevaluating.run(code, version);
            assertThat(rulesPage()).doesNotContain(code + " 第 " + version + " 版正在后台");
        } finally {
            RuleVersions.put(listing, hoursRule(code, "1133.3", false));
        }
    }

    /** The list rules page, asked with these parameters (name, value, …). */
    /**
     * RULES.md §7: a new rule's form offers the notice days its list needs, filled by the server for the list chosen
     * (no script needed), and says what each list needs should the list be changed on the form; an edited rule keeps
     * its own days.
     */
    @Test
    void aNewRulesFormOffersTheNoticeDaysItsListNeeds() throws Exception {
        assertThat(noticeDaysField(rulesPage())).as("the red list, first of the form's lists").contains("value=\"7\"");
        assertThat(noticeDaysField(rulesPage("type", "BLACK"))).contains("value=\"5\"");
        assertThat(noticeDaysField(rulesPage("type", "GREY"))).contains("value=\"0\"");
        assertThat(rulesPage("type", "BLACK")).contains("<option value=\"BLACK\" selected=\"selected\">");
        assertThat(rulesPage()).contains("严重失信主体名单须事先告知至少 1 天", "红名单须公示至少 1 天", "重点关注名单无需告知");
        assertThat(rulesPage("lang", "en")).contains("at least 1 day").doesNotContain("须事先告知");
        assertThat(noticeDaysField(rulesPage("code", "BLACK_COURT_DEFAULTER", "type", "RED")))
                .as("the rule's own days, not its list's usual ones").contains("value=\"0\"");
    }

    private static String noticeDaysField(String page) {
        int field = page.indexOf("name=\"noticeDays\"");
        assertThat(field).isNotNegative();
        return page.substring(field, page.indexOf(">", field));
    }

    private String rulesPage(String... params) throws Exception {
        return mvc.perform(withParams(get("/console/list-rules"), params).with(staff("rule-clerk", "measure:edit")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /**
     * Withdrawal is no retroactive deletion (#4): a rule naming an item the catalogue revision withdrew still evaluates
     * the records delivered under it before, and may still be edited.
     */
    @Test
    void aRuleNamingAWithdrawnItemStillEvaluatesTheRecordsDeliveredUnderIt() throws Exception {
        String item = aPenaltyItem("P_WD_GREY_", "测试：随目录修订废止的处罚");
        String code = "GREY_WD_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        java.util.function.Function<Boolean, ListRule> rule = enabled -> new ListRule(code, 0, ListType.GREY,
                "测试：废止事项的处罚", Set.of(item), null, null, "国办发〔2020〕49号", 12, 0, "期满移出", enabled);
        RuleVersions.put(listing, rule.apply(false));
        TestCitizens.Person fined = TestCitizens.register(subjects, "乔慕白");
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(fined.number(), fined.name(), item,
                "WD-" + UUID.randomUUID(), "1", "ADD", "驻市监罚〔2026〕541号", "无照经营"));
        UUID subject = subjects.find(subjects.validate(null, fined.number())).orElseThrow();
        CatalogueVersions.withdraw(catalogue, item);
        try {
            RuleVersions.put(listing, rule.apply(true));
            await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                    .anyMatch(e -> code.equals(e.ruleCode()) && e.status() == EntryStatus.PROPOSED));
        } finally {
            RuleVersions.put(listing, rule.apply(false));
        }
    }

    /** A withdrawn item takes no new records, and no rule may newly rest on it (#4, withdrawal). */
    @Test
    void aRuleMayNotNewlyNameAWithdrawnItem() throws Exception {
        String item = aPenaltyItem("P_WD_NEW_", "测试：已废止的处罚");
        CatalogueVersions.withdraw(catalogue, item);
        String code = "GREY_WD_NEW_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> as("rule-clerk", () ->
                listing.proposeRule(new ListRule(code, 0, ListType.GREY, "测试：新引用已废止事项", Set.of(item), null, null,
                        "国办发〔2020〕49号", 12, 0, "期满移出", false))));

        assertThat(refused).isInstanceOf(ListingProblem.class).hasMessageContaining("已废止");
    }

    /**
     * RULES.md §2: a later catalogue version that makes an item usable for punishment does not reach back to the records
     * collected while it was not (a simple-procedure penalty stays unusable for punishment); the records collected
     * under the new version are.
     */
    @Test
    void aLaterVersionMakingAnItemPunishDoesNotBlackListTheRecordsCollectedBefore() throws Exception {
        String item = "P_WIDEN_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ItemDefinition punishing = CatalogueVersions.copied(catalogue.active("P_ADMIN_PENALTY_SERIOUS").orElseThrow()
                .definition(), item, "测试：后改为可用于惩戒的处罚");
        CatalogueVersions.draft(catalogue, CatalogueVersions.notForPunishment(punishing));
        CatalogueVersions.submit(catalogue, item);
        CatalogueVersions.approve(catalogue, item);
        TestCitizens.Person before = TestCitizens.register(subjects, "冷若霜");
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(before.number(), before.name(), item,
                "WI-" + UUID.randomUUID(), "1", "ADD", "驻市监罚〔2026〕601号", "无照经营"));
        CatalogueVersions.draft(catalogue, punishing);
        CatalogueVersions.submit(catalogue, item);
        CatalogueVersions.approve(catalogue, item);
        TestCitizens.Person after = TestCitizens.register(subjects, "温如玉");
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(after.number(), after.name(), item,
                "WI-" + UUID.randomUUID(), "1", "ADD", "驻市监罚〔2026〕602号", "无照经营"));
        String code = "BLACK_WIDEN_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        RuleVersions.put(listing, new ListRule(code, 0, ListType.BLACK, "测试：后改为可用于惩戒的处罚", Set.of(item), null,
                null, "国办发〔2020〕49号", 12, 5, "期满移出", true, SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER));

        UUID afterId = subjects.find(subjects.validate(null, after.number())).orElseThrow();
        UUID beforeId = subjects.find(subjects.validate(null, before.number())).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(afterId).stream()
                .anyMatch(e -> code.equals(e.ruleCode())));
        await().atMost(Duration.ofSeconds(10)).until(() -> listing.reevaluationsUnderway().stream()
                .noneMatch(r -> code.equals(r.ruleCode())));
        assertThat(listing.entriesOf(beforeId)).noneMatch(e -> code.equals(e.ruleCode()));
    }

    /**
     * RULES.md §2: an approved version that stops an item's use for punishment stops it at once: the black-list
     * entries resting on its records end, without a record of their holders changing.
     */
    @Test
    void aVersionThatStopsAnItemPunishingEndsTheEntriesOnItsRecordsAtOnce() throws Exception {
        String item = aPenaltyItem("P_NARROW_", "测试：后改为不可用于惩戒的处罚");
        String code = "BLACK_NARROW_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        RuleVersions.put(listing, new ListRule(code, 0, ListType.BLACK, "测试：后改为不可用于惩戒的处罚", Set.of(item), null,
                null, "国办发〔2020〕49号", 12, 5, "期满移出", true, SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER));
        TestCitizens.Person fined = TestCitizens.register(subjects, "苏晚晴");
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(fined.number(), fined.name(), item,
                "NA-" + UUID.randomUUID(), "1", "ADD", "驻市监罚〔2026〕603号", "无照经营"));
        UUID subject = subjects.find(subjects.validate(null, fined.number())).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .anyMatch(e -> code.equals(e.ruleCode()) && e.status() == EntryStatus.PROPOSED));

        CatalogueVersions.draft(catalogue, CatalogueVersions.notForPunishment(catalogue.active(item).orElseThrow()
                .definition()));
        CatalogueVersions.submit(catalogue, item);
        CatalogueVersions.approve(catalogue, item);

        await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> code.equals(e.ruleCode())).allMatch(e -> e.status() == EntryStatus.EXITED));
    }

    /** A new item like the serious administrative penalty (one the black list admits), approved, under a fresh code. */
    private String aPenaltyItem(String codePrefix, String name) throws Exception {
        String item = codePrefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        CatalogueVersions.draft(catalogue, CatalogueVersions.copied(catalogue.active("P_ADMIN_PENALTY_SERIOUS")
                .orElseThrow().definition(), item, name));
        CatalogueVersions.submit(catalogue, item);
        CatalogueVersions.approve(catalogue, item);
        return item;
    }

    /** A rule saved before its item became unusable for punishment no longer black-lists anyone by it. */
    @Test
    void aBlackListRuleStopsProposingOnceItsItemMayNoLongerPunish() throws Exception {
        if (directory.departments().stream().noneMatch(d -> d.code().equals("TAX"))) {
            directory.createDepartment("TAX", "市税务局", Department.Kind.DATA_PROVIDER, List.of());
        }
        TestCitizens.Person taxed = TestCitizens.register(subjects, "尹嘉树");
        ItemDefinition original = catalogue.active("P_TAX_SERIOUS_DISHONESTY").orElseThrow().definition();
        try {
            CatalogueVersions.draft(catalogue, CatalogueVersions.notForPunishment(original));
            CatalogueVersions.submit(catalogue, original.code());
            CatalogueVersions.approve(catalogue, original.code());
            mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key("TAX",
                                    Permission.RECORD_SUBMIT))
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"records\":[{\"itemCode\":\"P_TAX_SERIOUS_DISHONESTY\",\"subjectNumber\":\""
                                    + taxed.number() + "\",\"subjectName\":\"" + taxed.name() + "\",\"sourceRecordId\":\"TX-"
                                    + UUID.randomUUID() + "\",\"decisionNumber\":\"驻税稽罚〔2026〕3号\",\"decisionDate\":\""
                                    + LocalDate.now().minusMonths(2) + "\",\"fields\":{\"case_nature\":\"逃避缴纳税款\","
                                    + "\"facts\":\"虚假申报\",\"handling\":\"追缴税款并处罚款\"}}]}"))
                    .andExpect(jsonPath("$.accepted").value(1));
            // The subject was evaluated (its last negative record is marked in the same pass) and not proposed.
            String pseudonym = subjects.pseudonymOf(subjects.validate(null, taxed.number()));
            await().atMost(Duration.ofSeconds(10)).until(() -> lastNegatives(List.of(pseudonym)).stream()
                    .anyMatch(java.util.Objects::nonNull));
            // Nor does a record that may not punish deny an incentive (gaps-review-xxv H4).
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> check(marketChecks, taxed.number(),
                    "LICENSING").andExpect(jsonPath("$.cleanRecordThreeYears").value(true)));
            UUID subject = subjects.find(subjects.validate(null, taxed.number())).orElseThrow();
            assertThat(listing.entriesOf(subject)).noneMatch(e -> e.listType() == ListType.BLACK);
        } finally {
            CatalogueVersions.restore(catalogue, original);
        }
    }

    /**
     * An approved catalogue version that makes an item no longer negative reopens the green channel for its holders
     * at once, without a record of theirs changing; putting the negative version back closes it again.
     */
    @Test
    void theGreenChannelFollowsAnItemThatStopsBeingNegative() throws Exception {
        TestCitizens.Person fined = TestCitizens.register(subjects, "邵明轩");
        submitPenaltyElevenMonthsAgo(fined);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> check(marketChecks, fined.number(), "LICENSING")
                .andExpect(jsonPath("$.cleanRecordThreeYears").value(false)));

        ItemDefinition original = catalogue.active("P_ADMIN_PENALTY_GENERAL").orElseThrow().definition();
        try {
            CatalogueVersions.draft(catalogue, CatalogueVersions.ofNature(original, Nature.NEUTRAL));
            CatalogueVersions.submit(catalogue, original.code());
            CatalogueVersions.approve(catalogue, original.code());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> check(marketChecks, fined.number(), "LICENSING")
                    .andExpect(jsonPath("$.cleanRecordThreeYears").value(true))
                    .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("GREEN_CHANNEL"))));
        } finally {
            CatalogueVersions.restore(catalogue, original);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> check(marketChecks, fined.number(), "LICENSING")
                .andExpect(jsonPath("$.cleanRecordThreeYears").value(false)));
    }

    /**
     * RULES.md §2: a later version that makes an item negative does not turn the records collected before into
     * negative ones: the green channel of their holders stays open once the item's holders were marked again.
     */
    @Test
    void aLaterVersionMakingAnItemNegativeLeavesTheGreenChannelOfRecordsCollectedBefore() throws Exception {
        String item = "P_NEG_LATER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ItemDefinition negative = CatalogueVersions.copied(catalogue.active("P_ADMIN_PENALTY_GENERAL").orElseThrow()
                .definition(), item, "测试：后改为失信信息的事项");
        CatalogueVersions.draft(catalogue, CatalogueVersions.ofNature(negative, Nature.NEUTRAL));
        CatalogueVersions.submit(catalogue, item);
        CatalogueVersions.approve(catalogue, item);
        TestCitizens.Person person = TestCitizens.register(subjects, "游子衿");
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(), item,
                "NL-" + UUID.randomUUID(), "1", "ADD", "驻市监罚〔2026〕611号", "无照经营"), LocalDate.now().minusMonths(11));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> check(marketChecks, person.number(), "LICENSING")
                .andExpect(jsonPath("$.cleanRecordThreeYears").value(true)));

        CatalogueVersions.draft(catalogue, negative);
        CatalogueVersions.submit(catalogue, item);
        CatalogueVersions.approve(catalogue, item);
        int version = catalogue.active(item).orElseThrow().version();

        await().atMost(Duration.ofSeconds(20)).until(() -> listingStore.itemRevisionPasses().pass(item, version)
                .map(ResumablePasses.Pass::finished).orElse(false));
        assertThat(lastNegatives(List.of(subjects.pseudonymOf(subjects.validate(null, person.number())))))
                .as("the record collected as neutral information").allMatch(java.util.Objects::isNull);
    }

    /**
     * At city scale a penalty item has hundreds of thousands of holders: the approval commits at once, and the
     * holders' last-negative-record marks are redone after it, a chunk of them per transaction, the pass kept in a row.
     */
    @Test
    void aRevisedItemsHoldersAreMarkedAgainAfterTheApprovalMoreThanOneChunkOfThem() throws Exception {
        List<String> fined = penalisedElevenMonthsAgo(reevaluationChunk * 2 + 1);
        ItemDefinition original = catalogue.active("P_ADMIN_PENALTY_GENERAL").orElseThrow().definition();
        try {
            CatalogueVersions.draft(catalogue, CatalogueVersions.ofNature(original, Nature.NEUTRAL));
            CatalogueVersions.submit(catalogue, original.code());
            CatalogueVersions.approve(catalogue, original.code());
            int version = catalogue.active(original.code()).orElseThrow().version();

            await().atMost(Duration.ofSeconds(20)).until(() -> listingStore.itemRevisionPasses()
                    .pass(original.code(), version).map(ResumablePasses.Pass::finished).orElse(false));
            assertThat(lastNegatives(fined)).as("no negative record any more").containsOnlyNulls()
                    .hasSize(fined.size());
            assertThat(listingStore.itemRevisionPasses().pass(original.code(), version).orElseThrow()
                    .holdersEvaluated()).as("more holders than one chunk").isGreaterThan(reevaluationChunk);
        } finally {
            CatalogueVersions.restore(catalogue, original);
        }
    }

    /**
     * A crash part-way leaves the chunks done committed and the pass's row where they stopped: running the pass again
     * (the listing's tick, or the republished event at the next start) marks the holders not reached yet, each record
     * once.
     */
    @Test
    void anItemRevisionInterruptedPartWayFinishesTheRestOnce() throws Exception {
        List<String> fined = penalisedElevenMonthsAgo(reevaluationChunk * 2 + 1);
        // The marks the approval of a version would redo, gone; the pass started, then the process stopped after two
        // chunks. A version of its own, beyond any the catalogue will reach in these tests.
        jdbc.sql("DELETE FROM listing.negative_mark WHERE subject_pseudonym = ANY(?::text[])")
                .param(fined.toArray(String[]::new)).update();
        String item = "P_ADMIN_PENALTY_GENERAL";
        int version = 1_000_000 + (int) (System.nanoTime() % 1_000_000);
        ResumablePasses passes = listingStore.itemRevisionPasses();
        assertThat(passes.start(item, version)).isTrue();
        assertThat(remarking.nextChunk(item, version)).isTrue();
        assertThat(remarking.nextChunk(item, version)).isTrue();
        assertThat(passes.pass(item, version).orElseThrow().recordsPassed()).isEqualTo(2L * reevaluationChunk);

        long records = jdbc.sql("SELECT count(*) FROM creditfile.record WHERE current AND item_code = ? "
                + "AND status IN ('ACTIVE', 'IN_DISPUTE')").param(item).query(Long.class).single();
        // No runner has moved it since: the listing's tick takes it up (as the republished event does at a start).
        jdbc.sql("UPDATE listing.item_revision_pass SET progressed_at = progressed_at - interval '1 hour' "
                + "WHERE item_code = ? AND item_version = ?").params(item, version).update();
        assertThat(remarking.stalled()).extracting(ResumablePasses.Pass::version).contains(version);
        jobs.tick();
        await().atMost(Duration.ofSeconds(20)).until(() -> passes.pass(item, version).orElseThrow().finished());

        assertThat(passes.pass(item, version).orElseThrow().recordsPassed())
                .as("each record once: the pass went on where it had stopped").isEqualTo(records);
        assertThat(lastNegatives(fined)).as("every holder marked again").hasSize(fined.size()).doesNotContainNull()
                .containsOnly(LocalDate.now().minusMonths(11));
        assertThat(remarking.run(item, version)).as("a finished pass does nothing more").isZero();
        assertThat(remarking.nextChunk(item, version)).isFalse();
    }

    @Test
    void badCallersAndBadInputAreRefusedWithCodes() throws Exception {
        mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer cx_nope_ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumber\":\"x\",\"scenario\":\"HIRING\",\"purpose\":\"p\"}"))
                .andExpect(status().isUnauthorized());
        TestCitizens.Person person = TestCitizens.register(subjects, "韩立新");
        check(marketChecks, person.number(), "HIRING").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("SCENARIO_NOT_ALLOWED"));
        String wrong = TestCitizens.withWrongCheckCharacter(person.number());
        check(hrChecks, wrong, "HIRING").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("ID_CHECKSUM"));
        mvc.perform(post("/api/v1/checks/batch").header("Authorization", "Bearer " + hrChecks)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"subjectNumbers\":[\"" + person.number()
                                + "\",\"" + wrong + "\"],\"scenario\":\"HIRING\",\"purpose\":\"招录资格审查\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].result.checkId").exists())
                .andExpect(jsonPath("$[1].code").value("ID_CHECKSUM"));

        // Search boxes take SQL and HTML as text.
        mvc.perform(get("/lists").param("q", "' OR 1=1 --")).andExpect(status().isOk())
                .andExpect(content().string(containsString("没有符合条件")));
        mvc.perform(get("/lists").param("q", "<script>alert(1)</script>")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
        // Scraping: many pages from one address → 429.
        int status = 200;
        for (int i = 0; i < 80 && status == 200; i++) {
            status = mvc.perform(get("/lists").param("page", Integer.toString(i)).with(r -> {
                r.setRemoteAddr("203.0.113.77");
                return r;
            })).andReturn().getResponse().getStatus();
        }
        assertThat(status).isEqualTo(429);
    }

    /** Issue #5: thousands of proposals from ingestion are worked page by page, the oldest waiting first. */
    @Test
    void theReviewQueueIsPagedOldestProposalFirstKeepingItsFilters() throws Exception {
        List<UUID> proposals = redProposals("蒲序甲", "蒲序乙", "蒲序丙");
        // Made in another order than they waited: the queue follows the time proposed, not the time written.
        for (int i = 0; i < 3; i++) {
            jdbc.sql("UPDATE listing.entry SET proposed_at = now() - make_interval(days => ?) WHERE id = ?")
                    .params(List.of(2, 1, 3).get(i), proposals.get(i)).update();
        }

        String first = queue("status", "PROPOSED", "q", "蒲序", "size", "2");
        assertThat(first).contains(link(proposals.get(2)), link(proposals.get(0)), "共 3 条")
                .doesNotContain(link(proposals.get(1)));
        assertThat(first.indexOf(link(proposals.get(2)))).isLessThan(first.indexOf(link(proposals.get(0))));
        String next = nextLink(first);
        // By key (gaps review xxxv P6 rest): the next page starts after the last proposal shown, named by its id.
        assertThat(next).contains("status=PROPOSED", "size=2", "after=" + proposals.get(0)).doesNotContain("page=");
        assertThat(mvc.perform(get(java.net.URI.create(next)).with(staff("office-q", "list:propose", "list:review")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(link(proposals.get(1)), "共 3 条", "before=" + proposals.get(1))
                .doesNotContain(link(proposals.get(2)), link(proposals.get(0)), "rel=\"next\"");
    }

    /**
     * Gaps review xxxv P6 rest: the console's pages of entries go on from the last entry shown (by its latest change),
     * not by an offset: an entry changed or made between two pages moves to the first page and neither pushes one of
     * the first page onto the second nor hides one; back from the second page is the first page again.
     */
    @Test
    void anEntryMadeBetweenTwoPagesNeitherRepeatsNorHidesOneOfTheOthers() throws Exception {
        List<UUID> made = redProposals("键页甲", "键页乙", "键页丙");
        String first = queue("q", "键页", "size", "2");
        assertThat(first).contains(link(made.get(2)), link(made.get(1)), "共 3 条").doesNotContain(link(made.get(0)));

        UUID fourth = redProposals("键页丁").get(0);
        String next = nextLink(first);
        assertThat(next).contains("after=").doesNotContain("page=");
        String second = mvc.perform(get(java.net.URI.create(next)).with(staff("office-q", "list:propose",
                "list:review"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).as("an offset of 2 would show 键页乙 again, pushed down by 键页丁")
                .contains(link(made.get(0)), "共 4 条").doesNotContain(link(made.get(1)), link(made.get(2)),
                        link(fourth));
        String back = org.springframework.web.util.HtmlUtils.htmlUnescape(second.substring(second.indexOf(
                "rel=\"prev\""))).replaceFirst("(?s)^.*?href=\"([^\"]*)\".*$", "$1");
        assertThat(mvc.perform(get(java.net.URI.create(back)).with(staff("office-q", "list:propose", "list:review")))
                .andReturn().getResponse().getContentAsString())
                .contains(link(made.get(1)), link(made.get(2))).doesNotContain(link(made.get(0)));
    }

    /** The number is turned into its pseudonym at once: the page shows it masked and never in clear (issue #5). */
    @Test
    void aNameSearchWithBracesOrAmpersandsIsTextNotATemplate() throws Exception {
        String redirect = mvc.perform(post("/console/lists/search").param("q", "{x}&type=GREY#")
                        .with(staff("office-b", "list:propose")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(redirect).contains("q=%7Bx%7D%26type%3DGREY%23");
        mvc.perform(get(redirect).with(staff("office-b", "list:propose"))).andExpect(status().isOk());
    }

    @Test
    void aSearchByNumberFindsTheSubjectsEntryAndNeverShowsTheNumber() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "郜明远");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID entry = as("maker-q", () -> listing.propose(subject, ListType.GREY, "国办发〔2020〕49号", "较重处罚", aMonthAgo(),
                aYearFromNow()));
        as("maker-q", () -> listing.propose(registered("郜明远"), ListType.GREY, "国办发〔2020〕49号", "同名不同人", aMonthAgo(),
                aYearFromNow()));
        RequestPostProcessor session = Sessions.of(context);

        String page = searchByNumber(session, person.number());
        assertThat(page).contains(link(entry), "共 1 条", cn.chengxin.subject.domain.Masking.identityNumber(
                person.number())).doesNotContain(person.number());
        assertThat(lookUpsAudited(person.number())).as("a look-up by number is a look at the person's data, audited")
                .isEqualTo(1);
        String wrong = TestCitizens.withWrongCheckCharacter(person.number());
        assertThat(mvc.perform(post("/console/lists/search").param("q", wrong).with(session)
                        .with(staff("office-q", "list:propose", "list:review")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .doesNotContain(link(entry)).doesNotContain(person.number().substring(0, 17));
    }

    /**
     * Pseudonyms identify a person as well as the number: a look-up by number is paged by an opaque token of the
     * staff member's session, so neither reaches a URL (browser history, proxy logs, the audit of requests), and the
     * look-up is audited once, not once per page.
     */
    @Test
    void pagingALookUpByNumberKeepsTheNumberAndItsPseudonymOutOfTheUrlsAndAuditsItOnce() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "阙望舒");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        String pseudonym = subjects.pseudonymOf(subjects.validate(null, person.number()));
        List<UUID> entries = new ArrayList<>();
        for (String reason : List.of("较重处罚一", "较重处罚二")) {
            entries.add(as("maker-q", () -> listing.propose(subject, ListType.GREY, "国办发〔2020〕49号", reason, aMonthAgo(),
                    aYearFromNow())));
        }
        RequestPostProcessor session = Sessions.of(context);

        String redirect = mvc.perform(post("/console/lists/search").param("q", person.number()).param("size", "1")
                        .with(session).with(staff("office-q", "list:propose", "list:review")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(redirect).doesNotContain(person.number()).doesNotContain(pseudonym).contains("size=1");
        String first = page(redirect, session);
        assertThat(first).contains("共 2 条", cn.chengxin.subject.domain.Masking.identityNumber(
                person.number())).doesNotContain(person.number()).doesNotContain(pseudonym);
        assertThat(hrefs(first)).isNotEmpty().noneMatch(h -> h.contains(person.number()) || h.contains(pseudonym));
        String next = nextLink(first);
        String second = page(next, session);
        assertThat(second).contains("共 2 条").doesNotContain(pseudonym);
        assertThat(List.of(first, second))
                .allMatch(p -> entries.stream().filter(e -> p.contains(link(e))).count() == 1);
        assertThat(first.contains(link(entries.get(0)))).isNotEqualTo(second.contains(link(entries.get(0))));
        assertThat(lookUpsAudited(person.number())).as("one look-up, whatever its pages").isEqualTo(1);

        assertThat(page(next, Sessions.of(context))).as("the token is the session's own")
                .contains("共 0 条").doesNotContain(link(entries.get(0)), link(entries.get(1)));
        assertThat(queue("q", person.number())).as("a number in a URL is not looked up")
                .contains("共 0 条").doesNotContain(link(entries.get(0)), link(entries.get(1)));
        assertThat(lookUpsAudited(person.number())).isEqualTo(1);
    }

    /**
     * A passport number typed without choosing 护照, a resident identity number missing digits: names hold no
     * digits, so what holds one is refused on the post as a number, never redirected to an address as a name.
     */
    @Test
    void whatHoldsADigitIsNeverSearchedAsANameNorPutInAnAddress() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        String mistyped = TestCitizens.register(subjects, "郜错位").number().substring(0, 14);
        for (String typed : List.of(passport, mistyped, "郜" + passport.substring(1, 7))) {
            var answer = mvc.perform(post("/console/lists/search").param("q", typed)
                    .with(staff("office-q", "list:propose")).with(csrf())).andReturn().getResponse();

            assertThat(answer.getStatus()).as(typed).isEqualTo(200);
            assertThat(answer.getHeader("Location")).as(typed).isNull();
            String page = answer.getContentAsString();
            assertThat(page).as(typed).contains("class=\"alert error\"", "请先选择证件类型").doesNotContain(typed);
            assertThat(hrefs(page)).noneMatch(h -> h.contains(typed.substring(1, 6)));
        }
        assertThat(queue("q", passport)).as("a number in a URL is not looked up").contains("证件号码不从网址中查找")
                .doesNotContain(passport);
    }

    @Test
    void aSearchByRuleCodeFiltersAndSearchBoxesTakeSqlAndHtmlAsText() throws Exception {
        TestCitizens.Person defaulter = TestCitizens.register(subjects, "屈则甲");
        submit(courtDefaulter(defaulter.number(), defaulter.name(), "SX-" + UUID.randomUUID(), "ADD", 1))
                .andExpect(jsonPath("$.accepted").value(1));
        UUID subject = subjects.find(subjects.validate(null, defaulter.number())).orElseThrow();
        ListEntry byRule = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .findFirst().orElse(null), e -> e != null);
        UUID byHand = as("maker-q", () -> listing.propose(registered("屈则乙"), ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "某法规第十条", "严重失信",
                aMonthAgo(), aYearFromNow()));

        assertThat(queue("q", "屈则", "rule", "BLACK_COURT_DEFAULTER")).contains(link(byRule.id()), "共 1 条")
                .doesNotContain(link(byHand));
        assertThat(queue("q", "屈则")).contains(link(byRule.id()), link(byHand));
        for (String hostile : List.of("' OR 1=1 --", "%", "_则%", "屈则' --")) {
            assertThat(queue("q", hostile)).contains("共 0 条");
            assertThat(queue("rule", hostile)).contains("共 0 条");
        }
        assertThat(queue("q", "<script>alert(1)</script>")).doesNotContain("<script>alert(1)</script>");
    }

    /**
     * 名单管理 for a department's operator: the entries its own records or its staff proposed, never another
     * department's (their subjects, facts and reasons are that department's business and the credit office's).
     */
    @Test
    void aDepartmentsOperatorSeesOnlyTheEntriesOfItsOwnDepartment() throws Exception {
        TestCitizens.Person defaulter = TestCitizens.register(subjects, "范围甲");
        submit(courtDefaulter(defaulter.number(), defaulter.name(), "SX-" + UUID.randomUUID(), "ADD", 1))
                .andExpect(jsonPath("$.accepted").value(1));
        UUID courts = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subjects.find(
                subjects.validate(null, defaulter.number())).orElseThrow()).stream().findFirst()
                .map(ListEntry::id).orElse(null), id -> id != null);
        TestCitizens.Person other = TestCitizens.register(subjects, "范围乙");
        UUID offices = as("maker-s", () -> listing.propose(subjects.find(subjects.validate(null, other.number()))
                .orElseThrow(), ListType.GREY, "国办发〔2020〕49号", "较重处罚", aMonthAgo(), aYearFromNow()));
        var court = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .authentication(cn.chengxin.support.Principals.staff("operator-s", "COURT", Permission.CONSOLE_HOME,
                        Permission.LIST_PROPOSE));

        String all = mvc.perform(get("/console/lists").param("q", "范围").with(court)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(all).contains(link(courts), "共 1 条").doesNotContain(link(offices));
        mvc.perform(get("/console/lists/{id}", courts).with(court)).andExpect(status().isOk());
        mvc.perform(get("/console/lists/{id}", offices).with(court)).andExpect(status().isNotFound());
        RequestPostProcessor session = Sessions.of(context);
        String redirect = mvc.perform(post("/console/lists/search").param("q", other.number()).with(session)
                        .with(court).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(java.net.URI.create(redirect)).with(session).with(court))
                .andReturn().getResponse().getContentAsString()).contains("共 0 条").doesNotContain(link(offices));

        assertThat(queue("q", "范围")).as("the credit office's reviewers see every department's entries")
                .contains(link(courts), link(offices));
    }

    @Test
    void aHugePageOrPageSizeIsClampedNotAnError() throws Exception {
        for (String page : List.of("2147483647", "99999999999", "-3")) {
            queue("page", page, "size", "1000000");
        }
        registered("申页大");
        assertThat(listing.entries(new EntrySearch(null, null, null, null, null), null, null, 1_000_000).size())
                .isEqualTo(Listing.MAX_PAGE_SIZE);
        assertThat(listing.entries(new EntrySearch(null, null, null, null, null), "1", null, 100).entries())
                .as("nothing changed before the first change").isEmpty();
        assertThat(listing.entries(new EntrySearch(null, null, null, null, null), "不是键", "99999999999999999999",
                100).entries()).as("a key that is not one is the first page").isNotEmpty();
    }

    /** A red-list proposal by maker-q for a newly registered subject of each name, in that order. */
    private List<UUID> redProposals(String... names) throws Exception {
        List<UUID> proposals = new ArrayList<>();
        for (String name : names) {
            UUID subject = registered(name);
            proposals.add(as("maker-q", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", "市级道德模范",
                    aMonthAgo(), aYearFromNow())));
        }
        return proposals;
    }

    /** The console's list of entries, as a reviewer who may propose sees it. */
    private String queue(String... params) throws Exception {
        return reviewersPage(get("/console/lists"), params);
    }

    /** A console page as a reviewer who may propose sees it, asked with these parameters (name, value, …). */
    private String reviewersPage(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                                 String... params) throws Exception {
        return mvc.perform(withParams(request, params).with(staff("office-q", "list:propose", "list:review")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A reviewer's look-up by number in the console's search box, and the page it leads to. */
    private String searchByNumber(RequestPostProcessor session, String number) throws Exception {
        String redirect = mvc.perform(post("/console/lists/search").param("q", number).with(session)
                        .with(staff("office-q", "list:propose", "list:review")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return page(redirect, session);
    }

    private String page(String url, RequestPostProcessor session) throws Exception {
        return mvc.perform(get(java.net.URI.create(url)).with(session).with(staff("office-q", "list:propose", "list:review")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<String> hrefs(String page) {
        return java.util.regex.Pattern.compile("(?:href|action)=\"([^\"]*)\"").matcher(page).results()
                .map(m -> org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1))).toList();
    }

    private static String nextLink(String page) {
        return org.springframework.web.util.HtmlUtils.htmlUnescape(page.substring(page.indexOf("rel=\"next\"")))
                .replaceFirst("(?s)^.*?href=\"([^\"]*)\".*$", "$1");
    }

    private long lookUpsAudited(String number) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'listing.search' AND subject_pseudonym = ?")
                .param(subjects.pseudonymOf(subjects.validate(null, number))).query(Long.class).single();
    }

    private static String link(UUID entry) {
        return "/console/lists/" + entry + "\"";
    }

    private UUID registered(String name) {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }

    /** Volunteers with these hours, registered and their records evaluated (by ingestion) before a rule names them. */
    private List<UUID> volunteersEvaluated(String hours, int count) throws Exception {
        java.time.Instant sent = clock.instant().minusSeconds(1);
        List<TestCitizens.Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(TestCitizens.register(subjects, "艾志" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10)));
        }
        volunteerHours(people, hours);
        List<UUID> ids = people.stream().map(p -> subjects.find(subjects.validate(null, p.number())).orElseThrow())
                .toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().noneMatch(id -> creditFile.fileOf(id)
                .isEmpty()) && jdbc.sql("SELECT count(*) FROM event_publication WHERE event_type LIKE "
                        + "'%RecordsChanged' AND publication_date >= ? AND completion_date IS NULL")
                .param(java.sql.Timestamp.from(sent)).query(Long.class).single() == 0);
        return ids;
    }

    private static ListRule hoursRule(String code, String hours, boolean enabled) {
        return new ListRule(code, 0, ListType.RED, "测试：志愿服务满 " + hours + " 小时", Set.of("P_VOLUNTEER_SERVICE"),
                "hours", new java.math.BigDecimal(hours), "《志愿服务条例》", 24, 7, "期满移出", enabled);
    }

    private RuleReevaluation pass(String code, int version) {
        return listingStore.reevaluation(code, version).orElseThrow();
    }

    private List<UUID> entriesOfRule(String code) {
        return jdbc.sql("SELECT id FROM listing.entry WHERE rule_code = ?").param(code).query(UUID.class).list();
    }

    /** The shown volunteer-service records: what a pass over the item's holders goes through. */
    private long volunteerRecords() {
        return jdbc.sql("SELECT count(*) FROM creditfile.record WHERE current AND item_code = 'P_VOLUNTEER_SERVICE' "
                + "AND status IN ('ACTIVE', 'IN_DISPUTE')").query(Long.class).single();
    }

    private void volunteerHours(TestCitizens.Person person, String hours) throws Exception {
        volunteerHours(List.of(person), hours);
    }

    private void volunteerHours(List<TestCitizens.Person> people, String hours) throws Exception {
        if (directory.departments().stream().noneMatch(d -> d.code().equals("CIVILISATION_OFFICE"))) {
            directory.createDepartment("CIVILISATION_OFFICE", "市文明办", Department.Kind.DATA_PROVIDER, List.of());
        }
        String records = people.stream().map(person -> "{\"itemCode\":\"P_VOLUNTEER_SERVICE\",\"subjectNumber\":\""
                + person.number() + "\",\"subjectName\":\"" + person.name() + "\",\"sourceRecordId\":\"VS-"
                + UUID.randomUUID() + "\",\"decisionNumber\":\"驻文明志〔2026〕9号\",\"decisionDate\":\""
                + LocalDate.now(clock).minusDays(5) + "\",\"fields\":{\"hours\":\"" + hours
                + "\",\"organisation\":\"驿城区志愿者协会\"}}").collect(java.util.stream.Collectors.joining(","));
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key("CIVILISATION_OFFICE",
                                Permission.RECORD_SUBMIT))
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[" + records + "]}"))
                .andExpect(jsonPath("$.accepted").value(people.size()));
    }

    private void saveSeriousPenaltyRule(String code, int noticeDays, String exitConditions, boolean enabled)
            throws Exception {
        RuleVersions.put(listing, new ListRule(code, 0, ListType.BLACK, "测试：严重行政处罚",
                Set.of("P_ADMIN_PENALTY_SERIOUS"), null, null, "国办发〔2020〕49号", 36, noticeDays, exitConditions,
                enabled, SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER));
    }

    /** A serious penalty delivered for the person, and the black-list proposal the rule {@code code} made of it. */
    private ListEntry seriousPenaltyProposedBy(String code, TestCitizens.Person person) throws Exception {
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_SERIOUS",
                "驻市监罚〔2026〕" + (int) (Math.random() * 900 + 100) + "号");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        return await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> code.equals(e.ruleCode())).findFirst().orElse(null), e -> e != null);
    }

    /** The day of the act a proposal by hand names: an adult's, in the past. */
    private LocalDate aMonthAgo() {
        return LocalDate.now(clock).minusMonths(1);
    }

    private LocalDate aYearFromNow() {
        return LocalDate.now(clock).plusYears(1);
    }

    /** A general administrative penalty (MARKET) decided 13 months ago: negative, shown, within three years. */
    private void submitPenaltyElevenMonthsAgo(TestCitizens.Person person) throws Exception {
        submitPenaltyElevenMonthsAgo(List.of(person));
    }

    private void submitPenaltyElevenMonthsAgo(List<TestCitizens.Person> people) throws Exception {
        String marketSubmits = key("MARKET", Permission.RECORD_SUBMIT);
        String records = people.stream().map(person -> "{\"itemCode\":\"P_ADMIN_PENALTY_GENERAL\",\"subjectNumber\":\""
                + person.number() + "\",\"subjectName\":\"" + person.name() + "\",\"sourceRecordId\":\"GC-"
                + UUID.randomUUID() + "\",\"decisionNumber\":\"驻市监罚〔2026〕7号\",\"decisionDate\":\""
                + LocalDate.now().minusMonths(11) + "\",\"fields\":{\"penalty_type\":\"罚款\","
                + "\"facts\":\"无照经营\",\"basis\":\"《无证无照经营查处办法》第十三条\",\"authority\":\"市市场监督管理局\"}}")
                .collect(java.util.stream.Collectors.joining(","));
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + marketSubmits)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[" + records + "]}"))
                .andExpect(jsonPath("$.accepted").value(people.size()));
    }

    /** People fined (a general penalty, still published) 11 months ago, marked by ingestion; their pseudonyms. */
    private List<String> penalisedElevenMonthsAgo(int count) throws Exception {
        List<TestCitizens.Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(TestCitizens.register(subjects, "罗罚" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10)));
        }
        submitPenaltyElevenMonthsAgo(people);
        List<String> pseudonyms = people.stream().map(p -> subjects.pseudonymOf(subjects.validate(null, p.number())))
                .toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> lastNegatives(pseudonyms).stream()
                .filter(java.util.Objects::nonNull).count() == count);
        return pseudonyms;
    }

    /** The subjects' last-negative-record marks (null: marked as having none), those marked at all. */
    private List<LocalDate> lastNegatives(List<String> pseudonyms) {
        return jdbc.sql("SELECT last_negative FROM listing.negative_mark WHERE subject_pseudonym = ANY(?::text[])")
                .param(pseudonyms.toArray(String[]::new))
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list();
    }

    /** A city-level commendation (P_COMMENDATION) from HRSS: the red rule RED_COMMENDATION proposes its holder. */
    private void commend(TestCitizens.Person person, LocalDate decided) throws Exception {
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key("HRSS",
                                Permission.RECORD_SUBMIT))
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"P_COMMENDATION\",\"subjectNumber\":\""
                                + person.number() + "\",\"subjectName\":\"" + person.name()
                                + "\",\"sourceRecordId\":\"CM-" + UUID.randomUUID()
                                + "\",\"decisionNumber\":\"驻人社表〔2026〕5号\",\"decisionDate\":\""
                                + decided + "\",\"fields\":{\"honour\":\"市级劳动模范\",\"awarded_by\":\"市人民政府\","
                                + "\"level\":\"市级\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
    }

    private org.springframework.test.web.servlet.ResultActions check(String key, String number, String scenario)
            throws Exception {
        return mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"subjectNumber\":\"" + number + "\",\"scenario\":\""
                        + scenario + "\",\"purpose\":\"审批业务编号 2026-001\"}"));
    }

    private org.springframework.test.web.servlet.ResultActions feedback(String key, String checkId, String body)
            throws Exception {
        return mvc.perform(post("/api/v1/checks/" + checkId + "/feedback").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private org.springframework.test.web.servlet.ResultActions submit(String record) throws Exception {
        return mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + courtSubmits)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"records\":[" + record + "]}"));
    }

    /** A court-defaulter record added, decided on {@code decided}. */
    private static String courtDefaulter(String number, String name, String source, LocalDate decided) {
        return courtDefaulter(number, name, source, "ADD", 1).replace("\"decisionDate\":\"2026-03-02\"",
                "\"decisionDate\":\"" + decided + "\"");
    }

    private static String courtDefaulter(String number, String name, String source, String action, int version) {
        return "{\"itemCode\":\"P_COURT_DEFAULTER\",\"subjectNumber\":\"" + number + "\",\"subjectName\":\"" + name
                + "\",\"sourceRecordId\":\"" + source + "\",\"version\":\"" + version + "\",\"action\":\"" + action
                + "\",\"decisionNumber\":\"(2026)豫1702执88号\",\"decisionDate\":\"2026-03-02\",\"fields\":{"
                + "\"case_number\":\"(2026)豫1702执88号\",\"court\":\"驿城区人民法院\",\"obligation\":\"给付货款\","
                + "\"performance\":\"全部未履行\",\"behaviour\":\"违反限制消费令\"}}";
    }

    private String key(String department, Permission permission) {
        UUID departmentId = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst()
                .orElseThrow().id();
        return apiClients.issue(department + " 系统", department, ApiClient.Kind.DEPARTMENT, departmentId,
                Set.of(permission), 6000).key();
    }
}
