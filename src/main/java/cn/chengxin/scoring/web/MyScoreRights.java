package cn.chengxin.scoring.web;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.scoring.ScoreReviews;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's actions on 我的信用分 (PIPL Art. 24; RULES.md §8): ask for a human review of the score, and refuse or
 * accept again to be judged by automated grading. Always about the signed-in person only; the page is the portal's.
 */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class MyScoreRights {

    private final ScoreReviews reviews;

    /** The id of the reasons' field on /me/score. */
    static final String REASONS_FIELD = "review-reasons";

    MyScoreRights(ScoreReviews reviews) {
        this.reviews = reviews;
    }

    @PostMapping("/me/score/reviews")
    String requestReview(@AuthenticationPrincipal CitizenPrincipal citizen,
                         @RequestParam(defaultValue = "") String reasons, RedirectAttributes redirect) {
        boolean[] requested = new boolean[1];
        ConsoleActions.flash(redirect, "me.score.reviewRequested", () -> {
            reviews.request(citizen.subjectId(), reasons);
            requested[0] = true;
        });
        if (!requested[0]) {
            // Refused (reasons missing or too long, one already open): the form again with the reasons as written,
            // redacted as the stored ones are, since the session that carries them is stored in the database.
            redirect.addFlashAttribute("reviewReasons", IdentityRedaction.redact(reasons));
            // Gaps review xxxv O2: the refusal names the field it is about (the reasons; one already open names
            // none), and the page is sent without a fragment, since a browser skips autofocus on an address that
            // names an element and the refusal summary takes the focus.
            if ("SCORE_REVIEW_REASONS".equals(redirect.getFlashAttributes().get("failureCode"))) {
                redirect.addFlashAttribute("refusedField", REASONS_FIELD);
            }
            return "redirect:/me/score";
        }
        return "redirect:/me/score#reviews";
    }

    /** {@code refuse}: true to refuse automated grading, false to accept it again. */
    @PostMapping("/me/score/automated-grading")
    String automatedGrading(@AuthenticationPrincipal CitizenPrincipal citizen, @RequestParam boolean refuse,
                            RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, refuse ? "me.score.gradingRefused" : "me.score.gradingAccepted", () -> {
            if (refuse) {
                reviews.refuseAutomatedGrading(citizen.subjectId());
            } else {
                reviews.acceptAutomatedGrading(citizen.subjectId());
            }
        });
        return "redirect:/me/score#automated-grading";
    }
}
