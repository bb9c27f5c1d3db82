package cn.chengxin.commitment.web;

import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.commitment.Commitment;
import cn.chengxin.commitment.Commitments;
import cn.chengxin.commitment.domain.CommitmentKind;
import cn.chengxin.shared.DomainProblem;
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
        } catch (RuntimeException e) {
            // Any refusal (an unknown document type, a number of the wrong form, a date past, a number in the text)
            // comes back in the form as typed, any number masked, the refusal beside it: redirected, the text typed
            // was lost (issue #8). The subject's number is not shown again.
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("typed", new TypedCommitment(documentType, kind, TypedText.shownAgain(reference),
                    TypedText.shownAgain(text), due));
            return page(model);
        }
        redirect.addFlashAttribute("successKey", "commitments.recorded");
        return "redirect:/console/commitments";
    }

    /** A commitment's form as it was sent, shown again when it was refused; the subject's number is not kept. */
    record TypedCommitment(String documentType, CommitmentKind kind, String reference, String text, LocalDate due) {
    }

    /**
     * A breach report refused for what was typed comes back in the commitment's own row as typed, the facts masked,
     * the refusal beside them or beside the form's button (422: nothing was reported); redirected, the facts typed
     * were lost (issue #8). Other refusals are flashed.
     */
    @PostMapping("/console/commitments/{id}/breach")
    String breach(@PathVariable UUID id, @RequestParam(defaultValue = "") String decisionNumber,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
                  @RequestParam(defaultValue = "") String facts, RedirectAttributes redirect,
                  HttpServletResponse response, Model model) {
        try {
            commitments.reportBreach(id, AuditLog.currentActor().departmentCode(), decisionNumber, decisionDate,
                    facts);
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem) || problem.kind() != DomainProblem.Kind.INVALID_INPUT) {
                // Nothing to type again: another department's commitment, one no longer in force, a breach taken
                // whose record is owed.
                ConsoleActions.flashRefusal(redirect, e);
                return "redirect:/console/commitments";
            }
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("typedBreach", new TypedBreach(id, TypedText.shownAgain(decisionNumber), decisionDate,
                    TypedText.shownAgain(facts)));
            return page(model);
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
