package cn.chengxin.subject.web;

import cn.chengxin.audit.AuditDetail;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.RenamingSubjects;
import cn.chengxin.subject.RequestedCorrections;
import cn.chengxin.subject.SubjectDocuments;
import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.domain.NameChangeEvidence;
import cn.chengxin.subject.domain.SubjectProblem;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 名称变更 in the console (gaps review xxv H6): a clerk proposes a subject's new name from the subject page
 * (subject:amend); a second person approves or rejects it on the queue (subject:amend:review). A proposal made goes to
 * the queue; a refused one answers on the subject page, with what was typed.
 */
@Controller
class NameChangeConsole {

    private static final String QUEUE = "redirect:/console/subjects/names";

    private final RenamingSubjects names;
    private final SubjectDocuments documents;
    private final SubjectJoining joins;
    private final SubjectPage page;
    private final RequestedCorrections requests;
    private final java.time.Clock clock;

    NameChangeConsole(RenamingSubjects names, SubjectDocuments documents, SubjectJoining joins, SubjectPage page,
                      RequestedCorrections requests, java.time.Clock clock) {
        this.requests = requests;
        this.clock = clock;
        this.names = names;
        this.documents = documents;
        this.joins = joins;
        this.page = page;
    }

    /** The queue: where proposals stand and where their reviewers decide them, so both may open it. */
    @RequiresPermission({Permission.SUBJECT_AMEND, Permission.SUBJECT_AMEND_REVIEW})
    @GetMapping("/console/subjects/names")
    String queue(Model model) {
        var pending = names.pending();
        model.addAttribute("pending", pending);
        model.addAttribute("decided", names.recentlyDecided());
        // Those made at the person's request are marked, with their deadline and evidence (gaps review xlvi AA3).
        model.addAttribute("requests", requests.behind(pending.stream().map(l -> l.proposal().id()).toList()));
        model.addAttribute("today", LocalDate.now(clock));
        // Further documents proposed for persons (gaps review xxx L1) are reviewed on the same queue.
        model.addAttribute("pendingDocuments", documents.pending());
        // So are joins of a person's two files (合并信用档案).
        model.addAttribute("pendingJoins", joins.pending());
        return "console/name-changes";
    }

    /** A refusal shows the subject page again, with the refusal and the input ({@link SubjectPage#refused}). */
    @RequiresPermission(Permission.SUBJECT_AMEND)
    @PostMapping("/console/subjects/{id}/name")
    String propose(@PathVariable UUID id, @RequestParam(defaultValue = "") String newName,
                   @RequestParam(required = false) LocalDate effectiveFrom,
                   @RequestParam(required = false) NameChangeEvidence nameEvidence,
                   @RequestParam(defaultValue = "") String nameReference,
                   @RequestParam(defaultValue = "") String nameReason,
                   @RequestParam StaffQueryPurpose purpose, RedirectAttributes redirect, Model model) {
        try {
            names.propose(id, newName, effectiveFrom, nameEvidence, nameReference, nameReason);
        } catch (SubjectProblem | TypedText.HoldsIdentityNumber problem) {
            String view = page.refused(id, purpose, AuditDetail.of("NAME_CHANGE_REFUSED"), problem, model);
            model.addAttribute("nameChangeInput", new NameChangeInput(newName, effectiveFrom, nameEvidence,
                    nameReference, nameReason).shownAfter(problem.code()));
            return view;
        }
        redirect.addFlashAttribute("successKey", "nameChanges.proposed");
        return QUEUE;
    }

    @RequiresPermission(Permission.SUBJECT_AMEND_REVIEW)
    @PostMapping("/console/subjects/names/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "nameChanges.approved", () -> names.approve(id, note));
        return QUEUE;
    }

    @RequiresPermission(Permission.SUBJECT_AMEND_REVIEW)
    @PostMapping("/console/subjects/names/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "nameChanges.rejected", () -> names.reject(id, note));
        return QUEUE;
    }
}
