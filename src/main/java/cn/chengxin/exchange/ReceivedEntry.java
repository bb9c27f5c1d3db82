package cn.chengxin.exchange;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A list entry another platform issued, as this platform holds it after the latest version received: the check index
 * follows these by {@code changeSeq} so that "一处失信，处处受限" holds, showing the issuing platform. {@code item}: the
 * catalogue item of the record the entry rests on, as the issuer named it (null if it named none).
 */
public record ReceivedEntry(String sourcePlatform, String sourceId, String subjectPseudonym, String maskedName,
                            String listType, String item, String legalBasis, String department, Instant effectiveFrom,
                            LocalDate validUntil, boolean disputed, boolean inForce, String issuingPlatform,
                            long changeSeq) {

    /** The key of the entry across platforms. */
    public String key() {
        return sourcePlatform + ":" + sourceId;
    }

    /** In force on {@code today}: effective on its platform and not past its last day. */
    public boolean inForce(LocalDate today) {
        return inForce && (validUntil == null || !validUntil.isBefore(today));
    }
}
