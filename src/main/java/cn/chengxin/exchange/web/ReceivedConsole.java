package cn.chengxin.exchange.web;

import java.util.List;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.exchange.ReceivedEntries;
import cn.chengxin.exchange.ReceivedEntry;
import cn.chengxin.shared.security.DataScope;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.InvalidIdentityException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 其他平台认定查询: the list entries other platforms issued about one subject that bind them here (RULES.md §11), for
 * the staff who read a credit file or take objections at the counter — so that the clerk can explain a refusal and
 * file an objection by the entry's key (RULES.md §5). Looked up like a credit file: the purpose given, the look
 * recorded about the subject before anything is shown (RULES.md §9, §10), names and numbers masked. A department
 * whose data scope is restricted sees the grey-list entries of its items only, as a report cut to it would.
 */
@Controller
@RequiresPermission({Permission.SUBJECT_READ, Permission.OBJECTION_HANDLE})
class ReceivedConsole {

    private final SubjectRegistry subjects;
    private final ReceivedEntries received;
    private final AuditLog audit;

    ReceivedConsole(SubjectRegistry subjects, ReceivedEntries received, AuditLog audit) {
        this.subjects = subjects;
        this.received = received;
        this.audit = audit;
    }

    @GetMapping("/console/received")
    String form(Model model) {
        choices(model);
        return "console/received";
    }

    @PostMapping("/console/received")
    String show(@RequestParam String number, @RequestParam(required = false) DocumentType documentType,
                @RequestParam StaffQueryPurpose purpose, Model model) {
        choices(model);
        model.addAttribute("purpose", purpose);
        model.addAttribute("documentType", documentType);
        IdentityDocument document;
        try {
            document = subjects.validate(documentType, number);
        } catch (InvalidIdentityException e) {
            model.addAttribute("rejection", e.rejection());
            return "console/received";
        }
        // The holder's: a joined subject's entries are kept under the kept subject's pseudonym (JoinedReceived), and
        // a number retired by a join, or held as a further document, must find them (98号 三(一)).
        String pseudonym = subjects.holderPseudonymOf(document);
        DataScope scope = AuditLog.currentActor().dataScope();
        List<ReceivedEntry> entries = received.of(pseudonym).stream()
                .filter(e -> !"GREY".equals(e.listType()) || !scope.restricted()
                        // Another platform's entry is no department's own record: its item must be granted for
                        // reading others' records (review F1).
                        || e.item() != null && scope.permits(e.item(), null))
                .toList();
        audit.record(AuditEntry.of(AuditCategory.QUERY, "exchange.received.view").subject(pseudonym)
                .purpose(purpose.label(), purpose.legalBasis())
                .result(AuditResult.SUCCESS)
                .detail(AuditDetail.of("RECEIVED_VIEWED")
                        .withLabel("purpose", "console.subjects.purpose." + purpose.name()).with("entries", entries.size())));
        model.addAttribute("searchedMasked", document.masked());
        model.addAttribute("entries", entries);
        model.addAttribute("searched", true);
        return "console/received";
    }

    private static void choices(Model model) {
        model.addAttribute("purposes", StaffQueryPurpose.values());
        model.addAttribute("documentTypes", DocumentType.values());
    }
}
