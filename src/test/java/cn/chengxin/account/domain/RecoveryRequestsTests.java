package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryRequestsTests {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aFirstRequestIsTaken() {
        assertThat(RecoveryRequests.refusal(List.of(), NOW)).isEmpty();
    }

    @Test
    void refusesASecondCodeWithinAMinute() {
        assertThat(RecoveryRequests.refusal(List.of(NOW.minusSeconds(59)), NOW)).contains("SMS_TOO_FREQUENT");
        assertThat(RecoveryRequests.refusal(List.of(NOW.minusSeconds(60)), NOW)).isEmpty();
    }

    @Test
    void refusesASixthCodeWithinAnHour() {
        List<Instant> five = List.of(NOW.minus(Duration.ofMinutes(2)), NOW.minus(Duration.ofMinutes(10)),
                NOW.minus(Duration.ofMinutes(20)), NOW.minus(Duration.ofMinutes(30)), NOW.minus(Duration.ofMinutes(59)));
        assertThat(RecoveryRequests.refusal(five, NOW)).isEqualTo(Optional.of("RECOVERY_TOO_FREQUENT"));
        assertThat(RecoveryRequests.refusal(five.subList(0, 4), NOW)).isEmpty();
        assertThat(RecoveryRequests.refusal(five, NOW.plus(Duration.ofMinutes(2)))).as("the oldest aged out").isEmpty();
    }
}
