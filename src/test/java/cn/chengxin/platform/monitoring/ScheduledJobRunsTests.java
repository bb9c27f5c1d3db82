package cn.chengxin.platform.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xl U6: every scheduled job has its "last success" gauge from the instance's start, so that a job that
 * fails or never runs after a restart ages from the start and the README's alert fires; a job turned off has none.
 */
class ScheduledJobRunsTests {

    private static final Instant START = Instant.parse("2026-12-07T00:00:00Z");

    static class Jobs {
        @Scheduled(cron = "${jobs.nightly-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
        void nightly() {
        }

        @Scheduled(fixedDelay = 60_000)
        void tick() {
        }

        @Scheduled(cron = "${jobs.off-cron:-}")
        void off() {
        }

        void notAJob() {
        }
    }

    @Test
    void everyScheduledJobHasItsGaugeFromTheStartAndAJobTurnedOffHasNone() throws Exception {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(Jobs.class);
            context.refresh();
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            context.getBeanFactory().registerSingleton("meters", meters);
            ScheduledJobRuns runs = new ScheduledJobRuns(context.getBeanProvider(MeterRegistry.class),
                    Clock.fixed(START, ZoneOffset.UTC), context.getBeanFactory(), context.getEnvironment());

            runs.afterSingletonsInstantiated();

            assertThat(meters.find("chengxin.job.last.success").gauges()).extracting(g -> g.getId().getTag("job"))
                    .containsExactlyInAnyOrder("Jobs.nightly", "Jobs.tick");
            assertThat(gauge(meters, "Jobs.nightly").value()).isEqualTo(START.getEpochSecond());

        }
    }

    @Test
    void aSuccessfulRunSetsItsGaugeAndAFailedOneLeavesIt() throws Exception {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(Jobs.class);
            context.refresh();
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            context.getBeanFactory().registerSingleton("meters", meters);
            MutableClock clock = new MutableClock(START);
            ScheduledJobRuns runs = new ScheduledJobRuns(context.getBeanProvider(MeterRegistry.class), clock,
                    context.getBeanFactory(), context.getEnvironment());
            runs.afterSingletonsInstantiated();

            clock.now = START.plusSeconds(3600);
            ScheduledTaskObservationContext failed = new ScheduledTaskObservationContext(new Jobs(),
                    Jobs.class.getDeclaredMethod("tick"));
            failed.setError(new IllegalStateException("the job threw"));
            runs.onStop(failed);
            assertThat(gauge(meters, "Jobs.tick").value()).isEqualTo(START.getEpochSecond());

            runs.onStop(new ScheduledTaskObservationContext(new Jobs(), Jobs.class.getDeclaredMethod("tick")));
            assertThat(gauge(meters, "Jobs.tick").value()).isEqualTo(START.getEpochSecond() + 3600);
        }
    }

    private static Gauge gauge(MeterRegistry meters, String job) {
        return meters.get("chengxin.job.last.success").tag("job", job).gauge();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
