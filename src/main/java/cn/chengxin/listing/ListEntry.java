package cn.chengxin.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.listing.domain.SeriousGround;
import cn.chengxin.subject.domain.SubjectKind;

/**
 * A list entry as staff, the subject and the check index see it; the number only masked. {@code ruleCode} and
 * {@code ruleVersion} name the rule version that proposed it (null for a department's proposal). {@code actDay}: the
 * day on which the person's age was judged (RULES.md §6), carried so that a check judges it again without a look-up:
 * the decision date of the record a rule proposed it from (following the record's corrections), or the day of the act
 * a department's proposal named; null only for a proposal by hand made before act days were kept, or one resting on
 * a record the credit file no longer held when they began to be ({@code V148}). {@code subjectKind}: a person or an
 * organisation, which has no age and no self-service account, so its notices and page say neither.
 * {@code proceedings}: the kinds ({@link cn.chengxin.creditfile.RecordProceeding.Kind} names, by name) of the
 * administrative review or lawsuit pending against the entry itself ({@link EntryProceedings}), none mostly.
 * {@code recordProceedings}: the kinds, by name, of those pending against the record the entry rests on
 * ({@link EntryProceedings#onRecordsOf}), carried only on the change feed ({@link Listing#changesSince}) so that the check
 * index answers them without a look-up; empty elsewhere (a page asks {@link EntryProceedings#onRecordsOf}).
 * {@code published}: whether the public lists may show it ({@link cn.chengxin.listing.domain.PublicListing#publishesItem}):
 * not when it rests on a record of an item the catalogue does not share publicly; it is in force all the same.
 * {@code seriousGround}: a black-list entry's ground of 国办发〔2020〕49号 (RULES.md §7), from its rule version or its
 * proposal by hand; null on the other lists, and on a black one proposed by hand before grounds were required.
 */
public record ListEntry(UUID id, ListType listType, String ruleCode, Integer ruleVersion, String ruleName,
                        UUID subjectId, String subjectPseudonym, String subjectName, String maskedName,
                        String maskedNumber, UUID recordKey, String departmentCode, String legalBasis, String reasons,
                        LocalDate actDay, EntryStatus status, String proposedBy, Instant proposedAt, String reviewedBy,
                        Instant reviewedAt, String reviewNote, Instant effectiveFrom, LocalDate validUntil,
                        Instant exitedAt, String exitReason, boolean disputed, long changeSeq,
                        SubjectKind subjectKind, List<String> proceedings, boolean published,
                        SeriousGround seriousGround, List<String> recordProceedings) {

    public ListEntry {
        proceedings = proceedings == null ? List.of() : List.copyOf(proceedings);
        recordProceedings = recordProceedings == null ? List.of() : List.copyOf(recordProceedings);
    }

    /** This entry with the proceedings pending against the record it rests on. */
    public ListEntry withRecordProceedings(List<String> pending) {
        return new ListEntry(id, listType, ruleCode, ruleVersion, ruleName, subjectId, subjectPseudonym, subjectName,
                maskedName, maskedNumber, recordKey, departmentCode, legalBasis, reasons, actDay, status, proposedBy,
                proposedAt, reviewedBy, reviewedAt, reviewNote, effectiveFrom, validUntil, exitedAt, exitReason,
                disputed, changeSeq, subjectKind, proceedings, published, seriousGround, pending);
    }

    /** In force on {@code today}: effective and not past its last day. */
    public boolean inForce(LocalDate today) {
        return status == EntryStatus.EFFECTIVE && (validUntil == null || !validUntil.isBefore(today));
    }
}
