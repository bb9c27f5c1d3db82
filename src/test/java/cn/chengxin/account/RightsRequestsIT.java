package cn.chengxin.account;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.domain.RightsRequest;
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
