package cn.chengxin.subject.web;

import cn.chengxin.audit.AuditDetail;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.CompletingBirthDates;
import cn.chengxin.subject.RequestedCorrections;
import cn.chengxin.subject.domain.BirthDateEvidence;
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
 * 出生日期补全 in the console: a clerk proposes a person's unknown birth date from the subject page
 * (subject:amend); a second person approves or rejects it on the queue (subject:amend:review). A proposal made goes
 * to the queue, where it then stands; a refused one answers on the subject page, with what was typed.
 */
@Controller
class BirthDateConsole {

    private static final String QUEUE = "redirect:/console/subjects/birth-dates";

    private final CompletingBirthDates birthDates;
    private final SubjectPage page;
    private final RequestedCorrections requests;
    private final java.time.Clock clock;

    BirthDateConsole(CompletingBirthDates birthDates, SubjectPage page, RequestedCorrections requests,
                     java.time.Clock clock) {
        this.requests = requests;
        this.clock = clock;
        this.birthDates = birthDates;
        this.page = page;
    }

    /** The queue: where proposals stand and where their reviewers decide them, so both may open it. */
    @RequiresPermission({Permission.SUBJECT_AMEND, Permission.SUBJECT_AMEND_REVIEW})
    @GetMapping("/console/subjects/birth-dates")
    String queue(Model model) {
        var pending = birthDates.pending();
        model.addAttribute("pending", pending);
        model.addAttribute("decided", birthDates.recentlyDecided());
        // Those made at the person's request are marked, with their deadline and evidence (gaps review xlvi AA3).
        model.addAttribute("requests", requests.behind(pending.stream().map(l -> l.proposal().id()).toList()));
        model.addAttribute("today", LocalDate.now(clock));
        return "console/birth-dates";
    }

    /** A refusal shows the subject page again, with the refusal and the input ({@link SubjectPage#refused}). */
    @RequiresPermission(Permission.SUBJECT_AMEND)
    @PostMapping("/console/subjects/{id}/birth-date")
    String propose(@PathVariable UUID id, @RequestParam(required = false) LocalDate birthDate,
                   @RequestParam(required = false) BirthDateEvidence evidence,
                   @RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String reason,
                   @RequestParam StaffQueryPurpose purpose, RedirectAttributes redirect, Model model) {
        try {
            birthDates.propose(id, birthDate, evidence, reference, reason);
        } catch (SubjectProblem | TypedText.HoldsIdentityNumber problem) {
            String view = page.refused(id, purpose, AuditDetail.of("BIRTH_DATE_PROPOSAL_REFUSED"), problem, model);
            model.addAttribute("birthDateInput", new BirthDateInput(birthDate, evidence, reference, reason)
                    .shownAfter(problem.code()));
            return view;
        }
        redirect.addFlashAttribute("successKey", "birthDates.proposed");
        return QUEUE;
    }

    @RequiresPermission(Permission.SUBJECT_AMEND_REVIEW)
    @PostMapping("/console/subjects/birth-dates/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "birthDates.approved", () -> birthDates.approve(id, note));
        return QUEUE;
    }

    @RequiresPermission(Permission.SUBJECT_AMEND_REVIEW)
    @PostMapping("/console/subjects/birth-dates/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "birthDates.rejected", () -> birthDates.reject(id, note));
        return QUEUE;
    }
}
