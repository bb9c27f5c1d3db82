package cn.chengxin.scoring.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import cn.chengxin.account.ApiInstitution;
import cn.chengxin.account.ApiClients;
import cn.chengxin.scoring.ModelAssessments;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.scoring.domain.ImpactAssessment;
import cn.chengxin.scoring.domain.BenefitDefinition;
import cn.chengxin.scoring.domain.ScoreModel;
import cn.chengxin.scoring.persistence.JdbcScores;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.subject.domain.TypedText;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * 信用评分 in the console: the models (propose a preset as a new version; a second person activates it, which
 * recomputes everyone, once its impact assessment is recorded), the 信用惠民 catalogue (add, change, stop a benefit), the recompute's progress, coverage per district against the 70% target, and the grade
 * distribution by age band and district to spot unfair effects. Viewing needs only measure:cases; changing what scores
 * and benefits are needs scoring:edit, activating a model scoring:approve (RULES.md §10: least privilege).
 */
@Controller
@RequiresPermission(Permission.MEASURE_CASES)
class ScoringConsole {

    private final Scoring scoring;
    private final JsonMapper json;
    private final JsonMapper lenient;

    private final org.springframework.context.MessageSource messages;
    private final cn.chengxin.shared.City city;
    private final ApiClients apiClients;
    private final java.time.Clock clock;
    private final ModelAssessments assessments;

    ScoringConsole(Scoring scoring, JsonMapper json, org.springframework.context.MessageSource messages,
                   cn.chengxin.shared.City city, ApiClients apiClients, java.time.Clock clock,
                   ModelAssessments assessments) {
        this.scoring = scoring;
        this.assessments = assessments;
        this.clock = clock;
        this.apiClients = apiClients;
        this.json = json;
        this.messages = messages;
        this.city = city;
        this.lenient = json.rebuild()
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();
    }

