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
 * @param review        the second clerk's review of a consent recorded at the window (gaps review xxxi M2); none
 *                      needed: {@link ConsentReview#NONE}
 */
public record Consent(UUID id, UUID subjectId, UUID institutionId, String institution, String organisation,
                      Purpose purpose, boolean singleUse, Instant grantedAt, Instant expiresAt, Instant withdrawnAt,
                      int uses, Instant lastUsedAt, ConsentReview review) {

    public Consent {
        review = review == null ? ConsentReview.NONE : review;
    }

    /** A consent that needs no second clerk's review. */
    public Consent(UUID id, UUID subjectId, UUID institutionId, String institution, String organisation,
                   Purpose purpose, boolean singleUse, Instant grantedAt, Instant expiresAt, Instant withdrawnAt,
                   int uses, Instant lastUsedAt) {
        this(id, subjectId, institutionId, institution, organisation, purpose, singleUse, grantedAt, expiresAt,
                withdrawnAt, uses, lastUsedAt, ConsentReview.NONE);
    }

    /** This consent, as recorded at the window to wait for a second clerk's review. */
    public Consent awaitingReview() {
        return new Consent(id, subjectId, institutionId, institution, organisation, purpose, singleUse, grantedAt,
                expiresAt, withdrawnAt, uses, lastUsedAt, ConsentReview.PENDING);
    }

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
        return live(now) && review.allowsUse();
    }

    /** Not withdrawn, expired, used up or rejected at {@code now}: usable, or waiting for its review (withdrawable). */
    public boolean live(Instant now) {
        return !withdrawn() && !expired(now) && !usedUp() && review != ConsentReview.REJECTED;
    }
}
