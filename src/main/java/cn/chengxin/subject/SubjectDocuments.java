package cn.chengxin.subject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import cn.chengxin.subject.domain.FurtherDocuments;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.Review;
import cn.chengxin.subject.domain.SubjectProblem;
import cn.chengxin.subject.domain.TypedText;
import cn.chengxin.subject.persistence.HeldDocuments;
import cn.chengxin.subject.persistence.JdbcFurtherDocuments;
import cn.chengxin.subject.persistence.JdbcSubjects;
import cn.chengxin.subject.protection.IdentityProtection;
import cn.chengxin.subject.protection.SealedNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a further identity document to a person's file ({@link FurtherDocuments}; gaps review xxx L1): one staff member
 * proposes it with its evidence, another approves or rejects it. Once approved, {@link SubjectRegistry#find}, the
 * pseudonym lookups and so ingestion, the check API, reports and self-service resolve either document to the one
 * subject. Every step is audited under the subject's pseudonym and under the document's own (RULES.md §10), so that
 * whoever traces either number finds the step. A document another subject holds is refused: joining two files, with
 * their records, is {@link SubjectJoining}'s.
 */
@Service
public class SubjectDocuments {

    private final JdbcFurtherDocuments documents;
    private final JdbcSubjects subjects;
    private final HeldDocuments held;
    private final IdentityProtection protection;
    private final OwnNumberInTexts ownNumber;
    private final ProposalAudit audit;
    private final ApplicationEventPublisher events;
    private final PseudonymAliases aliases;
    private final Clock clock;

    SubjectDocuments(JdbcFurtherDocuments documents, JdbcSubjects subjects, HeldDocuments held,
                     IdentityProtection protection, OwnNumberInTexts ownNumber, ProposalAudit audit,
                     ApplicationEventPublisher events, PseudonymAliases aliases, Clock clock) {
        this.documents = documents;
        this.subjects = subjects;
        this.held = held;
        this.protection = protection;
        this.ownNumber = ownNumber;
        this.audit = audit;
        this.events = events;
        this.aliases = aliases;
        this.clock = clock;
    }

    /**
     * Proposes that the person holds a further document; the registry takes it only once another person approves it.
     *
     * @param documentType the type's name, or {@code null} to infer it from the number's shape
     * @throws cn.chengxin.subject.domain.InvalidIdentityException for a number that is not one
     */
    @Transactional
    public UUID propose(UUID subjectId, String documentType, String number, LocalDate validFrom, LocalDate validTo,
                        String reference, String reason) {
        Actor by = AuditLog.currentActor();
        SubjectProfile subject = subjects.profile(subjectId).orElseThrow(() -> new SubjectProblem("SUBJECT_UNKNOWN",
                Kind.NOT_FOUND, "信用主体不存在"));
        IdentityDocument further = IdentityDocument.parse(DocumentType.named(documentType), number,
                LocalDate.now(clock));
        FurtherDocuments.requireComplete(subject.kind(), further, validFrom, validTo, reference, reason);
        TypedText.requireNoIdentityNumber("documentReference", "证明材料编号或出处", reference);
        TypedText.requireNoIdentityNumber("documentReason", "添加理由", reason);
        ownNumber.refuse(subject, "SUBJECT_DOCUMENT_NUMBER_IN_TEXT", "证明材料编号和理由中不得填写证件号码（页面只显示脱敏号码）",
                reference, reason);
        for (String text : List.of(reference, reason)) {
            if (compact(text).contains(compact(further.number()))) {
                throw new SubjectProblem("SUBJECT_DOCUMENT_NUMBER_IN_TEXT", Kind.INVALID_INPUT,
                        "证明材料编号和理由中不得填写证件号码（页面只显示脱敏号码）");
            }
        }
        SealedNumber sealed = protection.seal(further);
        requireFree(subjectId, further.type(), sealed.index());
        FurtherDocument proposal = new FurtherDocument(Ids.newId(), subjectId, further.type(), further.masked(),
                validFrom, validTo, reference.strip(), reason.strip(), by.actorId(), by.actorName(), clock.instant(),
                FurtherDocument.Status.PENDING, null, null, null, null);
        if (!documents.insert(proposal, sealed)) {
            throw new SubjectProblem("SUBJECT_DOCUMENT_PENDING", Kind.CONFLICT, "该主体已有待审核的证件添加申请");
        }
        recordAboutBoth(proposal, sealed.index(), "subject.document.propose");
        return proposal.id();
    }

    /**
     * Approves a proposal (never by its proposer; of two reviewers at once, the first decides): the person holds the
     * document from now on, unless another subject came to hold it meanwhile. The registry is asked under {@link
     * HeldDocuments#lockForHolding()}: a registration of the number under way is seen once it commits, and one that
     * starts meanwhile sees this approval (gaps review xli V4).
     */
    @Transactional
    public void approve(UUID proposalId, String note) {
        TypedText.requireNoIdentityNumber("note", "审核意见", note);
        Actor by = AuditLog.currentActor();
        held.lockForHolding();
        FurtherDocument proposal = reviewable(proposalId, by);
        byte[] index = documents.numberIndex(proposalId).orElseThrow();
        requireFree(proposal.subjectId(), proposal.documentType(), index);
        try {
            if (!documents.decide(proposalId, FurtherDocument.Status.APPROVED, by.actorId(), by.actorName(),
                    clock.instant(), Review.approvalNote(note))) {
                throw FurtherDocuments.REVIEW.alreadyDecided();
            }
        } catch (DuplicateKeyException heldMeanwhile) {
            throw FurtherDocuments.taken();
        }
        recordAboutBoth(proposal, index, "subject.document.approve");
        String holder = audit.pseudonym(proposal.subjectId());
        String own = HexFormat.of().formatHex(index);
        // What was recorded under the document's own pseudonym before (a check by it) shows on the holder's file.
        aliases.alias(holder, own);
        events.publishEvent(new FurtherDocumentHeld(proposal.subjectId(), holder, own));
    }

    @Transactional
    public void reject(UUID proposalId, String note) {
        Actor by = AuditLog.currentActor();
        FurtherDocument proposal = reviewable(proposalId, by);
        FurtherDocuments.REVIEW.requireRejectionReason(note);
        TypedText.requireNoIdentityNumber("note", "退回理由", note);
        if (!documents.decide(proposalId, FurtherDocument.Status.REJECTED, by.actorId(), by.actorName(),
                clock.instant(), note.strip())) {
            throw FurtherDocuments.REVIEW.alreadyDecided();
        }
        recordAboutBoth(proposal, documents.numberIndex(proposalId).orElseThrow(), "subject.document.reject");
    }

    /** A subject's further documents and proposals, oldest first (masked numbers only). */
    public List<FurtherDocument> of(UUID subjectId) {
        return documents.ofSubject(subjectId);
    }

    /** The reviewers' queue, oldest first. */
    public List<ListedFurtherDocument> pending() {
        return documents.pending().stream().map(l -> new ListedFurtherDocument(l.document(), l.kind(),
                l.subjectDocumentType(), l.subjectMasked())).toList();
    }

    /** How many proposals made by someone else wait for {@code reviewerId}'s review. */
    public long awaiting(String reviewerId) {
        return documents.pending().stream().filter(p -> !reviewerId.equals(p.document().proposedBy())).count();
    }

    public Optional<FurtherDocument> find(UUID proposalId) {
        return documents.find(proposalId);
    }

    private void requireFree(UUID subjectId, DocumentType type, byte[] index) {
        Optional<UUID> holder = subjects.idOf(type, index);
        if (holder.isPresent()) {
            throw holder.get().equals(subjectId) ? FurtherDocuments.own() : FurtherDocuments.taken();
        }
    }

    private FurtherDocument reviewable(UUID proposalId, Actor by) {
        return FurtherDocuments.REVIEW.requireReviewable(documents.find(proposalId).orElseThrow(() ->
                new SubjectProblem("SUBJECT_DOCUMENT_PROPOSAL_UNKNOWN", Kind.NOT_FOUND, "证件添加申请不存在")), by.actorId());
    }

    /** The step under the subject's pseudonym and under the document's own, which names nobody else. */
    private void recordAboutBoth(FurtherDocument proposal, byte[] documentIndex, String action) {
        String type = "documentType." + proposal.documentType().name();
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, action).subject(audit.pseudonym(proposal.subjectId()))
                .detail(AuditDetail.of("FURTHER_DOCUMENT_OF_SUBJECT").with("proposal", proposal.id())
                        .withLabel("type", type)));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, action).subject(HexFormat.of().formatHex(documentIndex))
                .detail(AuditDetail.of("FURTHER_DOCUMENT_HELD_BY").with("proposal", proposal.id())
                        .withLabel("type", type).with("subject", audit.pseudonym(proposal.subjectId()))));
    }

    private static String compact(String text) {
        return text == null ? "" : text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
