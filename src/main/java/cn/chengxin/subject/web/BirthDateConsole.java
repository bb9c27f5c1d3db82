package cn.chengxin.subject.web;

import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.CompletingBirthDates;
import cn.chengxin.subject.domain.BirthDateEvidence;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 出生日期补全 in the console: a clerk proposes a person's unknown birth date from the subject page
 * (subject:amend); a second person approves or rejects it on the queue (subject:amend:review). Every answer goes to
 * the queue, where the proposal then stands.
 */
@Controller
class BirthDateConsole {

    private static final String QUEUE = "redirect:/console/subjects/birth-dates";

    private final CompletingBirthDates birthDates;

    BirthDateConsole(CompletingBirthDates birthDates) {
        this.birthDates = birthDates;
    }

    @RequiresPermission(Permission.SUBJECT_AMEND)
    @GetMapping("/console/subjects/birth-dates")
    String queue(Model model) {
        model.addAttribute("pending", birthDates.pending());
        model.addAttribute("decided", birthDates.recentlyDecided());
        return "console/birth-dates";
    }

    @RequiresPermission(Permission.SUBJECT_AMEND)
    @PostMapping("/console/subjects/{id}/birth-date")
    String propose(@PathVariable UUID id, @RequestParam(required = false) LocalDate birthDate,
                   @RequestParam(required = false) BirthDateEvidence evidence,
                   @RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "birthDates.proposed",
                () -> birthDates.propose(id, birthDate, evidence, reference, reason));
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
