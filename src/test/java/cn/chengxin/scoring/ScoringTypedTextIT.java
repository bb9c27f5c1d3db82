package cn.chengxin.scoring;

import java.util.List;

import cn.chengxin.scoring.persistence.JdbcScores;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.Sessions;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #5: a benefit's name and provider are shown to citizens, and a model's review notes are kept with it, so none
 * keeps a resident identity number (RULES.md §10).
 */
@IntegrationTest
class ScoringTypedTextIT {

    private static final String NUMBER = TestCitizens.withCheckCharacter("41170219850612345");

    @Autowired
    Scoring scoring;

    @Autowired
    MockMvc mvc;

    @Test
    void aBenefitWhoseProviderHoldsANumberIsRefusedAndTheFormComesBackMasked() throws Exception {
        var staff = authentication(Principals.staff("scoring-typed", "MARKET", Permission.CONSOLE_HOME,
                Permission.MEASURE_CASES));
        MvcResult sent = mvc.perform(post("/console/scoring/benefits").with(staff).with(csrf())
                        .param("code", "TEST_TYPED_GYM").param("name", "健身馆优惠").param("provider", "经办人 " + NUMBER)
                        .param("grades", "AAA").param("scenario", "体育健身"))
                .andReturn();
        assertThat(sent.getFlashMap().get("failureCode")).isEqualTo("FREE_TEXT_HOLDS_IDENTITY_NUMBER");
        assertThat(sent.getFlashMap().get("refusedField")).isEqualTo("provider");
        assertThat(scoring.benefits()).extracting(JdbcScores.Benefit::code).doesNotContain("TEST_TYPED_GYM");
        String page = mvc.perform(get("/console/scoring").with(staff).with(Sessions.flashOf(sent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"provider-refused\"", "「提供单位」", "value=\"健身馆优惠\"",
                "value=\"经办人 " + Masking.identityNumber(NUMBER) + "\"").doesNotContain(NUMBER);

        for (Runnable review : List.<Runnable>of(() -> scoring.approve("NO_SUCH_MODEL", 1, "同意 " + NUMBER),
                () -> scoring.reject("NO_SUCH_MODEL", 1, "退回 " + NUMBER))) {
            TypedText.HoldsIdentityNumber refused = catchThrowableOfType(TypedText.HoldsIdentityNumber.class,
                    () -> as("scoring-checker", () -> {
                        review.run();
                        return null;
                    }));
            assertThat(refused.field()).isEqualTo("note");
        }
    }
}
