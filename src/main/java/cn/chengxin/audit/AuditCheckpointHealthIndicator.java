package cn.chengxin.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the audit log is being signed (gaps review xxxiii N8): {@link Checkpoints} signs the tree every interval
 * and only logs an error when it cannot (a replaced or unreadable key, a database refusing). Readiness turns
 * {@code DOWN} when an event has waited more than {@link #INTERVALS} intervals for a checkpoint to cover it: from then
 * on nothing an auditor keeps proves the newest events were not rewritten (RULES.md §10). A quiet log, all of it
 * signed, is {@code UP} however old its last checkpoint. Two primary-key reads, when scraped or asked.
 */
@Component
class AuditCheckpointHealthIndicator implements HealthIndicator, MeterBinder {

    static final int INTERVALS = 3;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration interval;

    AuditCheckpointHealthIndicator(JdbcClient jdbc, Clock clock,
                                   @Value("${chengxin.audit.checkpoint-interval:60s}") Duration interval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.interval = interval;
    }

    /** When the oldest event no checkpoint covers was recorded; empty when every event is signed. */
    Optional<Instant> unsignedSince() {
        // Sequence numbers have no gaps: the first unsigned event is the one at the last signed size.
        return jdbc.sql("SELECT at FROM audit.event WHERE seq = "
                        + "(SELECT coalesce(max(tree_size), 0) FROM audit.checkpoint)")
                .query((rs, n) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
    }

    @Override
    public Health health() {
        Optional<Instant> since = unsignedSince();
        Duration waited = since.map(s -> Duration.between(s, clock.instant())).orElse(Duration.ZERO);
        boolean stale = waited.compareTo(interval.multipliedBy(INTERVALS)) > 0;
        Health.Builder health = stale ? Health.down() : Health.up();
        since.ifPresent(s -> health.withDetail("unsignedSince", s.toString()));
        return health.withDetail("interval", interval.toString()).build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("chengxin.audit.checkpoint.unsigned.age", this, h -> h.unsignedSince()
                        .map(s -> Duration.between(s, clock.instant()).toMillis() / 1000.0).orElse(0.0))
                .description("How long the oldest event no signed checkpoint covers has waited (0: all signed)")
                .baseUnit("seconds").register(registry);
    }
}
