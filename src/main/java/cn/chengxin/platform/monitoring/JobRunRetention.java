package cn.chengxin.platform.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Period;

import cn.chengxin.shared.JobAmount;
import cn.chengxin.shared.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code shared.job_run} bounded (gaps review xlii W5): every night, the hours of runs older than
 * {@code chengxin.jobs.run-retention} (90 days: an auditor's quarter) are deleted. One statement by the table's
 * {@code hour} index: a night deletes a day of rows (some thousands); every instance may run it, a second finds
 * nothing. Its own runs are recorded as every job's, with the rows it deleted.
 */
@Component
class JobRunRetention {

    private static final Logger log = LoggerFactory.getLogger(JobRunRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Retention retention;

    JobRunRetention(JdbcClient jdbc, Clock clock, @Value("${chengxin.jobs.run-retention:P90D}") Period period) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = new Retention("chengxin.jobs.run-retention", period);
    }

    @Scheduled(cron = "${chengxin.jobs.run-retention-cron:0 45 4 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        int deleted = prune();
        JobAmount.add(deleted);
        log.info("Job runs past their retention deleted: {} hours of runs", deleted);
    }

    /** Deletes the hours of runs past the period; returns how many rows. */
    int prune() {
        return jdbc.sql("DELETE FROM shared.job_run WHERE hour < ?")
                .param(Timestamp.from(retention.endedBefore(clock.instant()))).update();
    }
}
