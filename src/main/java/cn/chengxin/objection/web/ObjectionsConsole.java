package cn.chengxin.objection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.objection.Objections;
import cn.chengxin.objection.domain.ObjectionPause;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 异议处理 in the console: open cases by deadline (overdue ones marked), routing to the department, decisions. */
@Controller
@RequiresPermission(Permission.OBJECTION_HANDLE)
class ObjectionsConsole {

    private final Objections objections;
    private final Clock clock;

    ObjectionsConsole(Objections objections, Clock clock) {
        this.objections = objections;
        this.clock = clock;
    }

    @GetMapping("/console/objections")
    String page(Model model) {
        var open = objections.open();
        model.addAttribute("open", open);
        model.addAttribute("evidence", objections.evidenceOf(open));
        model.addAttribute("pauses", objections.pausesOf(open));
        model.addAttribute("pauseKinds", ObjectionPause.Kind.values());
        model.addAttribute("decided", objections.recentlyDecided());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("proceedingKinds", RecordProceeding.Kind.values());
        model.addAttribute("documentTypes", DocumentType.values());
        return "console/objections";
    }

    /** An attachment, always as a download (never rendered by the browser) of the type its content was checked as. */
    @GetMapping("/console/objections/evidence/{id}")
    org.springframework.http.ResponseEntity<byte[]> evidence(@PathVariable UUID id) {
        return EvidenceResponses.download(objections.evidence(id));
    }

    /**
     * 窗口代办: an objection filed at a counter for a subject, naming the record by its decision number; a passport or
     * travel-permit holder by the type of their document, an unknown type refused on the form as a bad number is.
     */
    @PostMapping("/console/objections")
    String fileAtCounter(@RequestParam(defaultValue = "") String number,
                         @RequestParam(required = false) String documentType,
                         @RequestParam(defaultValue = "") String decisionNumber,
                         @RequestParam(defaultValue = "") String reasons, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "objections.filedAtCounter",
                () -> objections.fileAtCounter(number, documentType, decisionNumber, reasons));
        return "redirect:/console/objections";
    }

    /** 行政复议/诉讼 pending: flagged on a record named by subject number (and type) and decision number. */
    @PostMapping("/console/objections/proceedings")
    String flagProceeding(@RequestParam(defaultValue = "") String number,
                          @RequestParam(required = false) String documentType,
                          @RequestParam(defaultValue = "") String decisionNumber,
                          @RequestParam(required = false) RecordProceeding.Kind kind,
                          @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "objections.proceedingFlagged",
                () -> objections.flagProceeding(number, documentType, decisionNumber, kind, note));
        return "redirect:/console/objections";
    }

    @PostMapping("/console/objections/proceedings/{id}/clear")
    String clearProceeding(@PathVariable UUID id, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "objections.proceedingCleared", () -> objections.clearProceeding(id));
        return "redirect:/console/objections";
    }

    @PostMapping("/console/objections/{id}/route")
    String route(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "objections.routed", () -> objections.route(id, version));
        return "redirect:/console/objections";
    }

    /** 中止计算: testing or expert review from today to {@code until}; the deadlines move, the ceiling holds. */
    @PostMapping("/console/objections/{id}/pause")
    String pause(@PathVariable UUID id, @RequestParam int version,
                 @RequestParam(required = false) ObjectionPause.Kind kind, @RequestParam(defaultValue = "") String reason,
                 @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                         iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate until,
                 RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "objections.paused", () -> objections.pause(id, version, kind, reason, until));
        return "redirect:/console/objections";
    }

    /**
     * A refusal shows the page again, the case's decision form holding the refusal beside its reasons and what was
     * typed (reasons the subject reads run long and are not typed twice), any identity number in them masked.
     */
    @PostMapping("/console/objections/{id}/decide")
    String decide(@PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) Outcome outcome,
                  @RequestParam(defaultValue = "") String reasons, RedirectAttributes redirect, Model model) {
        try {
            objections.decide(id, version, outcome, reasons);
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            model.addAttribute("failure", problem.getMessage());
            model.addAttribute("failureCode", problem.code());
            if (e instanceof TypedText.HoldsIdentityNumber typed) {
                model.addAttribute("refusedField", typed.field());
            }
            model.addAttribute("typedDecision", new TypedDecision(id, outcome, TypedText.shownAgain(reasons)));
            return page(model);
        }
        redirect.addFlashAttribute("successKey", "objections.decided");
        return "redirect:/console/objections";
    }

    /** What was typed into a case's decision form that was refused. */
    record TypedDecision(UUID objectionId, Outcome outcome, String reasons) {
    }
}
