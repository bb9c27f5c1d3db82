package cn.chengxin.measures;

import java.time.Clock;
import java.time.Duration;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xxxiii N8: a check index stalled behind the scheduler (N4) answered checks from old entries while the
 * balancer kept sending them. An index whose last refresh began more than five seconds ago is out of service for
 * readiness; the clock is moved, not waited for.
 */
@IntegrationTest
class CheckIndexHealthIT {

    private static final Duration STALE_AFTER = Duration.ofSeconds(5);

    @Autowired
    CheckIndex index;

    @Autowired
    Clock clock;

    @Test
    void anIndexNotRefreshedForMoreThanFiveSecondsIsOutOfService() {
        index.refresh();
        Health fresh = new CheckIndexHealthIndicator(index, clock, STALE_AFTER).health();
        assertThat(fresh.getStatus()).isEqualTo(Status.UP);

        Clock later = Clock.offset(clock, STALE_AFTER.plusSeconds(1));
        Health stalled = new CheckIndexHealthIndicator(index, later, STALE_AFTER).health();
        assertThat(stalled.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat((Long) stalled.getDetails().get("ageMillis")).isGreaterThan(STALE_AFTER.toMillis());

        index.refresh();
        assertThat(new CheckIndexHealthIndicator(index, clock, STALE_AFTER).health().getStatus())
                .as("current again after a refresh").isEqualTo(Status.UP);
    }
}
