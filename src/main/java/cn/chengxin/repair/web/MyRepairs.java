package cn.chengxin.repair.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.repair.Repairs;
import cn.chengxin.shared.City;
import cn.chengxin.shared.OlderPage;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.shared.web.FileTransfers;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的信用修复: the repair notice of each negative record (信用修复告知书, 两书同达) and of each list entry in force
 * that a department proposed by hand, the application form with the commitment to sign, and the applications with
 * their deadlines and decisions; an open application may be withdrawn. A record or an entry that is not the signed-in person's answers 404.
 */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class MyRepairs {

    static final int APPLICATIONS_PER_PAGE = 20;

    private final Repairs repairs;
    private final Catalogue catalogue;
    private final City city;
    private final Clock clock;

    MyRepairs(Repairs repairs, Catalogue catalogue, City city, Clock clock) {
        this.repairs = repairs;
        this.catalogue = catalogue;
        this.city = city;
        this.clock = clock;
    }

    /** Applications newest first, {@value #APPLICATIONS_PER_PAGE} a page; older by {@code before} (the last shown). */
    @GetMapping("/me/repairs")
    String list(@AuthenticationPrincipal CitizenPrincipal citizen, @RequestParam(required = false) UUID before,
                Model model) {
        var page = repairs.page(citizen.subjectId(), before, APPLICATIONS_PER_PAGE);
        model.addAttribute("applications", page.items());
        model.addAttribute("olderBefore", page.olderBefore());
        model.addAttribute("paged", before != null);
        model.addAttribute("before", before);
        model.addAttribute("repairable", repairs.repairable(citizen.subjectId()).values());
        model.addAttribute("entries", repairs.repairableEntries(citizen.subjectId()).values());
        model.addAttribute("today", LocalDate.now(clock));
        return "me/repairs";
    }

    /**
     * 信用修复告知书 of one record, or of one list entry a department proposed by hand (finding #8: its notices promise
     * repair): when and how it can be repaired.
     */
    @GetMapping("/me/repairs/notice/{id}")
    String notice(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable("id") UUID recordKey, Model model) {
        model.addAttribute("departments", catalogue.departments());
        model.addAttribute("deadlines", repairs.deadlines());
        model.addAttribute("city", city);
        model.addAttribute("today", LocalDate.now(clock));
        if (isEntry(citizen, recordKey)) {
            model.addAttribute("r", repairs.repairableEntry(citizen.subjectId(), recordKey));
            return "me/repair-entry-notice";
        }
        model.addAttribute("r", repairs.repairable(citizen.subjectId(), recordKey));
        return "me/repair-notice";
    }

    /** Whether {@code id} names one of the person's entries proposed by hand rather than a record. */
    private boolean isEntry(CitizenPrincipal citizen, UUID id) {
        return !repairs.repairable(citizen.subjectId()).containsKey(id)
                && repairs.repairableEntries(citizen.subjectId()).containsKey(id);
    }

    @GetMapping("/me/repairs/apply/{id}")
    String form(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable("id") UUID recordKey, Model model) {
        model.addAttribute("id", recordKey);
        if (isEntry(citizen, recordKey)) {
            Repairs.RepairableEntry e = repairs.repairableEntry(citizen.subjectId(), recordKey);
            if (!e.eligibility().byPlatform()) {
                return "redirect:/me/repairs/notice/" + recordKey;
            }
            model.addAttribute("r", e);
            model.addAttribute("repairedLine", e.name() + "（" + e.countedFrom() + "）");
            model.addAttribute("commitment", repairs.entryCommitmentText(citizen.subjectId(), recordKey));
            model.addAttribute("requirements", List.of());
            model.addAttribute("today", LocalDate.now(clock));
            return "me/repair-apply";
        }
        Repairs.Repairable r = repairs.repairable(citizen.subjectId(), recordKey);
        if (!r.eligibility().byPlatform()) {
            // A court's or a department's own decision (RULES.md §7): its notice says where to apply; no form here.
            return "redirect:/me/repairs/notice/" + recordKey;
        }
        model.addAttribute("r", r);
        model.addAttribute("repairedLine", r.item().name() + " " + r.record().decisionNumber() + "（"
                + r.record().decisionDate() + "）");
        model.addAttribute("commitment", repairs.commitmentText(citizen.subjectId(), recordKey));
        // What the record's item version asks beyond proof (RULES.md §6): named, each with its own required field.
        model.addAttribute("requirements", r.item().repairRequirements().stream().map(Enum::name).toList());
        model.addAttribute("today", LocalDate.now(clock));
        return "me/repair-apply";
    }

    @PostMapping("/me/repairs/apply/{id}")
    String apply(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable("id") UUID recordKey,
                 @RequestParam(defaultValue = "") String performance, @RequestParam(defaultValue = "") String signature,
                 @RequestParam(name = "proof", required = false) List<MultipartFile> proof,
                 @RequestParam(name = "training", required = false) List<MultipartFile> training,
                 @RequestParam(name = "creditReport", required = false) List<MultipartFile> creditReport,
                 @RequestParam(name = "other", required = false) List<MultipartFile> other,
                 @RequestParam(defaultValue = "VOLUNTEER") String otherKind,
                 RedirectAttributes redirect) throws IOException {
        List<Repairs.Upload> uploads = materials(proof, training, creditReport, otherKind, other);
        boolean[] done = new boolean[1];
        ConsoleActions.flash(redirect, "me.repair.applied", () -> {
            if (isEntry(citizen, recordKey)) {
                repairs.applyForEntry(citizen.subjectId(), recordKey, performance, signature, uploads, null);
            } else {
                repairs.apply(citizen.subjectId(), recordKey, performance, signature, uploads, null);
            }
            done[0] = true;
        });
        if (done[0]) {
            return "redirect:/me/repairs";
        }
        // A refused application (a misspelt signature, a file of the wrong type) shows the form again with what was
        // written in it; only the files must be chosen again. The kept text is redacted as the stored one is, since
        // the session that carries it to the next page is stored in the database.
        redirect.addFlashAttribute("performance", IdentityRedaction.redact(performance));
        redirect.addFlashAttribute("signature", IdentityRedaction.redact(signature));
        redirect.addFlashAttribute("otherKind", otherKind);
        return "redirect:/me/repairs/apply/" + recordKey;
    }

    /**
     * The files of a repair form: proof, the training certificate and the credit report an item may ask for
     * (RULES.md §6), and other evidence of the kind chosen for it.
     */
    static List<Repairs.Upload> materials(List<MultipartFile> proof, List<MultipartFile> training,
                                          List<MultipartFile> creditReport, String otherKind,
                                          List<MultipartFile> other) throws IOException {
        List<Repairs.Upload> uploads = new ArrayList<>(read("PROOF", proof));
        uploads.addAll(read("TRAINING", training));
        uploads.addAll(read("CREDIT_REPORT", creditReport));
        uploads.addAll(read(otherKind, other));
        return uploads;
    }

    /**
     * The applicant withdraws an open application (G8): its commitment lapses with it. Refused, with the reason shown,
     * once it is decided or ended; another person's is unknown. Back to the page the application was on ({@code
     * before} as the form carries it).
     */
    @PostMapping("/me/repairs/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable("id") UUID id,
                    @RequestParam(required = false) UUID before, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "me.repair.withdrawn", () -> repairs.withdraw(citizen.subjectId(), id));
        return "redirect:" + OlderPage.address("/me/repairs", before);
    }

    /** The chosen files of a field as uploads of one kind. */
    static List<Repairs.Upload> read(String kind, List<MultipartFile> parts) throws IOException {
        return FileTransfers.read(parts).stream().map(f -> new Repairs.Upload(kind, f.filename(), f.content()))
                .toList();
    }
}
