package cn.chengxin.platform.monitoring;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;

import cn.chengxin.shared.NightlyRunEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The end of each nightly job's run, told to the audit log ({@link NightlyRunEnded}; gaps review xlii W5 rest): the
 * jobs whose every cron fires at most twice a day ({@link ScheduledJobRuns#nightly}), never the ticks (the check index
 * every 250 ms would write millions of entries a week). One entry a job, instance and night, written at the run's end.
 * An audit log that cannot take it never fails the job: the run is still recorded in {@code shared.job_run}.
 */
@Component
class NightlyRuns {

    private static final Logger log = LoggerFactory.getLogger(NightlyRuns.class);

    private final ConfigurableListableBeanFactory beans;
    private final Environment environment;
    private final ApplicationEventPublisher events;
    /** Found at the first run's end, once every bean is there. */
    private volatile Set<String> nightly;

    NightlyRuns(ConfigurableListableBeanFactory beans, Environment environment, ApplicationEventPublisher events) {
        this.beans = beans;
        this.environment = environment;
        this.events = events;
    }

    /** A run ended: told when the job is nightly. */
    void ended(String job, Instant startedAt, Instant endedAt, Throwable failure, OptionalLong amount) {
        if (!nightly().contains(job)) {
            return;
        }
        try {
            events.publishEvent(new NightlyRunEnded(job, JobRunRecords.INSTANCE, startedAt, endedAt,
                    failure == null ? null : failure.getClass().getName(),
                    amount.isPresent() ? amount.getAsLong() : null));
        } catch (RuntimeException e) {
            log.warn("The end of the nightly run of {} could not be audited: {}", job, e.getClass().getName());
        }
    }

    private Set<String> nightly() {
        Set<String> found = nightly;
        if (found == null) {
            found = ScheduledJobRuns.nightly(beans, environment);
            nightly = found;
        }
        return found;
    }
}
