package cn.chengxin.account.web;

import cn.chengxin.account.StaffPasswords;
import cn.chengxin.account.domain.PasswordAge;
import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.account.security.PasswordChangeRequired;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.AuthenticatedEndpoint;
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

/** 修改密码: every staff member's own password, and the page a temporary one leads to ({@link StaffPasswords}). */
@Controller
@AuthenticatedEndpoint("every staff member's own password")
class PasswordPage {

    private final StaffPasswords passwords;

    private final PasswordAge age;

    PasswordPage(StaffPasswords passwords, PasswordAge age) {
        this.passwords = passwords;
        this.age = age;
    }

    @GetMapping(PasswordChangeRequired.PAGE)
    String form(HttpSession session, Model model) {
        model.addAttribute("mustChange", PasswordChangeRequired.reason(session));
        model.addAttribute("passwordMaxAgeDays", age.maxAge().toDays());
        return "console/password";
    }

    @PostMapping(PasswordChangeRequired.PAGE)
    String change(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(defaultValue = "") String current,
                  @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String repeat,
                  HttpSession session, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            passwords.change(staff.userId(), current, password, repeat);
        } catch (RuntimeException e) {
            if (e instanceof DomainProblem problem && "PASSWORD_CHANGE_LOCKED".equals(problem.code())) {
                // Locked like a failed sign-in: the session ends, and signing in again waits out the lock.
                session.invalidate();
                return "redirect:/console/login?locked";
            }
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("mustChange", PasswordChangeRequired.reason(session));
        model.addAttribute("passwordMaxAgeDays", age.maxAge().toDays());
            return "console/password";
        }
        PasswordChangeRequired.lift(session);
        redirect.addFlashAttribute("successKey", "console.password.changed");
        return "redirect:/console";
    }
}
