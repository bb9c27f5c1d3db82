package cn.chengxin.objection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.objection.Objection;
import cn.chengxin.objection.Objections;
import cn.chengxin.objection.domain.ObjectionPause;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.shared.web.PersonSearches;
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
 * 异议处理 in the console: open cases by deadline (overdue ones marked), listed masked; each opened one at a time, the
 * look audited, for routing to the department, pauses and decisions.
 */
@Controller
@RequiresPermission(Permission.OBJECTION_HANDLE)
class ObjectionsConsole {

    private final Objections objections;
    private final StaffDirectory directory;
    private final Clock clock;

    ObjectionsConsole(Objections objections, StaffDirectory directory, Clock clock) {
        this.objections = objections;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The queue, masked (F8): item, department, subject masked, deadline and state; a case is opened to be handled. The
     * open cases a page at a time with the count of all (K5 of gaps-review-xxix).
     */
    @GetMapping("/console/objections")
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        var openPage = objections.open(page);
        var open = openPage.items();
        model.addAttribute("openPage", openPage);
        model.addAttribute("open", open);
        model.addAttribute("contested", objections.contestedOf(open));
        var correctionsEscalated = objections.correctionsEscalated();
        model.addAttribute("correctionsEscalated", correctionsEscalated);
        model.addAttribute("escalatedItemNames", objections.itemNamesOf(correctionsEscalated.stream()
                .map(Objections.OwedCorrection::objection).toList()));
        var decided = objections.recentlyDecided();
        model.addAttribute("decided", decided);
        model.addAttribute("decidedContested", objections.contestedOf(decided));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("proceedingKinds", RecordProceeding.Kind.values());
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("deadlines", objections.deadlines());
        model.addAttribute("departments", directory.departmentNames());
        model.addAttribute("omissionChoices", objections.omissionChoices(null));
        return "console/objections";
    }

    /**
     * 按证件查找 (K5 of gaps-review-xxix): the person's cases, open and decided, each linking to its page; the number is
     * posted and kept only in its own field, the look audited about the subject. A refusal shows on the queue.
     */
    @PostMapping("/console/objections/search")
    String search(@RequestParam(required = false) String documentType,
                  @RequestParam(defaultValue = "") String number, HttpServletResponse response, Model model) {
        PersonSearches.show(model, response, documentType, number, objections::ofPerson,
                found -> model.addAttribute("foundContested", objections.contestedOf(found)));
        return page(0, model);
    }

    /**
     * One case with the record it contests, the subject's reasons, the evidence and the forms to route, pause and
     * decide it: the look is recorded about the subject before it is shown (RULES.md §9, §10; F8). The purpose is
     * the queue's own, so none is asked. An unknown case is refused back on the queue.
     */
    @GetMapping("/console/objections/{id}")
    String objection(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        List<Objection> one;
        try {
            one = List.of(objections.look(id));
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
            return "redirect:/console/objections";
        }
        model.addAttribute("open", one);
        model.addAttribute("contested", objections.contestedOf(one));
        model.addAttribute("evidence", objections.evidenceOf(one));
        model.addAttribute("pauses", objections.pausesOf(one));
        model.addAttribute("pauseKinds", ObjectionPause.Kind.values());
        model.addAttribute("outcomes", Outcome.decisions());
        model.addAttribute("entryOutcomes", Outcome.entryDecisions());
        model.addAttribute("omissionOutcomes", cn.chengxin.objection.domain.Omission.decisions());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("deadlines", objections.deadlines());
        model.addAttribute("departments", directory.departmentNames());
        return "console/objection";
    }

    /** An attachment, always as a download (never rendered by the browser) of the type its content was checked as. */
    @GetMapping("/console/objections/evidence/{id}")
    org.springframework.http.ResponseEntity<byte[]> evidence(@PathVariable UUID id) {
        return EvidenceResponses.download(objections.evidence(id));
    }

    /**
     * 窗口代办: an objection filed at a counter for a subject, naming the record by its decision number; a passport or
     * travel-permit holder by the type of their document, an unknown type refused on the form as a bad number is.
     * A refusal shows the form again with what was typed: the number in its own field only, the statement masked.
     */
    @PostMapping("/console/objections")
    String fileAtCounter(@RequestParam(defaultValue = "") String number,
                         @RequestParam(required = false) String documentType,
                         @RequestParam(defaultValue = "") String decisionNumber,
                         @RequestParam(defaultValue = "") String reasons,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                         LocalDate oldReceivedOn,
                         @RequestParam(defaultValue = "") String oldReference, RedirectAttributes redirect,
                         HttpServletResponse response, Model model) {
        try {
            objections.fileAtCounter(number, documentType, decisionNumber, reasons, oldReceivedOn, oldReference);
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("typedCounter", new TypedCounter(documentType, number, decisionNumber,
                    TypedText.shownAgain(reasons), oldReceivedOn, TypedText.shownAgain(oldReference)));
            return page(0, model);
        }
        return done(redirect, "objections.filedAtCounter");
    }

