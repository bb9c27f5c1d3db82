package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DormancyTests {

    private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

    @Test
    void anAccountIsMarkedAfterNinetyDaysAndDisabledThirtyDaysLater() {
        assertThat(Dormancy.DEFAULT.flagCutoff(NOW)).isEqualTo(NOW.minus(Duration.ofDays(90)));
        assertThat(Dormancy.DEFAULT.disableCutoff(NOW)).isEqualTo(NOW.minus(Duration.ofDays(120)));
    }

    @Test
    void theDisablingMustComeAfterTheMark() {
        assertThatThrownBy(() -> new Dormancy(Duration.ofDays(90), Duration.ofDays(90)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dormancy(Duration.ZERO, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Dormancy(Duration.ofDays(30), Duration.ofDays(31)).disableAfter()).hasDays(31);
    }
}
