package cn.chengxin.account;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.domain.BreachIncident;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 个人信息安全事件告知 on PostgreSQL (PIPL Art. 57; gaps review xlvi AA8): a security administrator records an incident
 * and uploads the numbers of the persons concerned, which are matched by the blind index and never shown; the opener
 * cannot approve the notice, a second security administrator does; the notice then reaches each matched person once in
 * 消息通知 (and by text where the person has a phone), a second sending reaching nobody; a department operator is kept
 * out. Every step is audited with its counts.
 */
@IntegrationTest
class BreachNoticeIT {

    private static final String BROWSER = "text/html,application/xhtml+xml";

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    BreachNotices incidents;

    @Autowired
    Notices notices;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    NoticeTexts noticeTexts;

    @Autowired
    DevSmsGateway sms;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anIncidentNoticeApprovedByASecondPersonReachesEachMatchedPersonOnce() throws Exception {
        RequestPostProcessor opener = authentication(Principals.staff("security-one", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.ACCOUNT_ROLE_MANAGE));
        RequestPostProcessor approver = authentication(Principals.staff("security-two", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.ACCOUNT_ROLE_MANAGE));
        TestCitizens.Person texted = TestCitizens.register(subjects, "柯晓岚");
        TestCitizens.Person untexted = TestCitizens.register(subjects, "冉志诚");
        UUID textedId = subjects.find(subjects.validate(null, texted.number())).orElseThrow();
        UUID untextedId = subjects.find(subjects.validate(null, untexted.number())).orElseThrow();
        citizens.registerVerified(textedId, texted.phone(), "Ke-Xiaolan-2026");
        String unknown = TestCitizens.unregisteredNumber();
        String categories = "姓名、手机号码、信用报告编号 " + UUID.randomUUID();

        var blankHarm = fields(categories);
        blankHarm.set("harm", " ");
        mvc.perform(post("/console/incidents").params(blankHarm).with(opener).with(csrf()))
                .andExpect(flash().attribute("failureCode", "INCIDENT_FIELD"));
        var reportedBeforeFound = fields(categories);
        reportedBeforeFound.set("reportedAt", "2026-12-01T09:00");
        mvc.perform(post("/console/incidents").params(reportedBeforeFound).with(opener).with(csrf()))
                .andExpect(flash().attribute("failureCode", "INCIDENT_TIMES"));
        mvc.perform(post("/console/incidents").params(fields(categories)).with(opener).with(csrf()))
                .andExpect(flash().attribute("successKey", "incidents.opened"));
        BreachIncident incident = incidents.incidents().stream().filter(i -> i.categories().equals(categories))
                .findFirst().orElseThrow();
        assertThat(incident.reference()).matches("SI\\d{6}");

        String file = "身份证件号码\n" + texted.number() + "\n" + untexted.number() + ",冉志诚\n" + unknown + "\n\n";
        mvc.perform(multipart("/console/incidents/{id}/persons", incident.id()).file(numbers(file)).with(opener)
                        .with(csrf()))
                .andExpect(flash().attribute("successKey", "incidents.uploaded"))
                .andExpect(flash().attribute("upload", new BreachNotices.Upload(2, 1, 1)));
        mvc.perform(multipart("/console/incidents/{id}/persons", incident.id()).file(numbers(texted.number()))
                        .with(opener).with(csrf()))
                .andExpect(flash().attribute("upload", new BreachNotices.Upload(0, 0, 0)));
        String page = mvc.perform(get("/console/incidents").with(opener)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains(incident.reference(), "平台匹配 2 人，未匹配 1 个号码，无效 1 行；已告知 0 人")
                .doesNotContain(texted.number()).doesNotContain(untexted.number()).doesNotContain(unknown);

        mvc.perform(post("/console/incidents/{id}/send", incident.id()).with(opener).with(csrf()))
                .andExpect(flash().attribute("failureCode", "INCIDENT_NOT_APPROVED"));
        mvc.perform(post("/console/incidents/{id}/approve", incident.id()).with(opener).with(csrf()))
                .andExpect(flash().attribute("failureCode", "INCIDENT_SELF_APPROVAL"));
        assertThat(notices.of(textedId)).noneMatch(n -> "BREACH_NOTICE".equals(n.kind()));

        RequestPostProcessor operator = authentication(Principals.staff("dept-operator", "D_TAX",
                Permission.CONSOLE_HOME, Permission.RECORD_SUBMIT));
        mvc.perform(get("/console/incidents").header("Accept", BROWSER).with(operator))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/incidents/{id}/approve", incident.id()).header("Accept", BROWSER)
                        .with(operator).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/console/incidents/{id}/approve", incident.id()).with(approver).with(csrf()))
                .andExpect(flash().attribute("successKey", "incidents.approved"));
        mvc.perform(multipart("/console/incidents/{id}/persons", incident.id()).file(numbers(unknown))
                        .with(opener).with(csrf()))
                .andExpect(flash().attribute("failureCode", "INCIDENT_APPROVED"));

        mvc.perform(post("/console/incidents/{id}/send", incident.id()).with(approver).with(csrf()))
                .andExpect(flash().attribute("successKey", "incidents.sent"))
                .andExpect(flash().attribute("sent", 2));
        mvc.perform(post("/console/incidents/{id}/send", incident.id()).with(opener).with(csrf()))
                .andExpect(flash().attribute("sent", 0));

        for (UUID person : List.of(textedId, untextedId)) {
            assertThat(notices.of(person)).filteredOn(n -> "BREACH_NOTICE".equals(n.kind())).singleElement()
                    .satisfies(n -> assertThat(n.body()).contains(incident.reference(), categories,
                            "事件原因：数据库备份文件被误置于公网", "联系方式：0396-1234567"));
        }
        noticeTexts.sendDue();
        assertThat(sms.recent()).filteredOn(m -> m.text().contains(incident.reference())).singleElement()
                .satisfies(m -> assertThat(m.text()).doesNotContain(texted.number()));
        BreachIncident sent = incidents.incidents().stream().filter(i -> i.id().equals(incident.id())).findFirst()
                .orElseThrow();
        assertThat(sent.notified()).isEqualTo(2);
        assertThat(sent.approvedByName()).isNotNull();

        assertThat(jdbc.sql("SELECT action || ':' || result FROM audit.event WHERE detail LIKE ? ORDER BY seq")
                .param("%" + incident.reference() + "%").query(String.class).list())
                .containsExactly("account.incident.open:SUCCESS", "account.incident.persons:SUCCESS",
                        "account.incident.persons:SUCCESS", "account.incident.approve:DENIED",
                        "account.incident.approve:SUCCESS", "account.incident.send:SUCCESS",
                        "account.incident.send:SUCCESS");
    }

    private static org.springframework.util.LinkedMultiValueMap<String, String> fields(String categories) {
        org.springframework.util.LinkedMultiValueMap<String, String> f = new org.springframework.util.LinkedMultiValueMap<>();
        f.add("categories", categories);
        f.add("cause", "数据库备份文件被误置于公网");
        f.add("harm", "可能被用于电信诈骗");
        f.add("remedies", "已删除文件并更换密钥");
        f.add("personCanDo", "警惕冒充信用办的来电，不要透露验证码");
        f.add("contact", "0396-1234567");
        f.add("foundAt", "2026-12-01T10:00");
        f.add("reportedAt", "2026-12-01T15:30");
        f.add("reportedTo", "市委网信办");
        return f;
    }

    private static MockMultipartFile numbers(String content) {
        return new MockMultipartFile("file", "persons.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
