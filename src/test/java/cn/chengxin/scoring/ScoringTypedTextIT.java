package cn.chengxin.scoring;

import java.util.ArrayList;
import java.util.List;

import cn.chengxin.scoring.domain.BenefitDefinition;
import cn.chengxin.scoring.domain.Dimension;
import cn.chengxin.scoring.domain.GradeBand;
import cn.chengxin.scoring.domain.ScoreModel;
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
import tools.jackson.databind.json.JsonMapper;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #5: a benefit's name, provider and scenario are shown to citizens, and a model's review notes are kept with it, so none
 * keeps a resident identity number (RULES.md §10).
 */
@IntegrationTest
class ScoringTypedTextIT {

    private static final String NUMBER = TestCitizens.withCheckCharacter("41170219850612345");
    private static final String MODEL = "TYPED_MODEL_" + System.nanoTime() % 100000;

    @Autowired
    Scoring scoring;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    /** The page offers each change only to who may make it: a case watcher sees no form, a maker no approval. */
    @Test
    void thePageOffersOnlyTheChangesTheReaderMayMake() throws Exception {
        String watcher = page(Permission.MEASURE_CASES);
        assertThat(watcher).contains("id=\"benefit-table\"")
                .doesNotContain("/console/scoring/models\"", "/console/scoring/recompute", "/console/scoring/benefits\"",
                        "/console/scoring/benefits/deactivate", "/console/scoring/models/approve");
        assertThat(page(Permission.SCORING_EDIT)).contains("/console/scoring/models\"", "/console/scoring/recompute",
                "/console/scoring/benefits/deactivate").doesNotContain("/console/scoring/models/approve\"");
    }

    private String page(Permission permission) throws Exception {
        var staff = authentication(Principals.staff("scoring-reader", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                permission));
        return mvc.perform(get("/console/scoring").with(staff)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void aBenefitWhoseProviderHoldsANumberIsRefusedAndTheFormComesBackMasked() throws Exception {
        var staff = authentication(Principals.staff("scoring-typed", "MARKET", Permission.CONSOLE_HOME,
                Permission.SCORING_EDIT));
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

    /** A benefit's scenario is shown to citizens and answered to providers as its name is. */
    @Test
    void aBenefitWhoseScenarioHoldsANumberIsRefused() {
        String grade = ScoreModel.weihai().grades().get(0).grade();
        TypedText.HoldsIdentityNumber refused = catchThrowableOfType(TypedText.HoldsIdentityNumber.class,
                () -> as("scoring-maker", () -> {
                    scoring.saveBenefit(new BenefitDefinition("TEST_TYPED_SCENE", "游泳馆优惠", "市体育中心",
                            List.of(grade), null, "体育 " + NUMBER));
                    return null;
                }));
        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("scenario");
        assertThat(scoring.benefits()).extracting(JdbcScores.Benefit::code).doesNotContain("TEST_TYPED_SCENE");
    }

    /**
     * A model's name, its dimensions' and its grades' names are shown to citizens with their score and its explanation:
     * none keeps a resident identity number. The definition refused on the console comes back open, masked, with the
     * refusal beside it; a model whose name cites a long case or document number is proposed.
     */
    @Test
    void aModelWhoseTextsHoldANumberIsRefusedAndACaseNumberIsNot() throws Exception {
        ScoreModel base = ScoreModel.weihai();
        List<Dimension> dimensions = new ArrayList<>(base.dimensions());
        Dimension first = dimensions.get(0);
        dimensions.set(0, new Dimension(first.code(), "身份信息（样例 " + NUMBER + "）", first.cap()));
        List<GradeBand> grades = new ArrayList<>(base.grades());
        grades.set(0, new GradeBand(grades.get(0).grade(), "D 级 " + NUMBER, grades.get(0).minInclusive(),
                grades.get(0).maxInclusive()));
        for (ScoreModel model : List.of(model(base, "模型 " + NUMBER, base.dimensions(), base.grades()),
                model(base, base.name(), dimensions, base.grades()),
                model(base, base.name(), base.dimensions(), grades))) {
            TypedText.HoldsIdentityNumber refused = catchThrowableOfType(TypedText.HoldsIdentityNumber.class,
                    () -> as("scoring-maker", () -> scoring.propose(model)));
            assertThat(refused).as(model.name()).isNotNull();
            assertThat(refused.code()).isEqualTo("FREE_TEXT_HOLDS_IDENTITY_NUMBER");
            assertThat(refused.field()).isEqualTo("definition");
        }
        assertThat(scoring.models()).extracting(JdbcScores.StoredModel::code).doesNotContain(MODEL);

        var editor = authentication(Principals.staff("scoring-editor", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.SCORING_EDIT));
        MvcResult sent = mvc.perform(post("/console/scoring/models/edited").with(editor).with(csrf())
                        .param("definition", json.writeValueAsString(model(base, base.name(), dimensions,
                                base.grades()))))
                .andReturn();
        assertThat(sent.getFlashMap().get("failureCode")).isEqualTo("FREE_TEXT_HOLDS_IDENTITY_NUMBER");
        assertThat(sent.getFlashMap().get("refusedField")).isEqualTo("definition");
        String page = mvc.perform(get("/console/scoring").with(editor).with(Sessions.flashOf(sent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"definition-refused\"", "「维度名称」",
                "身份信息（样例 " + Masking.identityNumber(NUMBER) + "）").doesNotContain(NUMBER);
        assertThat(scoring.models()).extracting(JdbcScores.StoredModel::code).doesNotContain(MODEL);

        int version = as("scoring-maker", () -> scoring.propose(model(base,
                "信用积分（依据（2026）豫1702执1234号，文号 202603010000123456789）", base.dimensions(), base.grades())));
        assertThat(scoring.models()).filteredOn(m -> m.code().equals(MODEL) && m.version() == version)
                .singleElement().satisfies(m -> assertThat(m.model().name()).contains("202603010000123456789"));
        as("scoring-checker", () -> {
            scoring.reject(MODEL, version, "测试用，退回");
            return null;
        });
    }

    private static ScoreModel model(ScoreModel base, String name, List<Dimension> dimensions, List<GradeBand> grades) {
        return new ScoreModel(MODEL, 1, name, base.baseScore(), base.minScore(), base.maxScore(), dimensions,
                base.items(), base.decay(), base.severityWeights(), grades, base.minAdultAge(),
                base.minResidenceMonths());
    }
}
