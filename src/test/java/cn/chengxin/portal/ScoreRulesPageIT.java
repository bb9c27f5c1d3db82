package cn.chengxin.portal;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.scoring.domain.Dimension;
import cn.chengxin.scoring.domain.GradeBand;
import cn.chengxin.scoring.domain.ItemPoints;
import cn.chengxin.scoring.domain.ScoreModel;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * PIPL Art. 24 and 17 (gaps review xlvi AA5): anyone reads, before being scored, how the platform scores people — the
 * model in force, generated from it, so that the page says what is applied — and the privacy rules say that scoring
 * is automated evaluation, with the rights it gives.
 */
@IntegrationTest
class ScoreRulesPageIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Scoring scoring;

    @Autowired
    Catalogue catalogue;

    @Test
    void anyoneReadsTheModelInForceWithItsDimensionsItemsAndGrades() throws Exception {
        ScoreModel model = scoring.activeModel().model();
        String page = mvc.perform(get("/score-rules")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(page).contains("信用分评分规则", model.name(), model.code() + " v" + model.version(),
                "年满 " + model.minAdultAge() + " 周岁", "满 " + model.minResidenceMonths() + " 个月",
                "基础分 " + model.baseScore() + " 分");
        assertThat(model.dimensions()).isNotEmpty();
        for (Dimension d : model.dimensions()) {
            assertThat(page).contains(d.label());
        }
        assertThat(model.grades()).isNotEmpty();
        for (GradeBand g : model.grades()) {
            assertThat(page).contains("<td>" + g.minInclusive() + "</td>", "<td>" + g.maxInclusive() + "</td>");
        }
        assertThat(model.items()).isNotEmpty();
        for (ItemPoints i : model.items()) {
            String name = catalogue.active(i.itemCode()).map(c -> c.definition().name()).orElse(i.itemCode());
            assertThat(page).as(i.itemCode()).contains(name);
        }
        assertThat(page).contains("<td>" + model.items().get(0).points() + "</td>");

        String english = mvc.perform(get("/score-rules").param("lang", "en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(english).contains("lang=\"en\"", "Credit score rules", "aged " + model.minAdultAge() + " or over");
    }

    @Test
    void thePrivacyRulesSayScoringIsAutomatedAndLeadToTheRules() throws Exception {
        String privacy = mvc.perform(get("/privacy")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(privacy).contains("id=\"privacy-automated\"", "自动化评价", "第二十四条", "href=\"/score-rules\"",
                "申请人工复核");
    }
}
