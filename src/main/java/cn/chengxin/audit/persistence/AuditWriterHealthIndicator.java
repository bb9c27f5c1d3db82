package cn.chengxin.audit.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The audit writer as monitoring sees it (gaps review xxxiii N8): readiness {@code DOWN} while its last commit failed
 * and that failure is less than {@link #RECENT} old. The writer fails closed (RULES.md §10: an action whose event is
 * not stored fails), so an instance whose writer cannot store serves nobody and is taken out of the balancer. After
 * {@code RECENT} with no commit tried it answers {@code UP} again, so that an instance out of the balancer, which no
 * longer writes, comes back to be tried; a caller's own refused data does not count.
 *
 * <p>Metrics, read from the writer's figures when scraped (no work on the callers' threads): commits, events,
 * failed commits and their callers, callers refused for their data, collisions with another instance's writer
 * (gaps review xxxiii N3), and the events queued.
 */
@Component
class AuditWriterHealthIndicator implements HealthIndicator, MeterBinder {

    static final Duration RECENT = Duration.ofMinutes(1);

    private final AuditWriter writer;
    private final Clock clock;

    AuditWriterHealthIndicator(AuditWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public Health health() {
        AuditWriter.Figures figures = writer.figures();
        Instant last = figures.lastFailure();
        boolean failing = figures.failing() && last != null && last.isAfter(clock.instant().minus(RECENT));
        Health.Builder health = failing ? Health.down() : Health.up();
        health.withDetail("commits", figures.commits()).withDetail("failedCommits", figures.failedCommits())
                .withDetail("queued", figures.queued()).withDetail("collisions", figures.collisions());
        if (last != null) {
            health.withDetail("lastFailure", last.toString());
        }
        return health.build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("chengxin.audit.writer.commits", writer, w -> w.figures().commits())
                .description("Audit commits stored").register(registry);
        FunctionCounter.builder("chengxin.audit.writer.events", writer, w -> w.figures().events())
                .description("Audit events stored (divided by the commits: the mean batch size)").register(registry);
        FunctionCounter.builder("chengxin.audit.writer.failed.commits", writer, w -> w.figures().failedCommits())
                .description("Audit commits not stored: their callers' actions failed").register(registry);
        FunctionCounter.builder("chengxin.audit.writer.failed.callers", writer, w -> w.figures().failedCallers())
                .description("Callers whose action failed because the audit writer could not store").register(registry);
        FunctionCounter.builder("chengxin.audit.writer.refused.callers", writer, w -> w.figures().refusedCallers())
                .description("Callers refused for their own event's or row's data").register(registry);
        FunctionCounter.builder("chengxin.audit.writer.collisions", writer, w -> w.figures().collisions())
                .description("Batches that found their positions taken by another instance's writer")
                .register(registry);
        Gauge.builder("chengxin.audit.writer.queued", writer, w -> w.figures().queued())
                .description("Audit events waiting for the next commit").register(registry);
    }
}
