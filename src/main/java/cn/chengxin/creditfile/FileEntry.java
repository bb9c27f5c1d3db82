package cn.chengxin.creditfile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A record as a credit file shows it.
 *
 * @param itemVersion      the version of its catalogue item in force when the record was stored: what its severity,
 *                         periods and repair are read by (a later version of the item does not reclassify it)
 * @param revocationReason why it was revoked: by its department, when it said (issue #4), or by the platform when its
 *                         item's legal basis was revoked, naming the revoking document (RULES.md §5,
 *                         {@link WithdrawingRecords}); {@code null} otherwise
 */
public record FileEntry(UUID recordKey, int version, String itemCode, int itemVersion, String departmentCode,
                        String decisionNumber, LocalDate decisionDate, Map<String, String> content,
                        RecordStatus status, LocalDate publicationEnd, boolean linked, Instant acceptedAt, String revocationReason) {

    /**
     * The record as it stands on {@code today}: one still 有效 or 异议中 whose last day of publication has passed is
     * 公示期满 (RULES.md §4: not shown from the day after its end), whether or not the nightly job has moved it yet.
     */
    public FileEntry asOn(LocalDate today) {
        return status.shown() && publicationEnd != null && publicationEnd.isBefore(today)
                ? new FileEntry(recordKey, version, itemCode, itemVersion, departmentCode, decisionNumber,
                        decisionDate, content, RecordStatus.EXPIRED, publicationEnd, linked, acceptedAt, revocationReason)
                : this;
    }
}