    /** Also the editors' and the approvers' page, who may hold no measure:cases (as the measures page is). */
    @RequiresPermission({Permission.MEASURE_CASES, Permission.SCORING_EDIT, Permission.SCORING_APPROVE})
    @GetMapping("/console/scoring")
    String page(Model model, java.util.Locale locale) {
        scoring.activeModel();
        // Kept figures (gaps-review-xxxv P8): the page reads a few hundred kept rows, never every score or residence.
        JdbcScores.KeptFigures kept = scoring.keptFigures();
        List<JdbcScores.Coverage> coverage = kept.coverage();
        long residents = coverage.stream().mapToLong(JdbcScores.Coverage::residents).sum();
        long scored = coverage.stream().mapToLong(JdbcScores.Coverage::scored).sum();
        List<JdbcScores.StoredModel> models = scoring.models();
        model.addAttribute("models", models);
        // The approver reviews what a pending version changes: its definition against the active one's.
        String active = lenient.writeValueAsString(scoring.activeModel().model());
        java.util.Map<String, DefinitionDiff> changes = new java.util.HashMap<>();
        models.stream().filter(m -> m.status().equals("PENDING")).forEach(m -> changes.put(m.code() + "/" + m.version(),
                DefinitionDiff.of(active, lenient.writeValueAsString(m.model()))));
        model.addAttribute("changes", changes);
        // Each version with the impact assessment it was (or is to be) approved on (PIPL Art. 55-56, AA7).
        model.addAttribute("assessments", assessments.all().stream().collect(java.util.stream.Collectors.toMap(
                a -> a.modelCode() + "/" + a.modelVersion(), a -> a)));
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", lenient.writeValueAsString(scoring.activeModel().model()));
        }
        model.addAttribute("progress", scoring.progress());
        model.addAttribute("benefits", scoring.benefits());
        // A benefit is checked only by the institutions bound to it (RULES.md §10), with any of their keys (gaps review
        // xxix K2): those with a live key that may check benefits are offered, each once, and a bound institution is
        // named by its system and organisation even once its keys are revoked.
        model.addAttribute("benefitClients", apiClients.liveInstitutions(Permission.API_BENEFITS_CHECK));
        model.addAttribute("clientNames", apiClients.institutions().stream().collect(java.util.stream.Collectors.toMap(
                ApiInstitution::id, i -> i.name() + "（" + i.organisation() + "）")));
        model.addAttribute("coverage", coverage);
        model.addAttribute("residents", residents);
        model.addAttribute("scored", scored);
        model.addAttribute("share", residents == 0 ? 0 : (double) scored / residents);
        model.addAttribute("figuresTakenAt", kept.takenAt().atZone(clock.getZone()));
        // Districts by name, grades by their names in the reader's language: the office reads the charts, not codes.
        model.addAttribute("districts", city.districts());
        java.util.function.UnaryOperator<String> district = code -> city.districtName(code).isEmpty() ? code
                : city.districtName(code);
        GradeNames grades = new GradeNames(scoring.activeModel().model(),
                models.stream().map(JdbcScores.StoredModel::model).toList(), messages, locale);
        model.addAttribute("coverageChart", Charts.bars(json, title("scoring.chart.coverage", locale),
                coverage.stream().map(JdbcScores.Coverage::regionCode).map(district).toList(),
                coverage.stream().map(c -> Math.round(c.share() * 1000) / 10.0).toList(), "%"));
        model.addAttribute("ageChart", Charts.stacked(json, title("scoring.chart.byAge", locale),
                kept.byAgeBand(), grades, band -> band));
        model.addAttribute("districtChart", Charts.stacked(json, title("scoring.chart.byDistrict", locale),
                kept.byDistrict(), grades, district));
        model.addAttribute("trendChart", Charts.trend(json, title("scoring.chart.trend", locale), scoring.gradeTrend(),
                grades));
        return "console/scoring";
    }

    private String title(String key, java.util.Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    @RequiresPermission(Permission.SCORING_EDIT)
    @PostMapping("/console/scoring/models")
    String propose(@RequestParam String preset, RedirectAttributes redirect) {
        return act(redirect, "scoring.proposed", () -> scoring.propose("FIVE_LABELS".equals(preset)
                ? ScoreModel.fiveLabels() : ScoreModel.weihai()));
    }

    /** A model edited as data (JSON of the active model, changed by the office's expert) proposed as a new version. */
    @RequiresPermission(Permission.SCORING_EDIT)
    @PostMapping("/console/scoring/models/edited")
    String proposeEdited(@RequestParam String definition, RedirectAttributes redirect) {
        ScoreModel edited;
        try {
            edited = lenient.readValue(definition, ScoreModel.class);
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("failure", "模型定义不是有效的 JSON 或缺少字段：" + e.getClass().getSimpleName());
            redirect.addFlashAttribute("failureCode", "MODEL_UNREADABLE");
            redirect.addFlashAttribute("draft", definition);
            return "redirect:/console/scoring";
        }
        redirect.addFlashAttribute("draft", definition);
        return act(redirect, "scoring.proposed", () -> {
            try {
                scoring.propose(edited);
            } catch (TypedText.HoldsIdentityNumber refused) {
                // The definition comes back open as typed, any number masked, with the refusal beside it.
                redirect.addFlashAttribute("refusedField", refused.field());
                redirect.addFlashAttribute("draft", TypedText.shownAgain(definition));
                throw refused;
            }
        });
    }

    @RequiresPermission(Permission.SCORING_APPROVE)
    @PostMapping("/console/scoring/models/approve")
    String approve(@RequestParam String code, @RequestParam int version, @RequestParam(defaultValue = "") String note,
                   RedirectAttributes redirect) {
        return act(redirect, "scoring.activated", () -> scoring.approve(code, version, note));
    }

    /**
     * Records the 个人信息保护影响评估 of a pending version: its day, its conclusion and the document, of which only the
     * SM3 is kept (the document stays in the office's records, as a list migration file's digest is kept). Read as
     * it streams: an assessment report may be a large PDF, and nothing of it is held.
     */
    @RequiresPermission(Permission.SCORING_EDIT)
    @PostMapping("/console/scoring/models/assessment")
    String recordAssessment(@RequestParam String code, @RequestParam int version,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                            java.time.LocalDate assessedOn,
                            @RequestParam(defaultValue = "") String conclusion,
                            @RequestParam(name = "document", required = false) MultipartFile document,
                            RedirectAttributes redirect) throws IOException {
        String digest = document == null || document.isEmpty() ? null : sm3(document);
        String name = document == null || document.isEmpty() ? null : document.getOriginalFilename();
        return act(redirect, "scoring.assessment.recorded", () -> assessments.record(code, version,
                new ImpactAssessment(assessedOn, conclusion, digest, name)));
    }

    private static String sm3(MultipartFile document) throws IOException {
        SM3Digest digest = new SM3Digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = document.getInputStream()) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    @RequiresPermission(Permission.SCORING_APPROVE)
    @PostMapping("/console/scoring/models/reject")
    String reject(@RequestParam String code, @RequestParam int version, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect) {
        return act(redirect, "scoring.rejected", () -> scoring.reject(code, version, note));
    }

    /**
     * Adds a benefit or changes the one with its code; grades as a comma- or space-separated list; the API clients
     * that check it (G2: a provider is answered only its own benefits).
     */
    @RequiresPermission(Permission.SCORING_EDIT)
    @PostMapping("/console/scoring/benefits")
    String saveBenefit(@RequestParam String code, @RequestParam String name, @RequestParam String provider,
                       @RequestParam(defaultValue = "") String grades,
                       @RequestParam(required = false) String listCondition, @RequestParam String scenario,
                       @RequestParam(name = "providerClient", required = false) List<java.util.UUID> providerClients,
                       RedirectAttributes redirect) {
        List<java.util.UUID> clients = providerClients == null ? List.of() : providerClients;
        BenefitDefinition benefit = new BenefitDefinition(code.strip(), name, provider,
                List.of(grades.split("[,，\\s]+")), listCondition == null || listCondition.isBlank() ? null
                : listCondition, scenario, clients);
        return act(redirect, "scoring.benefitSaved", () -> {
            try {
                scoring.saveBenefit(benefit);
            } catch (TypedText.HoldsIdentityNumber refused) {
                // The form comes back open with what was typed, any number masked, and the refusal beside its field;
                // as strings, which the session (where flash attributes wait) can keep.
                redirect.addFlashAttribute("refusedField", refused.field());
                redirect.addFlashAttribute("benefitInput", new HashMap<>(Map.of("code", code,
                        "name", TypedText.shownAgain(name), "provider", TypedText.shownAgain(provider),
                        "grades", grades, "listCondition", listCondition == null ? "" : listCondition,
                        "scenario", scenario, "providerClients",
                        String.join(",", clients.stream().map(java.util.UUID::toString).toList()))));
                throw refused;
            }
        });
    }

    @RequiresPermission(Permission.SCORING_EDIT)
    @PostMapping("/console/scoring/benefits/deactivate")
    String deactivateBenefit(@RequestParam String code, RedirectAttributes redirect) {
        return act(redirect, "scoring.benefitDeactivated", () -> scoring.deactivateBenefit(code));
    }

    @RequiresPermission(Permission.SCORING_EDIT)
    @PostMapping("/console/scoring/recompute")
    String recompute(RedirectAttributes redirect) {
        return act(redirect, "scoring.recomputing", scoring::startRecompute);
    }

    private String act(RedirectAttributes redirect, String successKey, Runnable action) {
        ConsoleActions.flash(redirect, successKey, action);
        return "redirect:/console/scoring";
    }
}
