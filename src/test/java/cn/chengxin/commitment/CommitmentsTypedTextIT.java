package cn.chengxin.commitment;

import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.commitment.domain.CommitmentStatus;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
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
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("FREE_TEXT_HOLDS_IDENTITY_NUMBER", "id=\"text-refused\"", "「承诺内容」",
                "value=\"入职诚信承诺\"", "value=\"" + due + "\"",
                "本人（身份证号 " + Masking.identityNumber(person.number()) + "）承诺履历真实。</textarea>")
                .doesNotContain(person.number());
        mvc.perform(post("/console/commitments").with(operator).with(csrf()).param("number", person.number())
                        .param("kind", "VOLUNTARY").param("reference", "申请人 " + person.number())
                        .param("text", "本人承诺履历真实。"))
                .andExpect(status().isUnprocessableContent());
        assertThat(commitments.of(subjectId)).as("nothing recorded").isEmpty();

        mvc.perform(post("/console/commitments").with(operator).with(csrf()).param("number", person.number())
                        .param("kind", "VOLUNTARY").param("reference", "入职 用人单位 914101057390124487")
                        .param("text", "本人承诺履历真实。"))
                .andExpect(flash().attribute("successKey", "commitments.recorded"));
        assertThat(commitments.of(subjectId)).singleElement()
                .satisfies(c -> assertThat(c.reference()).contains("914101057390124487"));
    }

    /**
     * A breach's facts are kept with the commitment and become the record's content: a resident identity number in
     * them is refused, and the form comes back in the commitment's row, the facts masked and the decision as typed;
     * a case number and a long file number are no such number.
     */
    @Test
    void breachFactsHoldingANumberAreRefusedInTheCommitmentsRowAndACaseNumberIsNot() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "祁慕白");
        UUID subjectId = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        String other = TestCitizens.withCheckCharacter("41170219850612345");
        var operator = authentication(Principals.staff("hrss-breach", "HRSS", Permission.CONSOLE_HOME,
                Permission.RECORD_SUBMIT));
        mvc.perform(post("/console/commitments").with(operator).with(csrf()).param("number", person.number())
                        .param("kind", "VOLUNTARY").param("reference", "入职诚信承诺").param("text", "本人承诺履历真实。")
                        .param("due", LocalDate.now().plusYears(1).toString()))
                .andExpect(flash().attribute("successKey", "commitments.recorded"));
        Commitment c = commitments.of(subjectId).get(0);
        String decided = LocalDate.now().minusDays(2).toString();

        TypedText.HoldsIdentityNumber refused = catchThrowableOfType(TypedText.HoldsIdentityNumber.class,
                () -> commitments.reportBreach(c.id(), "HRSS", "人社违诺〔2026〕9号", LocalDate.parse(decided),
                        "经核查，证书持有人 " + other + " 并非本人"));
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo("FREE_TEXT_HOLDS_IDENTITY_NUMBER");
        assertThat(refused.field()).isEqualTo("facts");

        String page = mvc.perform(post("/console/commitments/{id}/breach", c.id()).with(operator).with(csrf())
                        .param("decisionNumber", "人社违诺〔2026〕9号").param("decisionDate", decided)
                        .param("facts", "证书系其配偶 " + other + " 名下"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("FREE_TEXT_HOLDS_IDENTITY_NUMBER", "id=\"facts-refused\"", "「违诺事实」",
                        "value=\"人社违诺〔2026〕9号\"", "value=\"" + decided + "\"",
                        "证书系其配偶 " + Masking.identityNumber(other) + " 名下</textarea>")
                .doesNotContain(other);
        assertThat(commitments.of(subjectId)).singleElement()
                .satisfies(k -> assertThat(k.status()).isEqualTo(CommitmentStatus.IN_FORCE));

        String facts = "经核查，（2026）豫1702执1234号案卷（档案号 202603010000123456789）所附证书系伪造";
        mvc.perform(post("/console/commitments/{id}/breach", c.id()).with(operator).with(csrf())
                        .param("decisionNumber", "人社违诺〔2026〕9号").param("decisionDate", decided)
                        .param("facts", facts))
                .andExpect(flash().attribute("successKey", "commitments.breached"));
        assertThat(commitments.of(subjectId)).singleElement().satisfies(k -> {
            assertThat(k.status()).isEqualTo(CommitmentStatus.BREACHED);
            assertThat(k.breachFacts()).isEqualTo(facts);
        });
    }
}