    /**
     * 窗口代办 of an omission (信息遗漏, K8 of gaps-review-xxix): a record missing from the person's file, named by item
     * and providing department. A refusal shows the form again with what was typed: the number in its own field only,
     * the texts masked.
     */
    @PostMapping("/console/objections/omissions")
    String fileOmissionAtCounter(@RequestParam(defaultValue = "") String number,
                                 @RequestParam(required = false) String documentType,
                                 @RequestParam(defaultValue = "") String omission,
                                 @RequestParam(defaultValue = "") String missing,
                                 @RequestParam(defaultValue = "") String decisionNumber,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate decidedOn,
                                 @RequestParam(defaultValue = "") String reasons, RedirectAttributes redirect,
                                 HttpServletResponse response, Model model) {
        try {
            objections.fileOmissionAtCounter(number, documentType, Objections.OmissionChoice.itemOf(omission),
                    Objections.OmissionChoice.departmentOf(omission), missing, decisionNumber, decidedOn, reasons);
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("typedOmission", new TypedOmission(documentType, number, omission,
                    TypedText.shownAgain(missing), TypedText.shownAgain(decisionNumber), decidedOn,
                    TypedText.shownAgain(reasons)));
            return page(0, model);
        }
        return done(redirect, "objections.filedAtCounter");
    }

    /**
     * 行政复议/诉讼 pending: flagged on a record named by subject number (and type) and decision number. A refusal
     * shows the form again with what was typed, the note's identity number masked.
     */
    @PostMapping("/console/objections/proceedings")
    String flagProceeding(@RequestParam(defaultValue = "") String number,
                          @RequestParam(required = false) String documentType,
                          @RequestParam(defaultValue = "") String decisionNumber,
                          @RequestParam(required = false) RecordProceeding.Kind kind,
                          @RequestParam(defaultValue = "") String note, RedirectAttributes redirect,
                          HttpServletResponse response, Model model) {
        try {
            objections.flagProceeding(number, documentType, decisionNumber, kind, note);
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("typedProceeding", new TypedProceeding(documentType, number, decisionNumber, kind,
                    TypedText.shownAgain(note)));
            return page(0, model);
        }
        return done(redirect, "objections.proceedingFlagged");
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

    /**
     * 中止计算: testing or expert review from today to {@code until}; the deadlines move, the ceiling holds. A refusal
     * shows the case again (its look recorded again), its pause form open with the refusal and what was typed.
     */
    @PostMapping("/console/objections/{id}/pause")
    String pause(@PathVariable UUID id, @RequestParam int version,
                 @RequestParam(required = false) ObjectionPause.Kind kind,
                 @RequestParam(defaultValue = "") String reason,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                 RedirectAttributes redirect, HttpServletResponse response, Model model) {
        try {
            objections.pause(id, version, kind, reason, until);
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("typedPause", new TypedPause(id, kind, TypedText.shownAgain(reason), until));
            return objection(id, model, redirect);
        }
        return done(redirect, "objections.paused");
    }

    /**
     * A refusal shows the case again (its look recorded again), its decision form holding the refusal beside its
     * reasons and what was typed (reasons the subject reads run long and are not typed twice), any identity number in
     * them masked.
     */
    @PostMapping("/console/objections/{id}/decide")
    String decide(@PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) Outcome outcome,
                  @RequestParam(defaultValue = "") String reasons, RedirectAttributes redirect,
                  HttpServletResponse response, Model model) {
        try {
            objections.decide(id, version, outcome, reasons);
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("typedDecision", new TypedDecision(id, outcome, TypedText.shownAgain(reasons)));
            return objection(id, model, redirect);
        }
        return done(redirect, "objections.decided");
    }

    private static String done(RedirectAttributes redirect, String successKey) {
        redirect.addFlashAttribute("successKey", successKey);
        return "redirect:/console/objections";
    }

    /** What was typed into a case's decision form that was refused. */
    record TypedDecision(UUID objectionId, Outcome outcome, String reasons) {
    }

    /** What was typed into a case's pause form that was refused. */
    record TypedPause(UUID objectionId, ObjectionPause.Kind kind, String reason, LocalDate until) {
    }

    /** What was typed into the counter form that was refused; {@code documentType} as sent, a type's code or none. */
    record TypedCounter(String documentType, String number, String decisionNumber, String reasons,
                        LocalDate oldReceivedOn, String oldReference) {
    }

    /** What was typed into the counter's omission form that was refused. */
    record TypedOmission(String documentType, String number, String omission, String missing, String decisionNumber,
                         LocalDate decidedOn, String reasons) {
    }

    /** What was typed into the proceedings form that was refused. */
    record TypedProceeding(String documentType, String number, String decisionNumber, RecordProceeding.Kind kind,
                           String note) {
    }
}
