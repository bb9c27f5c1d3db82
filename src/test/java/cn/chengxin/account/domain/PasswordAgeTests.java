package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GB/T 22239-2019 §8.1.4.1 a): passwords are changed periodically; a temporary one serves a short while only. */
class PasswordAgeTests {

    private static final Instant SET = Instant.parse("2026-09-01T02:00:00Z");

    @Test
    void aChosenPasswordMustBeChangedFromTheDayItTurnsNinetyDaysOld() {
        PasswordAge age = PasswordAge.DEFAULT;
        assertThat(age.changeDue(SET, SET.plus(Duration.ofDays(90)).minusSeconds(1))).isFalse();
        assertThat(age.changeDue(SET, SET.plus(Duration.ofDays(90)))).isTrue();
        assertThat(age.changeDue(SET, SET.plus(Duration.ofDays(400)))).isTrue();
    }

    @Test
    void aTemporaryPasswordStopsSigningInAfterSeventyTwoHours() {
        PasswordAge age = PasswordAge.DEFAULT;
        assertThat(age.temporaryExpired(SET, SET.plus(Duration.ofHours(72)).minusSeconds(1))).isFalse();
        assertThat(age.temporaryExpired(SET, SET.plus(Duration.ofHours(72)))).isTrue();
    }

    @Test
    void aPasswordWithoutAKnownDateIsNeitherDueNorExpired() {
        assertThat(PasswordAge.DEFAULT.changeDue(null, SET)).isFalse();
        assertThat(PasswordAge.DEFAULT.temporaryExpired(null, SET)).isFalse();
    }

    @Test
    void lifetimesMustBePositive() {
        assertThatThrownBy(() -> new PasswordAge(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordAge(Duration.ofDays(1), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
