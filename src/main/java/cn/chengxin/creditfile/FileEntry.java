package cn.chengxin.creditfile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A record as a credit file shows it.
 *
 * @param revocationReason why its department revoked it, when it said (issue #4); {@code null} otherwise
 */
public record FileEntry(UUID recordKey, int version, String itemCode, String departmentCode, String decisionNumber,
                        LocalDate decisionDate, Map<String, String> content, RecordStatus status,
                        LocalDate publicationEnd, boolean linked, Instant acceptedAt, String revocationReason) {
}
