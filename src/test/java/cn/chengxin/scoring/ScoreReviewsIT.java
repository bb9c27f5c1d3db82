package cn.chengxin.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.Notices;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.scoring.domain.ScoreReview;
import cn.chengxin.shared.calendar.WorkingCalendar;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * PIPL Art. 24 (RULES.md §8) on PostgreSQL: a person who refuses automated grading is answered "manual assessment"
 * by the benefits check until they accept it again; a request for human review of the score reaches the credit
 * office's console and its written answer reaches the person, and nobody else.
 */
@IntegrationTest
class ScoreReviewsIT {

    private static int next = 700;

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Scoring scoring;

    @Autowired
    ScoreReviews reviews;

    @Autowired
    ApiClients apiClients;

    @Autowired
    ProvidedBenefits provided;

    @Autowired
    StaffDirectory directory;

    @Autowired
    Notices notices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    cn.chengxin.objection.Objections objections;

    @Test
    void aPersonWhoRefusesAutomatedGradingIsAnsweredManualAssessmentUntilTheyAcceptItAgain() throws Exception {
        Resident r = resident(LocalDate.of(1972, 2, 11), "钟明远");
        scoring.rescore(Set.of(r.id()));
        String key = TestRecords.libraryKey(apiClients, directory, provided);
        benefits(key, r.number()).andExpect(status().isOk())
                .andExpect(jsonPath("$.assessment").value("AUTOMATED"))
                .andExpect(jsonPath("$.reasonCode").doesNotExist())
                .andExpect(jsonPath("$.benefits[*].code", org.hamcrest.Matchers.hasItem("LIBRARY_DEPOSIT_FREE")));
        RequestPostProcessor citizen = authentication(Principals.citizen(subjects, r.id()));

        mvc.perform(post("/me/score/automated-grading").param("refuse", "true").with(citizen).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "me.score.gradingRefused"));
        // Neither granted nor refused by grade: the provider is told to assess the person.
        benefits(key, r.number()).andExpect(status().isOk())
                .andExpect(jsonPath("$.assessment").value("MANUAL_REQUIRED"))
                .andExpect(jsonPath("$.reasonCode").value("AUTOMATED_GRADING_REFUSED"))
                .andExpect(jsonPath("$.grade").doesNotExist())
                .andExpect(jsonPath("$.benefits[0].code").value("LIBRARY_DEPOSIT_FREE"))
                .andExpect(jsonPath("$.benefits[0].granted").value(org.hamcrest.Matchers.nullValue()));
        assertThat(page(citizen)).contains("id=\"grading-refused\"", "data-field=\"manual-assessment\"");
        assertThat(actions(r)).contains("scoring.grading.refuse");

