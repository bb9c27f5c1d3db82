package cn.chengxin.objection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.objection.Objections;
import cn.chengxin.objection.domain.DepartmentAnswer;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.domain.TypedText;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 异议核查 for a providing department: the objections routed to the operator's own department, listed masked, each
 * opened one at a time (the look audited) with the record it contests, the subject's reasons and evidence, and the
 * form to answer within 3 working days; and the corrections decided on its records that it still owes, each with the
 * day it is due.
 */
@Controller
@RequiresPermission(Permission.OBJECTION_ANSWER)
class ObjectionAnswersConsole {

    private final Objections objections;
    private final Clock clock;

    ObjectionAnswersConsole(Objections objections, Clock clock) {
        this.objections = objections;
        this.clock = clock;
    }

    /**
     * The queue, masked: item (named, its code beside), subject masked, deadline and state; a case's content is seen
     * by opening it.
     */
    @GetMapping("/console/objection-answers")
    String page(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        var cases = objections.routedTo(staff.departmentCode());
        var corrections = objections.correctionsOwedBy(staff.departmentCode());
        model.addAttribute("cases", cases);
        model.addAttribute("corrections", corrections);
        model.addAttribute("itemNames", objections.itemNamesOf(Stream.concat(
                cases.stream().map(Objections.RoutedCase::objection),
                corrections.stream().map(Objections.OwedCorrection::objection)).toList()));
        model.addAttribute("deadlines", objections.deadlines());
        model.addAttribute("today", LocalDate.now(clock));
        return "console/objection-answers";
    }

    /**
     * One case routed to the department, its record, reasons and evidence shown once the look is recorded about the
     * subject (F8: the queue alone shows nothing of them); another department's, or one unknown, is refused back on
     * the queue.
     */
    @GetMapping("/console/objection-answers/{id}")
    String routedCase(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, Model model,
                      RedirectAttributes redirect) {
        Objections.RoutedCase shown;
        try {
            shown = objections.lookRouted(staff.departmentCode(), id);
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
            return "redirect:/console/objection-answers";
        }
        model.addAttribute("c", shown);
        model.addAttribute("itemNames", objections.itemNamesOf(List.of(shown.objection())));
        model.addAttribute("answers", DepartmentAnswer.values());
        model.addAttribute("deadlines", objections.deadlines());
        model.addAttribute("today", LocalDate.now(clock));
        return "console/objection-answer";
    }

    /** An attachment of a case routed to the operator's department, always as a download. */
    @GetMapping("/console/objection-answers/evidence/{id}")
    org.springframework.http.ResponseEntity<byte[]> evidence(@AuthenticationPrincipal StaffPrincipal staff,
                                                             @PathVariable UUID id) {
        return EvidenceResponses.download(objections.evidenceRoutedTo(staff.departmentCode(), id));
    }

    /**
     * A refusal shows the case again (a look recorded again, as its content is shown again), its form holding the
     * refusal and what was typed (corrections and reasons run long, and the 3 working days are short), any identity
     * number in them masked.
     */
    @PostMapping("/console/objection-answers/{id}")
    String answer(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable UUID id, @RequestParam int version,
                  @RequestParam(required = false) DepartmentAnswer answer,
                  @RequestParam(defaultValue = "") String corrections, @RequestParam(defaultValue = "") String reasons,
                  RedirectAttributes redirect, HttpServletResponse response, Model model) {
        try {
            objections.answer(staff.departmentCode(), id, version, answer, corrections, reasons);
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("typedAnswer", new TypedAnswer(id, answer, TypedText.shownAgain(corrections),
                    TypedText.shownAgain(reasons)));
            return routedCase(staff, id, model, redirect);
        }
        redirect.addFlashAttribute("successKey", "objectionAnswers.answered");
        return "redirect:/console/objection-answers";
    }

    /** What was typed into a case's answer form that was refused. */
    record TypedAnswer(UUID objectionId, DepartmentAnswer answer, String corrections, String reasons) {
    }
}
