package cn.chengxin.repair.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.repair.RepairApplication;
import cn.chengxin.repair.Repairs;
import cn.chengxin.shared.CountedPage;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.shared.web.PersonSearches;
import cn.chengxin.shared.web.FileTransfers;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.TypedText;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 信用修复 in the console: open applications by deadline (overdue marked), listed masked; each opened one at a time,
 * the look audited, with its proof and signed commitment: 初审 (propose), 复核批准 (approve, by someone else), refusal
 * with reasons, one recorded extension; counter filing.
 */
@Controller
@RequiresPermission(Permission.REPAIR_DECIDE)
class RepairsConsole {

    private final Repairs repairs;
    private final Clock clock;

    RepairsConsole(Repairs repairs, Clock clock) {
        this.repairs = repairs;
        this.clock = clock;
    }

    /**
     * The queue, masked (F8): item, decision, applicant masked, deadline and state; the statement, materials and
     * commitment are seen by opening one application. The open applications a page at a time with the count of all
     * (K5 of gaps-review-xxix).
     */
    @GetMapping("/console/repairs")
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        CountedPage<RepairApplication> openPage = repairs.open(page);
        List<RepairApplication> open = openPage.items();
        model.addAttribute("openPage", openPage);
        model.addAttribute("open", open);
        model.addAttribute("applicants", repairs.applicantsOf(open));
        List<RepairApplication> decided = repairs.recentlyDecided();
        model.addAttribute("decided", decided);
        model.addAttribute("decidedApplicants", repairs.applicantsOf(decided));
        List<RepairApplication> shown = new java.util.ArrayList<>(open);
        shown.addAll(decided);
        model.addAttribute("staffNames", repairs.staffNames(shown));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("deadlines", repairs.deadlines());
        model.addAttribute("documentTypes", DocumentType.values());
        return "console/repairs";
    }

    /**
     * 按证件查找 (K5 of gaps-review-xxix): the person's applications, open and decided, each linking to its page; the
     * number is posted and shown again only in its own field when refused, the look audited about the applicant.
     */
    @PostMapping("/console/repairs/search")
    String search(@RequestParam(required = false) String documentType,
                  @RequestParam(defaultValue = "") String number, HttpServletResponse response, Model model) {
        PersonSearches.show(model, response, documentType, number, repairs::ofPerson,
                found -> model.addAttribute("foundApplicants", repairs.applicantsOf(found)));
        return page(0, model);
    }

    /**
     * One application with the applicant's statement, materials and signed commitment, and the forms to decide it:
     * the look is recorded about the applicant before it is shown (RULES.md §9, §10; F8). The purpose is the queue's
     * own, so none is asked. An unknown application is refused back on the queue.
     */
    @GetMapping("/console/repairs/{id}")
    String application(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        List<RepairApplication> one;
        try {
            one = List.of(repairs.look(id));
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
            return "redirect:/console/repairs";
        }
        model.addAttribute("open", one);
        model.addAttribute("applicants", repairs.applicantsOf(one));
        model.addAttribute("attachments", repairs.attachmentsOf(one));
        model.addAttribute("commitments", repairs.commitmentsOf(one));
        model.addAttribute("staffNames", repairs.staffNames(one));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("deadlines", repairs.deadlines());
        return "console/repair";
    }

    /** An attachment, always as a download of the type its content was checked as. */
    @GetMapping("/console/repairs/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id) {
        Repairs.AttachmentDownload download = repairs.attachment(id);
        // Named as on screens: a name kept before names were masked on upload is masked here (RULES.md §10).
        return FileTransfers.download(download.file().contentType(),
                IdentityRedaction.redact(download.file().filename()), download.content());
    }

    /**
     * 窗口代办: an application filed for a subject; a passport or travel-permit holder named by the type of their
     * document, an unknown type refused on the form as a bad number is. A refusal shows the form again with what was
     * typed (the number in its own field only, the performance masked); files cannot be sent back and are chosen again.
     */
    @PostMapping("/console/repairs")
    String fileAtCounter(@RequestParam(defaultValue = "") String number,
                         @RequestParam(required = false) String documentType,
                         @RequestParam(defaultValue = "") String decisionNumber,
                         @RequestParam(defaultValue = "") String performance,
                         @RequestParam(defaultValue = "") String signature,
                         @RequestParam(name = "proof", required = false) List<MultipartFile> proof,
                         @RequestParam(name = "training", required = false) List<MultipartFile> training,
                         @RequestParam(name = "creditReport", required = false) List<MultipartFile> creditReport,
                         @RequestParam(name = "other", required = false) List<MultipartFile> other,
                         @RequestParam(defaultValue = "VOLUNTEER") String otherKind,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                         LocalDate oldReceivedOn,
                         @RequestParam(defaultValue = "") String oldReference,
                         RedirectAttributes redirect, HttpServletResponse response, Model model) throws IOException {
        try {
            repairs.applyAtCounter(number, documentType, decisionNumber, performance, signature,
                    MyRepairs.materials(proof, training, creditReport, otherKind, other), oldReceivedOn, oldReference);
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("typedCounter", new TypedCounter(documentType, number, decisionNumber,
                    TypedText.shownAgain(performance), signature, oldReceivedOn, TypedText.shownAgain(oldReference)));
            return page(0, model);
        }
        redirect.addFlashAttribute("successKey", "repairs.filedAtCounter");
        return "redirect:/console/repairs";
    }

    /**
     * 初审同意. A refusal here, as of a refusal or an extension, shows the application again (its look recorded
     * again), its form holding the refusal beside its field and what was typed, any identity number in it masked: the
     * decision's 3 working days (RULES.md §6) are not spent typing a text twice.
     */
    @PostMapping("/console/repairs/{id}/propose")
    String propose(@PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "") String note,
                   RedirectAttributes redirect, HttpServletResponse response, Model model) {
        return decide(new TypedDecision(id, "propose", note, 0), "repairs.proposed",
                () -> repairs.propose(id, version, note), redirect, response, model);
    }

    @PostMapping("/console/repairs/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "repairs.approved", () -> repairs.approve(id, version));
        return "redirect:/console/repairs";
    }

    @PostMapping("/console/repairs/{id}/refuse")
    String refuse(@PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "") String reasons,
                  RedirectAttributes redirect, HttpServletResponse response, Model model) {
        return decide(new TypedDecision(id, "refuse", reasons, 0), "repairs.refused",
                () -> repairs.refuse(id, version, reasons), redirect, response, model);
    }

    @PostMapping("/console/repairs/{id}/extend")
    String extend(@PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "0") int days,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect,
                  HttpServletResponse response, Model model) {
        return decide(new TypedDecision(id, "extend", reason, days), "repairs.extended",
                () -> repairs.extend(id, version, days, reason), redirect, response, model);
    }

    private String decide(TypedDecision typed, String successKey, Runnable action, RedirectAttributes redirect,
                          HttpServletResponse response, Model model) {
        try {
            action.run();
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("typed", new TypedDecision(typed.applicationId(), typed.form(),
                    TypedText.shownAgain(typed.text()), typed.days()));
            return application(typed.applicationId(), model, redirect);
        }
        redirect.addFlashAttribute("successKey", successKey);
        return "redirect:/console/repairs";
    }

    /** What was typed into the counter form that was refused; {@code documentType} as sent, a type's code or none. */
    record TypedCounter(String documentType, String number, String decisionNumber, String performance,
                        String signature, LocalDate oldReceivedOn, String oldReference) {
    }

    /** What was typed into one of an application's forms ({@code form}: propose, refuse or extend) that was refused. */
    record TypedDecision(UUID applicationId, String form, String text, int days) {

        public boolean of(UUID application, String name) {
            return applicationId.equals(application) && form.equals(name);
        }
    }
}
