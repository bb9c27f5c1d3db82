package cn.chengxin.account.domain;

import java.util.Objects;

/**
 * Maker-checker (双人复核) for what the credit office does to a citizen account at the window (gaps review #1): a
 * person proves their identity in person, and one staff member proposes to suspend, resume or unbind the account that
 * holds their number, or to bind their new phone to it (gaps review xxix K4), with the reason; a different one
 * approves. Unbinding takes an account from whoever holds it, and a new phone hands the account to whoever holds that
 * phone, so one person alone, deceived or not, must not be able to do either (RULES.md §10: separation of duties,
 * GB/T 22239-2019 level 3; RULES.md §9: the account is the way to the person's own file). Rejecting is the other staff
 * member's too.
 */
public final class CitizenAccountReview {

    /** What may be proposed, and whether the account can be used afterwards. */
    public enum Action {
        /** The account stays but no one signs in or recovers it: while the case is looked into. */
        SUSPEND,
        /** A suspended account is usable again. */
        RESUME,
        /** The account and its phone are deleted: the person whose number it is can register. */
        UNBIND,
        /**
         * The account gets the person's new phone (gaps review xxix K4): the number on file is no longer theirs and the
         * password is forgotten, so neither 找回密码 nor 更换手机号码 can reach them. The new phone is checked with the
         * real-name provider and proved by a code the person types at the window before it is proposed; the account
         * and what it chose for the subject stay, unlike {@link #UNBIND}, which is for an account someone else opened.
         */
        REBIND_PHONE
    }

    private CitizenAccountReview() {
    }

    /** Whether {@code decider} may approve or reject a proposal made by {@code proposer} (staff user ids). */
    public static boolean mayDecide(String proposer, String decider) {
        Objects.requireNonNull(proposer, "proposer");
        Objects.requireNonNull(decider, "decider");
        return !proposer.equals(decider);
    }

    /**
     * Whether {@code action} applies to an account in that state: only a usable account is suspended, only a suspended
     * one resumed; any account may be unbound or given a new phone (a suspension stays as it is).
     */
    public static boolean appliesTo(Action action, boolean suspended) {
        return switch (action) {
            case SUSPEND -> !suspended;
            case RESUME -> suspended;
            case UNBIND, REBIND_PHONE -> true;
        };
    }

    /**
     * Whether proposing {@code action} needs a new phone, checked and proved by its code first: such a proposal is made
     * only with that phone, never by the plain proposal form.
     */
    public static boolean needsNewPhone(Action action) {
        return action == Action.REBIND_PHONE;
    }
}
