package cn.chengxin.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.objection.Objections;
import cn.chengxin.oversight.domain.CalendarChange;
import cn.chengxin.oversight.domain.CalendarProposal;
import cn.chengxin.oversight.persistence.JdbcCalendarProposals;
import cn.chengxin.repair.Repairs;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem.Kind;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.calendar.CalendarDay;
import cn.chengxin.shared.calendar.DeadlineRecount;
import cn.chengxin.shared.calendar.WorkingCalendar;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工作日历: the credit office's changes to the working calendar (H9 of gaps-review-xxv). One {@code calendar:edit}
 * holder proposes a change with the notice it follows; another approves or rejects it, and only an approved change
 * writes the calendar ({@link CalendarChange}: days before today only as a correction naming its reason). Every step
 * is audited in its own transaction — a change the audit log cannot record is not made (RULES.md §10: every
 * operation leaves a trace), as every other audited change records its event before it commits.
 */
@Service
public class CalendarEditing {

    /** How many decided proposals the calendar page shows. */
    public static final int RECENT = 20;

    private final WorkingDays workingDays;
    private final JdbcCalendarProposals proposals;
    private final AuditLog audit;
    private final Clock clock;
    private final Objections objections;
    private final Repairs repairs;

    CalendarEditing(WorkingDays workingDays, JdbcCalendarProposals proposals, AuditLog audit, Clock clock,
                    Objections objections, Repairs repairs) {
        this.workingDays = workingDays;
        this.proposals = proposals;
        this.audit = audit;
        this.clock = clock;
        this.objections = objections;
        this.repairs = repairs;
    }

    /** Proposes a change; the calendar is unchanged until another person approves it. */
    @Transactional
    public UUID propose(CalendarChange change) {
        Actor by = AuditLog.currentActor();
        CalendarChange cleaned = new CalendarChange(change.firstDay(), change.lastDay(), change.change(),
                change.change() == CalendarChange.Change.ORDINARY ? null : strip(change.holiday()),
                strip(change.source()), blankToNull(change.correctionReason()));
        cleaned.requireComplete();
        cleaned.requireNotPast(LocalDate.now(clock));
        CalendarProposal proposal = new CalendarProposal(Ids.newId(), cleaned, by.actorId(), by.actorName(),
                clock.instant(), CalendarProposal.Status.PENDING, null, null, null, null);
        proposals.insert(proposal);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "calendar.propose")
                .detail(described(AuditDetail.of(cleaned.correction() ? "CALENDAR_PROPOSED_CORRECTION"
                        : "CALENDAR_PROPOSED"), cleaned, proposal.id())));
        return proposal.id();
    }

    /**
     * Approves a proposal (never by its proposer; of two reviewers at once, the first decides) and writes its days.
     * The past-day rule is checked again: a day that has passed since the proposal is changed only as a correction.
     */
    @Transactional
    public void approve(UUID proposalId, String note) {
        Actor by = AuditLog.currentActor();
        CalendarProposal proposal = reviewable(proposalId, by);
        CalendarChange change = proposal.change();
        change.requireNotPast(LocalDate.now(clock));
        if (!proposals.decide(proposalId, CalendarProposal.Status.APPROVED, by.actorId(), by.actorName(),
                clock.instant(), blankToNull(note))) {
            throw CalendarProposal.alreadyDecided();
        }
        String writer = proposal.proposedByName() + " / " + by.actorName();
        for (LocalDate day : change.days()) {
            if (change.change().kind() == null) {
                workingDays.clear(day, writer);
            } else {
                workingDays.set(new CalendarDay(day, change.change().kind(), change.holiday()), change.source(),
                        writer);
            }
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "calendar.approve")
                .detail(described(AuditDetail.of(change.correction() ? "CALENDAR_APPROVED_CORRECTION"
                        : "CALENDAR_APPROVED"), change, proposalId)));
    }

    @Transactional
    public void reject(UUID proposalId, String note) {
        Actor by = AuditLog.currentActor();
        CalendarProposal proposal = reviewable(proposalId, by);
        CalendarProposal.requireRejectionReason(note);
        if (!proposals.decide(proposalId, CalendarProposal.Status.REJECTED, by.actorId(), by.actorName(),
                clock.instant(), note.strip())) {
            throw CalendarProposal.alreadyDecided();
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "calendar.reject")
                .detail(described(AuditDetail.of(proposal.change().correction() ? "CALENDAR_REJECTED_CORRECTION"
                        : "CALENDAR_REJECTED"), proposal.change(), proposalId)));
    }

    /** The proposals awaiting a second person, oldest first. */
    public List<CalendarProposal> pending() {
        return proposals.pending();
    }

    /** How many calendar changes proposed by someone else wait for {@code reviewerId} (工作台, finding K6). */
    public long awaiting(String reviewerId) {
        return pending().stream().filter(p -> !reviewerId.equals(p.proposedBy())).count();
    }

    /**
     * The open objections and repair applications whose stored deadline the proposal would count differently: its
     * window, from the start of its current count to the stored date, contains a changed day (H9 of gaps-review-xxv;
     * RULES.md §5, §6). For the approver: approval leaves stored dates as they are (the person keeps the date they were
     * told); the handlers extend where the new calendar calls for it.
     */
    public List<DeadlineRecount> casesMoved(CalendarProposal proposal) {
        CalendarChange change = proposal.change();
        WorkingCalendar proposed = workingDays.calendar().changed(change.firstDay(), change.lastDay(),
                change.change().kind());
        List<DeadlineRecount> moved = new ArrayList<>(
                objections.recountedUnder(proposed, change.firstDay(), change.lastDay()));
        moved.addAll(repairs.recountedUnder(proposed, change.firstDay(), change.lastDay()));
        moved.sort(Comparator.comparing(DeadlineRecount::stored));
        return moved;
    }

    public List<CalendarProposal> recentlyDecided() {
        return proposals.recentlyDecided(RECENT);
    }

    private CalendarProposal reviewable(UUID proposalId, Actor by) {
        CalendarProposal proposal = proposals.find(proposalId).orElseThrow(() -> new CodedProblem(
                "CALENDAR_PROPOSAL_UNKNOWN", Kind.NOT_FOUND, "工作日历变更申请不存在"));
        proposal.requireSecondPerson(by.actorId());
        proposal.requirePending();
        return proposal;
    }

    /**
     * The audit detail of a step (K7, {@code audit.detail.CALENDAR_*}): the days first ({@code first~last}, or the one
     * day), so that the events about a day are found by it; what they become, by its label; the holiday ({@code —}
     * for an ordinary day); the notice it follows; the proposal; and a correction's reason, last.
     */
    private static AuditDetail described(AuditDetail detail, CalendarChange c, UUID proposal) {
        AuditDetail described = detail
                .with("days", c.firstDay() + (c.lastDay().equals(c.firstDay()) ? "" : "~" + c.lastDay()))
                .withLabel("change", "calendar.kind." + c.change().name())
                .with("holiday", c.holiday() == null ? "—" : c.holiday()).with("source", c.source())
                .with("proposal", proposal);
        return c.correction() ? described.with("reason", c.correctionReason()) : described;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
