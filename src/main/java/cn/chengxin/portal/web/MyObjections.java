package cn.chengxin.portal.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.objection.Objections;
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

/** 我的异议: objections the citizen filed against records of their file, their deadlines and outcomes. */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class MyObjections {

    static final int OBJECTIONS_PER_PAGE = 20;

    private final Objections objections;
    private final Catalogue catalogue;
    private final java.time.Clock clock;

    MyObjections(Objections objections, Catalogue catalogue, java.time.Clock clock) {
        this.objections = objections;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Newest first, {@value #OBJECTIONS_PER_PAGE} a page; older pages by {@code before} (the last objection shown). */
    @GetMapping("/me/objections")
    String list(@AuthenticationPrincipal CitizenPrincipal citizen, @RequestParam(required = false) UUID before,
                Model model) {
        var page = objections.page(citizen.subjectId(), before, OBJECTIONS_PER_PAGE);
        var mine = page.items();
        model.addAttribute("objections", mine);
        model.addAttribute("olderBefore", page.olderBefore());
        model.addAttribute("paged", before != null);
        model.addAttribute("before", before);
        model.addAttribute("reviewable", objections.reviewable(mine));
        model.addAttribute("evidence", objections.evidenceOf(mine));
        // An objection to a list entry (item code LIST_<type>) is named by its list, in the reader's language.
        model.addAttribute("itemNames", catalogue.active().stream()
                .collect(Collectors.toMap(CatalogueItem::code, i -> i.definition().name(), (a, b) -> a)));
        model.addAttribute("today", java.time.LocalDate.now(clock));
        model.addAttribute("deadlines", objections.deadlines());
        return "me/objections";
    }

    /**
     * 申请复核: once per decision; another person's objection is unknown (404). Back to the page the objection was on
     * ({@code before} as the form carries it).
     */
    @PostMapping("/me/objections/{id}/review")
    String review(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id,
                  @RequestParam(defaultValue = "") String reasons, @RequestParam(required = false) UUID before,
                  RedirectAttributes redirect) {
        boolean[] requested = new boolean[1];
        ConsoleActions.flashOrNotFound(redirect, "me.objection.reviewRequested", () -> {
            objections.requestReview(citizen.subjectId(), id, reasons);
            requested[0] = true;
        });
        if (!requested[0]) {
            // Refused (reasons missing or too long): back to the case's form with the reasons as written, not an
            // empty one (issue #8). Redacted as the stored reasons are, since the session that carries them to the
            // next page is stored in the database.
            redirect.addFlashAttribute("reviewObjection", id);
            redirect.addFlashAttribute("reviewReasons", IdentityRedaction.redact(reasons));
            return "redirect:" + OlderPage.address("/me/objections", before) + "#review-" + id;
        }
        return "redirect:" + OlderPage.address("/me/objections", before);
    }

    /**
     * 信息遗漏 (K8 of gaps-review-xxix; RULES.md §5): an objection that a record is missing, naming the item and the
     * department that should have provided it ({@code omission}: {@link Objections.OmissionChoice#value()}) and what
     * is missing. Refused, back to the credit file's form with what was typed (texts redacted, as for a record).
     */
    @PostMapping("/me/objections/omissions")
    String fileOmission(@AuthenticationPrincipal CitizenPrincipal citizen,
                        @RequestParam(defaultValue = "") String omission,
                        @RequestParam(defaultValue = "") String missing,
                        @RequestParam(defaultValue = "") String decisionNumber,
                        @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                        java.time.LocalDate decidedOn,
                        @RequestParam(defaultValue = "") String reasons,
                        @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
                        RedirectAttributes redirect) throws IOException {
        List<Objections.Upload> uploads = uploads(evidence);
        boolean[] filed = new boolean[1];
        ConsoleActions.flashOrNotFound(redirect, "me.objection.filed", () -> {
            objections.fileOmission(citizen.subjectId(), Objections.OmissionChoice.itemOf(omission),
                    Objections.OmissionChoice.departmentOf(omission), missing, decisionNumber, decidedOn, reasons,
                    "本人", uploads);
            filed[0] = true;
        });
        if (!filed[0]) {
            String refused = FileForms.refused(redirect, FileForms.OMISSION, "");
            redirect.addFlashAttribute("typedOmission", new TypedOmission(omission, IdentityRedaction.redact(missing),
                    IdentityRedaction.redact(decisionNumber), decidedOn, IdentityRedaction.redact(reasons)));
            return refused;
        }
        return "redirect:/me/objections";
    }

    private static List<Objections.Upload> uploads(List<MultipartFile> evidence) throws IOException {
        return FileTransfers.read(evidence).stream().map(f -> new Objections.Upload(f.filename(), f.content()))
                .toList();
    }

    /** What was typed into a refused omission form, any identity number masked (the session is stored). */
    record TypedOmission(String omission, String missing, String decisionNumber, java.time.LocalDate decidedOn,
                         String reasons) implements java.io.Serializable {
    }

    @PostMapping("/me/objections")
    String file(@AuthenticationPrincipal CitizenPrincipal citizen, @RequestParam(required = false) UUID recordKey,
                @RequestParam(required = false) UUID entryId,
                @RequestParam(required = false) String receivedEntry,
                @RequestParam(defaultValue = "") String reasons,
                @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
                RedirectAttributes redirect) throws IOException {
        List<Objections.Upload> uploads = uploads(evidence);
        boolean[] filed = new boolean[1];
        ConsoleActions.flashOrNotFound(redirect, "me.objection.filed",
                () -> {
                    if (receivedEntry != null) {
                        objections.fileAgainstReceived(citizen.subjectId(), receivedEntry, reasons, "本人", uploads);
                    } else if (entryId != null) {
                        objections.fileAgainstEntry(citizen.subjectId(), entryId, reasons, "本人", uploads);
                    } else {
                        objections.file(citizen.subjectId(), recordKey, reasons, "本人", uploads);
                    }
                    filed[0] = true;
                });
        if (!filed[0] && receivedEntry != null) {
            // Refused on another platform's entry: back to its form in 我的名单, the reasons kept as for an entry.
            redirect.addFlashAttribute("objectionReceived", receivedEntry);
            redirect.addFlashAttribute("objectionReasons", IdentityRedaction.redact(reasons));
            return "redirect:/me/lists#received-entries";
        }
        if (!filed[0] && entryId == null) {
            // Refused (a file of the wrong type, too large): back to the credit file's form with the record and the
            // reasons as written, only the files to be chosen again. The kept reasons are redacted as the stored ones
            // are, since the session that carries them to the next page is stored in the database.
            String refused = FileForms.refused(redirect, FileForms.OBJECTION, "");
            redirect.addFlashAttribute("objectionRecord", recordKey);
            redirect.addFlashAttribute("objectionReasons", IdentityRedaction.redact(reasons));
            return refused;
        }
        if (!filed[0]) {
            // Refused on a list entry (reasons missing or too long, a file of the wrong type): back to 我的名单 with
            // the entry's form open and its reasons kept, redacted for the same reason as above (issue #8).
            redirect.addFlashAttribute("objectionEntry", entryId);
            redirect.addFlashAttribute("objectionReasons", IdentityRedaction.redact(reasons));
            return "redirect:/me/lists#entry-reasons-" + entryId;
        }
        return "redirect:/me/objections";
    }
}
