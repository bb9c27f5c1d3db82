package cn.chengxin.account.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 个人信息权利请求 (PIPL Art. 50; gaps review xlvi AA4): what a person asks of the platform about their personal
 * information that self-service does not do. Given a number ({@link #reference()}) when made, open until the credit
 * office answers it by {@code dueOn} ({@link RightsRequestDeadline}) with an outcome and a written answer, a refusal
 * with its {@code reasons}; once answered it does not change. {@code body} is the person's words with any identity
 * number masked (RULES.md §10). {@code remindedFor}: the deadline the watch last reminded of; {@code escalatedAt}: when,
 * overdue, it was escalated to the credit office's supervision (null: not). {@code channel}: made online or recorded
 * at the window by the clerk {@code recordedBy} (null online).
 */
public record RightsRequest(UUID id, long number, UUID subjectId, RightsRequestKind kind, String body,
                            Instant requestedAt, LocalDate dueOn, RightsRequestOutcome outcome, String answer,
                            String reasons, String answeredBy, Instant answeredAt, LocalDate remindedFor,
                            Instant escalatedAt, RightsRequestChannel channel, String recordedBy) {

    /** The most a request, an answer or its reasons may hold, as an objection's reasons. */
    public static final int MAX_TEXT = 2000;

    /** How many requests one person may have open at once: more is no longer a request but a flood. */
    public static final int MAX_OPEN = 5;

    public boolean open() {
        return outcome == null;
    }

    /** Still open after its last day: the console marks it, the person sees it. */
    public boolean overdue(LocalDate today) {
        return open() && today.isAfter(dueOn);
    }

    /** Reminded of its present deadline: the console marks it 即将到期 (once per deadline). */
    public boolean reminded() {
        return remindedFor != null && remindedFor.equals(dueOn);
    }

    public boolean escalated() {
        return escalatedAt != null;
    }

    /** The number the person is given and quotes: PI and six digits. */
    public String reference() {
        return reference(number);
    }

    public static String reference(long number) {
        return String.format("PI%06d", number);
    }

    /** Whether {@code text} (a request, an answer, reasons) can be kept: written, and not longer than {@link #MAX_TEXT}. */
    public static boolean acceptable(String text) {
        return text != null && !text.isBlank() && text.strip().length() <= MAX_TEXT;
    }
}
