package cn.chengxin.inquiry.domain;

import cn.chengxin.shared.DomainProblem;

/**
 * The second clerk's review of a consent recorded at the window (gaps review xxxi M2): one of multiple use, or lasting
 * more than {@link #ONE_CLERK_DAYS} days, lets an institution read the person's report over and over on one clerk's
 * word; it waits ({@link #PENDING}), unusable, until a second 信用办 staff member who did not record it approves it or
 * rejects it (RULES.md §9: the authorisation is the person's, 征信业管理条例 Art. 18; §10 traceable, maker-checker).
 * A consent that needs no second clerk is {@link #NONE}: self-service, or a single-use one of at most 30 days.
 */
public enum ConsentReview {

    NONE, PENDING, APPROVED, REJECTED;

    /** The longest single-use consent one clerk records alone at the window. */
    public static final int ONE_CLERK_DAYS = 30;
    /** The longest reason a reviewer gives for a rejection. */
    public static final int MAX_REASON = 500;

    /** Whether a consent recorded at the window waits for a second clerk. */
    public static boolean requiredAtCounter(boolean singleUse, int days) {
        return !singleUse || days > ONE_CLERK_DAYS;
    }

    /** Whether the institution may use a consent in this state: nobody's word is missing. */
    public boolean allowsUse() {
        return this == NONE || this == APPROVED;
    }

    /**
     * The reviewer is never the clerk who recorded the consent (maker-checker, RULES.md §10): refused
     * {@code COUNTER_CONSENT_SELF_REVIEW}.
     */
    public static void requireSecondClerk(String recordedBy, String reviewer) {
        if (recordedBy.equals(reviewer)) {
            throw new InquiryProblem("COUNTER_CONSENT_SELF_REVIEW", DomainProblem.Kind.FORBIDDEN,
                    "不能复核自己在窗口办理的查询授权（双人复核）：须由另一名工作人员复核");
        }
    }

    /** A rejection's reason, stripped: required, at most {@link #MAX_REASON} characters. */
    public static String reasonOf(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InquiryProblem("COUNTER_CONSENT_REASON_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "请写明不予通过的理由（不超过 " + MAX_REASON + " 字），将告知本人");
        }
        return why;
    }

    /** As stored in {@code inquiry.consent.review}: null for {@link #NONE}. */
    public String stored() {
        return this == NONE ? null : name();
    }

    public static ConsentReview ofStored(String value) {
        return value == null ? NONE : valueOf(value);
    }
}
