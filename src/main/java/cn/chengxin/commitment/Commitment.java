package cn.chengxin.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.commitment.domain.CommitmentKind;
import cn.chengxin.commitment.domain.CommitmentStatus;

/**
 * 信用承诺: the text the subject signed, exactly as shown to them, with its SM3 digest so that a later change of the
 * stored text would show; {@code reference} names what it was given for (a repair application, a licence file number).
 *
 * @param recordRefused the code collection refused its 信用承诺信息 or 违背信用承诺信息 record with, the owing ended
 *                      (kept or breached with no record); null otherwise
 */
public record Commitment(UUID id, UUID subjectId, CommitmentKind kind, String text, String digest, String reference,
                         String departmentCode, LocalDate due, String signedBy, Instant signedAt,
                         CommitmentStatus status, String breachFacts, Instant breachReportedAt,
                         String recordRefused) {

    /** Kept or breached, but with no record in the file: collection refused it. */
    public boolean recordWasRefused() {
        return recordRefused != null;
    }
}
