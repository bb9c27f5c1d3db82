package cn.chengxin.commitment;

import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #5: a commitment a department records at its window is kept and shown in the subject's file as typed, so its
 * text and its reference keep no resident identity number (RULES.md §10); a company's credit code is no such number.
 */
@IntegrationTest
class CommitmentsTypedTextIT {

    @Autowired
    Commitments commitments;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    MockMvc mvc;

    @Test
    void aCommitmentWhoseTextHoldsANumberIsRefusedOnTheFormAndNotRecorded() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "阎知远");
        UUID subjectId = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        var operator = authentication(Principals.staff("hrss-typed", "HRSS", Permission.CONSOLE_HOME,
                Permission.RECORD_SUBMIT));
        String due = LocalDate.now().plusYears(1).toString();

        String page = mvc.perform(post("/console/commitments").with(operator).with(csrf())
                        .param("number", person.number()).param("kind", "VOLUNTARY").param("reference", "入职诚信承诺")
                        .param("text", "本人（身份证号 " + person.number() + "）承诺履历真实。").param("due", due))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("FREE_TEXT_HOLDS_IDENTITY_NUMBER", "id=\"text-refused\"", "「承诺内容」",
                "value=\"入职诚信承诺\"", "value=\"" + due + "\"",
                "本人（身份证号 " + Masking.identityNumber(person.number()) + "）承诺履历真实。</textarea>")
                .doesNotContain(person.number());
        mvc.perform(post("/console/commitments").with(operator).with(csrf()).param("number", person.number())
                        .param("kind", "VOLUNTARY").param("reference", "申请人 " + person.number())
                        .param("text", "本人承诺履历真实。"))
                .andExpect(status().isOk());
        assertThat(commitments.of(subjectId)).as("nothing recorded").isEmpty();

        mvc.perform(post("/console/commitments").with(operator).with(csrf()).param("number", person.number())
                        .param("kind", "VOLUNTARY").param("reference", "入职 用人单位 914101057390124487")
                        .param("text", "本人承诺履历真实。"))
                .andExpect(flash().attribute("successKey", "commitments.recorded"));
        assertThat(commitments.of(subjectId)).singleElement()
                .satisfies(c -> assertThat(c.reference()).contains("914101057390124487"));
    }
}
