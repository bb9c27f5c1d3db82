package cn.chengxin.account.domain;

import java.time.Instant;

import cn.chengxin.shared.ratelimit.LimitCounters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * I5: failed sign-ins counted per address, whatever account each named; the question from the threshold on, over a
 * sliding window of 15 minutes (gaps-review-xxxiii N7: two windows' counts, as the shared store keeps them).
 */
class AddressFailuresTests {

    /** The start of a 15-minute window. */
    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void theQuestionIsAskedFromTheThresholdUntilTheFailuresSlideOutOfTheWindow() {
        AddressFailures failures = new AddressFailures(LimitCounters.inMemory(), 3);
        failures.failed("203.0.113.5", T0);
        failures.failed("203.0.113.5", T0.plusSeconds(10));
        assertThat(failures.challengeNeeded("203.0.113.5", T0.plusSeconds(20))).isFalse();

        failures.failed("203.0.113.5", T0.plusSeconds(30));

        assertThat(failures.challengeNeeded("203.0.113.5", T0.plusSeconds(31))).isTrue();
        assertThat(failures.challengeNeeded("203.0.113.6", T0.plusSeconds(31))).as("another address").isFalse();
        assertThat(failures.challengeNeeded("203.0.113.5", T0.plus(AddressFailures.WINDOW).minusSeconds(1))).isTrue();
        assertThat(failures.challengeNeeded("203.0.113.5", T0.plus(AddressFailures.WINDOW)))
                .as("not reset at the window's boundary").isTrue();
        assertThat(failures.challengeNeeded("203.0.113.5", T0.plus(AddressFailures.WINDOW).plusSeconds(300)))
                .as("a third of the window later, two of the three count").isFalse();
    }

    @Test
    void aFailureLongAfterTheWindowCountsAlone() {
        AddressFailures failures = new AddressFailures(LimitCounters.inMemory(), 2);
        failures.failed("203.0.113.5", T0);
        failures.failed("203.0.113.5", T0.plus(AddressFailures.WINDOW.multipliedBy(2)));

        assertThat(failures.challengeNeeded("203.0.113.5", T0.plus(AddressFailures.WINDOW.multipliedBy(2)))).isFalse();
    }

    @Test
    void anIpv6ClientCountsByItsNetwork() {
        AddressFailures failures = new AddressFailures(LimitCounters.inMemory(), 2);
        failures.failed("2001:db8:1:2::1", T0);
        failures.failed("2001:db8:1:2::ffff", T0);

        assertThat(failures.challengeNeeded("2001:db8:1:2:abcd::9", T0)).isTrue();
    }

    @Test
    void theThresholdIsAtLeastOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AddressFailures(LimitCounters.inMemory(), 0));
    }
}