        mvc.perform(post("/me/score/automated-grading").param("refuse", "false").with(citizen).with(csrf()))
                .andExpect(flash().attribute("successKey", "me.score.gradingAccepted"));
        benefits(key, r.number()).andExpect(jsonPath("$.assessment").value("AUTOMATED"))
                .andExpect(jsonPath("$.benefits[*].code", org.hamcrest.Matchers.hasItem("LIBRARY_DEPOSIT_FREE")))
                .andExpect(jsonPath("$.benefits[0].granted").value(true));
        assertThat(page(citizen)).doesNotContain("id=\"grading-refused\"");
        assertThat(actions(r)).contains("scoring.grading.refuse", "scoring.grading.accept");
    }

    @Test
    void aReviewRequestReachesTheConsoleAndItsAnswerReachesThePersonOnly() throws Exception {
        Resident asker = resident(LocalDate.of(1972, 3, 12), "邵文澜");
        Resident other = resident(LocalDate.of(1972, 4, 13), "鲍一鸣");
        scoring.rescore(Set.of(asker.id(), other.id()));
        RequestPostProcessor askerLogin = authentication(Principals.citizen(subjects, asker.id()));
        RequestPostProcessor otherLogin = authentication(Principals.citizen(subjects, other.id()));
        String reasons = "我按时缴费，分数不应下降，请人工核对 " + UUID.randomUUID();

        mvc.perform(post("/me/score/reviews").param("reasons", "  ").with(askerLogin).with(csrf()))
                .andExpect(flash().attribute("failureCode", "SCORE_REVIEW_REASONS"));
        mvc.perform(post("/me/score/reviews").param("reasons", reasons).with(askerLogin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "me.score.reviewRequested"));
        mvc.perform(post("/me/score/reviews").param("reasons", "再问一次").with(askerLogin).with(csrf()))
                .andExpect(flash().attribute("failureCode", "SCORE_REVIEW_OPEN"));
        ScoreReview review = reviews.of(asker.id()).stream().filter(ScoreReview::open).findFirst().orElseThrow();
        assertThat(review.score()).isEqualTo(scoring.scoreOf(asker.id()).orElseThrow().score());
        assertThat(review.dueOn()).isAfter(LocalDate.now());
        assertThat(actions(asker)).contains("scoring.review.request");

        var office = authentication(reviewer("复核员邵"));
        String console = mvc.perform(get("/console/score-reviews").with(office)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String dashboard = mvc.perform(get("/console").with(office)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(dashboard).as("the office's first page counts what waits")
                .containsPattern("信用分人工复核申请待答复 [1-9]\\d* 件");
        assertThat(console).contains("data-review=\"" + review.id() + "\"", reasons).doesNotContain(asker.number());
        assertThat(page(otherLogin)).doesNotContain(reasons);

        String answer = "经人工核对，您的信用分依据的记录与模型无误，维持评分 " + UUID.randomUUID();
        mvc.perform(post("/console/score-reviews/{id}/answer", review.id()).param("outcome", "UPHELD")
                        .param("answer", answer).with(office).with(csrf()))
                .andExpect(flash().attribute("successKey", "scoreReviews.answered.done"));
        mvc.perform(post("/console/score-reviews/{id}/answer", review.id()).param("outcome", "RESCORED")
                        .param("answer", "再答一次").with(office).with(csrf()))
                .andExpect(flash().attribute("failureCode", "SCORE_REVIEW_ANSWERED"));

        assertThat(page(askerLogin)).contains(answer, reasons, "data-field=\"outcome\">维持评分<");
        String answered = mvc.perform(get("/console/score-reviews").with(office)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(answered).as("who answered, by name").contains("data-field=\"reviewer\">复核员邵<");
        assertThat(notices.of(asker.id())).anySatisfy(n -> assertThat(n.body()).contains(answer));
        assertThat(page(otherLogin)).doesNotContain(answer).doesNotContain(reasons);
        assertThat(notices.of(other.id())).noneSatisfy(n -> assertThat(n.body()).contains(answer));
        assertThat(actions(asker)).contains("scoring.review.answer");
        // Answered, the person may ask again.
        mvc.perform(post("/me/score/reviews").param("reasons", "新的疑问").with(askerLogin).with(csrf()))
                .andExpect(flash().attribute("successKey", "me.score.reviewRequested"));
    }

    @Test
    void anAnswerNeedsItsWrittenReasonsAndAnIdentityNumberInARequestIsMasked() throws Exception {
        Resident r = resident(LocalDate.of(1972, 5, 14), "温若愚");
        UUID id = reviews.request(r.id(), "请复核，我的证件号 " + r.number());
        ScoreReview review = reviews.of(r.id()).get(0);
        assertThat(review.id()).isEqualTo(id);
        assertThat(review.reasons()).doesNotContain(r.number());
        var office = authentication(Principals.staff("review-clerk-2", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.OBJECTION_HANDLE));
        mvc.perform(post("/console/score-reviews/{id}/answer", id).param("outcome", "UPHELD").param("answer", " ")
                        .with(office).with(csrf()))
                .andExpect(flash().attribute("failureCode", "SCORE_REVIEW_ANSWER"));
        mvc.perform(post("/console/score-reviews/{id}/answer", id).param("answer", "维持")
                        .with(office).with(csrf()))
                .andExpect(flash().attribute("failureCode", "SCORE_REVIEW_OUTCOME"));
        assertThat(reviews.of(r.id()).get(0).open()).isTrue();
    }

    /**
     * G12 (RULES.md §5, §8): a reviewer who doubts a record behind the score answers 转异议处理, naming the record; an
     * objection is filed on it for the person, with their reasons and the objection deadline, and the person is told
     * its reference. No record named, or one that did not move the score, is refused with a code and files nothing.
     */
    @Test
    void aReviewAnsweredWithAnObjectionFilesItOnTheNamedContributingRecord() throws Exception {
        Resident r = resident(LocalDate.of(1972, 6, 15), "庞思齐");
        TestRecords.penalty(mvc, apiClients, directory, r.number(), r.name(), "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕" + next + "号");
        cn.chengxin.scoring.domain.Contribution penalty = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10)).until(() -> {
                    scoring.rescore(Set.of(r.id()));
                    return scoring.scoreOf(r.id()).flatMap(s -> s.contributions().stream().findFirst()).orElse(null);
                }, java.util.Objects::nonNull);
        String reasons = "这条处罚不是我的，请核查 " + UUID.randomUUID();
        UUID id = reviews.request(r.id(), reasons);
        var office = authentication(reviewer("复核员庞"));
        assertThat(mvc.perform(get("/console/score-reviews").with(office)).andReturn().getResponse()
                .getContentAsString()).contains("value=\"" + penalty.recordKey() + "\"", "转异议处理");

        mvc.perform(post("/console/score-reviews/{id}/answer", id).param("outcome", "OBJECTION")
                        .param("answer", "记录存疑，转异议处理").with(office).with(csrf()))
                .andExpect(flash().attribute("failureCode", "SCORE_REVIEW_RECORD_REQUIRED"));
        mvc.perform(post("/console/score-reviews/{id}/answer", id).param("outcome", "OBJECTION")
                        .param("answer", "记录存疑，转异议处理").param("recordKey", UUID.randomUUID().toString())
                        .with(office).with(csrf()))
                .andExpect(flash().attribute("failureCode", "SCORE_REVIEW_RECORD_NOT_SCORED"));
        assertThat(reviews.of(r.id()).get(0).open()).isTrue();
        assertThat(objections.of(r.id())).isEmpty();

        mvc.perform(post("/console/score-reviews/{id}/answer", id).param("outcome", "OBJECTION")
                        .param("answer", "记录存疑，转异议处理").param("recordKey", penalty.recordKey().toString())
                        .with(office).with(csrf()))
                .andExpect(flash().attribute("successKey", "scoreReviews.answered.done"));
        ScoreReview answered = reviews.of(r.id()).get(0);
        assertThat(answered.outcome()).isEqualTo(cn.chengxin.scoring.domain.ReviewOutcome.OBJECTION);
        cn.chengxin.objection.Objection objection = objections.find(answered.objectionId());
        assertThat(objection.subjectId()).isEqualTo(r.id());
        assertThat(objection.recordKey()).isEqualTo(penalty.recordKey());
        assertThat(objection.reasons()).contains(reasons);
        assertThat(objection.status().open()).isTrue();
        assertThat(objection.dueOn()).isAfterOrEqualTo(LocalDate.now(clock));
        assertThat(notices.of(r.id())).anySatisfy(n -> assertThat(n.body())
                .contains(objection.id().toString(), objection.dueOn().toString()));
        assertThat(actions(r)).contains("objection.file", "scoring.review.answer");
        RequestPostProcessor login = authentication(Principals.citizen(subjects, r.id()));
        assertThat(page(login)).contains("data-field=\"outcome\">转异议处理<");
    }

    /**
     * G12 (issue #8: reminders before the deadline, escalation after it): the nightly watch reminds the office the
     * working day before a review is due, once; escalates it once overdue and tells the person; the console marks it,
     * and 部门督办 counts the office's overdue and late answers (RULES.md §12).
     */
    @Test
    void theNightlyWatchRemindsEscalatesAndSupervisionCountsALateReview() throws Exception {
        Resident r = resident(LocalDate.of(1972, 6, 15), "谷清和");
        UUID id = reviews.request(r.id(), "请人工复核我的信用分");
        LocalDate due = reviews.of(r.id()).get(0).dueOn();
        WorkingCalendar calendar = workingDays.calendar();
        LocalDate dayBefore = LocalDate.now(clock);
        while (calendar.plusWorkingDays(dayBefore, 1).isBefore(due)) {
            dayBefore = dayBefore.plusDays(1);
        }
        assertThat(reviews.watchDeadlines(at(dayBefore)).reminded()).extracting(ScoreReview::id).contains(id);
        assertThat(reviews.watchDeadlines(at(dayBefore)).reminded()).as("once per deadline")
                .extracting(ScoreReview::id).doesNotContain(id);
        assertThat(reviews.of(r.id()).get(0).reminded()).isTrue();
        assertThat(reviews.watchDeadlines(at(due.plusDays(1))).escalated()).extracting(ScoreReview::id).contains(id);
        assertThat(reviews.watchDeadlines(at(due.plusDays(2))).escalated()).extracting(ScoreReview::id)
                .doesNotContain(id);
        assertThat(reviews.of(r.id()).get(0).escalated()).isTrue();
        assertThat(notices.of(r.id())).extracting(cn.chengxin.account.Notice::kind).contains("SCORE_REVIEW_ESCALATED");
        assertThat(actions(r)).contains("scoring.review.remind", "scoring.review.escalate");
        var office = authentication(reviewer("复核员谷"));
        assertThat(mvc.perform(get("/console/score-reviews").with(office)).andReturn().getResponse()
                .getContentAsString()).contains("data-field=\"escalated\"");

        // Overdue today: counted on 部门督办; answered late: counted as answered, not in time.
        LocalDate today = LocalDate.now(clock);
        // Requested two days ago, so that yesterday's deadline lies within its 20 days (V665).
        jdbc.sql("UPDATE scoring.review SET requested_at = requested_at - interval '2 days', due_on = ? WHERE id = ?")
                .params(today.minusDays(1), id).update();
        ScoreReviews.Figures before = reviews.figures(today, today);
        assertThat(before.overdueNow()).isPositive();
        var supervisor = authentication(Principals.staff("supervisor-g12", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.OVERSIGHT_SUPERVISE));
        assertThat(mvc.perform(get("/console/supervision").with(supervisor)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("id=\"score-reviews\"")
                .containsPattern("data-field=\"overdue\"[^>]*>" + before.overdueNow() + "<");
        mvc.perform(post("/console/score-reviews/{id}/answer", id).param("outcome", "UPHELD")
                        .param("answer", "经人工核对，维持评分").with(office).with(csrf()))
                .andExpect(flash().attribute("successKey", "scoreReviews.answered.done"));
        ScoreReviews.Figures after = reviews.figures(today, today);
        assertThat(after.answered()).isEqualTo(before.answered() + 1);
        assertThat(after.answeredInTime()).as("answered late").isEqualTo(before.answeredInTime());
        assertThat(after.overdueNow()).isEqualTo(before.overdueNow() - 1);
    }

    private static java.time.Clock at(LocalDate day) {
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        return java.time.Clock.fixed(day.atTime(2, 0).atZone(china).toInstant(), china);
    }

    private String page(RequestPostProcessor citizen) throws Exception {
        return mvc.perform(get("/me/score").with(citizen)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private List<String> actions(Resident r) {
        return jdbc.sql("SELECT action FROM audit.event WHERE subject_pseudonym = ? ORDER BY seq")
                .param(subjects.pseudonymOf(r.id()).orElseThrow()).query(String.class).list();
    }

    private org.springframework.test.web.servlet.ResultActions benefits(String key, String number) throws Exception {
        return mvc.perform(post("/api/v1/benefits/check").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectNumber\":\"" + number + "\",\"purpose\":\"免押金借阅办证\"}"));
    }

    private record Resident(UUID id, String number, String name) {
    }

    private Resident resident(LocalDate birth, String name) {
        int n = ++next;
        String number = TestCitizens.withCheckCharacter("411702" + birth.toString().replace("-", "")
                + String.format("%03d", n % 1000));
        UUID id = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), name, null,
                null, List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702", birth)), List.of(), false));
        return new Resident(id, number, name);
    }

    /** A real staff account of the credit office (its name is what the console shows), signed in with the review's rights. */
    private UsernamePasswordAuthenticationToken reviewer(String displayName) {
        Department office = directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE"))
                .findFirst().orElseThrow();
        UUID id = directory.createUserWithSettledPassword("rev" + UUID.randomUUID().toString().substring(0, 8),
                displayName, office.id(), "Reviewer-Passw0rd-2026");
        Permission[] rights = {Permission.CONSOLE_HOME, Permission.OBJECTION_HANDLE};
        return UsernamePasswordAuthenticationToken.authenticated(new StaffPrincipal(id, "reviewer", displayName,
                office.id(), office.code(), office.name(), office.kind(), office.dataScope(), Set.of(rights)), null,
                List.of(new SimpleGrantedAuthority("STAFF"), new SimpleGrantedAuthority(rights[0].code()),
                        new SimpleGrantedAuthority(rights[1].code())));
    }
}
