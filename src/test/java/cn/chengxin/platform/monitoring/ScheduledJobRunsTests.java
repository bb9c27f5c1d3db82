package cn.chengxin.platform.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import cn.chengxin.shared.JobOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

/**
 * Gaps review xl U6: every scheduled job has its "last success" gauge from the instance's start, so that a job that
 * fails or never runs after a restart ages from the start and the README's alert fires; a job turned off has none.
 */
class ScheduledJobRunsTests {

    private static final Instant START = Instant.parse("2026-12-07T00:00:00Z");

    private final GenericApplicationContext context = new GenericApplicationContext();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

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

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void everyScheduledJobHasItsGaugeFromTheStartAndAJobTurnedOffHasNone() {
        started(Clock.fixed(START, ZoneOffset.UTC));

        assertThat(meters.find("chengxin.job.last.success").gauges()).extracting(g -> g.getId().getTag("job"))
                .containsExactlyInAnyOrder("Jobs.nightly", "Jobs.tick");
        assertThat(lastSuccess("Jobs.nightly")).isEqualTo(START.getEpochSecond());
    }

    /** Gaps review xlii W5: the 后台作业 page shows each job's schedule as resolved. */
    @Test
    void eachJobsScheduleIsDescribedAsResolved() {
        context.getEnvironment().getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource(
                "schedules", java.util.Map.of("jobs.nightly-cron", "0 5 0 * * *")));
        context.registerBean(Jobs.class);
        context.refresh();

        assertThat(ScheduledJobRuns.schedules(context.getBeanFactory(), context.getEnvironment()))
                .containsExactly(java.util.Map.entry("Jobs.nightly", "cron 0 5 0 * * * Asia/Shanghai"),
                        java.util.Map.entry("Jobs.tick", "fixedDelay PT1M"));
    }

    /** Gaps review xlii W5 rest: the jobs whose runs are audited each are those run at most twice a day. */
    @Test
    void theNightlyJobsAreThoseWhoseCronsFireTwiceADayAtMost() {
        context.registerBean(Jobs.class);
        context.refresh();

        assertThat(ScheduledJobRuns.nightly(context.getBeanFactory(), context.getEnvironment()))
                .containsExactly("Jobs.nightly");
        assertThat(ScheduledJobRuns.rare("0 10 * * * *", "Asia/Shanghai")).as("hourly").isFalse();
        assertThat(ScheduledJobRuns.rare("0 * * * * *", "")).as("every minute").isFalse();
        assertThat(ScheduledJobRuns.rare("0 0 3,15 * * *", "")).as("twice a day").isTrue();
        assertThat(ScheduledJobRuns.rare("0 30 2 * * MON", "Asia/Shanghai")).as("weekly").isTrue();
    }

    @Test
    void aSuccessfulRunSetsItsGaugeAndAFailedOneLeavesIt() throws Exception {
        Clock clock = mock(Clock.class);
        given(clock.millis()).willReturn(START.toEpochMilli(), START.toEpochMilli() + 3_600_000);
        ScheduledJobRuns runs = started(clock);

        ScheduledTaskObservationContext failed = new ScheduledTaskObservationContext(new Jobs(),
                Jobs.class.getDeclaredMethod("tick"));
        failed.setError(new IllegalStateException("the job threw"));
        runs.onStop(failed);
        assertThat(lastSuccess("Jobs.tick")).isEqualTo(START.getEpochSecond());

        runs.onStop(new ScheduledTaskObservationContext(new Jobs(), Jobs.class.getDeclaredMethod("tick")));
        assertThat(lastSuccess("Jobs.tick")).isEqualTo(START.getEpochSecond() + 3600);
    }

    /**
     * Gaps review xlii W5 rest: a job that catches a failure to go on and says it ({@link JobOutcome}) does not set its
     * gauge, as a job that threw does not.
     */
    @Test
    void aRunThatSaidACaughtFailureLeavesItsGauge() throws Exception {
        Clock clock = mock(Clock.class);
        given(clock.millis()).willReturn(START.toEpochMilli(), START.toEpochMilli() + 3_600_000);
        given(clock.instant()).willReturn(START);
        ScheduledJobRuns runs = started(clock);
        JobRunRecords records = new JobRunRecords(mock(JdbcClient.class, RETURNS_DEEP_STUBS), clock,
                mock(NightlyRuns.class));

        ScheduledTaskObservationContext caught = new ScheduledTaskObservationContext(new Jobs(),
                Jobs.class.getDeclaredMethod("tick"));
        records.onStart(caught);
        JobOutcome.failed("a step", new IllegalStateException("the step failed"));
        runs.onStop(caught);
        records.onStop(caught);
        assertThat(lastSuccess("Jobs.tick")).isEqualTo(START.getEpochSecond());

        JobOutcome.failed("after the run", new IllegalStateException("not a scheduled run's"));
        ScheduledTaskObservationContext clean = new ScheduledTaskObservationContext(new Jobs(),
                Jobs.class.getDeclaredMethod("tick"));
        records.onStart(clean);
        runs.onStop(clean);
        records.onStop(clean);
        assertThat(lastSuccess("Jobs.tick")).as("a failure said outside the run is not the next run's")
                .isEqualTo(START.getEpochSecond() + 3600);
    }

    /** The handler of a context holding the jobs, as the application's start leaves it. */
    private ScheduledJobRuns started(Clock clock) {
        context.registerBean(Jobs.class);
        context.refresh();
        context.getBeanFactory().registerSingleton("meters", meters);
        ScheduledJobRuns runs = new ScheduledJobRuns(context.getBeanProvider(MeterRegistry.class), clock,
                context.getBeanFactory(), context.getEnvironment());
        runs.afterSingletonsInstantiated();
        return runs;
    }

    private double lastSuccess(String job) {
        return meters.get("chengxin.job.last.success").tag("job", job).gauge().value();
    }
}
