package cn.chengxin.account.web;

import cn.chengxin.account.CitizenPasswords;
import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 修改密码 in the self-service pages: the signed-in citizen's own password ({@link CitizenPasswords}). */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class CitizenPasswordPage {

    static final String PAGE = "/me/password";

    private final CitizenPasswords passwords;

    CitizenPasswordPage(CitizenPasswords passwords) {
        this.passwords = passwords;
    }

    @GetMapping(PAGE)
    String form() {
        return "me/password";
    }

    @PostMapping(PAGE)
    String change(@AuthenticationPrincipal CitizenPrincipal citizen, @RequestParam(defaultValue = "") String current,
                  @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String repeat,
                  HttpSession session, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            passwords.change(citizen, current, password, repeat);
        } catch (RuntimeException e) {
            if (e instanceof DomainProblem problem && "PASSWORD_CHANGE_LOCKED".equals(problem.code())) {
                // Locked like a failed sign-in: the session ends, and signing in again waits out the lock.
                session.invalidate();
                return "redirect:/me/login?locked";
            }
            ConsoleActions.showRefusal(model, response, e);
            return "me/password";
        }
        redirect.addFlashAttribute("successKey", "me.password.changed");
        return "redirect:" + PAGE;
    }
}
