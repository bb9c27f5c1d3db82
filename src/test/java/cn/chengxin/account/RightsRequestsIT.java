package cn.chengxin.account;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.domain.RightsRequest;
import cn.chengxin.account.domain.RightsRequestChannel;
import cn.chengxin.account.domain.RightsRequestOutcome;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 个人信息权利请求 on PostgreSQL (PIPL Art. 50; gaps review xlvi AA4): a person's request gets a number and a deadline
 * of 15 working days, waits in the credit office's queue with the person masked, cannot be refused without reasons,
 * and its answer reaches the person on their page and in 消息通知 — and nobody else. Every step is audited.
 */
@IntegrationTest
class RightsRequestsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    RightsRequests requests;

    @Autowired
    Notices notices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Autowired
    WorkingDays workingDays;

    @Test
    void aRequestIsQueuedRefusedOnlyWithReasonsAndItsAnswerReachesThePersonOnly() throws Exception {
        Resident asker = resident("邵文清");
        Resident other = resident("鲍一川");
        RequestPostProcessor askerLogin = authentication(Principals.citizen(subjects, asker.id()));
        RequestPostProcessor otherLogin = authentication(Principals.citizen(subjects, other.id()));
        String body = "请删除我在某次活动中留下的联系方式，并说明用途 " + UUID.randomUUID() + "，证件号 " + asker.number();

        assertThat(page(askerLogin)).as("the self-service ways come first")
                .contains("href=\"/me/copy.json\"", "href=\"/me/consents\"", "href=\"/me/objections\"");
        mvc.perform(post("/me/requests").param("kind", "DELETION").param("body", "  ").with(askerLogin).with(csrf()))
                .andExpect(flash().attribute("failureCode", "RIGHTS_REQUEST_TEXT"));
        // A control character is refused before the handler runs, as in every form (ControlCharacterParameters).
        mvc.perform(post("/me/requests").param("kind", "DELETION").param("body", "请删除\u0000")
                        .with(askerLogin).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/me/requests").param("body", "请删除").with(askerLogin).with(csrf()))
                .andExpect(flash().attribute("failureCode", "RIGHTS_REQUEST_KIND"));
        mvc.perform(post("/me/requests").param("kind", "DELETION").param("body", body).with(askerLogin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "me.requests.made"));
        List<RightsRequest> mine = requests.of(asker.id());
        assertThat(mine).hasSize(1);
        RightsRequest request = mine.get(0);
        assertThat(request.reference()).matches("PI\\d{6}");
        assertThat(request.dueOn()).as("15 working days on the platform's calendar")
                .isEqualTo(workingDays.calendar().plusWorkingDays(LocalDate.now(clock), 15));
        assertThat(request.body()).as("the identity number masked as it is kept").doesNotContain(asker.number());
        assertThat(notices.of(asker.id())).anySatisfy(n -> assertThat(n.body()).contains(request.reference(),
                request.dueOn().toString()));
        String mineShown = page(askerLogin);
        assertThat(mineShown).contains(request.reference(), "data-field=\"outcome\">办理中<")
                .doesNotContain(asker.number());
        assertThat(actions(asker)).contains("account.rights-request.make");

        var office = authentication(Principals.staff("rights-clerk", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.OBJECTION_HANDLE));
        String queue = mvc.perform(get("/console/rights-requests").with(office)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("data-request=\"" + request.id() + "\"", request.reference())
                .doesNotContain(asker.number());

        mvc.perform(post("/console/rights-requests/{id}/answer", request.id()).param("outcome", "REFUSED")
                        .param("answer", "不予删除").param("reasons", " ").with(office).with(csrf()))
                .andExpect(flash().attribute("failureCode", "RIGHTS_REQUEST_REASONS"));
        mvc.perform(post("/console/rights-requests/{id}/answer", request.id()).param("outcome", "PARTLY")
                        .param("answer", "已删除联系方式").with(office).with(csrf()))
                .andExpect(flash().attribute("failureCode", "RIGHTS_REQUEST_REASONS"));
        assertThat(requests.of(asker.id()).get(0).open()).as("a refusal without reasons answers nothing").isTrue();

        String answer = "联系方式已删除 " + UUID.randomUUID();
        String reasons = "活动报名记录依法须保存至期满，届满后删除 " + UUID.randomUUID();
        mvc.perform(post("/console/rights-requests/{id}/answer", request.id()).param("outcome", "PARTLY")
                        .param("answer", answer).param("reasons", reasons).with(office).with(csrf()))
                .andExpect(flash().attribute("successKey", "rightsRequests.answered.done"));
        mvc.perform(post("/console/rights-requests/{id}/answer", request.id()).param("outcome", "DONE")
                        .param("answer", "再答一次").with(office).with(csrf()))
                .andExpect(flash().attribute("failureCode", "RIGHTS_REQUEST_ANSWERED"));

        RightsRequest answered = requests.of(asker.id()).get(0);
        assertThat(answered.outcome()).isEqualTo(RightsRequestOutcome.PARTLY);
        assertThat(page(askerLogin)).contains(answer, reasons, "data-field=\"outcome\">部分办理<", "人民法院");
        assertThat(notices.of(asker.id())).anySatisfy(n -> assertThat(n.body()).contains(answer, reasons));
        assertThat(mvc.perform(get("/console/rights-requests").with(office)).andReturn().getResponse()
                .getContentAsString()).as("among the answered").contains(request.reference(), answer)
                .doesNotContain("data-request=\"" + request.id() + "\"");
        assertThat(actions(asker)).contains("account.rights-request.make", "account.rights-request.answer");

        String othersPage = page(otherLogin);
        assertThat(othersPage).doesNotContain(request.reference()).doesNotContain(answer).doesNotContain(reasons);
        assertThat(notices.of(other.id())).noneSatisfy(n -> assertThat(n.body()).contains(answer));
        assertThat(requests.of(other.id())).isEmpty();
    }

    @Test
    void thePrivacyRulesNameTheSelfServiceWaysFirstAndTheRequestForTheRest() throws Exception {
        String privacy = mvc.perform(get("/privacy")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(privacy).contains("href=\"/me/copy.json\"", "href=\"/me/consents\"", "href=\"/me/requests\"",
                "15 个工作日内书面答复");
        assertThat(privacy).as("consent is withdrawn with one button, not by letter")
                .doesNotContain("投诉个人信息处理或提出其他请求的，请通过上述联系方式或服务窗口提出").contains("每项授权一个按钮");
        assertThat(privacy.indexOf("href=\"/me/consents\"")).isLessThan(privacy.indexOf("href=\"/me/requests\""));
    }

    /**
     * Review xlvi AA4 rest: the watch reminds the office the working day before a request is due, once however often it
     * runs; escalates it once overdue and tells the person; the queue marks both, 工作台 counts the overdue for those who
     * answer, and 部门督办 counts the office's overdue and late answers beside the score reviews.
     */
    @Test
    void anOverdueRequestIsRemindedOnceEscalatedOnceAndCounted() throws Exception {
        Resident asker = resident("滕期满");
        RequestPostProcessor askerLogin = authentication(Principals.citizen(subjects, asker.id()));
        mvc.perform(post("/me/requests").param("kind", "EXPLANATION").param("body", "请说明我的信息用于哪些处理")
                        .with(askerLogin).with(csrf()))
                .andExpect(flash().attribute("successKey", "me.requests.made"));
        RightsRequest request = requests.of(asker.id()).get(0);
        UUID id = request.id();
        LocalDate due = request.dueOn();
        LocalDate dayBefore = LocalDate.now(clock);
        while (workingDays.calendar().plusWorkingDays(dayBefore, 1).isBefore(due)) {
            dayBefore = dayBefore.plusDays(1);
        }
        assertThat(requests.watchDeadlines(at(dayBefore.minusDays(1))).reminded()).as("not yet")
                .extracting(RightsRequest::id).doesNotContain(id);
        assertThat(requests.watchDeadlines(at(dayBefore)).reminded()).extracting(RightsRequest::id).contains(id);
        assertThat(requests.watchDeadlines(at(dayBefore)).reminded()).as("once per deadline, however often it runs")
                .extracting(RightsRequest::id).doesNotContain(id);
        assertThat(requests.of(asker.id()).get(0).reminded()).isTrue();
        var office = authentication(Principals.staff("rights-watch", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.OBJECTION_HANDLE));
        assertThat(row(mvc.perform(get("/console/rights-requests").with(office)).andReturn().getResponse()
                .getContentAsString(), id)).contains("data-field=\"reminded\"").doesNotContain("data-field=\"escalated\"");

        assertThat(requests.watchDeadlines(at(due)).escalated()).as("due today is not late")
                .extracting(RightsRequest::id).doesNotContain(id);
        assertThat(requests.watchDeadlines(at(due.plusDays(1))).escalated()).extracting(RightsRequest::id).contains(id);
        assertThat(requests.watchDeadlines(at(due.plusDays(1))).escalated()).as("once")
                .extracting(RightsRequest::id).doesNotContain(id);
        assertThat(requests.watchDeadlines(at(due.plusDays(2))).escalated()).extracting(RightsRequest::id)
                .doesNotContain(id);
        assertThat(requests.of(asker.id()).get(0).escalated()).isTrue();
        assertThat(notices.of(asker.id())).filteredOn(n -> "RIGHTS_REQUEST_ESCALATED".equals(n.kind()))
                .singleElement().satisfies(n -> assertThat(n.body()).contains(request.reference(), due.toString()));
        assertThat(actions(asker)).containsOnlyOnce("account.rights-request.remind", "account.rights-request.escalate");
        assertThat(row(mvc.perform(get("/console/rights-requests").with(office)).andReturn().getResponse()
                .getContentAsString(), id)).contains("data-field=\"escalated\"");

        // Overdue today: on 工作台 of those who answer (not of others), and on 部门督办; answered late, not in time.
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("UPDATE account.rights_request SET requested_at = requested_at - interval '2 days', due_on = ? "
                + "WHERE id = ?").params(today.minusDays(1), id).update();
        RightsRequests.Workload work = requests.workload();
        assertThat(work.overdue()).isPositive();
        assertThat(work.firstDue()).isBeforeOrEqualTo(today.minusDays(1));
        assertThat(mvc.perform(get("/console").with(office)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("id=\"waiting-rights-requests\"", "/console/rights-requests")
                .containsPattern("个人信息权利请求待答复 \\d+ 件，其中已超期 [1-9]\\d* 件");
        assertThat(mvc.perform(get("/console").with(authentication(Principals.staff("rights-other", "CREDIT_OFFICE",
                        Permission.CONSOLE_HOME)))).andReturn().getResponse().getContentAsString())
                .doesNotContain("waiting-rights-requests");
        RightsRequests.Figures before = requests.figures(today, today);
        assertThat(before.overdueNow()).isPositive();
        var supervisor = authentication(Principals.staff("rights-supervisor", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.OVERSIGHT_SUPERVISE));
        String supervision = mvc.perform(get("/console/supervision").with(supervisor)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(supervision.substring(supervision.indexOf("id=\"rights-requests\"")))
                .containsPattern("data-field=\"overdue\"[^>]*>" + before.overdueNow() + "<");
        mvc.perform(post("/console/rights-requests/{id}/answer", id).param("outcome", "DONE")
                        .param("answer", "已书面说明处理目的和方式").with(office).with(csrf()))
                .andExpect(flash().attribute("successKey", "rightsRequests.answered.done"));
        RightsRequests.Figures after = requests.figures(today, today);
        assertThat(after.answered()).isEqualTo(before.answered() + 1);
        assertThat(after.answeredInTime()).as("answered late").isEqualTo(before.answeredInTime());
        assertThat(after.overdueNow()).isEqualTo(before.overdueNow() - 1);
        assertThat(requests.watchDeadlines(at(today.plusDays(30))).escalated()).as("answered: never again")
                .extracting(RightsRequest::id).doesNotContain(id);
    }

    /**
     * Review xlvi AA4 rest: a person with no account asks at the window, identified the window's way (a name that is not
     * the registry's refused, as is a person the register does not know); the request is one like those made online —
     * number, deadline, queue, answer — and the window sees the answer to hand over, the person having no account.
     */
    @Test
    void aRequestRecordedAtTheWindowIsAnsweredAndHandedOver() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "窗口权");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        var clerk = authentication(Principals.staff("rights-window", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.INQUIRY_COUNTER));
        String body = "请删除我多年前登记的工作单位信息 " + UUID.randomUUID();

        mvc.perform(atWindow(person.number(), "窗口错", body).with(clerk))
                .andExpect(flash().attribute("failureCode", "COUNTER_NAME_MISMATCH"));
        mvc.perform(atWindow(TestCitizens.unregisteredNumber(), "无此人", body).with(clerk))
                .andExpect(flash().attribute("failureCode", "SUBJECT_UNKNOWN"));
        assertThat(requests.of(subject)).as("nothing recorded for a refused identity").isEmpty();
        mvc.perform(atWindow(person.number(), person.name(), body).param("kind", "").with(clerk))
                .andExpect(flash().attribute("failureCode", "RIGHTS_REQUEST_KIND"));

        var flashed = mvc.perform(atWindow(person.number(), person.name(), body).with(clerk))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "counter.rightsRequest.recorded"))
                .andReturn().getFlashMap();
        RightsRequest request = requests.of(subject).get(0);
        assertThat(request.reference()).as("the number the clerk tells the person")
                .isEqualTo(flashed.get("rightsRequestNumber")).matches("PI\\d{6}");
        assertThat(request.channel()).isEqualTo(RightsRequestChannel.COUNTER);
        assertThat(request.recordedBy()).isNotBlank();
        assertThat(request.dueOn()).as("the deadline of one made online")
                .isEqualTo(workingDays.calendar().plusWorkingDays(LocalDate.now(clock), 15))
                .isEqualTo(flashed.get("rightsRequestDue"));
        assertThat(notices.of(subject)).anySatisfy(n -> assertThat(n.body()).contains(request.reference()));
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE subject_pseudonym = ? AND action = ?")
                .params(subjects.pseudonymOf(subject).orElseThrow(), "account.rights-request.make")
                .query(String.class).single()).contains("RIGHTS_REQUEST_MADE_AT_COUNTER").doesNotContain(person.number());

        var office = authentication(Principals.staff("rights-answerer", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.OBJECTION_HANDLE));
        assertThat(row(mvc.perform(get("/console/rights-requests").with(office)).andReturn().getResponse()
                .getContentAsString(), request.id())).contains(request.reference(), "data-field=\"channel\"")
                .doesNotContain(person.number());
        String answer = "工作单位信息已删除 " + UUID.randomUUID();
        mvc.perform(post("/console/rights-requests/{id}/answer", request.id()).param("outcome", "DONE")
                        .param("answer", answer).with(office).with(csrf()))
                .andExpect(flash().attribute("successKey", "rightsRequests.answered.done"));

        assertThat(notices.of(subject)).as("kept for the person, read if they sign up later")
                .anySatisfy(n -> assertThat(n.body()).contains(answer));
        String window = mvc.perform(get("/console/reports/self").with(clerk)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(row(window.substring(window.indexOf("id=\"counter-rights-requests\"")), request.id()))
                .contains(request.reference(), answer, "窗口交付").doesNotContain(person.number());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder atWindow(
            String number, String name, String body) {
        return post("/console/reports/self/rights-request").with(csrf()).param("number", number)
                .param("documentType", "").param("personName", name).param("seenDocument", "RESIDENT_ID_CARD")
                .param("kind", "DELETION").param("body", body);
    }

    /** The table row of the request {@code id} on a page. */
    private static String row(String page, UUID id) {
        int start = page.indexOf("data-request=\"" + id + "\"");
        assertThat(start).as("the request's row").isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static java.time.Clock at(LocalDate day) {
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        return java.time.Clock.fixed(day.atTime(2, 0).atZone(china).toInstant(), china);
    }

    private String page(RequestPostProcessor citizen) throws Exception {
        return mvc.perform(get("/me/requests").with(citizen)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private List<String> actions(Resident r) {
        return jdbc.sql("SELECT action FROM audit.event WHERE subject_pseudonym = ? ORDER BY seq")
                .param(subjects.pseudonymOf(r.id()).orElseThrow()).query(String.class).list();
    }

    private record Resident(UUID id, String number) {
    }

    private Resident resident(String name) {
        TestCitizens.Person p = TestCitizens.register(subjects, name);
        return new Resident(subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow(),
                p.number());
    }
}
