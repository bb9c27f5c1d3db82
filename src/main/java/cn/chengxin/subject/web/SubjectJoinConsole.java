package cn.chengxin.subject.web;

import java.util.UUID;

import cn.chengxin.audit.AuditDetail;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.domain.InvalidIdentityException;
import cn.chengxin.subject.domain.SubjectProblem;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 合并信用档案 in the console (gaps review xxx L1): on the page of the person to keep, a clerk proposes to join the
 * other file, named by its document (subject:amend); a second person approves or rejects it on the reviewers' queue of
 * the registry's corrections (subject:amend:review). The number is posted, never put in an address, and never shown
 * again after a refusal.
 */
@Controller
class SubjectJoinConsole {

    private static final String QUEUE = "redirect:/console/subjects/names";

    private final SubjectJoining joining;
    private final SubjectPage page;

    SubjectJoinConsole(SubjectJoining joining, SubjectPage page) {
        this.joining = joining;
        this.page = page;
    }

    /** A refusal shows the subject page again, with the refusal and the input but the number. */
    @RequiresPermission(Permission.SUBJECT_AMEND)
    @PostMapping("/console/subjects/{id}/joins")
    String propose(@PathVariable UUID id, @RequestParam(defaultValue = "") String joinDocumentType,
                   @RequestParam(defaultValue = "") String joinNumber,
                   @RequestParam(defaultValue = "") String joinReference,
                   @RequestParam(defaultValue = "") String joinReason,
                   @RequestParam StaffQueryPurpose purpose, RedirectAttributes redirect, Model model) {
        try {
            joining.propose(id, joinDocumentType.isBlank() ? null : joinDocumentType, joinNumber, joinReference,
                    joinReason);
        } catch (SubjectProblem | TypedText.HoldsIdentityNumber | InvalidIdentityException problem) {
            String view = page.refused(id, purpose, AuditDetail.of("SUBJECT_JOIN_REFUSED"), problem, model);
            model.addAttribute("joinInput", new JoinInput(joinDocumentType, TypedText.shownAgain(joinReference),
                    TypedText.shownAgain(joinReason)));
            return view;
        }
        redirect.addFlashAttribute("successKey", "subjectJoins.proposed");
        return QUEUE;
    }

    @RequiresPermission(Permission.SUBJECT_AMEND_REVIEW)
    @PostMapping("/console/subjects/joins/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "subjectJoins.approved", () -> joining.approve(id, note));
        return QUEUE;
    }

    @RequiresPermission(Permission.SUBJECT_AMEND_REVIEW)
    @PostMapping("/console/subjects/joins/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "subjectJoins.rejected", () -> joining.reject(id, note));
        return QUEUE;
    }

    /** What a clerk typed into the form, shown again with its refusal: never the number itself. */
    record JoinInput(String documentType, String reference, String reason) {
    }
}
