package cn.chengxin.subject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.AccountProblem;
import cn.chengxin.account.CitizenAccounts;
import cn.chengxin.objection.Objections;
import cn.chengxin.objection.WatchedCorrections;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.domain.CorrectionRequest;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 更正补充请求 on PostgreSQL (gaps review xlvi AA3; PIPL Art. 46): a person whose registered name is wrong, and who for
 * that very reason cannot register online, has the window file their request with their document; the reviewers' queue
 * shows it as the person's with the objection rules' deadline; a refusal without reasons is refused; the approval
 * renames the registry and online registration then succeeds. A person of unknown birth date asks online, is refused
 * with reasons and reads them in self-service and 消息通知. Every page shows the number masked.
 */
@IntegrationTest
class CorrectionRequestsIT {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    CompletingBirthDates birthDates;

    @Autowired
    Objections objections;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    RequestedCorrections corrections;

    @Autowired
    WatchedCorrections watched;

    @Test
    void aRequestAtTheWindowIsReviewedWithItsDeadlineAndTheApprovedNameRegisters() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柴错名");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        assertThat(catchThrowableOfType(AccountProblem.class, () -> citizens.startRegistration(person.number(),
                "柴正名", person.phone(), "Chai-Zhengming-2026")).code())
                .as("the registry's wrong name keeps the person from registering").isEqualTo("REAL_NAME_MISMATCH");
        RequestPostProcessor clerk = authentication(Principals.staff("corr-clerk", "CREDIT_OFFICE",
                Permission.SUBJECT_READ, Permission.SUBJECT_AMEND));
        RequestPostProcessor checker = authentication(Principals.staff("corr-checker", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.SUBJECT_READ, Permission.SUBJECT_AMEND_REVIEW));

        assertThat(mvc.perform(multipart("/console/subjects/" + subject + "/correction-request")
                        .param("field", "NAME").param("reason", "户籍姓名登记有误")
                        .param("purpose", "DATA_QUALITY").with(clerk).with(csrf()))
                .andReturn().getResponse().getContentAsString()).contains("CORRECTION_EVIDENCE_REQUIRED");
        assertThat(pendingProposals(subject)).as("no evidence, no request").isZero();

        mvc.perform(multipart("/console/subjects/" + subject + "/correction-request")
                        .file(new MockMultipartFile("evidence", "户口簿.pdf", "application/pdf", PDF))
                        .param("field", "NAME").param("newName", "柴正名").param("nameEvidence", "HOUSEHOLD_REGISTER_CHANGE")
                        .param("reason", "户籍姓名登记有误").param("purpose", "DATA_QUALITY").with(clerk).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/console/subjects/names"));

        LocalDate today = LocalDate.now(clock);
        LocalDate due = objections.deadlines().platformDue(workingDays.calendar(), today);
        assertThat(jdbc.sql("SELECT due_on FROM subject.correction_request WHERE subject_id = ?").param(subject)
                .query(LocalDate.class).single()).as("the objection rules' working days").isEqualTo(due)
                .isAfter(today);
        String queue = mvc.perform(get("/console/subjects/names").with(checker)).andReturn().getResponse()
                .getContentAsString();
        assertThat(queue).contains("柴错名 → 柴正名", "应本人请求（窗口代为申请）", "办理期限 " + due,
                "/console/subjects/corrections/", Masking.identityNumber(person.number()))
                .doesNotContain(person.number());
        UUID proposal = jdbc.sql("SELECT name_proposal_id FROM subject.correction_request WHERE subject_id = ?")
                .param(subject).query(UUID.class).single();
        UUID request = jdbc.sql("SELECT id FROM subject.correction_request WHERE subject_id = ?").param(subject)
                .query(UUID.class).single();
        byte[] evidence = mvc.perform(get("/console/subjects/corrections/" + request + "/evidence").with(checker))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(evidence).as("opened as given, though sealed").isEqualTo(PDF);
        assertThat(jdbc.sql("SELECT content FROM subject.correction_request WHERE id = ?").param(request)
                .query(byte[].class).single()).isNotEqualTo(PDF);

        mvc.perform(post("/console/subjects/names/" + proposal + "/reject").param("note", " ")
                        .with(checker).with(csrf()))
                .andExpect(flash().attribute("failureCode", "REVIEW_NOTE_REQUIRED"));
        assertThat(pendingProposals(subject)).as("a refusal needs its reasons").isEqualTo(1);

        mvc.perform(post("/console/subjects/names/" + proposal + "/approve").param("note", "与户口簿核对一致")
                        .with(checker).with(csrf()))
                .andExpect(flash().attribute("successKey", "nameChanges.approved"));
        assertThat(subjects.profile(subject).orElseThrow().name()).isEqualTo("柴正名");
        assertThat(citizens.startRegistration(person.number(), "柴正名", person.phone(), "Chai-Zhengming-2026"))
                .as("registration with the corrected name").isNotNull();

        assertThat(notices(subject)).containsExactlyInAnyOrder("CORRECTION_RECEIVED", "CORRECTION_APPROVED");
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
        assertThat(jdbc.sql("SELECT action || ' ' || actor_name || ' ' || coalesce(detail, '') FROM audit.event "
                        + "WHERE subject_pseudonym = ? AND action LIKE 'subject.%' ORDER BY seq")
                .param(pseudonym).query(String.class).list())
                .anySatisfy(a -> assertThat(a).startsWith("subject.name.propose corr-clerk"))
                .anySatisfy(a -> assertThat(a).startsWith("subject.correction.request"))
                .anySatisfy(a -> assertThat(a).startsWith("subject.name.approve corr-checker"))
                .allSatisfy(a -> assertThat(a).doesNotContain(person.number()));
    }

    @Test
    void aPersonAsksOnlineForTheirBirthDateAndReadsTheRefusalsReasons() throws Exception {
        String passport = "E" + (10_000_000 + Math.floorMod(System.nanoTime(), 89_999_999L));
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport),
                "SHI ANNA", null, null, List.of(), List.of(), false));
        RequestPostProcessor citizen = authentication(Principals.citizen(subjects, holder));

        String page = mvc.perform(get("/me/corrections").with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("birth-date-correction-form", "name-correction-form").doesNotContain(passport);

        mvc.perform(multipart("/me/corrections").param("field", "BIRTH_DATE").param("birthDate", "1990-05-06")
                        .param("birthDateEvidence", "PASSPORT_DATA_PAGE").param("reason", "护照上有出生日期")
                        .with(citizen).with(csrf()))
                .andExpect(flash().attribute("failureCode", "CORRECTION_EVIDENCE_REQUIRED"));
        mvc.perform(multipart("/me/corrections").file(new MockMultipartFile("evidence", "passport.pdf",
                                "application/pdf", PDF))
                        .param("field", "BIRTH_DATE").param("birthDate", "1990-05-06")
                        .param("birthDateEvidence", "PASSPORT_DATA_PAGE").param("reason", "护照上有出生日期")
                        .with(citizen).with(csrf()))
                .andExpect(flash().attribute("successKey", "me.corrections.requested"));

        String queue = mvc.perform(get("/console/subjects/birth-dates").with(authentication(Principals.staff(
                        "corr-reviewer", "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.SUBJECT_READ,
                        Permission.SUBJECT_AMEND_REVIEW))))
                .andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("应本人请求（本人在线申请）", "1990-05-06").doesNotContain(passport);
        UUID proposal = jdbc.sql("SELECT birth_date_proposal_id FROM subject.correction_request WHERE subject_id = ?")
                .param(holder).query(UUID.class).single();
        as("corr-reviewer", () -> {
            birthDates.reject(proposal, "护照资料页复印件不清晰，无法核对");
            return null;
        });

        assertThat(subjects.profile(holder).orElseThrow().birthDate()).isNull();
        String after = mvc.perform(get("/me/corrections").with(citizen)).andReturn().getResponse()
                .getContentAsString();
        assertThat(after).contains("不予更正", "护照资料页复印件不清晰，无法核对").doesNotContain(passport);
        assertThat(notices(holder)).containsExactlyInAnyOrder("CORRECTION_RECEIVED", "CORRECTION_REFUSED");
        assertThat(jdbc.sql("SELECT body FROM account.notice WHERE subject_id = ? AND wording = 'CORRECTION_REFUSED'")
                .param(holder).query(String.class).single()).contains("理由：护照资料页复印件不清晰，无法核对");
    }

    /**
     * Review xlvi AA3 rest: the objection rules' hourly watch reminds the reviewers the working day before a request is
     * due, once however often it runs; escalates it once undecided past its deadline and tells the person; the queue
     * marks both, 工作台 counts the overdue for the reviewers, and 部门督办 counts them beside the score reviews.
     */
    @Test
    void anUndecidedRequestIsRemindedOnceEscalatedOnceAndCounted() throws Exception {
        String passport = "E" + (10_000_000 + Math.floorMod(System.nanoTime(), 89_999_999L));
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport),
                "QI DAOQI", null, null, List.of(), List.of(), false));
        mvc.perform(multipart("/me/corrections").file(new MockMultipartFile("evidence", "passport.pdf",
                                "application/pdf", PDF))
                        .param("field", "BIRTH_DATE").param("birthDate", "1988-02-03")
                        .param("birthDateEvidence", "PASSPORT_DATA_PAGE").param("reason", "护照上有出生日期")
                        .with(authentication(Principals.citizen(subjects, holder))).with(csrf()))
                .andExpect(flash().attribute("successKey", "me.corrections.requested"));
        CorrectionRequest request = corrections.of(holder).get(0);
        UUID id = request.id();
        LocalDate due = request.dueOn();
        LocalDate dayBefore = LocalDate.now(clock);
        while (workingDays.calendar().plusWorkingDays(dayBefore, 1).isBefore(due)) {
            dayBefore = dayBefore.plusDays(1);
        }
        assertThat(watched.watch(at(dayBefore)).reminded()).extracting(CorrectionRequest::id).contains(id);
        assertThat(watched.watch(at(dayBefore)).reminded()).as("once per deadline, however often it runs")
                .extracting(CorrectionRequest::id).doesNotContain(id);
        assertThat(corrections.of(holder).get(0).reminded()).isTrue();
        RequestPostProcessor reviewer = authentication(Principals.staff("corr-watch", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.SUBJECT_READ, Permission.SUBJECT_AMEND_REVIEW));
        assertThat(mvc.perform(get("/console/subjects/birth-dates").with(reviewer)).andReturn().getResponse()
                .getContentAsString()).contains("data-field=\"reminded\"");

        assertThat(watched.watch(at(due)).escalated()).as("due today is not late").extracting(CorrectionRequest::id)
                .doesNotContain(id);
        assertThat(watched.watch(at(due.plusDays(1))).escalated()).extracting(CorrectionRequest::id).contains(id);
        assertThat(watched.watch(at(due.plusDays(1))).escalated()).as("once").extracting(CorrectionRequest::id)
                .doesNotContain(id);
        assertThat(corrections.of(holder).get(0).escalated()).isTrue();
        assertThat(notices(holder)).containsOnlyOnce("CORRECTION_ESCALATED");
        assertThat(mvc.perform(get("/console/subjects/birth-dates").with(reviewer)).andReturn().getResponse()
                .getContentAsString()).contains("data-field=\"escalated\"").doesNotContain(passport);
        assertThat(jdbc.sql("SELECT action FROM audit.event WHERE subject_pseudonym = ?")
                .param(subjects.pseudonymOf(holder).orElseThrow()).query(String.class).list())
                .containsOnlyOnce("subject.correction.remind", "subject.correction.escalate");

        // Overdue today: on the reviewers' 工作台 and on 部门督办; decided late, not in time.
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("UPDATE subject.correction_request SET received_on = ?, due_on = ? WHERE id = ?")
                .params(today.minusDays(2), today.minusDays(1), id).update();
        assertThat(corrections.workload().overdue()).isPositive();
        assertThat(mvc.perform(get("/console").with(reviewer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("id=\"waiting-correction-requests\"")
                .containsPattern("本人更正补充请求待审核 \\d+ 件，其中已超期 [1-9]\\d* 件");
        RequestedCorrections.Figures before = corrections.figures(today, today);
        assertThat(before.overdueNow()).isPositive();
        String supervision = mvc.perform(get("/console/supervision").with(authentication(Principals.staff(
                        "corr-supervisor", "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.OVERSIGHT_SUPERVISE))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(supervision.substring(supervision.indexOf("id=\"correction-requests\"")))
                .containsPattern("data-field=\"overdue\"[^>]*>" + before.overdueNow() + "<");
        as("corr-watch", () -> {
            birthDates.reject(request.proposalId(), "护照资料页与登记不符");
            return null;
        });
        RequestedCorrections.Figures after = corrections.figures(today, today);
        assertThat(after.decided()).isEqualTo(before.decided() + 1);
        assertThat(after.decidedInTime()).as("decided late").isEqualTo(before.decidedInTime());
        assertThat(after.overdueNow()).isEqualTo(before.overdueNow() - 1);
        assertThat(watched.watch(at(today.plusDays(30))).escalated()).as("decided: never again")
                .extracting(CorrectionRequest::id).doesNotContain(id);
    }

    private static Clock at(LocalDate day) {
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        return Clock.fixed(day.atTime(2, 0).atZone(china).toInstant(), china);
    }

    private long pendingProposals(UUID subject) {
        return jdbc.sql("SELECT count(*) FROM subject.name_change_proposal WHERE subject_id = ? AND status = 'PENDING'")
                .param(subject).query(Long.class).single();
    }

    private List<String> notices(UUID subject) {
        return jdbc.sql("SELECT wording FROM account.notice WHERE subject_id = ? ORDER BY created_at, id")
                .param(subject).query(String.class).list();
    }
}
