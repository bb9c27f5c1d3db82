package cn.chengxin.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.ItemVersions;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.Declines;
import cn.chengxin.inquiry.Consents;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.inquiry.Statements;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.inquiry.domain.ReportLanguage;
import cn.chengxin.repair.Repairs;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 个人中心, continued: my credit file with my statements, my consents (grant, authorisation code, withdraw) and my
 * reports (the free self reports and every report others obtained about me). A report that is not about the
 * signed-in person answers 404, the same as one that does not exist, and the attempt is recorded.
 */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class MyCredit {

    private final CreditFile creditFile;
    private final Catalogue catalogue;
    private final StaffDirectory directory;
    private final Statements statements;
    private final Consents consents;
    private final Reports reports;
    private final AuditLog audit;
    private final Repairs repairs;
    private final java.time.Clock clock;

    private final cn.chengxin.creditfile.RecordProceedings proceedings;
    private final cn.chengxin.objection.Objections objections;
    private final Declines declines;
    private final cn.chengxin.inquiry.MigratedConsents migratedConsents;

    MyCredit(CreditFile creditFile, Catalogue catalogue, StaffDirectory directory, Statements statements,
             Consents consents, Reports reports, AuditLog audit, Repairs repairs, java.time.Clock clock,
             cn.chengxin.creditfile.RecordProceedings proceedings, cn.chengxin.objection.Objections objections,
             Declines declines, cn.chengxin.inquiry.MigratedConsents migratedConsents) {
        this.declines = declines;
        this.migratedConsents = migratedConsents;
        this.proceedings = proceedings;
        this.objections = objections;
        this.repairs = repairs;
        this.clock = clock;
        this.creditFile = creditFile;
        this.catalogue = catalogue;
        this.directory = directory;
        this.statements = statements;
        this.consents = consents;
        this.reports = reports;
        this.audit = audit;
    }

    /** 我的信用档案: every record about me, also those not public and those no longer shown, with my statements. */
    @GetMapping("/me/file")
    String file(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
        audit.record(AuditEntry.of(AuditCategory.QUERY, "self.file").subject(citizen.subjectPseudonym())
                .purpose("本人查询", "国办发〔2016〕98号 本人查询"));
        var entries = creditFile.fileAsShown(citizen.subjectId());
        // Each record's nature and sharing as the item version it was stored under said (issue #4), as its report
        // and repair read it: by record, not by item code.
        ItemVersions versions = catalogue.versionsEverInForce();
        Map<UUID, ItemDefinition> items = new HashMap<>();
        entries.forEach(e -> versions.of(e.itemCode(), e.itemVersion()).ifPresent(d -> items.put(e.recordKey(), d)));
        model.addAttribute("entries", entries);
        model.addAttribute("proceedings", proceedings.pendingOf(citizen.subjectId()));
        model.addAttribute("items", items);
        // 信用修复: when each shown negative record may be repaired, before the person applies (RULES.md §6).
        model.addAttribute("repair", repairs.repairable(citizen.subjectId()));
        model.addAttribute("today", java.time.LocalDate.now(clock));
        model.addAttribute("departments", directory.departments().stream()
                .collect(Collectors.toMap(Department::code, Department::name, (a, b) -> a)));
        model.addAttribute("statements", statements.of(citizen.subjectId()));
        model.addAttribute("maxStatement", Statements.MAX_LENGTH);
        model.addAttribute("objectionDeadlines", objections.deadlines());
        // 信息遗漏 (K8 of gaps-review-xxix): the items about persons and the departments providing them.
        model.addAttribute("omissionChoices", objections.omissionChoices("PERSON"));
        // 拒绝记录 (RULES.md §2): the honours the person may refuse, and those refused altogether.
        model.addAttribute("refusable", declines.refusableItems());
        model.addAttribute("declinedItems", declines.declinedItems(citizen.subjectId()));
        return "me/file";
    }

    /** Declines one record of an honour (RULES.md §2): kept, but no longer shown to others nor used. */
    @PostMapping("/me/file/records/{id}/decline")
    String declineRecord(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable("id") UUID recordKey,
                         RedirectAttributes redirect) {
        ConsoleActions.flashOrNotFound(redirect, "me.decline.recordDeclined",
                () -> declines.declineRecord(citizen.subjectId(), recordKey));
        return FileForms.refused(redirect, FileForms.FILE, "#file");
    }

    @PostMapping("/me/file/records/{id}/accept")
    String acceptRecord(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable("id") UUID recordKey,
                        RedirectAttributes redirect) {
        ConsoleActions.flashOrNotFound(redirect, "me.decline.recordAccepted",
                () -> declines.acceptRecord(citizen.subjectId(), recordKey));
        return FileForms.refused(redirect, FileForms.FILE, "#file");
    }

    /** Declines an honour altogether: its records in force now and those that arrive later. */
    @PostMapping("/me/file/items/{code}/decline")
    String declineItem(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable String code,
                       RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "me.decline.itemDeclined",
                () -> declines.declineItem(citizen.subjectId(), code));
        return FileForms.refused(redirect, FileForms.DECLINES, "#declines");
    }

    @PostMapping("/me/file/items/{code}/accept")
    String acceptItem(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable String code,
                      RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "me.decline.itemAccepted",
                () -> declines.acceptItem(citizen.subjectId(), code));
        return FileForms.refused(redirect, FileForms.DECLINES, "#declines");
    }

    @PostMapping("/me/statements")
    String addStatement(@AuthenticationPrincipal CitizenPrincipal citizen,
                        @RequestParam(required = false) UUID recordKey, @RequestParam(defaultValue = "") String text,
                        RedirectAttributes redirect) {
        try {
            statements.add(citizen.subjectId(), recordKey, text);
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
            String refused = FileForms.refused(redirect, FileForms.STATEMENT, "");
            // Refused (too long, a record not in the file, too many in force): back to the form with the record and
            // the text as written, not an empty form (issue #7). Redacted as a stored statement is, since the session
            // that carries it to the next page is stored in the database.
            redirect.addFlashAttribute("statementRecord", recordKey);
            redirect.addFlashAttribute("statementText", IdentityRedaction.redact(text));
            return refused;
        }
        redirect.addFlashAttribute("successKey", "me.statement.added");
        return "redirect:/me/file";
    }

    @PostMapping("/me/statements/{id}/withdraw")
    String withdrawStatement(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id,
                             RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "me.statement.withdrawn", () -> statements.withdraw(citizen.subjectId(), id));
        return FileForms.refused(redirect, FileForms.STATEMENTS, "");
    }

    /** 授权管理. */
    @GetMapping("/me/consents")
    String consents(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
        var mine = consents.of(citizen.subjectId());
        model.addAttribute("consents", mine);
        model.addAttribute("migrated", migratedConsents.migratedAmong(mine));
        model.addAttribute("guardians", migratedConsents.guardiansAmong(mine));
        model.addAttribute("codes", mine.stream().collect(Collectors.toMap(c -> c.id(),
                consents::codeOf)));
        model.addAttribute("institutions", consents.institutions());
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("defaultDays", consents.defaultDays());
        model.addAttribute("now", clock.instant());
        return "me/consents";
    }

    @PostMapping("/me/consents")
    String grant(@AuthenticationPrincipal CitizenPrincipal citizen, @RequestParam(required = false) UUID clientId,
                 @RequestParam(required = false) Purpose purpose, @RequestParam(required = false) Integer days,
                 @RequestParam(defaultValue = "false") boolean singleUse, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "me.consent.granted",
                () -> consents.grant(citizen.subjectId(), clientId, purpose, days, singleUse));
        return "redirect:/me/consents";
    }

    @PostMapping("/me/consents/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id,
                    RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "me.consent.withdrawn", () -> consents.withdraw(citizen.subjectId(), id));
        return "redirect:/me/consents";
    }

    /** 我的信用报告. */
    @GetMapping("/me/reports")
    String reports(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
        model.addAttribute("reports", reports.about(citizen.subjectId()));
        model.addAttribute("freeLeft", reports.freeReportsLeft(citizen.subjectId()));
        model.addAttribute("now", clock.instant());
        return "me/reports";
    }

    /** The report is issued in the language of the page it is asked from (English page: English report). */
    @PostMapping("/me/reports")
    String generate(@AuthenticationPrincipal CitizenPrincipal citizen,
                    @RequestParam(defaultValue = "SELF_FULL") ReportKind kind, Locale locale,
                    RedirectAttributes redirect) {
        UUID[] issued = new UUID[1];
        ConsoleActions.flash(redirect, "me.report.generated",
                () -> issued[0] = reports.forSelf(citizen.subjectId(), kind, ReportLanguage.of(locale)).id());
        return issued[0] == null ? "redirect:/me/reports" : "redirect:/me/reports/" + issued[0];
    }

    @GetMapping(value = "/me/reports/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> report(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id) {
        Reports.Issued issued = own(citizen, id);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(reports.html(issued.content()));
    }

    /**
     * The PDF as issued; {@code accessible}: its tagged (PDF/UA) form for a screen reader (gaps review xxxv O3), the
     * same report rendered on request, which the verification page also verifies ({@link Reports#tagged});
     * {@code largePrint}: that form in large print (大字版, {@link Reports#largePrint}), verified likewise.
     */
    @GetMapping("/me/reports/{id}.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id,
                               @RequestParam(defaultValue = "false") boolean accessible,
                               @RequestParam(defaultValue = "false") boolean largePrint) {
        Reports.Issued issued = largePrint ? reports.largePrint(own(citizen, id))
                : accessible ? reports.tagged(own(citizen, id)) : own(citizen, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename(issued.number()
                        + (largePrint ? "-large-print" : accessible ? "-accessible" : "") + ".pdf").build().toString())
                .body(issued.pdf());
    }

    @GetMapping(value = "/me/reports/{id}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> json(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id) {
        Reports.Issued issued = own(citizen, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", ContentDisposition.attachment().filename(issued.number() + ".json")
                        .build().toString())
                .body(reports.json(issued.content()));
    }

    private Reports.Issued own(CitizenPrincipal citizen, UUID id) {
        return reports.aboutSubject(citizen.subjectId(), id).orElseThrow(() -> {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "self.report").result(AuditResult.DENIED)
                    .detail(AuditDetail.of("REPORT_NOT_ABOUT_CITIZEN").with("report", id)));
            return new ResponseStatusException(HttpStatus.NOT_FOUND);
        });
    }
}
