package cn.chengxin.exchange.domain;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

    @Test
    void doublesFromTwoSecondsAndStopsAtTenMinutes() {
        assertThat(Backoff.after(0)).isZero();
        assertThat(Backoff.after(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.after(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.after(9)).isEqualTo(Duration.ofSeconds(512));
        assertThat(Backoff.after(10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(Backoff.after(1_000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aPartnerDownForAnHourIsTriedAFewDozenTimes() {
        Duration waited = Duration.ZERO;
        int tries = 0;
        while (waited.compareTo(Duration.ofHours(1)) < 0) {
            tries++;
            waited = waited.plus(Backoff.after(tries));
        }
        assertThat(tries).isBetween(10, 20);
    }
}
