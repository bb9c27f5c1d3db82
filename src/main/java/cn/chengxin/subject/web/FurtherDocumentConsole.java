package cn.chengxin.subject.web;

import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.audit.AuditDetail;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.SubjectDocuments;
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
 * 证件 in the console (gaps review xxx L1): a clerk proposes a further identity document of a person from the subject
 * page (subject:amend); a second person approves or rejects it on the reviewers' queue of the registry's corrections
 * (subject:amend:review), beside the name changes. The number is posted, never put in an address, and never shown again
 * after a refusal: the page shows it masked only (RULES.md §10).
 */
@Controller
class FurtherDocumentConsole {

    private static final String QUEUE = "redirect:/console/subjects/names";

    private final SubjectDocuments documents;
    private final SubjectPage page;

    FurtherDocumentConsole(SubjectDocuments documents, SubjectPage page) {
        this.documents = documents;
        this.page = page;
    }

    /** A refusal shows the subject page again, with the refusal and the input but the number. */
    @RequiresPermission(Permission.SUBJECT_AMEND)
    @PostMapping("/console/subjects/{id}/documents")
    String propose(@PathVariable UUID id, @RequestParam(defaultValue = "") String furtherDocumentType,
                   @RequestParam(defaultValue = "") String furtherNumber,
                   @RequestParam(required = false) LocalDate validFrom,
                   @RequestParam(required = false) LocalDate validTo,
                   @RequestParam(defaultValue = "") String documentReference,
                   @RequestParam(defaultValue = "") String documentReason,
                   @RequestParam StaffQueryPurpose purpose, RedirectAttributes redirect, Model model) {
        try {
            documents.propose(id, furtherDocumentType.isBlank() ? null : furtherDocumentType, furtherNumber,
                    validFrom, validTo, documentReference, documentReason);
        } catch (SubjectProblem | TypedText.HoldsIdentityNumber | InvalidIdentityException problem) {
            String view = page.refused(id, purpose, AuditDetail.of("FURTHER_DOCUMENT_REFUSED"), problem, model);
            boolean numberInText = "SUBJECT_DOCUMENT_NUMBER_IN_TEXT".equals(problem.code());
            model.addAttribute("furtherDocumentInput", new FurtherDocumentInput(furtherDocumentType, validFrom,
                    validTo, numberInText ? "" : TypedText.shownAgain(documentReference),
                    numberInText ? "" : TypedText.shownAgain(documentReason)));
            return view;
        }
        redirect.addFlashAttribute("successKey", "furtherDocuments.proposed");
        return QUEUE;
    }

    @RequiresPermission(Permission.SUBJECT_AMEND_REVIEW)
    @PostMapping("/console/subjects/documents/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "furtherDocuments.approved", () -> documents.approve(id, note));
        return QUEUE;
    }

    @RequiresPermission(Permission.SUBJECT_AMEND_REVIEW)
    @PostMapping("/console/subjects/documents/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "furtherDocuments.rejected", () -> documents.reject(id, note));
        return QUEUE;
    }

    /** What a clerk typed into the form, shown again with its refusal: never the number itself. */
    record FurtherDocumentInput(String documentType, LocalDate validFrom, LocalDate validTo, String reference,
                                String reason) {
    }
}
