package cn.chengxin.inquiry.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * 授权: a person's consent to one named institution for one purpose, until {@code expiresAt}, for one query or many;
 * withdrawn at any time (PIPL Art. 15). {@code uses} counts the reports issued on it. Its purpose fixes the one kind
 * of report it allows ({@link #reportKind()}).
 *
 * @param institutionId the institution authorised (account's {@code ApiInstitution}), whichever of its keys queries:
 *                      not a key, which expires every year (gaps review xxix K2)
 * @param institution   the name of the institution's system when the consent was given
 */
public record Consent(UUID id, UUID subjectId, UUID institutionId, String institution, String organisation,
                      Purpose purpose, boolean singleUse, Instant grantedAt, Instant expiresAt, Instant withdrawnAt,
                      int uses, Instant lastUsedAt) {

    /** The kind of report the institution may take on this consent: its purpose's (RULES.md §9, G6). */
    public ReportKind reportKind() {
        return purpose.reportKind();
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean usedUp() {
        return singleUse && uses > 0;
    }

    /** Can still be used at {@code now} (for the self-service list: 有效 or not). */
    public boolean usable(Instant now) {
        return !withdrawn() && !expired(now) && !usedUp();
    }
}
