package cn.chengxin.subject.web;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import java.util.Optional;

import cn.chengxin.subject.CompletingBirthDates;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.BirthDateEvidence;
import cn.chengxin.subject.domain.BirthDateProposal;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.InvalidIdentityException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.security.StaffQueryPurpose;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff look up a subject by number (of a document type they name, or inferred for identity numbers and credit
 * codes). The number is posted (never put in a URL, where it would reach access logs and browser history) and the
 * page shows masked data only. A person whose birth date is unknown gets the form to propose it ({@link
 * BirthDateConsole}).
 */
@RequiresPermission(Permission.SUBJECT_READ)
@Controller
class SubjectConsole {

    private final SubjectRegistry registry;
    private final CompletingBirthDates birthDates;
    private final AuditLog audit;
    private final Clock clock;

    SubjectConsole(SubjectRegistry registry, CompletingBirthDates birthDates, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.birthDates = birthDates;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/subjects")
    String form(Model model) {
        choices(model);
        return "console/subjects";
    }

    /**
     * A staff look-up of a person is a query of personal credit data: the purpose is required and the query
     * is recorded (RULES.md §9: staff identity and purpose logged) before anything is shown.
     */
    @PostMapping("/console/subjects")
    String find(@RequestParam String number, @RequestParam(required = false) DocumentType documentType,
                @RequestParam StaffQueryPurpose purpose, Model model) {
        choices(model);
        model.addAttribute("purpose", purpose);
        model.addAttribute("documentType", documentType);
        try {
            IdentityDocument document = registry.validate(documentType, number);
            Optional<UUID> id = registry.find(document);
            audit.record(AuditEntry.of(AuditCategory.QUERY, "subject.view").subject(registry.pseudonymOf(document))
                    .purpose(purpose.label(), purpose.legalBasis())
                    .result(id.isPresent() ? AuditResult.SUCCESS : AuditResult.ERROR)
                    .detail(id.isPresent() ? null : "not registered"));
            Optional<SubjectProfile> profile = id.flatMap(registry::profile);
            model.addAttribute("searchedMasked", document.masked());
            profile.ifPresentOrElse(p -> {
                model.addAttribute("profile", p);
                List<BirthDateProposal> proposals = birthDates.of(p.id());
                model.addAttribute("birthDateProposals", proposals);
                model.addAttribute("pendingBirthDate", proposals.stream()
                        .filter(b -> b.status() == BirthDateProposal.Status.PENDING).findFirst().orElse(null));
            }, () -> model.addAttribute("notFound", true));
        } catch (InvalidIdentityException e) {
            model.addAttribute("rejection", e.rejection());
        }
        return "console/subjects";
    }

    private void choices(Model model) {
        model.addAttribute("purposes", StaffQueryPurpose.values());
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("evidences", BirthDateEvidence.values());
        model.addAttribute("today", LocalDate.now(clock));
    }
}
