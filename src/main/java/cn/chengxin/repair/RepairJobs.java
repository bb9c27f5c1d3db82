package cn.chengxin.repair;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.chengxin.shared.jdbc.ClusterJobs;
import cn.chengxin.shared.jdbc.ScheduledDailyJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning, tells the people whose negative records became repairable today (Repairs#notifyEligible) — once
 * across the instances (RULES.md §6: the person is told once; gaps review xxxiii N5): the day is marked done in the
 * transaction that writes its notices ({@link ClusterJobs#runDaily}), so a second instance finds it done, and the
 * run after a day every instance missed (down at 08:00 for a restart or an upgrade) tells that day's people first;
 * an instance starting after 08:00 on a day not done runs it at once ({@link cn.chengxin.shared.jdbc.MissedDays}).
 */
@Component
class RepairJobs extends ScheduledDailyJob {

    /** The job's row in shared.cluster_job. */
    static final String JOB = "repair.eligible";
    /** When the notices go out, Beijing time. */
    static final String CRON = "${chengxin.repair.eligible-cron:0 0 8 * * *}";
    /**
     * How many missed days a run catches up: a record's people are told late rather than never, but not of a record
     * that became repairable a month before (they were shown it in 我的信用修复 since).
     */
    static final int CATCH_UP_DAYS = 31;

    private static final Logger log = LoggerFactory.getLogger(RepairJobs.class);

    private final Repairs repairs;

    RepairJobs(Repairs repairs, ClusterJobs jobs, Clock clock, @Value(CRON) String cron) {
        super(JOB, cron, jobs, clock);
        this.repairs = repairs;
    }

    @Override
    public void runDay(LocalDate day) {
        eligible(day);
    }

    @Scheduled(cron = CRON, zone = "Asia/Shanghai")
    void eligible() {
        List<LocalDate> days = eligible(today());
        if (days.isEmpty()) {
            log.info("Repairable records: today's notices were sent by another instance");
        }
    }

    /** Tells the people of each day not told yet, through {@code today}; returns the days told here. */
    List<LocalDate> eligible(LocalDate today) {
        return runDaily(today, CATCH_UP_DAYS, day ->
                log.info("Told of records repairable from {}: {} subjects", day, repairs.notifyEligible(day)));
    }
}
