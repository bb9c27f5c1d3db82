package cn.chengxin.subject.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's request to correct their registered name or complete their unknown birth date (更正补充请求; PIPL Art. 46;
 * gaps review xlvi AA3), kept beside the proposal it became: how it came, the day it was received and the day it must
 * be decided by (the objection rules' working days, RULES.md §5), and the evidence the person gave (sealed; only its
 * name, type and size here). The proposal itself is decided as every other by a second person, a refusal with reasons.
 * {@code remindedFor}: the deadline the watch last reminded the reviewers of; {@code escalatedAt}: when, undecided past
 * its deadline, it was escalated to the credit office's supervision (null: not).
 */
public record CorrectionRequest(UUID id, UUID subjectId, Field field, UUID proposalId, Channel channel,
                                LocalDate receivedOn, LocalDate dueOn, String filename, String contentType, int size,
                                LocalDate remindedFor, Instant escalatedAt) {

    /** Reminded of its present deadline: the queue marks it 即将到期 (once per deadline). */
    public boolean reminded() {
        return remindedFor != null && remindedFor.equals(dueOn);
    }

    public boolean escalated() {
        return escalatedAt != null;
    }

    /** Whether the proposal is overdue on {@code today}: still open after its day. */
    public boolean overdueOn(LocalDate today) {
        return today.isAfter(dueOn);
    }

    /** What the person asks to be corrected or completed. */
    public enum Field { NAME, BIRTH_DATE }

    /**
     * How the request came: the person in self-service, or a clerk at the window for one who cannot sign in (a wrong
     * registry name is itself what keeps a person from registering online).
     */
    public enum Channel {
        SELF_SERVICE("本人在线申请"), COUNTER("窗口代为申请");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
