package cn.chengxin.shared.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Daily jobs caught up when an instance starts (gaps review xxxiii N5): a job whose time passed today (or on an earlier
 * day) while no instance ran — all down for a release at 08:00 — is run at once, for the day of its last firing, rather
 * than at the next firing of its cron, a day later. Once across the instances, as {@link ClusterJobs} runs every day of
 * a job; a job that never ran (a new installation) waits for its cron. Off the starting thread.
 * {@code chengxin.jobs.catch-up-on-start=false} turns it off (the tests run it themselves).
 */
@Component
public class MissedDays {

    private static final Logger log = LoggerFactory.getLogger(MissedDays.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final List<DailyJob> jobs;
    private final ClusterJobs cluster;
    private final Clock clock;
    private final boolean onStart;

    public MissedDays(List<DailyJob> jobs, ClusterJobs cluster, Clock clock,
                      @Value("${chengxin.jobs.catch-up-on-start:true}") boolean onStart) {
        this.jobs = jobs;
        this.cluster = cluster;
        this.clock = clock;
        this.onStart = onStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (onStart) {
            Thread catching = new Thread(() -> catchUp(clock.instant()), "missed-days");
            catching.setDaemon(true);
            catching.start();
        }
    }

    /** Runs each job whose last firing before {@code now} is after the last day it did; returns the jobs run. */
    public List<String> catchUp(Instant now) {
        List<String> ran = new ArrayList<>();
        for (DailyJob job : jobs) {
            Optional<LocalDate> done = cluster.lastDay(job.job()).map(ClusterJobs.Day::doneThrough);
            Optional<LocalDate> due = lastFiring(job.cron(), now.atZone(BEIJING));
            if (done.isPresent() && due.isPresent() && done.get().isBefore(due.get())) {
                log.info("Daily job {} last ran for {}; its run of {} is caught up at start", job.job(), done.get(),
                        due.get());
                try {
                    job.runDay(due.get());
                    ran.add(job.job());
                } catch (RuntimeException failed) {
                    log.error("Daily job {}: catching up {} failed; its cron runs it next", job.job(), due.get(),
                            failed);
                }
            }
        }
        return ran;
    }

    /** The day of the cron's last firing at or before {@code now} within two days (empty: disabled, or none). */
    static Optional<LocalDate> lastFiring(String cron, ZonedDateTime now) {
        if (ScheduledTaskRegistrar.CRON_DISABLED.equals(cron)) {
            return Optional.empty();
        }
        CronExpression expression = CronExpression.parse(cron);
        ZonedDateTime last = null;
        for (ZonedDateTime next = expression.next(now.minusDays(2)); next != null && !next.isAfter(now);
             next = expression.next(next)) {
            last = next;
        }
        return Optional.ofNullable(last).map(ZonedDateTime::toLocalDate);
    }
}
