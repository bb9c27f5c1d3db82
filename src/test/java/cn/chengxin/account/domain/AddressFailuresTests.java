package cn.chengxin.account.domain;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** I5: failed sign-ins counted per address, whatever account each named; the question from the threshold on. */
class AddressFailuresTests {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void theQuestionIsAskedFromTheThresholdUntilTheWindowEnds() {
        AddressFailures failures = new AddressFailures(3);
        failures.failed("203.0.113.5", T0);
        failures.failed("203.0.113.5", T0.plusSeconds(10));
        assertThat(failures.challengeNeeded("203.0.113.5", T0.plusSeconds(20))).isFalse();

        failures.failed("203.0.113.5", T0.plusSeconds(30));

        assertThat(failures.challengeNeeded("203.0.113.5", T0.plusSeconds(31))).isTrue();
        assertThat(failures.challengeNeeded("203.0.113.6", T0.plusSeconds(31))).as("another address").isFalse();
        assertThat(failures.challengeNeeded("203.0.113.5", T0.plus(AddressFailures.WINDOW).minusSeconds(1))).isTrue();
        assertThat(failures.challengeNeeded("203.0.113.5", T0.plus(AddressFailures.WINDOW))).isFalse();
    }

    @Test
    void aFailureAfterTheWindowStartsANewCount() {
        AddressFailures failures = new AddressFailures(2);
        failures.failed("203.0.113.5", T0);
        failures.failed("203.0.113.5", T0.plus(AddressFailures.WINDOW));

        assertThat(failures.challengeNeeded("203.0.113.5", T0.plus(AddressFailures.WINDOW))).isFalse();
    }

    @Test
    void anIpv6ClientCountsByItsNetwork() {
        AddressFailures failures = new AddressFailures(2);
        failures.failed("2001:db8:1:2::1", T0);
        failures.failed("2001:db8:1:2::ffff", T0);

        assertThat(failures.challengeNeeded("2001:db8:1:2:abcd::9", T0)).isTrue();
    }

    @Test
    void theThresholdIsAtLeastOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AddressFailures(0));
    }
}
