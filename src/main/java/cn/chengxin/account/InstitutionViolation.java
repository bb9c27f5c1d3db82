package cn.chengxin.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.account.domain.InstitutionBan;

/**
 * An entry of the violation register (违规机构名单, gaps review xxx L4): an institution that broke the rules, the ground
 * and the reference of the decision, and the days from and until which it is issued no new key — once a security
 * administrator other than the proposer confirmed it.
 *
 * @param institutionId the institution ({@link ApiInstitution}), keyed by its id
 * @param organisation  the organisation's name as its newest key gave it when the entry was proposed
 * @param proposedBy    the proposer's staff user id, which the decider's is compared with
 * @param creditCode    the institution's unified social credit code (GB 32100-2015), as the proposer gave it or its
 *                      newest key carried it; null when neither did. The ban holds every institution of that code,
 *                      however its name is written (gaps review xxx L4)
 */
public record InstitutionViolation(UUID id, UUID institutionId, String organisation, ViolationGround ground,
                                   String reference, LocalDate bannedFrom, LocalDate bannedUntil, String proposedBy,
                                   String proposerName, Instant proposedAt, Status status, String deciderName,
                                   Instant decidedAt, String decisionNote, String creditCode) {

    /** Whether the entry bans new keys for its institution on {@code today}: confirmed, and within its days. */
    public boolean inForce(LocalDate today) {
        return status == Status.CONFIRMED && InstitutionBan.inForce(bannedFrom, bannedUntil, today);
    }

    /**
     * Whether {@code today} is within the entry's days, whatever its status: for an entry being confirmed, read while
     * still pending ({@link InstitutionBanConfirmed}).
     */
    public boolean withinDays(LocalDate today) {
        return InstitutionBan.inForce(bannedFrom, bannedUntil, today);
    }

    public enum Status {
        PENDING, CONFIRMED, REJECTED
    }
}
