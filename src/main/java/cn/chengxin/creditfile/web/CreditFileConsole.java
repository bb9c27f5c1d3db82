package cn.chengxin.creditfile.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.ItemVersions;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.creditfile.CasesOnFile;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.PublicationWindows;
import cn.chengxin.shared.security.DataScope;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.InvalidIdentityException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 信用档案 in the console: a subject's records for staff with subject:read, limited to their department's
 * data scope (its own records of its items, others' of the items it reads), each with its history (every version, who, when, why), the look-up audited with its purpose before
 * anything is shown (the subject sees it) — for department staff the records in force only, the others counted
 * ({@link ConsoleRecords}); and, for the credit office, every record and the publication windows applied on demand.
 */
@Controller
@RequiresPermission(Permission.SUBJECT_READ)
class CreditFileConsole {

    private final SubjectRegistry subjects;
    private final CreditFile creditFile;
    private final Catalogue catalogue;
    private final AuditLog audit;

    private final cn.chengxin.creditfile.RecordProceedings proceedings;
    private final PublicationWindows windows;
    private final cn.chengxin.creditfile.Declines declines;
    private final ObjectProvider<CasesOnFile> cases;

    CreditFileConsole(SubjectRegistry subjects, CreditFile creditFile, Catalogue catalogue, AuditLog audit,
                      cn.chengxin.creditfile.RecordProceedings proceedings, PublicationWindows windows,
                      cn.chengxin.creditfile.Declines declines, ObjectProvider<CasesOnFile> cases) {
        this.declines = declines;
        this.cases = cases;
        this.proceedings = proceedings;
        this.windows = windows;
        this.subjects = subjects;
        this.creditFile = creditFile;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    @GetMapping("/console/file")
    String form(Model model) {
        choices(model);
        return "console/credit-file";
    }

    /** The number is of the type staff name (a passport, a travel permit), or inferred as the subject console does. */
    @PostMapping("/console/file")
    String show(@RequestParam String number, @RequestParam(required = false) DocumentType documentType,
                @RequestParam StaffQueryPurpose purpose, Authentication who, Model model) {
        choices(model);
        model.addAttribute("purpose", purpose);
        model.addAttribute("documentType", documentType);
        IdentityDocument document;
        try {
            document = subjects.validate(documentType, number);
        } catch (InvalidIdentityException e) {
            model.addAttribute("rejection", e.rejection());
            return "console/credit-file";
        }
        Optional<UUID> subject = subjects.find(document);
        DataScope scope = AuditLog.currentActor().dataScope();
        String department = AuditLog.currentActor().departmentCode();
        // Two-dimensional (RULES.md §10): the department's own records of its items, and others' records only of the
        // items it was granted to read; agencies delivering the same item do not see each other's records of it.
        List<FileEntry> file = subject.map(creditFile::fileAsShown).orElse(List.of());
        List<FileEntry> inScope = file.stream().filter(e -> scope.permits(e.itemCode(), e.departmentCode()))
                .toList();
        // Department staff see the records in force only, the others counted (RULES.md §4, §6).
        ConsoleRecords records = ConsoleRecords.of(inScope, scope);
        List<FileEntry> entries = records.entries();
        // Recorded before anything is shown, with the purpose given and what the page shows (RULES.md §9).
        audit.record(AuditEntry.of(AuditCategory.QUERY, "creditfile.view").subject(subjects.pseudonymOf(document))
                .purpose(purpose.label(), purpose.legalBasis())
                .result(subject.isPresent() ? AuditResult.SUCCESS : AuditResult.ERROR)
                .detail(subject.isPresent()
                        ? FileViewDetail.of(purpose, scope, department, entries, file.size() - inScope.size(),
                                records.notInForce())
                        : FileViewDetail.notFound(purpose, scope, department)));
        model.addAttribute("searchedMasked", document.masked());
        if (subject.isEmpty()) {
            model.addAttribute("notFound", true);
            return "console/credit-file";
        }
        Map<String, ItemDefinition> items = itemsOf(entries);
        Map<String, String> names = new HashMap<>();
        items.forEach((code, item) -> names.put(code, item.name()));
        model.addAttribute("profile", subjects.profile(subject.get()).orElseThrow());
        model.addAttribute("entries", entries);
        model.addAttribute("notInForce", records.notInForce());
        // Each record's nature and severity as the item version it was stored under said (issue #4): a later
        // version does not reclassify what was collected before it.
        ItemVersions versions = catalogue.versionsEverInForce();
        model.addAttribute("groups", FileGroup.of(entries, e -> versions.of(e.itemCode(), e.itemVersion())
                .orElse(items.get(e.itemCode()))));
        model.addAttribute("departments", catalogue.departments());
        // The history and proceedings of the records shown only: those of the others are outside the scope too.
        Set<UUID> shown = entries.stream().map(FileEntry::recordKey).collect(Collectors.toSet());
        model.addAttribute("proceedings", ofShown(proceedings.pendingOf(subject.get()), shown));
        model.addAttribute("history", ofShown(creditFile.historyOf(subject.get()), shown));
        model.addAttribute("itemNames", names);
        model.addAttribute("scoped", scope.restricted());
        // That the person declined honours (RULES.md §2) staff see, as the declined records' state and history say,
        // so that nobody asks the department again or restores them; what the records hold no console shows.
        model.addAttribute("declinedItems", declines.declinedItems(subject.get()));
        model.addAttribute("cases", casesOf(subject.get(), who));
        return "console/credit-file";
    }

    /**
     * The person's objections and repair applications, newest first, each linking to its page (K5 of gaps-review-xxix),
     * of the kinds the reader may open; null when they may open none (department staff: the cases are the credit
     * office's).
     */
    private List<CasesOnFile.FiledCase> casesOf(UUID subject, Authentication who) {
        Set<String> granted = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        List<CasesOnFile> kinds = cases.orderedStream().filter(k -> granted.contains(k.permission().code())).toList();
        if (kinds.isEmpty()) {
            return null;
        }
        return kinds.stream().flatMap(k -> k.of(subject).stream())
                .sorted(Comparator.comparing(CasesOnFile.FiledCase::filedAt).reversed()).toList();
    }

    /**
     * 公示期满处理 now (issue #4: on demand as well as daily), by the credit office, which keeps the catalogue's
     * periods: the windows end on their day whether or not the night's run happened.
     */
    @RequiresPermission(Permission.CATALOG_EDIT)
    @PostMapping("/console/file/windows")
    String applyWindows(RedirectAttributes redirect) {
        redirect.addFlashAttribute("windowsApplied", windows.applyNow());
        return "redirect:/console/file";
    }

    /**
     * The items the records were delivered under: the version in force, or for an item no version of which is in
     * force any more its last decided version, so that no record shows as a bare code.
     */
    private Map<String, ItemDefinition> itemsOf(List<FileEntry> entries) {
        Map<String, ItemDefinition> items = new HashMap<>();
        catalogue.active().forEach(i -> items.put(i.code(), i.definition()));
        entries.stream().map(FileEntry::itemCode).distinct().filter(code -> !items.containsKey(code))
                .forEach(code -> catalogue.history(code).stream().filter(i -> i.decidedAt() != null).findFirst()
                        .ifPresent(i -> items.put(code, i.definition())));
        return items;
    }

    private static <T> Map<UUID, T> ofShown(Map<UUID, T> byRecord, Set<UUID> shown) {
        Map<UUID, T> kept = new HashMap<>(byRecord);
        kept.keySet().retainAll(shown);
        return kept;
    }

    private static void choices(Model model) {
        model.addAttribute("purposes", StaffQueryPurpose.values());
        model.addAttribute("documentTypes", DocumentType.values());
    }
}
