package cn.chengxin.scoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 申请人工复核 (PIPL Art. 24; RULES.md §8: the subject can get an explanation and refuse a decision made solely by
 * automated means): a person asks the credit office to look at their score themselves. It holds the score as it
 * stood when asked, so that the answer is read against what the person saw. Open until a person of the credit office
 * answers it in writing ({@link ReviewOutcome} and the answer), by {@code dueOn}; once answered it does not change.
 * The nightly watch reminds the office the working day before {@code dueOn} and escalates it once overdue.
 * One open request per person at a time. {@code objectionId}: the objection the review was closed by
 * ({@link ReviewOutcome#OBJECTION}), null otherwise.
 */
public record ScoreReview(UUID id, UUID subjectId, String reasons, String modelCode, Integer modelVersion,
                          Integer score, String grade, Instant requestedAt, LocalDate dueOn, ReviewOutcome outcome,
                          String answer, String answeredBy, Instant answeredAt, LocalDate remindedFor,
                          Instant escalatedAt, UUID objectionId) {

    /** The most a request's reasons or an answer may hold, as an objection's reasons (RULES.md §5). */
    public static final int MAX_TEXT = 2000;

    public boolean open() {
        return outcome == null;
    }

    /** Still open after its last day: the console marks it. */
    public boolean overdue(LocalDate today) {
        return open() && today.isAfter(dueOn);
    }

    /** The office was reminded of the current deadline (the day before it, by the nightly watch). */
    public boolean reminded() {
        return remindedFor != null && remindedFor.equals(dueOn);
    }

    /** Past its deadline unanswered, it was reported to the office's supervision (once). */
    public boolean escalated() {
        return escalatedAt != null;
    }

    /** Whether {@code text} (reasons or an answer) can be kept: written, and not longer than {@link #MAX_TEXT}. */
    public static boolean acceptable(String text) {
        return text != null && !text.isBlank() && text.strip().length() <= MAX_TEXT;
    }
}
