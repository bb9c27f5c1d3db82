package cn.chengxin.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * How far this instance's {@link CheckIndex} is behind the database (gaps review xxxiii N8). A change must reach every
 * instance's checks within a second (issue #5); the index follows the feeds every 250 ms, so an index whose last
 * refresh began more than {@code chengxin.measures.index-stale-after} (5 s) ago is stalled — its scheduler held up
 * (N4), its database reads failing — and answers checks from old entries: readiness {@code OUT_OF_SERVICE}, so the
 * balancer sends the checks to an instance that is current. Before the first refresh it is out of service too.
 * Reads one volatile field: no lock and no database round trip, on the checks' path or off it.
 */
@Component
class CheckIndexHealthIndicator implements HealthIndicator, MeterBinder {

    private final CheckIndex index;
    private final Clock clock;
    private final Duration staleAfter;

    CheckIndexHealthIndicator(CheckIndex index, Clock clock,
                              @Value("${chengxin.measures.index-stale-after:PT5S}") Duration staleAfter) {
        this.index = index;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** How long ago the last completed refresh began; null before the first. */
    Duration age() {
        Instant fresh = index.freshAsOf();
        return fresh == null ? null : Duration.between(fresh, clock.instant());
    }

    @Override
    public Health health() {
        Duration age = age();
        if (age == null) {
            return Health.outOfService().withDetail("loaded", false).build();
        }
        Health.Builder health = age.compareTo(staleAfter) > 0 ? Health.outOfService() : Health.up();
        return health.withDetail("ageMillis", age.toMillis()).withDetail("staleAfter", staleAfter.toString())
                .build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("chengxin.measures.check.index.age", this, h -> {
                    Duration age = h.age();
                    return age == null ? Double.NaN : age.toMillis() / 1000.0;
                }).description("How long ago the check index's last completed refresh began")
                .baseUnit("seconds").register(registry);
    }
}
