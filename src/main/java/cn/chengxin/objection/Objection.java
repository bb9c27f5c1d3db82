package cn.chengxin.objection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.objection.domain.ObjectionStatus;
import cn.chengxin.objection.domain.Outcome;

/** 异议: against one record of the subject's file, with its deadline and, once decided, its outcome and reasons. */
public record Objection(UUID id, UUID subjectId, UUID recordKey, String itemCode, String departmentCode,
                        String reasons, String filedBy, Instant filedAt, int repeats, ObjectionStatus status,
                        LocalDate dueOn, Instant routedAt, LocalDate departmentDue, Outcome outcome,
                        String outcomeReasons, String decidedBy, Instant decidedAt, int version) {

    public boolean overdue(LocalDate today) {
        return status.open() && today.isAfter(dueOn);
    }
}
