package cn.chengxin.scoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.scoring.ScoreReviews;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.scoring.SubjectScore;
import cn.chengxin.scoring.domain.ReviewOutcome;
import cn.chengxin.scoring.domain.ScoreReview;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 信用分人工复核 in the console (PIPL Art. 24): the open requests by deadline (overdue ones marked), each with the
 * person masked, the score they asked about and the score now with the records behind it, and the written answer.
 * Decided by those who decide objections (objection:handle): a review of what the platform computed from the records
 * is the credit office's own look again at its output, as a platform-only objection is (RULES.md §5).
 */
@Controller
@RequiresPermission(Permission.OBJECTION_HANDLE)
class ScoreReviewsConsole {

    private final ScoreReviews reviews;
    private final Scoring scoring;
    private final SubjectRegistry subjects;
    private final StaffDirectory staff;
    private final Clock clock;

    ScoreReviewsConsole(ScoreReviews reviews, Scoring scoring, SubjectRegistry subjects, StaffDirectory staff,
                        Clock clock) {
        this.reviews = reviews;
        this.scoring = scoring;
        this.subjects = subjects;
        this.staff = staff;
        this.clock = clock;
    }

    /** An open request as the reviewer judges it: who (masked) and the score now. */
    record OpenReview(ScoreReview review, String maskedName, String maskedNumber, SubjectScore current) {
    }

    @GetMapping("/console/score-reviews")
    String page(Model model) {
        List<OpenReview> open = new ArrayList<>();
        for (ScoreReview r : reviews.open()) {
            Optional<SubjectProfile> profile = subjects.profile(r.subjectId());
            open.add(new OpenReview(r, profile.map(SubjectProfile::maskedName).orElse("—"),
                    profile.map(SubjectProfile::maskedNumber).orElse("—"), scoring.scoreOf(r.subjectId()).orElse(null)));
        }
        List<ScoreReview> answered = reviews.recentlyAnswered();
        Map<UUID, String> answeredNames = new HashMap<>();
        answered.forEach(r -> answeredNames.computeIfAbsent(r.subjectId(), id -> subjects.profile(id)
                .map(p -> p.maskedName() + " " + p.maskedNumber()).orElse("—")));
        model.addAttribute("open", open);
        model.addAttribute("answered", answered);
        model.addAttribute("answeredNames", answeredNames);
        // Who answered, by name: the stored account id tells a reader nothing (the platform's own id stands for itself).
        Map<String, String> reviewers = new HashMap<>();
        answered.forEach(r -> reviewers.computeIfAbsent(r.answeredBy(), id -> staff.displayName(id).orElse(id)));
        model.addAttribute("reviewers", reviewers);
        model.addAttribute("outcomes", ReviewOutcome.values());
        model.addAttribute("deadline", reviews.deadline());
        model.addAttribute("today", LocalDate.now(clock));
        return "console/score-reviews";
    }

    @PostMapping("/console/score-reviews/{id}/answer")
    String answer(@PathVariable UUID id, @RequestParam(required = false) ReviewOutcome outcome,
                  @RequestParam(defaultValue = "") String answer, @RequestParam(required = false) UUID recordKey,
                  RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "scoreReviews.answered.done",
                () -> reviews.answer(id, outcome, answer, recordKey));
        return "redirect:/console/score-reviews";
    }
}
