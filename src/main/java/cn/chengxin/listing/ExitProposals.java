package cn.chengxin.listing;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.account.CaseRecusal;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.RepairAuthority;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.listing.domain.ExitGround;
import cn.chengxin.listing.persistence.JdbcExitProposals;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking an entry off its list by hand (移出), maker-checker as putting it on is (issue #5): a list:review holder
 * proposes the exit on a ground from a closed list ({@link ExitGround}) with its document and reasons; the entry stays
 * in force — in checks, on the public lists — until another reviewer, never the proposer, approves it (the entry then
 * ends as a decision about it, with its exit notice: {@link Listing#exit}) or rejects it with reasons (the entry
 * stays). An entry resting on a record whose end a court or a sector department decides is not taken off here at all
 * (RULES.md §7): the issuer revokes its record and the entry ends by itself. Each step is audited in the subject's part
 * of the log.
 */
@Service
public class ExitProposals {

    /** The most waiting proposals the review queue shows: a reviewer reads them one by one. */
    public static final int QUEUE_SIZE = 50;
    /** The longest reasons or note kept, as the table keeps them. */
    static final int MAX_TEXT = 500;

    private final Listing listing;
    private final CaseRecusal recusal;
    private final JdbcExitProposals store;
    private final CreditFile creditFile;
    private final Catalogue catalogue;
    private final AuditLog audit;
    private final Clock clock;

    ExitProposals(Listing listing, JdbcExitProposals store, CreditFile creditFile, Catalogue catalogue,
                  AuditLog audit, Clock clock, CaseRecusal recusal) {
        this.recusal = recusal;
        this.listing = listing;
        this.store = store;
        this.creditFile = creditFile;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /** A waiting proposal with the entry it would end, for the review queue. */
    public record Waiting(ExitProposal proposal, ListEntry entry) {
    }

    /**
     * Proposes to take an entry in force (or in its notice period) off its list. Refused for an entry whose record's
     * item another authority ends ({@code EXIT_BY_OTHER_AUTHORITY}), without a ground, its document or reasons, with
     * an identity number typed, and while another proposal waits for the entry.
     */
    @Transactional
    public UUID propose(UUID entryId, ExitGround ground, String reference, String reasons) {
        return propose(openEntry(entryId), ground, reference, reasons, AuditLog.currentActor().actorId());
    }

    /**
     * The person files proof of having corrected the dishonest conduct within the prior notice period, in
     * self-service (驻政办〔2017〕102号 四(三): "对在规定期限内纠正失信行为的，不再作为联合惩戒对象"; RULES.md §7): an
     * exit proposal on {@link ExitGround#CORRECTED_IN_NOTICE}, with the proof's number and what was done, which a
     * reviewer decides as any other; while it waits the entry does not take effect ({@link CorrectionProofHolds}).
     * Another person's entry is unknown ({@code ENTRY_UNKNOWN}); one no longer in its notice period is refused
     * ({@code EXIT_NOT_IN_NOTICE}), as are the rest as {@link #propose(UUID, ExitGround, String, String)} refuses them.
     */
    @Transactional
    public UUID fileProof(UUID subjectId, UUID entryId, String reference, String reasons) {
        ListEntry entry = listing.entry(entryId).filter(e -> e.subjectId().equals(subjectId))
                .orElseThrow(() -> new ListingProblem("ENTRY_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "名单条目不存在"));
        return propose(openEntry(entry.id()), ExitGround.CORRECTED_IN_NOTICE, reference, reasons,
                ExitProposal.BY_SUBJECT);
    }

    private UUID propose(ListEntry entry, ExitGround ground, String reference, String reasons, String by) {
        UUID entryId = entry.id();
        requirePlatformsToEnd(entry);
        // 回避: a clerk does not propose to take themselves off a list.
        recusal.requireNotOwnCase(entry.subjectPseudonym(), "listing.exit.propose");
        if (ground == null) {
            throw new ListingProblem("EXIT_GROUND_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "须选择移出的依据");
        }
        requireInNoticeFor(ground, entry);
        if (reasons == null || reasons.isBlank() || reasons.strip().length() > MAX_TEXT) {
            throw new ListingProblem("EXIT_REASON_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "移出须写明原因（不超过 " + MAX_TEXT + " 字）");
        }
        // Quoted in the exit notice and shown with the entry (RULES.md §10: no number in clear there).
        TypedText.requireNoIdentityNumber("reason", "移出原因", reasons);
        if (reference != null && !reference.isBlank()) {
            TypedText.requireNoIdentityNumber("reference", "文书号", reference);
        }
        ground.referenceProblem(reference).ifPresent(p -> {
            throw new ListingProblem("EXIT_REFERENCE_REQUIRED", DomainProblem.Kind.INVALID_INPUT, p);
        });
        ExitProposal proposal = new ExitProposal(Ids.newId(), entryId, ground,
                reference == null || reference.isBlank() ? null : reference.strip(), reasons.strip(), by,
                clock.instant(), ExitProposal.Status.PENDING, null, null, null);
        if (!store.propose(proposal)) {
            throw new ListingProblem("EXIT_PROPOSAL_PENDING", DomainProblem.Kind.CONFLICT,
                    "该条目已有待审核的移出建议，请先由另一名审核人员处理");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.exit.propose").subject(entry.subjectPseudonym())
                .detail(ListDetails.exit(AuditDetail.of("LIST_EXIT_PROPOSED"), entry, ground)));
        return proposal.id();
    }

    /**
     * Another reviewer approves the waiting proposal: the entry ends now, with its exit notice, and the decision
     * stands for its record. Never by the proposer.
     */
    @Transactional
    public void approve(UUID entryId, String note) {
        if (note != null && !note.isBlank()) {
            TypedText.requireNoIdentityNumber("note", "审核意见", note);
        }
        ListEntry entry = openEntry(entryId);
        ExitProposal proposal = decidable(entry, "listing.exit.approve");
        // The catalogue may have given the item to another authority while the proposal waited.
        requirePlatformsToEnd(entry);
        requireInNoticeFor(proposal.ground(), entry);
        decide(proposal, ExitProposal.Status.APPROVED, note);
        listing.exit(entryId, proposal.exitReason());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.exit.approve").subject(entry.subjectPseudonym())
                .detail(ListDetails.exit(AuditDetail.of("LIST_EXIT_APPROVED"), entry, proposal.ground())));
    }

    /** Another reviewer rejects the waiting proposal with reasons: the entry stays as it is. Never by the proposer. */
    @Transactional
    public void reject(UUID entryId, String note) {
        if (note == null || note.isBlank() || note.strip().length() > MAX_TEXT) {
            throw new ListingProblem("REVIEW_NOTE_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "不同意移出须写明理由");
        }
        TypedText.requireNoIdentityNumber("note", "不同意移出理由", note);
        ListEntry entry = openEntry(entryId);
        ExitProposal proposal = decidable(entry, "listing.exit.reject");
        decide(proposal, ExitProposal.Status.REJECTED, note);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "listing.exit.reject").subject(entry.subjectPseudonym())
                .detail(ListDetails.exit(AuditDetail.of("LIST_EXIT_REJECTED"), entry, proposal.ground())));
    }

    /** The proposal waiting for the entry, if any. */
    public Optional<ExitProposal> pending(UUID entryId) {
        return store.pending(entryId);
    }

    /** Of these entries, those whose proof of correction in the notice period waits for review (self-service). */
    public Set<UUID> proofsWaiting(Collection<UUID> entryIds) {
        return store.onGround(entryIds, ExitGround.CORRECTED_IN_NOTICE).stream()
                .filter(p -> p.status() == ExitProposal.Status.PENDING).map(ExitProposal::entryId)
                .collect(Collectors.toSet());
    }

    /** Every proposal made for the entry, decided ones too, in the order made. */
    public List<ExitProposal> ofEntry(UUID entryId) {
        return store.ofEntry(entryId);
    }

    /** The proposals waiting, the oldest first (at most {@link #QUEUE_SIZE}), each with its entry. */
    public List<Waiting> waiting() {
        return store.waiting(QUEUE_SIZE).stream().map(p -> listing.entry(p.entryId())
                .map(e -> new Waiting(p, e))).flatMap(Optional::stream).toList();
    }

    /**
     * How many exits by hand wait for {@code reviewerId} (a staff user's id): those another reviewer proposed, which
     * this one may decide (maker-checker, issue #5), for 工作台 (finding K6).
     */
    public long waitingFor(String reviewerId) {
        return store.countWaitingFromOthers(reviewerId);
    }

    /**
     * Who ends an entry resting on a record: the authority that decides the end of its item (RULES.md §7), the
     * platform for an entry resting on no record (a department's proposal by hand) or on one no longer held.
     */
    public RepairAuthority authorityToEnd(ListEntry entry) {
        if (entry.recordKey() == null) {
            return RepairAuthority.PLATFORM;
        }
        return creditFile.record(entry.subjectId(), entry.recordKey()).flatMap(r -> catalogue.active(r.itemCode()))
                .map(i -> i.definition().repairAuthority()).orElse(RepairAuthority.PLATFORM);
    }

    private void requirePlatformsToEnd(ListEntry entry) {
        ExitGround.refusalFor(authorityToEnd(entry)).ifPresent(p -> {
            throw new ListingProblem("EXIT_BY_OTHER_AUTHORITY", DomainProblem.Kind.CONFLICT, p);
        });
    }

    /**
     * A correction within the notice period stops only an entry that has not taken effect (驻政办〔2017〕102号 四(三));
     * one in force ends by repair or on another ground.
     */
    private static void requireInNoticeFor(ExitGround ground, ListEntry entry) {
        if (ground.onlyInNotice() && entry.status() != EntryStatus.NOTIFIED) {
            throw new ListingProblem("EXIT_NOT_IN_NOTICE", DomainProblem.Kind.CONFLICT,
                    "「" + ground.label() + "」只适用于事先告知期内、尚未生效的名单条目；已生效的条目可依法申请信用修复");
        }
    }

    /** An entry on its list (in force or in its notice period): a proposal still under review is rejected, not exited. */
    private ListEntry openEntry(UUID entryId) {
        ListEntry entry = listing.entry(entryId).orElseThrow(() -> new ListingProblem("ENTRY_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "名单条目不存在"));
        if (!entry.status().open() || entry.status() == EntryStatus.PROPOSED) {
            throw new ListingProblem("LIST_ALREADY_DECIDED", DomainProblem.Kind.CONFLICT,
                    "该条目不在名单中（待审核的认定建议请作不予认定处理）");
        }
        return entry;
    }

    /** The waiting proposal, which its proposer may not decide (双人复核); a refused attempt is audited. */
    private ExitProposal decidable(ListEntry entry, String action) {
        ExitProposal proposal = store.pending(entry.id()).orElseThrow(this::notPending);
        if (proposal.proposedBy().equals(AuditLog.currentActor().actorId())) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, action).subject(entry.subjectPseudonym())
                    .result(AuditResult.DENIED)
                    .detail(ListDetails.entry(AuditDetail.of("LIST_EXIT_OWN_PROPOSAL"), entry)));
            throw new ListingProblem("LIST_SELF_REVIEW", DomainProblem.Kind.FORBIDDEN,
                    "提出移出建议的人不能审核自己的建议（双人复核）");
        }
        // 回避: nor does a clerk decide an exit from a list they are on.
        recusal.requireNotOwnCase(entry.subjectPseudonym(), action);
        return proposal;
    }

    private void decide(ExitProposal proposal, ExitProposal.Status to, String note) {
        Instant now = clock.instant();
        if (!store.decide(proposal.id(), to, AuditLog.currentActor().actorId(), now,
                note == null || note.isBlank() ? null : note.strip())) {
            throw notPending();
        }
    }

    private ListingProblem notPending() {
        return new ListingProblem("EXIT_NOT_PROPOSED", DomainProblem.Kind.CONFLICT,
                "该条目没有待审核的移出建议（可能已由他人处理）");
    }
}
