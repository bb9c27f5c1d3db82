package cn.chengxin.inquiry;

import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #5: a government query's case reference is printed into the report, which its subject is shown, so it keeps
 * no resident identity number (RULES.md §10); a company's credit code is no such number.
 */
@IntegrationTest
class GovernmentReportTypedTextIT {

    @Autowired
    Reports reports;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    MockMvc mvc;

    @Test
    void aReferenceHoldingANumberIsRefusedOnTheFormAndNoReportIsIssued() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "晏书宁");
        UUID subjectId = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        var staff = Principals.staff("gov-typed", "MARKET", Permission.CONSOLE_HOME, Permission.INQUIRY_GOVERNMENT);

        String page = mvc.perform(query(staff, person.number(), "许可受理 申请人 " + person.number()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("FREE_TEXT_HOLDS_IDENTITY_NUMBER", "id=\"reference-refused\"", "「业务编号或案号」",
                "value=\"许可受理 申请人 " + Masking.identityNumber(person.number()) + "\"",
                "value=\"ADMINISTRATIVE_LICENSING\" selected=\"selected\"").doesNotContain(person.number());
        assertThat(reports.about(subjectId)).as("no report issued").isEmpty();

        mvc.perform(query(staff, person.number(), "营业执照变更 914101057390124487"))
                .andExpect(flash().attribute("successKey", "reports.issued"));
        assertThat(reports.about(subjectId)).hasSize(1);
    }

    private static MockHttpServletRequestBuilder query(UsernamePasswordAuthenticationToken staff, String number,
                                                       String reference) {
        return post("/console/reports").param("documentType", "").param("number", number)
                .param("purpose", "ADMINISTRATIVE_LICENSING").param("reference", reference)
                .with(authentication(staff)).with(csrf());
    }
}
