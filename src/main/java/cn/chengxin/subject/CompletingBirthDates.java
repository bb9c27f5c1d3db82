package cn.chengxin.subject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.DomainProblem.Kind;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.domain.BirthDateCompletion;
import cn.chengxin.subject.domain.BirthDateEvidence;
import cn.chengxin.subject.domain.BirthDateProposal;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.Review;
import cn.chengxin.subject.domain.SubjectProblem;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.subject.persistence.JdbcBirthDateProposals;
import cn.chengxin.subject.persistence.JdbcSubjects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes the unknown birth date of a person registered with a document that carries none ({@link
 * BirthDateCompletion}): one staff member proposes it with its evidence, another approves or rejects it; every step
 * is audited under the person's pseudonym. An approval publishes {@link BirthDateCompleted}, so that the lists and
 * the scores refused for want of the date are evaluated again.
 */
@Service
public class CompletingBirthDates {

    /** How many decided proposals the reviewers' page shows under the queue. */
    public static final int RECENT = 20;

    private final JdbcBirthDateProposals proposals;
    private final JdbcSubjects subjects;
    private final OwnNumberInTexts ownNumber;
    private final ProposalAudit audit;
    private final ApplicationEventPublisher events;
    private final RequestDecisions requests;
    private final Clock clock;

    CompletingBirthDates(JdbcBirthDateProposals proposals, JdbcSubjects subjects, OwnNumberInTexts ownNumber,
                         ProposalAudit audit, ApplicationEventPublisher events, RequestDecisions requests,
                         Clock clock) {
        this.requests = requests;
        this.proposals = proposals;
        this.subjects = subjects;
        this.ownNumber = ownNumber;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Proposes the birth date of a person whose date is unknown; it is used only once another person approves it. */
    @Transactional
    public UUID propose(UUID subjectId, LocalDate birthDate, BirthDateEvidence evidence, String reference,
                        String reason) {
        return propose(subjectId, birthDate, evidence, reference, reason, AuditLog.currentActor());
    }

    /** As {@link #propose}, in the name of {@code by}: the person who asked, or the clerk at the window for them. */
    UUID propose(UUID subjectId, LocalDate birthDate, BirthDateEvidence evidence, String reference, String reason,
                 Actor by) {
        SubjectProfile person = subjects.profile(subjectId).orElseThrow(() -> new SubjectProblem("SUBJECT_UNKNOWN",
                Kind.NOT_FOUND, "信用主体不存在"));
        BirthDateCompletion.requireUnknown(person.kind(), person.documentType(), person.birthDate());
        BirthDateCompletion.requireComplete(birthDate, evidence, reference, reason, LocalDate.now(clock));
        // Kept with the proposal and shown on the subject page and the reviewers' queue (RULES.md §10): anyone's
        // resident number is refused here, the person's own document number of any type just below.
        TypedText.requireNoIdentityNumber("reference", "证明材料编号或出处", reference);
        TypedText.requireNoIdentityNumber("reason", "补全理由", reason);
        ownNumber.refuse(person, "BIRTH_DATE_NUMBER_IN_TEXT", "证明材料编号和理由中不得填写该主体的证件号码（页面只显示脱敏号码）",
                reference, reason);
        BirthDateProposal proposal = new BirthDateProposal(Ids.newId(), subjectId, birthDate, evidence,
                reference.strip(), reason.strip(), by.actorId(), by.actorName(), clock.instant(),
                BirthDateProposal.Status.PENDING, null, null, null, null);
        if (!proposals.insert(proposal)) {
            throw new SubjectProblem("BIRTH_DATE_PENDING", Kind.CONFLICT, "该主体已有待审核的出生日期补全申请");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "subject.birth-date.propose")
                .subject(audit.pseudonym(subjectId)).by(by)
                .detail(AuditDetail.of("PROPOSAL_WITH_EVIDENCE").with("proposal", proposal.id())
                        .withLabel("evidence", "birthDates.evidence." + evidence.name())));
        return proposal.id();
    }

    /**
     * Approves a proposal (never by its proposer; of two reviewers at once, the first decides) and writes the date,
     * which was unknown until now and is never overwritten.
     */
    @Transactional
    public void approve(UUID proposalId, String note) {
        TypedText.requireNoIdentityNumber("note", "审核意见", note);
        Actor by = AuditLog.currentActor();
        BirthDateProposal proposal = reviewable(proposalId, by);
        if (!proposals.decide(proposalId, BirthDateProposal.Status.APPROVED, by.actorId(), by.actorName(),
                clock.instant(), Review.approvalNote(note))) {
            throw BirthDateCompletion.REVIEW.alreadyDecided();
        }
        if (!proposals.completeBirthDate(proposal.subjectId(), proposal.birthDate())) {
            throw new SubjectProblem("BIRTH_DATE_KNOWN", Kind.CONFLICT, "该主体的出生日期已知，不能通过补全修改");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "subject.birth-date.approve")
                .subject(audit.pseudonym(proposal.subjectId())).detail(AuditDetail.of("PROPOSAL").with("proposal", proposalId)));
        events.publishEvent(new BirthDateCompleted(proposal.subjectId()));
        requests.decided(proposalId, proposal.subjectId(), proposal.birthDate().toString(), true, note);
    }

    @Transactional
    public void reject(UUID proposalId, String note) {
        Actor by = AuditLog.currentActor();
        BirthDateProposal proposal = reviewable(proposalId, by);
        BirthDateCompletion.REVIEW.requireRejectionReason(note);
        TypedText.requireNoIdentityNumber("note", "退回理由", note);
        if (!proposals.decide(proposalId, BirthDateProposal.Status.REJECTED, by.actorId(), by.actorName(),
                clock.instant(), note.strip())) {
            throw BirthDateCompletion.REVIEW.alreadyDecided();
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "subject.birth-date.reject")
                .subject(audit.pseudonym(proposal.subjectId())).detail(AuditDetail.of("PROPOSAL").with("proposal", proposalId)));
        requests.decided(proposalId, proposal.subjectId(), proposal.birthDate().toString(), false, note);
    }

    /** A person's proposals, oldest first (the subject page shows where a completion stands). */
    public List<BirthDateProposal> of(UUID subjectId) {
        return proposals.ofSubject(subjectId);
    }

    /**
     * How many birth-date completions proposed by someone else wait for {@code reviewerId}'s review (工作台, finding K6).
     */
    public long awaiting(String reviewerId) {
        return proposals.pending().stream().filter(p -> !reviewerId.equals(p.proposal().proposedBy())).count();
    }

    /** The reviewers' queue, oldest first. */
    public List<ListedBirthDateProposal> pending() {
        return proposals.pending().stream().map(CompletingBirthDates::listed).toList();
    }

    public List<ListedBirthDateProposal> recentlyDecided() {
        return proposals.recentlyDecided(RECENT).stream().map(CompletingBirthDates::listed).toList();
    }

    private BirthDateProposal reviewable(UUID proposalId, Actor by) {
        return BirthDateCompletion.REVIEW.requireReviewable(proposals.find(proposalId).orElseThrow(() -> new SubjectProblem(
                "BIRTH_DATE_PROPOSAL_UNKNOWN", Kind.NOT_FOUND, "出生日期补全申请不存在")), by.actorId());
    }

    private static ListedBirthDateProposal listed(JdbcBirthDateProposals.Listed l) {
        return new ListedBirthDateProposal(l.proposal(), Masking.personName(l.name()), l.documentType(),
                l.maskedNumber());
    }
}
