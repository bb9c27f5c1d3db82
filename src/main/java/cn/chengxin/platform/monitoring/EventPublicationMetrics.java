package cn.chengxin.platform.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The modules' reactions not yet completed (Spring Modulith's event publication registry, gaps review xxxiii N6 and
 * N8): how many, how many failed, and how long the oldest has waited. A reaction that failed waits to be resubmitted;
 * one that keeps waiting is a module's work lost for the citizen. Read when scraped: one query over the registry's
 * index on the completion date.
 */
@Component
class EventPublicationMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    EventPublicationMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Incomplete(long count, long failed, Instant oldest) {
    }

    Incomplete incomplete() {
        return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE status = 'FAILED'), min(publication_date) "
                        + "FROM event_publication WHERE completion_date IS NULL")
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp(3);
                    return new Incomplete(rs.getLong(1), rs.getLong(2), oldest == null ? null : oldest.toInstant());
                }).single();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("chengxin.events.incomplete", this, m -> m.incomplete().count())
                .description("Module reactions not completed").register(registry);
        Gauge.builder("chengxin.events.failed", this, m -> m.incomplete().failed())
                .description("Module reactions that failed and wait to be resubmitted").register(registry);
        Gauge.builder("chengxin.events.incomplete.oldest.age", this, m -> {
                    Instant oldest = m.incomplete().oldest();
                    return oldest == null ? 0.0 : Duration.between(oldest, clock.instant()).toMillis() / 1000.0;
                }).description("How long the oldest reaction not completed has waited")
                .baseUnit("seconds").register(registry);
    }
}
