package cn.chengxin.platform.monitoring;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * When each scheduled job last ran to its end without throwing (gaps review xxxiii N8: a nightly job that threw was
 * only logged, and the scheduler moved on): the gauge {@code chengxin.job.last.success} (seconds since the epoch),
 * tagged {@code job=Class.method}, for every {@code @Scheduled} method, from Spring's observation of scheduled runs,
 * which also gives {@code tasks.scheduled.execution} (count, time, outcome). A job that catches its own failures and
 * logs them ends "successfully" here; those report through their own health or metrics (the audit checkpoint).
 * Per instance: with N5's claims a job another instance ran shows here as not run.
 */
@Component
class ScheduledJobRuns implements ObservationHandler<ScheduledTaskObservationContext> {

    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
    private final ObjectProvider<MeterRegistry> registry;
    private final Clock clock;

    ScheduledJobRuns(ObjectProvider<MeterRegistry> registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ScheduledTaskObservationContext;
    }

    @Override
    public void onStop(ScheduledTaskObservationContext context) {
        if (context.getError() != null) {
            return;
        }
        String job = ClassUtils.getUserClass(context.getTargetClass()).getSimpleName() + "."
                + context.getMethod().getName();
        lastSuccess.computeIfAbsent(job, this::registered).set(clock.millis());
    }

    /** A job's first successful run registers its gauge; after that a run costs one map look-up and one write. */
    private AtomicLong registered(String job) {
        AtomicLong at = new AtomicLong();
        registry.ifAvailable(r -> Gauge.builder("chengxin.job.last.success", at, a -> a.get() / 1000.0)
                .description("When the scheduled job last ended without an error on this instance")
                .tag("job", job).baseUnit("seconds").register(r));
        return at;
    }
}
