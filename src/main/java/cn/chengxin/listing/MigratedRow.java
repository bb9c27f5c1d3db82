package cn.chengxin.listing;

import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.subject.domain.SubjectKind;

/**
 * One accepted row of a {@link MigrationBatch}: an entry the older system decided, with the days it kept (RULES.md
 * §7: the act, the prior notice's issue and service and its channel, the effect and the last day) and who decided it
 * ({@code departmentCode}, {@code documentNumber}). The subject by the registry's id and the masked number only.
 * {@code entryId}: the entry stored when the batch was approved; null while it waits or after a rejection.
 * {@code legacySourceId}: the old platform's id of the decision's back-loaded record, if the row named it.
 */
public record MigratedRow(UUID batchId, long line, UUID subjectId, SubjectKind subjectKind, String maskedNumber,
                          ListType listType, String ruleCode, int ruleVersion, LocalDate actDay,
                          LocalDate effectiveFrom, LocalDate validUntil, LocalDate noticeIssuedOn,
                          LocalDate noticeServedOn, NoticeDelivery.Channel noticeChannel, String departmentCode,
                          String documentNumber, UUID entryId, String legacySourceId) {
}
