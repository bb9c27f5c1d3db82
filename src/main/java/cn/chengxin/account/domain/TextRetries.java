package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a notice's text is tried again (issue #8 "Notifications": the person is told by text where the account has a
 * phone; gaps review xxxiii N6). A provider's outage of a few minutes must not lose the text, and a provider that keeps
 * refusing must not be called for ever: the first retry waits {@code firstWait}, each further one twice as long as
 * the one before, and after {@code attempts} tries in all the text is given up (the notice stays in 消息通知, and the
 * given-up texts are counted for the operator).
 */
public record TextRetries(int attempts, Duration firstWait) {

    /** Longest wait between two tries, however many were made. */
    static final Duration LONGEST = Duration.ofHours(6);

    public TextRetries {
        if (attempts < 1) {
            throw new IllegalArgumentException("At least one attempt, not " + attempts);
        }
        if (firstWait.isNegative() || firstWait.isZero()) {
            throw new IllegalArgumentException("A positive wait between attempts, not " + firstWait);
        }
    }

    /**
     * When to try again after a failed try.
     *
     * @param triesMade the tries made so far, the failed one included (1 after the first)
     * @return the time of the next try, or empty when the text is given up
     */
    public Optional<Instant> nextTry(int triesMade, Instant failedAt) {
        if (triesMade >= attempts) {
            return Optional.empty();
        }
        Duration wait = firstWait;
        for (int i = 1; i < triesMade && wait.compareTo(LONGEST) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(failedAt.plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait));
    }
}
