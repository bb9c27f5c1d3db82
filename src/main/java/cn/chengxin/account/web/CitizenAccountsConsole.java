package cn.chengxin.account.web;

import java.util.UUID;

import cn.chengxin.account.CitizenAccountDesk;
import cn.chengxin.account.domain.CitizenAccountReview;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.SubjectKind;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 市民账号 for the credit office ({@link CitizenAccountDesk}): the number a person shows at the window is typed into a
 * posted form (never an address, never shown back), the account it has is shown masked, and one staff member proposes
 * to suspend, resume or unbind it with the reason while another approves or rejects (双人复核). A new phone for the
 * account (gaps review xxix K4) is typed in a posted form too, and proposed once the person reads out the code texted
 * to it; the new phone waiting for its code is kept in the clerk's session, as 更换手机号码 keeps it in the citizen's.
 */
@Controller
@RequiresPermission(Permission.ACCOUNT_CITIZEN_MANAGE)
class CitizenAccountsConsole {

    private static final String PAGE = "/console/citizen-accounts";
    private static final String REBIND = "citizen-account-rebind";

    private final CitizenAccountDesk desk;

    CitizenAccountsConsole(CitizenAccountDesk desk) {
        this.desk = desk;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("proposals", desk.pending());
        // Maker-checker: the proposer is told another staff member decides, rather than offered a refused decision.
        model.addAttribute("me", AuditLog.currentActor().actorId());
        // A new phone is proposed only with its code, through its own form.
        model.addAttribute("actions", java.util.Arrays.stream(CitizenAccountReview.Action.values())
                .filter(a -> !CitizenAccountReview.needsNewPhone(a)).toList());
        model.addAttribute("documentTypes", java.util.Arrays.stream(DocumentType.values())
                .filter(t -> t.kind() == SubjectKind.PERSON).toList());
        return "console/citizen-accounts";
    }

    /** Answered with the page itself, not a redirect: the number typed must not travel on into an address. */
    @PostMapping(PAGE + "/find")
    String find(@RequestParam(required = false) String documentType, @RequestParam(defaultValue = "") String number,
                Model model, HttpServletResponse response) {
        try {
            model.addAttribute("found", desk.find(documentType, number).orElse(null));
            model.addAttribute("looked", true);
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
        }
        return page(model);
    }

    @PostMapping(PAGE + "/{id}/propose")
    String propose(@PathVariable UUID id, @RequestParam CitizenAccountReview.Action action,
                   @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.citizenAccounts.proposed",
                () -> desk.propose(id, action, reason), "redirect:" + PAGE);
    }

    /** Answered with the page: the code form, or the refusal beside the account found. */
    @PostMapping(PAGE + "/{id}/rebind")
    String startRebind(@PathVariable UUID id, @RequestParam(defaultValue = "") String phone,
                       @RequestParam(defaultValue = "") String reason, HttpSession session, Model model,
                       HttpServletResponse response) {
        try {
            CitizenAccountDesk.PendingRebind pending = desk.startRebind(id, phone, reason,
                    session.getAttribute(REBIND) instanceof CitizenAccountDesk.PendingRebind p ? p : null);
            session.setAttribute(REBIND, pending);
            model.addAttribute("rebind", pending);
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("found", desk.shown(id).orElse(null));
        }
        return page(model);
    }

    @PostMapping(PAGE + "/{id}/rebind/verify")
    String verifyRebind(@PathVariable UUID id, @RequestParam(defaultValue = "") String code, HttpSession session,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CitizenAccountDesk.PendingRebind pending =
                session.getAttribute(REBIND) instanceof CitizenAccountDesk.PendingRebind p ? p : null;
        try {
            desk.proposeRebind(id, pending, code);
        } catch (RuntimeException e) {
            CitizenAccountPages.codeRefused(e, session, REBIND, pending, "rebind", model, response);
            if (!model.containsAttribute("rebind")) {
                // The code is spent: the account again, with its form to send a new one.
                model.addAttribute("found", desk.shown(id).orElse(null));
            }
            return page(model);
        }
        session.removeAttribute(REBIND);
        redirect.addFlashAttribute("successKey", "console.citizenAccounts.proposed");
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/proposals/{id}/approve")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.citizenAccounts.approved", () -> desk.approve(id),
                "redirect:" + PAGE);
    }

    @PostMapping(PAGE + "/proposals/{id}/reject")
    String reject(@PathVariable UUID id, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.citizenAccounts.rejected", () -> desk.reject(id),
                "redirect:" + PAGE);
    }
}
