package cn.chengxin.account.web;

import java.io.Serializable;
import java.time.Clock;

import cn.chengxin.account.CitizenAccountClosure;
import cn.chengxin.account.CitizenPhones;
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

/**
 * 更换手机号码 ({@link CitizenPhones}) and 注销账号 ({@link CitizenAccountClosure}) in the self-service pages. The phone
 * change waiting for its code is kept in the session; a current password wrong too often ends the session, as at
 * 修改密码.
 */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class CitizenAccountPages {

    static final String PHONE = "/me/phone";
    static final String CLOSE = "/me/account/close";
    private static final String PENDING = "citizen-phone-change";

    private final CitizenPhones phones;
    private final CitizenAccountClosure closure;
    private final Clock clock;

    CitizenAccountPages(CitizenPhones phones, CitizenAccountClosure closure, Clock clock) {
        this.phones = phones;
        this.closure = closure;
        this.clock = clock;
    }

    @GetMapping(PHONE)
    String phoneForm() {
        return "me/phone";
    }

    @PostMapping(PHONE)
    String startPhoneChange(@AuthenticationPrincipal CitizenPrincipal citizen,
                            @RequestParam(defaultValue = "") String current,
                            @RequestParam(defaultValue = "") String phone, HttpSession session, Model model,
                            HttpServletResponse response) {
        try {
            CitizenPhones.PendingPhone pending = phones.start(citizen, current, phone,
                    session.getAttribute(PENDING) instanceof CitizenPhones.PendingPhone p ? p : null);
            session.setAttribute(PENDING, pending);
            model.addAttribute("pending", pending);
            model.addAttribute("codeExpiry", CodeExpiry.of(pending.expiresAt(), clock));
        } catch (RuntimeException e) {
            if (locked(e)) {
                session.invalidate();
                return "redirect:/me/login?locked";
            }
            ConsoleActions.showRefusal(model, response, e);
        }
        return "me/phone";
    }

    @PostMapping(PHONE + "/verify")
    String completePhoneChange(@AuthenticationPrincipal CitizenPrincipal citizen,
                               @RequestParam(defaultValue = "") String code, HttpSession session, Model model,
                               HttpServletResponse response, RedirectAttributes redirect) {
        CitizenPhones.PendingPhone pending = session.getAttribute(PENDING) instanceof CitizenPhones.PendingPhone p
                ? p : null;
        try {
            phones.complete(citizen, pending, code);
        } catch (RuntimeException e) {
            codeRefused(e, session, PENDING, pending, "pending", model, response);
            if (model.containsAttribute("pending")) {
                model.addAttribute("codeExpiry", CodeExpiry.of(pending.expiresAt(), clock));
            }
            return "me/phone";
        }
        session.removeAttribute(PENDING);
        redirect.addFlashAttribute("successKey", "me.phone.changed");
        return "redirect:" + PHONE;
    }

    @GetMapping(CLOSE)
    String closeForm() {
        return "me/close";
    }

    @PostMapping(CLOSE)
    String close(@AuthenticationPrincipal CitizenPrincipal citizen, @RequestParam(defaultValue = "") String current,
                 HttpSession session, Model model, HttpServletResponse response) {
        try {
            closure.close(citizen, current);
        } catch (RuntimeException e) {
            if (locked(e)) {
                session.invalidate();
                return "redirect:/me/login?locked";
            }
            ConsoleActions.showRefusal(model, response, e);
            return "me/close";
        }
        return "redirect:/me/login?closed";
    }

    /**
     * A code refused: the change waiting for it is stored again (the wrong code just counted lives in it, and a session
     * persists what is set), the refusal shown, and for a wrong code the code form again, as {@code attribute}.
     */
    static void codeRefused(RuntimeException e, HttpSession session, String key, Serializable pending,
                            String attribute, Model model, HttpServletResponse response) {
        if (pending != null) {
            session.setAttribute(key, pending);
        }
        ConsoleActions.showRefusal(model, response, e);
        if (e instanceof DomainProblem problem && "CODE_WRONG".equals(problem.code())) {
            model.addAttribute(attribute, pending);
        }
    }

    private static boolean locked(RuntimeException e) {
        return e instanceof DomainProblem problem && "PASSWORD_CHANGE_LOCKED".equals(problem.code());
    }
}
