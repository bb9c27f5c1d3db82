package cn.chengxin.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A list entry another platform issued, as this platform holds it after the latest version received: the check index
 * follows these by {@code changeSeq} so that "一处失信，处处受限" holds, showing the issuing platform. {@code item}: the
 * catalogue item of the record the entry rests on, as the issuer named it (null if it named none). {@code
 * proceedings}: the administrative review or lawsuit pending against the listing decision (ADMINISTRATIVE_REVIEW,
 * LAWSUIT; RULES.md §5), as the version held says; none mostly, and none from an issuer that does not send them. {@code receivedAt}: when
 * the version held arrived. {@code disputed}: marked 异议中 by the issuer, or here ({@code objectedHere}: an objection
 * filed on this platform and open, RULES.md §5), which checks show alike. {@code maskedNumber}: the subject's number as
 * this platform keeps it, masked (a check of an organisation's responsible person names the organisation by it).
 */
public record ReceivedEntry(String sourcePlatform, String sourceId, String subjectPseudonym, String maskedName,
                            String listType, String item, String legalBasis, String department, Instant effectiveFrom,
                            LocalDate validUntil, boolean disputed, boolean inForce, String issuingPlatform,
                            long changeSeq, List<String> proceedings, Instant receivedAt,
                            boolean objectedHere, String maskedNumber) {

    public ReceivedEntry {
        proceedings = proceedings == null ? List.of() : List.copyOf(proceedings);
    }

    /** The key of the entry across platforms. */
    public String key() {
        return sourcePlatform + ":" + sourceId;
    }

    /** In force on {@code today}: effective on its platform and not past its last day. */
    public boolean inForce(LocalDate today) {
        return inForce && (validUntil == null || !validUntil.isBefore(today));
    }
}
