package cn.chengxin.shared.jdbc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every {@link DailyJob} holds alike: its row in {@code shared.cluster_job}, its cron as its {@code @Scheduled}
 * has it resolved (for {@link MissedDays}), the cluster's claims and the clock whose today the scheduled run takes. A
 * job keeps its own {@code @Scheduled} method (its cron property is its own) and its {@link #runDay}. No method is
 * final: a job with a transactional listener is proxied by subclassing, and a final method would run on the proxy's
 * empty fields.
 */
public abstract class ScheduledDailyJob implements DailyJob {

    private final String job;
    private final String cron;
    protected final ClusterJobs jobs;
    protected final Clock clock;

    protected ScheduledDailyJob(String job, String cron, ClusterJobs jobs, Clock clock) {
        this.job = job;
        this.cron = cron;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public String job() {
        return job;
    }

    @Override
    public String cron() {
        return cron;
    }

    /** Today in the clock's zone: the day a scheduled run does. */
    protected LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Does each day not done yet through {@code today}, at most {@code catchUpDays} missed ones before it, once across
     * the instances ({@link ClusterJobs#runDaily}); returns the days done here.
     */
    protected List<LocalDate> runDaily(LocalDate today, int catchUpDays, Consumer<LocalDate> work) {
        return jobs.runDaily(job, today, catchUpDays, work);
    }
}
