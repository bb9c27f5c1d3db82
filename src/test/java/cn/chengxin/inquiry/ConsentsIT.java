package cn.chengxin.inquiry;

import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.PdfText;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
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
 * 授权管理 on PostgreSQL (RULES.md §9: querying another person needs that person's authorisation, naming one purpose)
 * for a person the register knew nothing of until their identity was verified (gaps review xxix K3).
 */
@IntegrationTest
class ConsentsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    Consents consents;

    /**
     * A nurse from another city, with no records here, registered once the real-name provider confirmed her: she
     * consents in self-service, the hospital's query is answered with a report that says in words that it found no
     * record, and so do her own report's page and PDF, in Chinese and in English.
     */
    @Test
    void aPersonRegisteredWithNoRecordsConsentsAndEveryReportSaysNoRecordWasCollected() throws Exception {
        String number = TestCitizens.unregisteredNumber();
        UUID subjectId = subjects.registerVerifiedPerson(subjects.validate(DocumentType.RESIDENT_ID, number),
                "柏新籍", "by the real-name provider");
        RequestPostProcessor citizen = authentication(Principals.citizen(subjects, subjectId));
        ApiClients.IssuedKey hospital = apiClients.issue("人事系统新籍", "癸医院", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000);

        assertThat(mvc.perform(get("/me/consents").with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains(hospital.clientId().toString());
        mvc.perform(post("/me/consents").param("clientId", hospital.clientId().toString())
                        .param("purpose", Purpose.LENDING.name()).param("days", "30").with(csrf()).with(citizen))
                .andExpect(flash().attribute("successKey", "me.consent.granted"));
        assertThat(consents.inForce(subjectId)).extracting(Consent::clientId).containsExactly(hospital.clientId());

        MockHttpServletResponse answered = mvc.perform(post("/api/v1/reports")
                        .header("Authorization", "Bearer " + hospital.key()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumber\":\"" + number + "\",\"purpose\":\"LENDING\"}"))
                .andExpect(status().isOk()).andReturn().getResponse();
        String institutions = PdfText.compact(answered.getContentAsByteArray());
        assertThat(institutions).contains("本报告范围内未采集到该主体的信用记录", answered.getHeader("X-Report-Number"),
                subjects.profile(subjectId).orElseThrow().maskedNumber()).doesNotContain(number);

        String own = mvc.perform(post("/me/reports").param("kind", "SELF_FULL").with(csrf()).with(citizen))
                .andExpect(flash().attribute("successKey", "me.report.generated")).andReturn().getResponse()
                .getRedirectedUrl();
        String page = mvc.perform(get(own).with(citizen)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"no-records\"", "未采集到该主体的信用记录。").doesNotContain("本报告范围内");
        assertThat(PdfText.compact(mvc.perform(get(own + ".pdf").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray()))
                .contains("未采集到该主体的信用记录。").doesNotContain("本报告范围内");

        String english = mvc.perform(post("/me/reports").param("kind", "SELF_FULL").param("lang", "en")
                        .with(csrf()).with(citizen))
                .andExpect(flash().attribute("successKey", "me.report.generated")).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(PdfText.compact(mvc.perform(get(english + ".pdf").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray()))
                .contains("Nocreditrecordshavebeencollectedforthissubject.");
    }
}
