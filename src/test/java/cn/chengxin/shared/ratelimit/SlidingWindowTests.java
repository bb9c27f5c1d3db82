package cn.chengxin.shared.ratelimit;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** gaps-review-xxxiii N7: the sliding-window estimate the shared limits count with, and what a refusal says. */
class SlidingWindowTests {

    private static final SlidingWindow MINUTE = new SlidingWindow(10, Duration.ofMinutes(1));

    @Test
    void windowsStartAtMultiplesOfTheirLengthSoThatEveryInstanceAgrees() {
        Instant now = Instant.parse("2026-12-06T02:03:45.500Z");
        assertThat(MINUTE.start(now)).isEqualTo(Instant.parse("2026-12-06T02:03:00Z"));
        assertThat(MINUTE.previousStart(now)).isEqualTo(Instant.parse("2026-12-06T02:02:00Z"));
        assertThat(MINUTE.expiry(MINUTE.start(now))).as("once the next window has ended")
                .isEqualTo(Instant.parse("2026-12-06T02:05:00Z"));
        assertThat(new SlidingWindow(5, Duration.ofMinutes(10)).start(now))
                .isEqualTo(Instant.parse("2026-12-06T02:00:00Z"));
    }

    @Test
    void thePreviousWindowWeighsWhatTheSlidingWindowStillCoversOfIt() {
        Instant quarter = Instant.parse("2026-12-06T02:03:15Z");
        assertThat(MINUTE.estimate(8, 2, quarter)).isEqualTo(8.0);
        assertThat(MINUTE.admits(8, 2, 1, quarter)).isTrue();
        assertThat(MINUTE.admits(8, 3, 1, quarter)).as("6 + 3 + 1 = 10").isTrue();
        assertThat(MINUTE.admits(8, 4, 1, quarter)).isFalse();
    }

    @Test
    void aRefusalSaysWhenTheRequestWouldFit() {
        Instant quarter = Instant.parse("2026-12-06T02:03:15Z");
        // 8 × (1 − f) + 4 + 1 ≤ 10 from f = 3/8 of the minute: 22.5 s, 7.5 s from now.
        assertThat(MINUTE.retryAfter(8, 4, 1, quarter)).isEqualTo(Duration.ofSeconds(8));
        // This minute is full: in the next, 10 × (1 − f) + 1 ≤ 10 from f = 1/10: 45 s + 6 s.
        assertThat(MINUTE.retryAfter(0, 10, 1, quarter)).isEqualTo(Duration.ofSeconds(51));
        assertThat(MINUTE.retryAfter(0, 10, 1, Instant.parse("2026-12-06T02:03:59.900Z")))
                .as("whole seconds, at least one").isEqualTo(Duration.ofSeconds(7));
        // Full at the window's first second: 59.5 s + 6 s by the estimate, but all ten have left the last minute by 60.
        assertThat(MINUTE.retryAfter(0, 10, 1, Instant.parse("2026-12-06T02:03:00.500Z")))
                .as("never more than the window").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aLimitIsAtLeastOneOverAPositiveWindow() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SlidingWindow(0, Duration.ofMinutes(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new SlidingWindow(1, Duration.ZERO));
    }

    @Test
    void aClusterWideRateIsSharedOutRoundingUp() {
        assertThat(new InstanceShare(1).of(600)).isEqualTo(600);
        assertThat(new InstanceShare(4).of(600)).isEqualTo(150);
        assertThat(new InstanceShare(4).of(601)).isEqualTo(151);
        assertThat(new InstanceShare(8).of(3)).isEqualTo(1);
        assertThatIllegalArgumentException().isThrownBy(() -> new InstanceShare(0));
    }
}
