package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextRetriesTests {

    private static final Instant FAILED = Instant.parse("2026-12-06T02:00:00Z");

    @Test
    void aFailedTextIsTriedAgainAfterAWaitThatDoublesUntilTheLastAttempt() {
        TextRetries retries = new TextRetries(4, Duration.ofMinutes(1));

        assertThat(retries.nextTry(1, FAILED)).contains(FAILED.plus(Duration.ofMinutes(1)));
        assertThat(retries.nextTry(2, FAILED)).contains(FAILED.plus(Duration.ofMinutes(2)));
        assertThat(retries.nextTry(3, FAILED)).contains(FAILED.plus(Duration.ofMinutes(4)));
        assertThat(retries.nextTry(4, FAILED)).as("given up after the fourth try").isEmpty();
    }

    @Test
    void theWaitNeverGrowsBeyondSixHours() {
        TextRetries retries = new TextRetries(40, Duration.ofMinutes(10));

        assertThat(retries.nextTry(30, FAILED)).contains(FAILED.plus(Duration.ofHours(6)));
    }

    @Test
    void aSingleAttemptIsNeverRetriedAndNoneIsRefused() {
        assertThat(new TextRetries(1, Duration.ofMinutes(1)).nextTry(1, FAILED)).isEmpty();
        assertThatThrownBy(() -> new TextRetries(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextRetries(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
