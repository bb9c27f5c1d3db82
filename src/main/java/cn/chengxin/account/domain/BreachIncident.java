package cn.chengxin.account.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * 个人信息安全事件 (PIPL Art. 57; gaps review xlvi AA8): a leak, tampering or loss of personal information and the notice
 * the persons concerned are owed — the categories of information, the cause and the possible harm, the remedies taken,
 * what the person can do to reduce the harm, and the contact — with when it was found and when and to whom it was
 * reported. Opened by a security administrator; the persons concerned are added from uploaded identity numbers
 * ({@code matched}, {@code unmatched}, {@code invalid} counted, the numbers never kept) until another security
 * administrator approves the notice ({@link #mayApprove}); then it is sent, each person once, and nothing else changes.
 */
public record BreachIncident(UUID id, long number, String categories, String cause, String harm, String remedies,
                             String personCanDo, String contact, Instant foundAt, Instant reportedAt,
                             String reportedTo, String openedBy, String openedByName, Instant openedAt, int matched,
                             int unmatched, int invalid, String approvedBy, String approvedByName, Instant approvedAt,
                             Instant sentAt, int notified) {

    /** The most each of the notice's fields may hold: it is read on a phone and in 消息通知. */
    public static final int MAX_TEXT = 1000;

    /** The number staff and the persons concerned refer to. */
    public String reference() {
        return "SI%06d".formatted(number);
    }

    public boolean approved() {
        return approvedAt != null;
    }

    /** Whether a field of the notice is given and short enough. */
    public static boolean acceptable(String text) {
        return text != null && !text.isBlank() && text.strip().length() <= MAX_TEXT;
    }

    /**
     * The times Art. 57 names hold together: found no later than now, reported no earlier than found and no later
     * than now (a report is recorded once made).
     */
    public static boolean timesHold(Instant foundAt, Instant reportedAt, Instant now) {
        return foundAt != null && reportedAt != null && !foundAt.isAfter(now) && !reportedAt.isBefore(foundAt)
                && !reportedAt.isAfter(now);
    }

    /**
     * Maker-checker (双人复核, RULES.md §10): a notice to many people about their information goes out only on the
     * approval of a second person, never of the one who opened the incident and chose its wording.
     */
    public static boolean mayApprove(String openedBy, String approver) {
        return approver != null && !approver.equals(openedBy);
    }
}
