package cn.chengxin.subject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem.Kind;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.domain.FormerName;
import cn.chengxin.subject.domain.NameChangeEvidence;
import cn.chengxin.subject.domain.NameChangeProposal;
import cn.chengxin.subject.domain.NameChanges;
import cn.chengxin.subject.domain.Review;
import cn.chengxin.subject.domain.SubjectNames;
import cn.chengxin.subject.domain.SubjectProblem;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.subject.persistence.JdbcNameChanges;
import cn.chengxin.subject.persistence.JdbcSubjects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a subject's registered name ({@link NameChanges}; gaps review xxv H6): one staff member proposes the new name
 * with its evidence and the day it holds from, another approves or rejects it; every step is audited under the
 * subject's pseudonym. An approval renames the subject, so that citizen registration and the subject's own pages use
 * the new name, and keeps the name it leaves with its period, so that ingestion and received court lists still accept
 * rows decided under it ({@link SubjectRegistry.Found#match}).
 */
@Service
public class RenamingSubjects {

    /** How many decided proposals the reviewers' page shows under the queue. */
    public static final int RECENT = 20;

    private final JdbcNameChanges changes;
    private final JdbcSubjects subjects;
    private final OwnNumberInTexts ownNumber;
    private final ProposalAudit audit;
    private final RequestDecisions requests;
    private final Clock clock;

    RenamingSubjects(JdbcNameChanges changes, JdbcSubjects subjects, OwnNumberInTexts ownNumber, ProposalAudit audit,
                     RequestDecisions requests, Clock clock) {
        this.changes = changes;
        this.subjects = subjects;
        this.ownNumber = ownNumber;
        this.audit = audit;
        this.requests = requests;
        this.clock = clock;
    }

    /** Proposes a subject's new name; the registry takes it only once another person approves it. */
    @Transactional
    public UUID propose(UUID subjectId, String newName, LocalDate effectiveFrom, NameChangeEvidence evidence,
                        String reference, String reason) {
        return propose(subjectId, newName, effectiveFrom, evidence, reference, reason, AuditLog.currentActor());
    }

    /** As {@link #propose}, in the name of {@code by}: the person who asked, or the clerk at the window for them. */
    UUID propose(UUID subjectId, String newName, LocalDate effectiveFrom, NameChangeEvidence evidence,
                 String reference, String reason, Actor by) {
        SubjectProfile subject = profile(subjectId);
        NameChanges.requireComplete(subject.kind(), subject.name(),
                NameChanges.currentFrom(changes.formerNamesOf(subjectId)), newName, effectiveFrom, evidence, reference,
                reason, LocalDate.now(clock));
        // Kept with the proposal and shown on the subject page and the reviewers' queue (RULES.md §10).
        TypedText.requireNoIdentityNumber("newName", "新名称", newName);
        TypedText.requireNoIdentityNumber("nameReference", "证明材料编号或出处", reference);
        TypedText.requireNoIdentityNumber("nameReason", "变更理由", reason);
        ownNumber.refuse(subject, "NAME_CHANGE_NUMBER_IN_TEXT", "新名称、证明材料编号和理由中不得填写该主体的证件号码（页面只显示脱敏号码）",
                newName, reference, reason);
        NameChangeProposal proposal = new NameChangeProposal(Ids.newId(), subjectId, subject.name(), newName.strip(),
                effectiveFrom, evidence, reference.strip(), reason.strip(), by.actorId(), by.actorName(),
                clock.instant(), NameChangeProposal.Status.PENDING, null, null, null, null);
        if (!changes.insert(proposal)) {
            throw pendingAlready();
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "subject.name.propose")
                .subject(audit.pseudonym(subjectId)).by(by)
                .detail(AuditDetail.of("NAME_PROPOSAL").with("proposal", proposal.id())
                        .withLabel("evidence", "nameChanges.evidence." + evidence.name()).with("from", effectiveFrom)));
        return proposal.id();
    }

    /**
     * Why a registered change of an organisation's name delivered by a department (企业名称变更登记,
     * 《中华人民共和国市场主体登记管理条例》第二十四条) cannot become a proposal: a name before that is not the registry's
     * current name ({@code NAME_CHANGE_FORMER_NAME_MISMATCH}), a proposal incomplete or impossible as one typed by a
     * clerk would be, or one already pending; empty when it can. Asked before the row is stored.
     */
    public Optional<CodedProblem> refusalOfDelivered(UUID subjectId, String formerName, String newName,
                                                     LocalDate registeredOn, String noticeNumber) {
        try {
            requireDeliverable(subjectId, formerName, newName, registeredOn, noticeNumber);
            return Optional.empty();
        } catch (SubjectProblem | TypedText.HoldsIdentityNumber refused) {
            return Optional.of(refused);
        }
    }

    /**
     * Proposes the change of name a department delivered (see {@link #refusalOfDelivered}), with its registration
     * notice as the evidence, in the name of the department's account: a reviewer of the credit office approves or
     * rejects it as any other (maker-checker), for a name decides which rows reach a file and a delivery may be wrong.
     */
    @Transactional
    public UUID proposeDelivered(UUID subjectId, String formerName, String newName, LocalDate registeredOn,
                                 String noticeNumber, String department, Actor by) {
        SubjectProfile subject = requireDeliverable(subjectId, formerName, newName, registeredOn, noticeNumber);
        NameChangeProposal proposal = new NameChangeProposal(Ids.newId(), subjectId, subject.name(), newName.strip(),
                registeredOn, NameChangeEvidence.NAME_CHANGE_NOTICE, noticeNumber.strip(),
                NameChanges.deliveredReason(department), by.actorId(), by.actorName(), clock.instant(),
                NameChangeProposal.Status.PENDING, null, null, null, null);
        if (!changes.insert(proposal)) {
            throw pendingAlready();
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "subject.name.propose")
                .subject(audit.pseudonym(subjectId)).by(by)
                .detail(AuditDetail.of("NAME_PROPOSAL_DELIVERED").with("proposal", proposal.id())
                        .with("department", department).with("from", registeredOn)));
        return proposal.id();
    }

    private SubjectProfile requireDeliverable(UUID subjectId, String formerName, String newName,
                                              LocalDate registeredOn, String noticeNumber) {
        SubjectProfile subject = profile(subjectId);
        if (formerName == null || !SubjectNames.same(subject.name(), formerName)) {
            throw new SubjectProblem("NAME_CHANGE_FORMER_NAME_MISMATCH", Kind.INVALID_INPUT,
                    "变更前名称与信用主体库登记的现名称不一致：请核对变更前名称，或先处理该主体此前的名称变更");
        }
        NameChanges.requireComplete(subject.kind(), subject.name(),
                NameChanges.currentFrom(changes.formerNamesOf(subjectId)), newName, registeredOn,
                NameChangeEvidence.NAME_CHANGE_NOTICE, noticeNumber, NameChanges.deliveredReason(""),
                LocalDate.now(clock));
        TypedText.requireNoIdentityNumber("newName", "新名称", newName);
        TypedText.requireNoIdentityNumber("decisionNumber", "登记通知书文号", noticeNumber);
        if (changes.ofSubject(subjectId).stream().anyMatch(NameChangeProposal::pending)) {
            throw pendingAlready();
        }
        return subject;
    }

    /**
     * Approves a proposal (never by its proposer; of two reviewers at once, the first decides): the subject takes the
     * new name, and the name it leaves is kept with its period.
     */
    @Transactional
    public void approve(UUID proposalId, String note) {
        TypedText.requireNoIdentityNumber("note", "审核意见", note);
        Actor by = AuditLog.currentActor();
        NameChangeProposal proposal = reviewable(proposalId, by);
        if (!changes.decide(proposalId, NameChangeProposal.Status.APPROVED, by.actorId(), by.actorName(),
                clock.instant(), Review.approvalNote(note))) {
            throw NameChanges.REVIEW.alreadyDecided();
        }
        FormerName leaving = NameChanges.leaving(proposal.formerName(), changes.formerNamesOf(proposal.subjectId()),
                proposal.effectiveFrom());
        if (!changes.rename(proposal.subjectId(), proposal.newName(), leaving, proposalId)) {
            throw new SubjectProblem("NAME_CHANGE_STALE", Kind.CONFLICT, "该主体的名称在申请提出后已变更，请重新提出");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "subject.name.approve")
                .subject(audit.pseudonym(proposal.subjectId())).detail(AuditDetail.of("PROPOSAL").with("proposal", proposalId)));
        requests.decided(proposalId, proposal.subjectId(), proposal.newName(), true, note);
    }

    @Transactional
    public void reject(UUID proposalId, String note) {
        Actor by = AuditLog.currentActor();
        NameChangeProposal proposal = reviewable(proposalId, by);
        NameChanges.REVIEW.requireRejectionReason(note);
        TypedText.requireNoIdentityNumber("note", "退回理由", note);
        if (!changes.decide(proposalId, NameChangeProposal.Status.REJECTED, by.actorId(), by.actorName(),
                clock.instant(), note.strip())) {
            throw NameChanges.REVIEW.alreadyDecided();
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "subject.name.reject")
                .subject(audit.pseudonym(proposal.subjectId())).detail(AuditDetail.of("PROPOSAL").with("proposal", proposalId)));
        requests.decided(proposalId, proposal.subjectId(), proposal.newName(), false, note);
    }

    /** A subject's proposals, oldest first (the subject page shows where a change stands). */
    public List<NameChangeProposal> of(UUID subjectId) {
        return changes.ofSubject(subjectId);
    }

    /** A subject's former names with their periods, oldest first. */
    public List<FormerName> formerNamesOf(UUID subjectId) {
        return changes.formerNamesOf(subjectId);
    }

    /**
     * How many name changes proposed by someone else wait for {@code reviewerId}'s review (工作台, finding K6).
     */
    public long awaiting(String reviewerId) {
        return changes.pending().stream().filter(p -> !reviewerId.equals(p.proposal().proposedBy())).count();
    }

    /** The reviewers' queue, oldest first. */
    public List<ListedNameChange> pending() {
        return changes.pending().stream().map(RenamingSubjects::listed).toList();
    }

    public List<ListedNameChange> recentlyDecided() {
        return changes.recentlyDecided(RECENT).stream().map(RenamingSubjects::listed).toList();
    }

    private NameChangeProposal reviewable(UUID proposalId, Actor by) {
        return NameChanges.REVIEW.requireReviewable(changes.find(proposalId).orElseThrow(() -> new SubjectProblem(
                "NAME_CHANGE_PROPOSAL_UNKNOWN", Kind.NOT_FOUND, "名称变更申请不存在")), by.actorId());
    }

    private SubjectProfile profile(UUID subjectId) {
        return subjects.profile(subjectId).orElseThrow(() -> new SubjectProblem("SUBJECT_UNKNOWN", Kind.NOT_FOUND,
                "信用主体不存在"));
    }

    private static SubjectProblem pendingAlready() {
        return new SubjectProblem("NAME_CHANGE_PENDING", Kind.CONFLICT, "该主体已有待审核的名称变更申请");
    }

    private static ListedNameChange listed(JdbcNameChanges.Listed l) {
        return new ListedNameChange(l.proposal(), l.kind(), l.documentType(), l.maskedNumber());
    }
}
