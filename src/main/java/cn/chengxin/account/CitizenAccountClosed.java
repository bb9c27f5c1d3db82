package cn.chengxin.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A citizen closed their own account (注销账号). Once closed they can neither see nor withdraw the consents they granted,
 * and are no longer told when one is used: the inquiry module withdraws those still open, as the closure page says.
 * Their statements and other choices are their own and stay. Published inside the closure's transaction.
 */
public record CitizenAccountClosed(UUID subjectId, Instant closedAt) {

    /** How the modules record who withdrew a consent (its {@code withdrawn_by}). */
    public static final String BY = "closure";

    public CitizenAccountClosed {
        Objects.requireNonNull(subjectId);
        Objects.requireNonNull(closedAt);
    }
}
