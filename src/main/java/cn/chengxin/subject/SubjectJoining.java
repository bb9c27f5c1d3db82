package cn.chengxin.subject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.PseudonymAliases;
import cn.chengxin.shared.DomainProblem.Kind;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.FurtherDocument;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.Review;
import cn.chengxin.subject.domain.SubjectJoin;
import cn.chengxin.subject.domain.SubjectJoins;
import cn.chengxin.subject.domain.SubjectProblem;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.subject.persistence.JdbcSubjectJoins;
import cn.chengxin.subject.persistence.JdbcSubjects;
import cn.chengxin.subject.protection.IdentityProtection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joins a person's second credit file into the first (合并信用档案, {@link SubjectJoins}; gaps review xxx L1 (3)): one
 * staff member proposes it on the page of the subject to keep, naming the other by its document, with evidence and
 * reason; another approves or rejects it. On approval, in the one transaction, the registry makes the joined
 * subject's document a further document of the kept one and drops the joined subject's row, the audit log takes the
 * joined pseudonym as an alias of the kept one, and {@link SubjectsJoined} has every module move what it keeps under
 * the joined subject (records, list entries, checks, cases, accounts, scores). The approval either commits whole or
 * not at all, and of two reviewers at once, or two joins of the same subjects, one join is made. An ingestion chunk
 * resolved before an approval and stored after it is stored under the kept subject: the approval waits for the chunks
 * being stored, and those stored after it follow it ({@link SubjectRegistry#keptSubjectsHoldingJoins}). Every step is
 * audited under both pseudonyms (RULES.md §10).
 */
@Service
public class SubjectJoining {

    private final JdbcSubjectJoins joins;
    private final JdbcSubjects subjects;
    private final IdentityProtection protection;
    private final ProposalAudit audit;
    private final PseudonymAliases aliases;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubjectJoining(JdbcSubjectJoins joins, JdbcSubjects subjects, IdentityProtection protection, ProposalAudit audit,
                   PseudonymAliases aliases, ApplicationEventPublisher events, Clock clock) {
        this.joins = joins;
        this.subjects = subjects;
        this.protection = protection;
        this.audit = audit;
        this.aliases = aliases;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Proposes to join the subject holding the document into {@code keptId}; nothing moves until another person
     * approves it.
     *
     * @param documentType the type's name, or {@code null} to infer it from the number's shape
     * @throws cn.chengxin.subject.domain.InvalidIdentityException for a number that is not one
     */
    @Transactional
    public UUID propose(UUID keptId, String documentType, String number, String reference, String reason) {
        Actor by = AuditLog.currentActor();
        SubjectProfile kept = profile(keptId);
        IdentityDocument document = IdentityDocument.parse(DocumentType.named(documentType), number,
                LocalDate.now(clock));
        SubjectJoins.requireComplete(reference, reason);
        TypedText.requireNoIdentityNumber("joinReference", "证明材料编号或出处", reference);
        TypedText.requireNoIdentityNumber("joinReason", "合并理由", reason);
        UUID joinedId = subjects.idOf(document.type(), protection.indexOf(document))
                .orElseThrow(SubjectJoins::unknown);
        SubjectProfile joined = profile(joinedId);
        SubjectJoins.requireJoinable(side(kept), side(joined), joinedId.equals(keptId));
        SubjectJoin proposal = new SubjectJoin(Ids.newId(), keptId, joinedId, joined.documentType(),
                joined.maskedNumber(), audit.pseudonym(joinedId), reference.strip(), reason.strip(), by.actorId(),
                by.actorName(), clock.instant(), FurtherDocument.Status.PENDING, null, null, null, null);
        if (!joins.insert(proposal)) {
            throw new SubjectProblem("SUBJECT_JOIN_PENDING", Kind.CONFLICT, "该档案已有待审核的合并申请");
        }
        recordAboutBoth(proposal, audit.pseudonym(keptId), "subject.join.propose");
        return proposal.id();
    }

    /**
     * Approves a proposal (never by its proposer; of two reviewers at once, the first decides) and joins the files,
     * unless one of the subjects was joined meanwhile, their registry entries came to disagree, or a correction of the
     * joined one waits for its review.
     */
    @Transactional
    public void approve(UUID proposalId, String note) {
        TypedText.requireNoIdentityNumber("note", "审核意见", note);
        Actor by = AuditLog.currentActor();
        SubjectJoin proposal = reviewable(proposalId, by);
        // Before anything is locked or moved: the writers that resolved the joined subject before their transaction
        // and hold joins off while they write under it commit first, and their rows are moved below; those after this
        // commits find the join (SubjectRegistry#keptSubjectsHoldingJoins).
        joins.holdJoinsExclusively();
        // Decided first: the proposal's row lock makes a second reviewer wait, then find it decided. A refusal below
        // rolls the decision back.
        if (!joins.decide(proposalId, FurtherDocument.Status.APPROVED, by.actorId(), by.actorName(), clock.instant(),
                Review.approvalNote(note))) {
            throw SubjectJoins.REVIEW.alreadyDecided();
        }
        Set<UUID> existing = joins.lockExisting(proposal.subjectId(), proposal.joinedId());
        if (!existing.contains(proposal.subjectId()) || !existing.contains(proposal.joinedId())) {
            throw SubjectJoins.alreadyJoined();
        }
        SubjectJoins.requireJoinable(side(profile(proposal.subjectId())), side(profile(proposal.joinedId())), false);
        if (joins.hasOpenCorrections(proposal.joinedId())) {
            throw new SubjectProblem("SUBJECT_JOIN_OPEN_CORRECTIONS", Kind.CONFLICT,
                    "被合并档案尚有待审核的登记信息更正（姓名、出生日期或证件），请先审核");
        }
        SubjectJoin approved = joins.find(proposalId).orElseThrow();
        String keptPseudonym = audit.pseudonym(approved.subjectId());
        // Recorded before the joined subject's row goes: its pseudonym is the proposal's, kept with it.
        recordAboutBoth(approved, keptPseudonym, "subject.join.approve");
        joins.moveRegistryEntries(approved, Ids.newId());
        aliases.alias(keptPseudonym, approved.joinedPseudonym());
        events.publishEvent(new SubjectsJoined(approved.subjectId(), keptPseudonym, approved.joinedId(),
                approved.joinedPseudonym()));
    }

    @Transactional
    public void reject(UUID proposalId, String note) {
        Actor by = AuditLog.currentActor();
        SubjectJoin proposal = reviewable(proposalId, by);
        SubjectJoins.REVIEW.requireRejectionReason(note);
        TypedText.requireNoIdentityNumber("note", "退回理由", note);
        if (!joins.decide(proposalId, FurtherDocument.Status.REJECTED, by.actorId(), by.actorName(), clock.instant(),
                note.strip())) {
            throw SubjectJoins.REVIEW.alreadyDecided();
        }
        recordAboutBoth(proposal, audit.pseudonym(proposal.subjectId()), "subject.join.reject");
    }

    /** The join proposals made on a kept subject's page, oldest first (masked numbers only). */
    public List<SubjectJoin> of(UUID subjectId) {
        return joins.ofSubject(subjectId);
    }

    /** The reviewers' queue, oldest first. */
    public List<ListedSubjectJoin> pending() {
        return joins.pending().stream().map(l -> new ListedSubjectJoin(l.join(), l.keptDocumentType(), l.keptMasked()))
                .toList();
    }

    /** How many proposals made by someone else wait for {@code reviewerId}'s review. */
    public long awaiting(String reviewerId) {
        return joins.pending().stream().filter(p -> !reviewerId.equals(p.join().proposedBy())).count();
    }

    public Optional<SubjectJoin> find(UUID proposalId) {
        return joins.find(proposalId);
    }

    /**
     * How many joins were ever approved. An approved join is neither undone nor deleted, so the count only grows: a
     * memory that answers joined documents with the kept subject (measures' known subjects, on every instance; S2 of
     * gaps-review-xxxviii) reads {@link #joinedPseudonyms} again only when it changed.
     */
    public long approvedCount() {
        return joins.approvedCount();
    }

    /**
     * The pseudonym each subject joined into another was registered under, one per approved join; its holder now is
     * the kept subject ({@link SubjectRegistry#holdersAmong}, also after a chain of joins).
     */
    public List<String> joinedPseudonyms() {
        return joins.joinedPseudonyms();
    }

    private SubjectProfile profile(UUID id) {
        return subjects.profile(id).orElseThrow(() -> new SubjectProblem("SUBJECT_UNKNOWN", Kind.NOT_FOUND,
                "信用主体不存在"));
    }

    private static SubjectJoins.Side side(SubjectProfile profile) {
        return new SubjectJoins.Side(profile.kind(), profile.name(), profile.birthDate());
    }

    private SubjectJoin reviewable(UUID proposalId, Actor by) {
        return SubjectJoins.REVIEW.requireReviewable(joins.find(proposalId).orElseThrow(() ->
                new SubjectProblem("SUBJECT_JOIN_PROPOSAL_UNKNOWN", Kind.NOT_FOUND, "档案合并申请不存在")), by.actorId());
    }

    /** The step under the kept subject's pseudonym and under the joined one's, each naming the other. */
    private void recordAboutBoth(SubjectJoin proposal, String keptPseudonym, String action) {
        String type = "documentType." + proposal.joinedDocumentType().name();
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, action).subject(keptPseudonym)
                .detail(AuditDetail.of("SUBJECT_JOIN_KEPT").with("proposal", proposal.id()).withLabel("type", type)
                        .with("joined", proposal.joinedPseudonym())));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, action).subject(proposal.joinedPseudonym())
                .detail(AuditDetail.of("SUBJECT_JOIN_JOINED").with("proposal", proposal.id()).withLabel("type", type)
                        .with("kept", keptPseudonym)));
    }
}
