package cn.chengxin.measures;

import java.util.List;
import java.util.UUID;

import cn.chengxin.account.DemoAccounts;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #5: what departments' systems and staff type into joint measures — a check's purpose, the feedback's outcome
 * and note, a measure's name and basis, a review note — never keeps a resident identity number (RULES.md §10).
 */
@IntegrationTest
class MeasuresTypedTextIT {

    private static final String CODE = "FREE_TEXT_HOLDS_IDENTITY_NUMBER";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    MeasureCatalogue catalogue;

    @Test
    void aCheckWhosePurposeHoldsANumberIsRefusedAndNotMade() throws Exception {
        String resident = TestCitizens.register(subjects, "郜思源").number();
        long before = checksMade();

        mvc.perform(api("/api/v1/checks").content("{\"subjectNumber\":\"" + resident + "\",\"scenario\":\"LICENSING\","
                        + "\"purpose\":\"许可审查 " + resident + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(CODE))
                .andExpect(jsonPath("$.detail", containsString("「核查事由」")));
        mvc.perform(api("/api/v1/checks/batch").content("{\"subjectNumbers\":[\"" + resident + "\"],"
                        + "\"scenario\":\"LICENSING\",\"purpose\":\"批量 " + resident + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value(CODE));

        assertThat(checksMade()).isEqualTo(before);
    }

    /**
     * A 15-digit run shaped like a first-generation number, as an old registration number (工商注册号) is about once in
     * thirty: a system cannot type it again, so the check is made and the purpose kept masked.
     */
    @Test
    void aCheckWhosePurposeHoldsAFifteenDigitRunIsMadeWithThePurposeMasked() throws Exception {
        String resident = TestCitizens.register(subjects, "郜思远").number();
        String answer = mvc.perform(api("/api/v1/checks").content("{\"subjectNumber\":\"" + resident
                        + "\",\"scenario\":\"LICENSING\",\"purpose\":\"变更登记 注册号410105800307123\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String checkId = com.jayway.jsonpath.JsonPath.read(answer, "$.checkId");
        assertThat(jdbc.sql("SELECT purpose FROM measures.check_made WHERE id = ?::uuid").param(checkId)
                .query(String.class).single()).isEqualTo("变更登记 注册号4101*******7123");
    }

    @Test
    void feedbackWhoseOutcomeOrNoteHoldsANumberIsRefusedNamingTheFieldAndNotKept() throws Exception {
        String resident = TestCitizens.register(subjects, "满嘉禾").number();
        String answer = mvc.perform(api("/api/v1/checks").content("{\"subjectNumber\":\"" + resident
                        + "\",\"scenario\":\"LICENSING\",\"purpose\":\"许可审查\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measures[*].code", org.hamcrest.Matchers.hasItem("TOLERANT_ACCEPTANCE")))
                .andReturn().getResponse().getContentAsString();
        String checkId = com.jayway.jsonpath.JsonPath.read(answer, "$.checkId");
        String feedback = "/api/v1/checks/" + checkId + "/feedback";

        mvc.perform(api(feedback).content("{\"measureCode\":\"TOLERANT_ACCEPTANCE\",\"applied\":true,"
                        + "\"outcome\":\"已为 " + resident + " 容缺受理\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(CODE))
                .andExpect(jsonPath("$.detail", containsString("「处理结果」")));
        mvc.perform(api(feedback).content("{\"measureCode\":\"TOLERANT_ACCEPTANCE\",\"applied\":true,"
                        + "\"outcome\":\"已容缺受理\",\"note\":\"申请人身份证号 " + resident + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value(CODE))
                .andExpect(jsonPath("$.detail", containsString("「反馈说明」")));
        assertThat(jdbc.sql("SELECT count(*) FROM measures.feedback WHERE check_id = ?::uuid").param(checkId)
                .query(Long.class).single()).as("nothing kept").isZero();

        mvc.perform(api(feedback).content("{\"measureCode\":\"TOLERANT_ACCEPTANCE\",\"applied\":true,"
                        + "\"outcome\":\"已容缺受理\",\"note\":\"申请人已补齐材料\"}"))
                .andExpect(status().isNoContent());
    }

    @Test
    void aRevisionWhoseBasisHoldsANumberIsRefusedBesideTheFieldWithTheNumberMasked() throws Exception {
        String number = TestCitizens.withCheckCharacter("41170219850612345");
        String page = mvc.perform(post("/console/measures/NO_CIVIL_SERVICE").with(editor()).with(csrf())
                        .param("name", "不得录用为公务员（刚输入）").param("legalBasis", "经办人 " + number)
                        .param("department", "HRSS").param("list", "BLACK").param("scenario", "HIRING"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<code>" + CODE + "</code>", "id=\"legalBasis-refused\"", "「措施依据」",
                "value=\"不得录用为公务员（刚输入）\"", "经办人 " + Masking.identityNumber(number) + "</textarea>")
                .doesNotContain(number);
        assertThat(catalogue.pendingChanges()).noneMatch(c -> c.measureCode().equals("NO_CIVIL_SERVICE"));
    }

    @Test
    void aReviewNoteHoldingANumberIsRefused() {
        String number = TestCitizens.withCheckCharacter("41170219850612345");
        for (Runnable review : List.<Runnable>of(() -> catalogue.approve(UUID.randomUUID(), "同意 " + number),
                () -> catalogue.reject(UUID.randomUUID(), "退回 " + number))) {
            Throwable refused = catchThrowable(() -> as("office-checker", () -> {
                review.run();
                return null;
            }));
            assertThat(refused).isInstanceOf(TypedText.HoldsIdentityNumber.class);
            assertThat(((TypedText.HoldsIdentityNumber) refused).field()).isEqualTo("note");
        }
    }

    /** Issue #5: a send-back note refused comes back in the change's own form, masked, and the change still waits. */
    @Test
    void aSendBackNoteHoldingANumberComesBackInItsFormAndTheChangeStillWaits() throws Exception {
        String number = TestCitizens.withCheckCharacter("41170219850612345");
        MeasureChange change = as("office-maker", () -> catalogue.proposeSwitch("CLOSER_SUPERVISION", false));
        try {
            String page = mvc.perform(post("/console/measures/changes/{id}/reject", change.id())
                            .param("note", "退回：" + number).with(checker()).with(csrf()))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

            int form = page.indexOf("id=\"reject-" + change.id() + "\"");
            assertThat(form).isNotNegative();
            assertThat(page.substring(form, page.indexOf("</form>", form))).contains("id=\"note-refused\"",
                    "「退回理由」", "value=\"退回：" + Masking.identityNumber(number) + "\"");
            assertThat(page).contains(CODE).doesNotContain(number);
            assertThat(catalogue.pendingChanges()).extracting(MeasureChange::id).contains(change.id());
        } finally {
            jdbc.sql("UPDATE measures.measure_change SET status = 'REJECTED', decided_at = now() WHERE id = ?")
                    .param(change.id()).update();
        }
    }

    private static RequestPostProcessor checker() {
        return user("office-checker").authorities(List.of("STAFF", "console:home", "measure:approve").stream()
                .map(SimpleGrantedAuthority::new).toList());
    }

    private long checksMade() {
        return jdbc.sql("SELECT count(*) FROM measures.check_made").query(Long.class).single();
    }

    private static MockHttpServletRequestBuilder api(String path) {
        return post(path).header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                .contentType(MediaType.APPLICATION_JSON);
    }

    private static RequestPostProcessor editor() {
        return user("office-editor").authorities(List.of("STAFF", "console:home", "measure:edit").stream()
                .map(SimpleGrantedAuthority::new).toList());
    }
}
