package cn.chengxin.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The credit office unbound a citizen account that someone registered in another person's name (gaps review #1,
 * finding G1): whatever the account did for the subject since {@code accountCreatedAt} was done by someone else, and
 * an authorisation given by someone else is no authorisation at all (RULES.md §9). Published inside the approval's
 * transaction, so that the modules owning those choices (consents, statements, declined honours, the refusal of
 * automated grading) set them aside together with the unbinding, or not at all.
 *
 * @param accountCreatedAt when the unbound account was registered: choices made from then on were the account's
 */
public record CitizenAccountUnbound(UUID subjectId, Instant accountCreatedAt, Instant unboundAt) {

    /** How the modules record who set a choice aside (e.g. a consent's {@code withdrawn_by}). */
    public static final String BY = "unbind";

    public CitizenAccountUnbound {
        Objects.requireNonNull(subjectId);
        Objects.requireNonNull(accountCreatedAt);
        Objects.requireNonNull(unboundAt);
    }
}
