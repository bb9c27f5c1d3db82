package cn.chengxin.account.web;

import cn.chengxin.account.SignInGuard;
import cn.chengxin.account.security.TypedUsername;
import cn.chengxin.shared.security.AuthenticatedEndpoint;
import cn.chengxin.shared.security.PublicEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in pages of the staff console and the citizens' self-service, and the console's refusal page. */
@Controller
class LoginPages {

    private final SignInGuard guard;

    LoginPages(SignInGuard guard) {
        this.guard = guard;
    }

    @PublicEndpoint
    @GetMapping("/console/login")
    String consoleLogin(HttpServletRequest request, Model model) {
        return withChallenge("console/login", request, model);
    }

    @PublicEndpoint
    @GetMapping("/me/login")
    String selfServiceLogin(HttpServletRequest request, Model model) {
        return withChallenge("me/login", request, model);
    }

    /** The form asks the question once its address has failed sign-ins (I5, RULES.md §10; SignInGuard). */
    private String withChallenge(String page, HttpServletRequest request, Model model) {
        if (guard.challengeNeeded(request.getRemoteAddr())) {
            model.addAttribute("signInChallenge", guard.challenge());
        }
        // Gaps review xxxv O2: which fields the refusal concerns, for their aria-invalid and description (a template may
        // not read request parameters into attributes).
        model.addAttribute("credentialsRefused", request.getParameter("error") != null);
        model.addAttribute("challengeRefused", request.getParameter("challengeFailed") != null);
        model.addAttribute("typedUsername", TypedUsername.take(request));
        return page;
    }

    /** Any method: security forwards the refused request here as it came, a form's POST included. */
    @AuthenticatedEndpoint("the page that says a permission is missing")
    @RequestMapping("/console/forbidden")
    String forbidden(jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(403);
        return "console/forbidden";
    }
}
