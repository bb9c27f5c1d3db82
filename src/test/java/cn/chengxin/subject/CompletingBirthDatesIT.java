package cn.chengxin.subject;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.listing.AwaitingBirthDate;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.listing.ListingProblem;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.domain.BirthDateEvidence;
import cn.chengxin.subject.domain.BirthDateProposal;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.subject.domain.SubjectProblem;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import cn.chengxin.listing.domain.SeriousGround;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #5 on PostgreSQL: a passport holder, whose document carries no birth date, is kept off the black list until
 * one staff member proposes the date from evidence and another approves it; then the court-defaulter record proposes
 * the entry and the person is scored. And the refusals: own review, two reviews at once, a resident identity number,
 * a date in the future or already known, the number written into the evidence.
 */
@IntegrationTest
class CompletingBirthDatesIT {

    @Autowired
    CompletingBirthDates birthDates;

    /** The platform's clock (the city's zone): "tomorrow" is the city's, whatever the machine's zone and hour. */
    @Autowired
    java.time.Clock clock;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    Scoring scoring;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private static final LocalDate BORN = LocalDate.of(1979, 6, 14);

    @Test
    void aPassportHolderIsBlackListedOnlyOnceASecondPersonApprovesTheBirthDate() throws Exception {
        String passport = passportNumber();
        UUID holder = passportHolder(passport, "SMITH JOHN", List.of());
        TestRecords.courtDefaulter(creditFile, catalogue, holder, "PP-" + UUID.randomUUID(), 1, RecordAction.ADD);
        Listing.Evaluation refused = listing.evaluate(Set.of(holder));
        assertThat(refused.ageUnknown()).as("refused: age unknown").isPositive();
        assertThat(refused.minorsSkipped()).as("not counted as a minor's").isZero();
        assertThat(listing.entriesOf(holder)).isEmpty();
        assertThat(awaiting(holder)).as("the credit office sees whose date to complete").singleElement()
                .satisfies(a -> {
                    assertThat(a.listType()).isEqualTo(ListType.BLACK);
                    assertThat(a.ruleCode()).isEqualTo("BLACK_COURT_DEFAULTER");
                    assertThat(a.decisionNumber()).isEqualTo("(2026)豫1702执77号");
                    assertThat(a.maskedNumber()).isEqualTo(Masking.identityNumber(passport));
                    assertThat(a.maskedName()).isEqualTo(Masking.personName("SMITH JOHN"));
                });
        listing.evaluate(Set.of(holder));
        assertThat(awaiting(holder)).as("evaluated again: still one row").hasSize(1);
        Throwable byHand = catchThrowable(() -> as("court-clerk", () -> listing.propose(holder, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER,
                "法释〔2017〕7号", "拒不履行", LocalDate.now().minusMonths(1), LocalDate.now().plusMonths(6))));
        assertThat(byHand).as("not the minors' refusal, which stands for good").isInstanceOf(ListingProblem.class)
                .extracting("code").isEqualTo("LIST_AGE_UNKNOWN");
        assertThat(byHand.getMessage()).as("the clerk is told where to go").contains("出生日期不明", "“信用主体”页",
                "另一名工作人员审核");

        UUID proposal = as("clerk-a", () -> birthDates.propose(holder, BORN, BirthDateEvidence.PASSPORT_DATA_PAGE,
                "驻马店出入境管理支队复印件 2026-117 号", "法院送达回证所附护照资料页"));
        assertThat(subjects.profile(holder).orElseThrow().birthDate()).as("not used before approval").isNull();
        assertThat(listing.evaluate(Set.of(holder)).proposed()).isZero();
        assertThat(birthDates.pending()).filteredOn(l -> l.proposal().id().equals(proposal)).singleElement()
                .satisfies(l -> {
                    assertThat(l.maskedNumber()).isEqualTo(Masking.identityNumber(passport)).isNotEqualTo(passport);
                    assertThat(l.maskedName()).isEqualTo(Masking.personName("SMITH JOHN"));
                });

        Throwable own = catchThrowable(() -> as("clerk-a", () -> {
            birthDates.approve(proposal, "");
            return null;
        }));
        assertThat(own).isInstanceOf(SubjectProblem.class).extracting("code").isEqualTo("BIRTH_DATE_SELF_REVIEW");
        Throwable ownRejection = catchThrowable(() -> as("clerk-a", () -> {
            birthDates.reject(proposal, "撤回");
            return null;
        }));
        assertThat(ownRejection).isInstanceOf(SubjectProblem.class).extracting("code")
                .isEqualTo("BIRTH_DATE_SELF_REVIEW");
        assertThat(subjects.profile(holder).orElseThrow().birthDate()).isNull();

        as("clerk-b", () -> {
            birthDates.approve(proposal, "与护照资料页核对一致");
            return null;
        });
        assertThat(subjects.profile(holder).orElseThrow().birthDate()).isEqualTo(BORN);
        assertThat(birthDates.of(holder)).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(BirthDateProposal.Status.APPROVED);
            assertThat(p.decidedByName()).isEqualTo("clerk-b");
        });
        ListEntry entry = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(holder).stream()
                .filter(e -> e.listType() == ListType.BLACK).findFirst().orElse(null), e -> e != null);
        assertThat(entry.status()).isEqualTo(EntryStatus.PROPOSED);
        assertThat(entry.ruleCode()).isEqualTo("BLACK_COURT_DEFAULTER");
        assertThat(awaiting(holder)).as("proposed: no longer awaiting the date").isEmpty();

        String pseudonym = subjects.pseudonymOf(holder).orElseThrow();
        assertThat(jdbc.sql("SELECT action || ' ' || actor_name || ' ' || coalesce(detail, '') FROM audit.event "
                        + "WHERE subject_pseudonym = ? AND action LIKE 'subject.birth-date.%' ORDER BY seq")
                .param(pseudonym).query(String.class).list())
                .hasSize(2).satisfiesExactly(
                        a -> assertThat(a).startsWith("subject.birth-date.propose clerk-a"),
                        a -> assertThat(a).startsWith("subject.birth-date.approve clerk-b"))
                .allSatisfy(a -> assertThat(a).doesNotContain(passport));
    }

    /** A record that stops being used (here revoked by the court) proposes nothing: its person waits no more. */
    @Test
    void aPersonNoLongerAwaitsABirthDateOnceTheRecordLeavesUse() {
        UUID holder = passportHolder(passportNumber(), "WEST ADAM", List.of());
        String courtsId = "PP-" + UUID.randomUUID();
        TestRecords.courtDefaulter(creditFile, catalogue, holder, courtsId, 1, RecordAction.ADD);
        listing.evaluate(Set.of(holder));
        assertThat(awaiting(holder)).hasSize(1);
        TestRecords.courtDefaulter(creditFile, catalogue, holder, courtsId, 2, RecordAction.REVOKE);
        listing.evaluate(Set.of(holder));
        assertThat(awaiting(holder)).isEmpty();
    }

    /**
     * The list shows the person masked, and opens their subject page by a posted id and purpose, recorded as a
     * look-up is: the clerk types no number, and no number or pseudonym is put in a URL.
     */
    @Test
    void theConsoleListsWhoseBirthDateToCompleteAndOpensTheirPageWithoutTheNumber() throws Exception {
        String passport = passportNumber();
        UUID holder = awaitingHolder(passport, "NG MEI");
        String pseudonym = subjects.pseudonymOf(holder).orElseThrow();
        String list = mvc.perform(get("/console/lists/awaiting-birth-date").with(clerk("console-clerk-3")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(Masking.identityNumber(passport), Masking.personName("NG MEI"), "失信被执行人",
                        "action=\"/console/subjects/open\"", "value=\"" + holder + "\"")
                .doesNotContain(passport).doesNotContain(pseudonym).doesNotContain("??");
        String court = listing.departmentNames().get("COURT");
        assertThat(court).as("the test context's court, by name").isNotBlank().isNotEqualTo("COURT");
        assertThat(list).as("the reporting department by its name, as the clerk knows it, not the platform's code")
                .contains(court + " · ").doesNotContain("COURT · ");

        String page = mvc.perform(post("/console/subjects/open").param("subject", holder.toString())
                        .param("purpose", "DATA_QUALITY").with(clerk("console-clerk-3")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("birth-date-form", Masking.identityNumber(passport), "出生日期不明")
                .doesNotContain(passport).doesNotContain(pseudonym);
        assertThat(jdbc.sql("SELECT purpose || ' ' || actor_name FROM audit.event WHERE subject_pseudonym = ? "
                        + "AND action = 'subject.view'").param(pseudonym).query(String.class).list())
                .containsExactly("数据质量核查 console-clerk-3");
        mvc.perform(post("/console/subjects/open").param("subject", UUID.randomUUID().toString())
                        .param("purpose", "DATA_QUALITY").with(clerk("console-clerk-3")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    /**
     * A reviewer who may not propose (subject:amend:review only: maker-checker, RULES.md §10) reaches the queue from
     * the menu and decides there; a clerk who may not review sees the proposal without a decision to take.
     */
    @Test
    void aReviewerWhoMayNotProposeDecidesOnTheQueue() throws Exception {
        UUID holder = awaitingHolder(passportNumber(), "LIM WEI");
        UUID proposal = as("clerk-q", () -> birthDates.propose(holder, BORN, BirthDateEvidence.PASSPORT_DATA_PAGE,
                "驻马店出入境管理支队复印件 2026-203 号", "法院送达回证所附护照资料页"));
        RequestPostProcessor reviewer = authentication(Principals.staff("reviewer-q", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.SUBJECT_AMEND_REVIEW));
        String action = "/console/subjects/birth-dates/" + proposal + "/approve";

        assertThat(mvc.perform(get("/console/subjects/birth-dates").with(reviewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("href=\"/console/subjects/birth-dates\"", action)
                .doesNotContain("/console/lists/awaiting-birth-date");
        assertThat(mvc.perform(get("/console/subjects/birth-dates").with(clerk("clerk-q"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("/console/lists/awaiting-birth-date").doesNotContain(action);
        mvc.perform(post(action).with(reviewer).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(subjects.profile(holder).orElseThrow().birthDate()).isEqualTo(BORN);
    }

    @Test
    void twoApprovalsAtOnceMakeOneDecision() throws Exception {
        UUID holder = passportHolder(passportNumber(), "DOE JANE", List.of());
        UUID proposal = as("maker-1", () -> birthDates.propose(holder, BORN, BirthDateEvidence.ENTRY_EXIT_RECORD,
                "出入境记录查询单 2026-0042", "出入境管理部门出具"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> outcomes = new ArrayList<>();
        for (String checker : List.of("checker-1", "checker-2")) {
            outcomes.add(pool.submit(() -> {
                try {
                    as(checker, () -> {
                        birthDates.approve(proposal, "");
                        return null;
                    });
                    return "approved";
                } catch (SubjectProblem p) {
                    return p.code();
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results).containsExactlyInAnyOrder("approved", "BIRTH_DATE_ALREADY_DECIDED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'subject.birth-date.approve' "
                + "AND detail = ?").param("reason=PROPOSAL; proposal=" + proposal).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesAResidentNumberADateInTheFutureOrAlreadyKnownAndTheNumberInTheEvidence() throws Exception {
        TestCitizens.Person resident = TestCitizens.register(subjects, "韩立新");
        UUID withIdNumber = subjects.find(subjects.validate(null, resident.number())).orElseThrow();
        assertThat(refusal(withIdNumber, BORN, "公安证明 2026-1")).isEqualTo("BIRTH_DATE_IN_NUMBER");

        UUID known = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT,
                passportNumber()), "ROE RICHARD", BORN, "M", List.of(), List.of(), false));
        assertThat(refusal(known, BORN.plusDays(1), "公安证明 2026-2")).isEqualTo("BIRTH_DATE_KNOWN");

        String passport = passportNumber();
        UUID unknown = passportHolder(passport, "POE EDGAR", List.of());
        assertThat(refusal(unknown, LocalDate.now(clock).plusDays(1), "公安证明 2026-3")).isEqualTo("BIRTH_DATE_IN_FUTURE");
        assertThat(refusal(unknown, BORN, "护照 " + passport.toLowerCase() + " 第 2 页"))
                .isEqualTo("BIRTH_DATE_NUMBER_IN_TEXT");
        assertThat(refusal(unknown, BORN, " ")).isEqualTo("BIRTH_DATE_PROPOSAL_INCOMPLETE");
        assertThat(birthDates.of(unknown)).as("nothing refused was stored").isEmpty();

        UUID proposal = as("maker-3", () -> birthDates.propose(unknown, BORN, BirthDateEvidence.POLICE_CERTIFICATE,
                "公安证明 2026-4", "户籍证明"));
        assertThat(refusal(unknown, BORN, "公安证明 2026-5")).as("one pending at a time").isEqualTo("BIRTH_DATE_PENDING");
        Throwable silent = catchThrowable(() -> as("checker-3", () -> {
            birthDates.reject(proposal, " ");
            return null;
        }));
        assertThat(silent).isInstanceOf(SubjectProblem.class).extracting("code").isEqualTo("REVIEW_NOTE_REQUIRED");
        as("checker-3", () -> {
            birthDates.reject(proposal, "证明未载明出生日期");
            return null;
        });
        assertThat(subjects.profile(unknown).orElseThrow().birthDate()).isNull();
        assertThat(birthDates.of(unknown)).singleElement().extracting(BirthDateProposal::status)
                .isEqualTo(BirthDateProposal.Status.REJECTED);
    }

    /**
     * RULES.md §10: the reference and the reason are kept and shown on the subject page and the queue, so neither
     * holds anyone's resident identity number (a relative's, a witness's), not only the person's own; a case or file
     * number, however long its digit run, is no such number. Refused on the form, the texts come back masked beside
     * the refusal.
     */
    @Test
    void aReferenceOrReasonHoldingAResidentNumberIsRefusedAndACaseNumberIsNot() throws Exception {
        String number = TestCitizens.withCheckCharacter("41170219850612345");
        UUID holder = passportHolder(passportNumber(), "HOLT RUTH", List.of());
        for (String[] texts : new String[][] {{"户籍证明 " + number, "户籍证明"},
                {"公安证明 2026-6", "其母 " + number + " 提供"}}) {
            TypedText.HoldsIdentityNumber refused = catchThrowableOfType(TypedText.HoldsIdentityNumber.class,
                    () -> as("maker-6", () -> birthDates.propose(holder, BORN, BirthDateEvidence.POLICE_CERTIFICATE,
                            texts[0], texts[1])));
            assertThat(refused).as(texts[0] + " / " + texts[1]).isNotNull();
            assertThat(refused.code()).isEqualTo("FREE_TEXT_HOLDS_IDENTITY_NUMBER");
            assertThat(refused.field()).isEqualTo(texts[0].contains(number) ? "reference" : "reason");
        }
        assertThat(birthDates.of(holder)).as("nothing refused was stored").isEmpty();

        String page = mvc.perform(post("/console/subjects/{id}/birth-date", holder).param("birthDate", BORN.toString())
                        .param("evidence", "POLICE_CERTIFICATE").param("reference", "公安证明 2026-7")
                        .param("reason", "其母 " + number + " 提供").param("purpose", "DATA_QUALITY")
                        .with(clerk("console-clerk-6")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("FREE_TEXT_HOLDS_IDENTITY_NUMBER", "id=\"reason-refused\"", "「补全理由」",
                        "value=\"公安证明 2026-7\"", "其母 " + Masking.identityNumber(number) + " 提供</textarea>")
                .doesNotContain(number);
        assertThat(birthDates.of(holder)).isEmpty();

        as("maker-6", () -> birthDates.propose(holder, BORN, BirthDateEvidence.POLICE_CERTIFICATE,
                "（2026）豫1702执1234号 业务编号 202603010000123456789", "法院调取的户籍证明"));
        assertThat(birthDates.of(holder)).singleElement().extracting(BirthDateProposal::evidenceReference)
                .isEqualTo("（2026）豫1702执1234号 业务编号 202603010000123456789");
    }

    /** Scoring refuses a person of unknown age too; the approval scores them at once, not at the nightly run. */
    @Test
    void aResidentPassportHolderIsScoredOnceTheBirthDateIsApproved() throws Exception {
        UUID holder = passportHolder(passportNumber(), "LEE ANNA", List.of(new NewPerson.Residence(
                ResidencyKind.HABITUAL, "411702", LocalDate.now().minusYears(3))));
        assertThat(scoring.scoreOf(holder)).hasValueSatisfying(s -> assertThat(s.notScoredCode())
                .isEqualTo("AGE_UNKNOWN"));
        UUID proposal = as("maker-4", () -> birthDates.propose(holder, BORN, BirthDateEvidence.PASSPORT_DATA_PAGE,
                "护照资料页复印件（窗口收件 2026-88）", "本人到窗口提供护照"));
        as("checker-4", () -> {
            birthDates.approve(proposal, "");
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(scoring.scoreOf(holder))
                .hasValueSatisfying(s -> assertThat(s.score()).isNotNull()));
    }

    /** The console finds the person by passport, offers the form, and shows the number masked on every page. */
    @Test
    void theConsoleOffersTheFormForAPassportHolderAndShowsTheNumberMasked() throws Exception {
        String passport = passportNumber();
        UUID holder = passportHolder(passport, "KIM MINA", List.of());
        var clerk = clerk("console-clerk");
        String page = mvc.perform(post("/console/subjects").param("documentType", "PASSPORT").param("number", passport)
                        .param("purpose", "JOINT_MEASURES").with(clerk).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("birth-date-form", Masking.identityNumber(passport), "出生日期不明",
                "value=\"PASSPORT\" selected").doesNotContain(passport).doesNotContain("??");

        mvc.perform(post("/console/subjects/{id}/birth-date", holder).param("birthDate", BORN.toString())
                        .param("evidence", "PASSPORT_DATA_PAGE").param("reference", "窗口收件 2026-90")
                        .param("reason", "本人提供护照").param("purpose", "JOINT_MEASURES").with(clerk).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String queue = mvc.perform(get("/console/subjects/birth-dates").with(clerk)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(queue).contains(Masking.identityNumber(passport), BORN.toString()).doesNotContain(passport)
                .doesNotContain("SMITH JOHN");
        String again = mvc.perform(post("/console/subjects").param("documentType", "PASSPORT").param("number", passport)
                        .param("purpose", "JOINT_MEASURES").with(clerk).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(again).as("pending: no second form").contains("birth-date-pending").doesNotContain("birth-date-form");
    }

    /**
     * A refused proposal answers on the subject page, with the refusal and what the clerk typed, so that they
     * correct it instead of looking the person up again; the page shown again is a look at the person's data,
     * recorded with the look-up's purpose.
     */
    @Test
    void aRefusedProposalShowsTheSubjectPageAgainWithWhatWasTyped() throws Exception {
        String passport = passportNumber();
        UUID holder = passportHolder(passport, "PARK JIN", List.of());
        var clerk = clerk("console-clerk-2");
        String future = LocalDate.now().plusDays(3).toString();
        String page = mvc.perform(post("/console/subjects/{id}/birth-date", holder).param("birthDate", future)
                        .param("evidence", "ENTRY_EXIT_RECORD").param("reference", "出入境记录 2026-0917 号")
                        .param("reason", "出入境管理部门出具的记录").param("purpose", "DATA_QUALITY")
                        .with(clerk).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("BIRTH_DATE_IN_FUTURE", "birth-date-form", Masking.identityNumber(passport),
                        "value=\"" + future + "\"", "value=\"出入境记录 2026-0917 号\"", "出入境管理部门出具的记录</textarea>")
                .containsPattern("<option value=\"ENTRY_EXIT_RECORD\"\\s+selected")
                .doesNotContain(passport);
        assertThat(birthDates.of(holder)).as("nothing stored").isEmpty();
        assertThat(jdbc.sql("SELECT purpose FROM audit.event WHERE subject_pseudonym = ? AND action = 'subject.view'")
                .param(subjects.pseudonymOf(holder).orElseThrow()).query(String.class).list())
                .as("the page shown again is recorded with its purpose").containsExactly("数据质量核查");
    }

    /**
     * The subject page, the queue of proposals and the persons awaiting a birth date name the document type, the kind
     * of subject and the evidence and state of a proposal in the reader's language; in Chinese, the default, as before.
     */
    @Test
    void theBirthDatePagesSpeakTheReadersLanguage() throws Exception {
        String passport = passportNumber();
        UUID holder = awaitingHolder(passport, "LIM WEI");
        var clerk = clerk("console-clerk-lang");
        String[] chinese = {">护照<", "自然人", "护照个人资料页", "通行证个人资料页", "出入境记录", "公安机关证明",
                "其他官方证明文件", "待审核", "已补全", "不予补全"};
        assertThat(subjectPage(passport, clerk, "en")).contains("<dd>Passport</dd>", ">Passport</option>",
                "<dd>Natural person</dd>", ">Passport data page</option>").doesNotContain(chinese);
        assertThat(subjectPage(passport, clerk, "zh_CN")).contains("<dd>护照</dd>", ">护照</option>", "<dd>自然人</dd>",
                ">护照个人资料页</option>").doesNotContain(">Passport<");

        as("maker-lang", () -> birthDates.propose(holder, BORN, BirthDateEvidence.PASSPORT_DATA_PAGE,
                "窗口收件 2026-91", "本人提供护照"));
        assertThat(subjectPage(passport, clerk, "en")).contains("<td>Passport data page: 窗口收件 2026-91</td>",
                "<td>Awaiting review</td>").doesNotContain(chinese);
        assertThat(subjectPage(passport, clerk, "zh_CN")).contains("<td>护照个人资料页：窗口收件 2026-91</td>",
                "<td>待审核</td>");
        assertThat(consolePage("/console/subjects/birth-dates", clerk, "en")).contains(">Passport</span>",
                "<td>Passport data page: 窗口收件 2026-91</td>").doesNotContain(chinese);
        assertThat(consolePage("/console/subjects/birth-dates", clerk, "zh_CN")).contains(">护照</span>",
                "<td>护照个人资料页：窗口收件 2026-91</td>");
        assertThat(consolePage("/console/lists/awaiting-birth-date", clerk, "en")).contains(">Passport</span>")
                .doesNotContain(">护照<");
        assertThat(consolePage("/console/lists/awaiting-birth-date", clerk, "zh_CN")).contains(">护照</span>");
    }

    private String subjectPage(String passport, RequestPostProcessor clerk, String lang) throws Exception {
        return mvc.perform(post("/console/subjects").param("documentType", "PASSPORT").param("number", passport)
                        .param("purpose", "DATA_QUALITY").param("lang", lang).with(clerk).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String consolePage(String path, RequestPostProcessor clerk, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(clerk)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private List<AwaitingBirthDate> awaiting(UUID subject) {
        return listing.awaitingBirthDate(10_000).stream().filter(a -> a.subjectId().equals(subject)).toList();
    }

    /** A staff member of the credit office who looks persons up and proposes birth dates. */
    private static RequestPostProcessor clerk(String name) {
        return authentication(Principals.staff(name, "CREDIT_OFFICE", Permission.SUBJECT_READ,
                Permission.SUBJECT_AMEND));
    }

    private String refusal(UUID subject, LocalDate date, String reference) {
        Throwable refused = catchThrowable(() -> as("maker-3", () -> birthDates.propose(subject, date,
                BirthDateEvidence.POLICE_CERTIFICATE, reference, "补全")));
        assertThat(refused).isInstanceOf(SubjectProblem.class);
        return ((SubjectProblem) refused).code();
    }

    private UUID passportHolder(String passport, String name, List<NewPerson.Residence> residences) {
        UUID id = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport), name,
                null, null, residences, List.of(), false));
        assertThat(subjects.profile(id).orElseThrow().birthDate()).isNull();
        return id;
    }

    /** A passport holder of unknown birth date whom a court-defaulter record would put on the black list. */
    private UUID awaitingHolder(String passport, String name) {
        UUID holder = passportHolder(passport, name, List.of());
        TestRecords.courtDefaulter(creditFile, catalogue, holder, "PP-" + UUID.randomUUID(), 1, RecordAction.ADD);
        listing.evaluate(Set.of(holder));
        return holder;
    }

    private static String passportNumber() {
        return "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }
}
