package cn.chengxin.repair;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import cn.chengxin.listing.ListType;
import cn.chengxin.repair.domain.RepairStatus;

/**
 * 信用修复申请 for one negative record: what the applicant says they did, the commitment they signed, its deadlines
 * and, once decided, who decided and why. {@code counterStaff}: the staff member who filed it at a counter, if any.
 * An application for a list entry a department proposed by hand (finding #8), which rests on no record, names the
 * entry ({@code entryId}) and its list ({@code listType}) instead of a record and an item ({@code recordKey} and
 * {@code itemCode} null then). {@code pausedSince}: the first day its record has been in dispute (an objection heard),
 * during which its deadline stands still (G8); null while it runs. {@code receivedOn} and {@code earlierReference}: the
 * day the old system received an application still open at the cut-over and its case number there (原系统案卷号), from
 * which day its feedback deadline is counted (review X7); both null for an application received here.
 */
public record RepairApplication(UUID id, UUID subjectId, UUID recordKey, String itemCode, String departmentCode,
                                String decisionNumber, String performance, UUID commitmentId, String filedBy,
                                String counterStaff, Instant filedAt, RepairStatus status, LocalDate feedbackDue,
                                String proposedBy, Instant proposedAt, String proposalNote, LocalDate decisionDue,
                                int extensionDays, String extensionReason, String decidedBy, Instant decidedAt,
                                String reasons, int version, UUID entryId, ListType listType,
                                LocalDate pausedSince, LocalDate receivedOn, String earlierReference) {

    /** Whether it is for a list entry proposed by hand, not for a record. */
    public boolean ofEntry() {
        return entryId != null;
    }

    /** What is to be repaired, as the console lists it: the item's code, or the list of an entry proposed by hand. */
    public String concerning() {
        return ofEntry() ? listType.label() + "（部门认定）" : itemCode;
    }

    /** The deadline that applies now: the authority's decision once proposed, the platform's feedback before. */
    public LocalDate dueOn() {
        return status == RepairStatus.PROPOSED && decisionDue != null ? decisionDue : feedbackDue;
    }

    /** Open past its deadline; a paused application only if its deadline had passed before the pause. */
    public boolean overdue(LocalDate today) {
        return status.open() && (pausedSince == null ? today : pausedSince).isAfter(dueOn());
    }

    /** The day it was received: the old system's (review X7), else the day it was filed here. */
    public LocalDate receivedOn(ZoneId zone) {
        return receivedOn != null ? receivedOn : LocalDate.ofInstant(filedAt, zone);
    }

    public boolean paused() {
        return pausedSince != null;
    }
}
