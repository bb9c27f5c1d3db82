package cn.chengxin.shared.jdbc;

import java.time.LocalDate;

/**
 * A daily job run once across the instances ({@link ClusterJobs}) that an instance starting after the job's time
 * catches up at once, rather than at the next firing of its cron ({@link MissedDays}; gaps review xxxiii N5).
 */
public interface DailyJob {

    /** The job's row in {@code shared.cluster_job}. */
    String job();

    /** The job's cron, as its {@code @Scheduled} has it resolved, in Asia/Shanghai ("-": disabled). */
    String cron();

    /** Does {@code day}'s run (and the missed days before it, where the job catches up), once across the instances. */
    void runDay(LocalDate day);
}
