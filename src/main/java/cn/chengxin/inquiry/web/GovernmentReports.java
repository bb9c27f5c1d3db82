package cn.chengxin.inquiry.web;

import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 政务查询: staff of a state organ obtain a person's report within a statutory duty — the purpose from the closed
 * list, its legal basis and the case reference are recorded with the staff member's identity. Public and
 * government-shared items only, within the department's data scope; the whole report (lists, score, query records)
 * is cut to the department ({@code ReportReader}).
 */
@Controller
@RequiresPermission(Permission.INQUIRY_GOVERNMENT)
class GovernmentReports {

    private final Reports reports;
    private final AuditLog audit;

    GovernmentReports(Reports reports, AuditLog audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @GetMapping("/console/reports")
    String page(Model model) {
        Actor staff = AuditLog.currentActor();
        model.addAttribute("purposes", StaffQueryPurpose.values());
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("reports", reports.obtainedBy(staff.actorId(), 50));
        return "console/reports";
    }

    /**
     * The number is of the type staff name (a passport, a travel permit), or inferred; a type that is not one is
     * refused on the page with its code, as a malformed number is.
     */
    @PostMapping("/console/reports")
    String issue(@RequestParam String number, @RequestParam(defaultValue = "") String documentType,
                 @RequestParam StaffQueryPurpose purpose, @RequestParam(defaultValue = "") String reference,
                 RedirectAttributes redirect, Model model) {
        String issued;
        try {
            issued = reports.forGovernment(AuditLog.currentActor(), number, documentType, purpose, reference)
                    .number();
        } catch (TypedText.HoldsIdentityNumber refused) {
            // The purpose and the reference as typed, any number masked; the subject's number is not shown again.
            ConsoleActions.describeRefusal(model, refused);
            model.addAttribute("typedPurpose", purpose);
            model.addAttribute("typedReference", TypedText.shownAgain(reference));
            return page(model);
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
            return "redirect:/console/reports";
        }
        redirect.addFlashAttribute("successKey", "reports.issued");
        redirect.addFlashAttribute("issued", issued);
        return "redirect:/console/reports";
    }

    /** {@code largePrint}: the report in large print (大字版, {@link ConsolePdfs}). */
    @GetMapping("/console/reports/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean largePrint) {
        Actor staff = AuditLog.currentActor();
        Reports.Issued issued = reports.downloadedBy(staff, id).orElseThrow(() -> {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "report.download").result(AuditResult.DENIED)
                    .detail(AuditDetail.of("NOT_OWN_REPORT").with("report", id)));
            return new ResponseStatusException(HttpStatus.NOT_FOUND);
        });
        return ConsolePdfs.of(reports, issued, largePrint);
    }
}
