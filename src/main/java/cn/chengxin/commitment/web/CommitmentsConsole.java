package cn.chengxin.commitment.web;

import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.commitment.Commitment;
import cn.chengxin.commitment.Commitments;
import cn.chengxin.commitment.domain.CommitmentKind;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.TypedText;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 信用承诺 in the console, for a department's operators: the commitments signed at their department's window (recorded
 * here or through the API), their subjects masked, those whose record collection refused, and the report of a breach,
 * which becomes a record through collection. A commitment's text is shown one at a time, with a purpose, audited.
 */
@Controller
@RequiresPermission(Permission.RECORD_SUBMIT)
class CommitmentsConsole {

    private final Commitments commitments;

    CommitmentsConsole(Commitments commitments) {
        this.commitments = commitments;
    }

    @GetMapping("/console/commitments")
    String page(Model model) {
        String department = AuditLog.currentActor().departmentCode();
        var recent = commitments.recent(department);
        var refused = commitments.recordRefused(department);
        model.addAttribute("commitments", recent);
        // Owing nothing more, they are submitted by no run: the department alone can correct and submit them.
        model.addAttribute("refused", refused);
        // Masked only: the text and the subject are seen one commitment at a time, with a purpose, audited.
        model.addAttribute("listedSubjects", commitments.listedSubjects(
                java.util.stream.Stream.concat(recent.stream(), refused.stream()).toList()));
        model.addAttribute("kinds", CommitmentKind.values());
        model.addAttribute("documentTypes", DocumentType.values());
        return "console/commitments";
    }

    /**
     * One of the department's commitments as its list shows it, the subject masked, with the purpose asked before its
     * text is shown; another department's, or one unknown, is refused back on the list.
     */
    @GetMapping("/console/commitments/{id}")
    String commitment(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        Commitment c;
        try {
            c = commitments.ofDepartment(id, AuditLog.currentActor().departmentCode());
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
            return "redirect:/console/commitments";
        }
        return one(model, c, null);
    }

    /** The text the subject signed, shown once the look is audited with the purpose given (as a file look-up is). */
    @PostMapping("/console/commitments/{id}/view")
    String look(@PathVariable UUID id, @RequestParam StaffQueryPurpose purpose, Model model,
                RedirectAttributes redirect) {
        Commitment c;
        try {
            c = commitments.look(id, AuditLog.currentActor().departmentCode(), purpose);
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
            return "redirect:/console/commitments";
        }
        return one(model, c, purpose);
    }

    /** @param purpose the purpose the look was audited with; null: the text is not shown */
    private String one(Model model, Commitment c, StaffQueryPurpose purpose) {
        model.addAttribute("c", c);
        model.addAttribute("subject", commitments.listedSubjects(java.util.List.of(c)).get(c.subjectId()));
        model.addAttribute("purposes", StaffQueryPurpose.values());
        model.addAttribute("purpose", purpose);
        model.addAttribute("intact", purpose != null && commitments.intact(c));
        return "console/commitment";
    }

    /**
     * The number is of the type the operator names (a passport, a travel permit), or inferred. A text refused for the
     * number it holds comes back in the form (422: nothing was recorded); other refusals are flashed.
     */
    @PostMapping("/console/commitments")
    String record(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String documentType,
                  @RequestParam(required = false) CommitmentKind kind, @RequestParam(defaultValue = "") String text,
                  @RequestParam(defaultValue = "") String reference,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
                  RedirectAttributes redirect, HttpServletResponse response, Model model) {
        try {
            commitments.recordAtDepartment(number, documentType, kind, text,
                    reference.isBlank() ? null : reference.strip(), due);
        } catch (TypedText.HoldsIdentityNumber refused) {
            // What was typed, any number masked, beside the refusal; the subject's number is not shown again.
            ConsoleActions.showRefusal(model, response, refused);
            model.addAttribute("typed", new TypedCommitment(kind, TypedText.shownAgain(reference),
                    TypedText.shownAgain(text), due));
            return page(model);
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
            return "redirect:/console/commitments";
        }
        redirect.addFlashAttribute("successKey", "commitments.recorded");
        return "redirect:/console/commitments";
    }

    /** A commitment's form as it was sent, shown again when its text was refused. */
    record TypedCommitment(CommitmentKind kind, String reference, String text, LocalDate due) {
    }

    /**
     * Facts refused for holding an identity number come back in the commitment's own form, masked, with the decision
     * typed and the refusal beside them, as a commitment's text does (422: nothing was reported); other refusals are
     * flashed.
     */
    @PostMapping("/console/commitments/{id}/breach")
    String breach(@PathVariable UUID id, @RequestParam(defaultValue = "") String decisionNumber,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
                  @RequestParam(defaultValue = "") String facts, RedirectAttributes redirect,
                  HttpServletResponse response, Model model) {
        try {
            commitments.reportBreach(id, AuditLog.currentActor().departmentCode(), decisionNumber, decisionDate,
                    facts);
        } catch (TypedText.HoldsIdentityNumber refused) {
            ConsoleActions.showRefusal(model, response, refused);
            model.addAttribute("typedBreach", new TypedBreach(id, decisionNumber, decisionDate,
                    TypedText.shownAgain(facts)));
            return page(model);
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
            return "redirect:/console/commitments";
        }
        redirect.addFlashAttribute("successKey", "commitments.breached");
        return "redirect:/console/commitments";
    }

    /** A breach's form as it was sent, shown again in its commitment's row when its facts were refused. */
    record TypedBreach(UUID commitment, String decisionNumber, LocalDate decisionDate, String facts) {

        public boolean of(UUID id) {
            return commitment.equals(id);
        }
    }
}
