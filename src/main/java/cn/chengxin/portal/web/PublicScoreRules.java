package cn.chengxin.portal.web;

import java.util.Map;
import java.util.stream.Collectors;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.scoring.ModelAssessments;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.scoring.domain.ScoreModel;
import cn.chengxin.shared.security.PublicEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 信用分评分规则 (PIPL Art. 24 ¶1: automated decision-making transparent and its results fair; RULES.md §8 a published
 * deduction table, as Rongcheng's and Weihai's): the active score model as it is applied — who is scored, the base and
 * range, each dimension's cap, what each catalogue item's record is worth, the severity weights, the recency decay and
 * the grade bands, and the day and conclusion of its impact assessment (AA7) — read from the model itself, so that the page cannot say other than what scores people (gaps review
 * xlvi AA5). Public: a person may read how they would be judged before registering.
 */
@PublicEndpoint
@Controller
class PublicScoreRules {

    private final Scoring scoring;
    private final Catalogue catalogue;
    private final ModelAssessments assessments;

    PublicScoreRules(Scoring scoring, Catalogue catalogue, ModelAssessments assessments) {
        this.scoring = scoring;
        this.assessments = assessments;
        this.catalogue = catalogue;
    }

    @GetMapping("/score-rules")
    String page(Model model) {
        ScoreModel active = scoring.activeModel().model();
        model.addAttribute("scoreModel", active);
        // Its 个人信息保护影响评估, the day and conclusion only (AA7): the document stays in the office's records.
        model.addAttribute("assessment", assessments.assessmentOf(active.code(), active.version()).orElse(null));
        model.addAttribute("dimensionLabels", active.dimensions().stream()
                .collect(Collectors.toMap(d -> d.code(), d -> d.label(), (a, b) -> a)));
        Map<String, String> itemNames = catalogue.active().stream()
                .collect(Collectors.toMap(CatalogueItem::code, i -> i.definition().name(), (a, b) -> a));
        model.addAttribute("itemNames", itemNames);
        return "portal/score-rules";
    }
}
