package cn.chengxin.account.web;

import java.time.Clock;
import java.time.LocalDate;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.account.RightsRequests;
import cn.chengxin.account.domain.RightsRequestKind;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 个人信息权利请求 in self-service (PIPL Art. 50; gaps review xlvi AA4): the ways self-service already offers named
 * first, the form for the rest, and the signed-in person's own requests with their state, deadline and answer.
 */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class MyRightsRequests {

    static final String PAGE = "/me/requests";

    private final RightsRequests requests;
    private final Clock clock;

    MyRightsRequests(RightsRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
        model.addAttribute("requests", requests.of(citizen.subjectId()));
        model.addAttribute("kinds", RightsRequestKind.values());
        model.addAttribute("workingDays", requests.workingDays());
        model.addAttribute("today", LocalDate.now(clock));
        return "me/requests";
    }

    @PostMapping(PAGE)
    String request(@AuthenticationPrincipal CitizenPrincipal citizen,
                   @RequestParam(required = false) RightsRequestKind kind,
                   @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        RightsRequests.Made[] made = new RightsRequests.Made[1];
        ConsoleActions.flash(redirect, "me.requests.made", () -> made[0] = requests.request(citizen, kind, body));
        if (made[0] == null) {
            // Refused: the form again with the words as written, redacted as stored ones are, since the session that
            // carries them is kept in the database.
            redirect.addFlashAttribute("requestBody", IdentityRedaction.redact(body));
            redirect.addFlashAttribute("requestKind", kind);
            return "redirect:" + PAGE;
        }
        redirect.addFlashAttribute("madeReference", made[0].reference());
        redirect.addFlashAttribute("madeDue", made[0].dueOn());
        return "redirect:" + PAGE;
    }
}
