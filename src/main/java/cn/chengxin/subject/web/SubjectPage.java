package cn.chengxin.subject.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.CompletingBirthDates;
import cn.chengxin.subject.RenamingSubjects;
import cn.chengxin.subject.SubjectDocuments;
import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.BirthDateEvidence;
import cn.chengxin.subject.domain.BirthDateProposal;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.FormerName;
import cn.chengxin.subject.domain.FurtherDocument;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.NameChangeEvidence;
import cn.chengxin.subject.domain.NameChangeProposal;
import cn.chengxin.subject.domain.SubjectJoin;
import cn.chengxin.subject.domain.SubjectKind;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The staff's subject page, whichever way it is reached (a look-up by number, a refused birth-date proposal). Every
 * showing of a person's data is recorded first, with the purpose the staff member gave (RULES.md §9: staff queries
 * logged with identity and purpose; the person sees them under 谁查询了我).
 */
@Component
class SubjectPage {

    static final String VIEW = "console/subjects";

    private final SubjectRegistry registry;
    private final CompletingBirthDates birthDates;
    private final RenamingSubjects names;
    private final SubjectDocuments documents;
    private final SubjectJoining joins;
    private final AuditLog audit;
    private final Clock clock;

    SubjectPage(SubjectRegistry registry, CompletingBirthDates birthDates, RenamingSubjects names,
                SubjectDocuments documents, SubjectJoining joins, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.birthDates = birthDates;
        this.names = names;
        this.documents = documents;
        this.joins = joins;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the page's forms offer. */
    void choices(Model model) {
        model.addAttribute("purposes", StaffQueryPurpose.values());
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("evidences", BirthDateEvidence.values());
        model.addAttribute("today", LocalDate.now(clock));
    }

    /**
     * Records the look at a subject under {@code pseudonym} and shows their profile, if registered ({@code id});
     * {@code detail} says how the page was reached when not by the look-up itself.
     */
    Optional<SubjectProfile> show(String pseudonym, Optional<UUID> id, StaffQueryPurpose purpose, AuditDetail detail,
                                  Model model) {
        choices(model);
        model.addAttribute("purpose", purpose);
        audit.record(AuditEntry.of(AuditCategory.QUERY, "subject.view").subject(pseudonym)
                .purpose(purpose.label(), purpose.legalBasis())
                .result(id.isPresent() ? AuditResult.SUCCESS : AuditResult.ERROR)
                .detail(id.isPresent() ? detail == null ? null : detail.toString()
                        : AuditDetail.of("NOT_REGISTERED").toString()));
        Optional<SubjectProfile> profile = id.flatMap(registry::profile);
        profile.ifPresentOrElse(p -> {
            model.addAttribute("profile", p);
            List<BirthDateProposal> proposals = birthDates.of(p.id());
            model.addAttribute("birthDateProposals", proposals);
            model.addAttribute("pendingBirthDate", proposals.stream()
                    .filter(b -> b.status() == BirthDateProposal.Status.PENDING).findFirst().orElse(null));
            // Names as the page names the subject: a person's masked (SubjectProfile#maskedName).
            java.util.function.UnaryOperator<String> shown = p.kind() == SubjectKind.PERSON ? Masking::personName
                    : n -> n;
            List<NameChangeProposal> nameChanges = names.of(p.id());
            model.addAttribute("nameChanges", nameChanges.stream().map(c -> new ShownNameChange(c,
                    shown.apply(c.formerName()), shown.apply(c.newName()))).toList());
            model.addAttribute("formerNames", names.formerNamesOf(p.id()).stream().map(f -> new FormerName(
                    shown.apply(f.name()), f.validFrom(), f.validUntil())).toList());
            model.addAttribute("pendingNameChange", nameChanges.stream()
                    .filter(c -> c.status() == NameChangeProposal.Status.PENDING).findFirst().orElse(null));
            model.addAttribute("nameEvidences", NameChangeEvidence.forKind(p.kind()));
            // Further documents of a person (gaps review xxx L1): type and masked number only.
            List<FurtherDocument> further = documents.of(p.id());
            model.addAttribute("furtherDocuments", further);
            model.addAttribute("pendingFurtherDocument", further.stream().filter(FurtherDocument::pending)
                    .findFirst().orElse(null));
            model.addAttribute("personalDocumentTypes", java.util.Arrays.stream(DocumentType.values())
                    .filter(t -> t.kind() == SubjectKind.PERSON).toList());
            // Files of the same person joined into this one (gaps review xxx L1): masked numbers only.
            List<SubjectJoin> joined = joins.of(p.id());
            model.addAttribute("subjectJoins", joined);
            model.addAttribute("pendingJoin", joined.stream().filter(SubjectJoin::pending).findFirst().orElse(null));
        }, () -> model.addAttribute("notFound", true));
        return profile;
    }

    /** A name change as the subject page shows it: the names as the page names the subject. */
    record ShownNameChange(NameChangeProposal proposal, String formerName, String newName) {
    }

    /** As {@link #show(String, Optional, StaffQueryPurpose, AuditDetail, Model)}, for a subject known by id. */
    Optional<SubjectProfile> show(UUID id, StaffQueryPurpose purpose, AuditDetail detail, Model model) {
        String pseudonym = registry.pseudonymOf(id).orElse(null);
        if (pseudonym == null) {
            return Optional.empty();
        }
        return show(pseudonym, Optional.of(id), purpose, detail, model);
    }

    /**
     * The subject page again after a refused proposal about the subject (出生日期补全, 名称变更), with the refusal at the
     * top and, for a text holding a number, beside that text too. The page shows the subject's data once more, so it is
     * recorded as a look with the purpose of the look-up that showed the form. A refusal for want of the subject is
     * thrown on: there is no page to show.
     *
     * @param proposal what was refused, for the look's detail (its code; the refusal's is added)
     */
    <P extends RuntimeException & DomainProblem> String refused(UUID id, StaffQueryPurpose purpose, AuditDetail proposal,
                                                                P problem, Model model) {
        if (problem.kind() == DomainProblem.Kind.NOT_FOUND
                || show(id, purpose, proposal.withLabel("refusal", "problem." + problem.code()), model).isEmpty()) {
            throw problem;
        }
        ConsoleActions.describeRefusal(model, problem);
        return VIEW;
    }
}
