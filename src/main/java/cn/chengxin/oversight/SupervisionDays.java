package cn.chengxin.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.chengxin.creditfile.CollectionFigures;
import cn.chengxin.measures.FeedbackFigures;
import cn.chengxin.shared.jdbc.ClusterJobs;
import cn.chengxin.shared.jdbc.ScheduledDailyJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the figures of 部门督办, 数据质量 and the yearly progress report per closed day (gaps review xxxv P2): every
 * night, each day before today not kept yet — checks' feedback figures ({@link FeedbackFigures#keep}) and records'
 * collection delays ({@link CollectionFigures#keep}) — a day a transaction, from the first day with a check or a record
 * (a new installation's history once, then yesterday alone), then counts the yearly progress report's figures no
 * day keeps ({@link ProgressFigures}, on every instance: they are kept in its memory). The pages sum the kept days and count live only the days
 * not kept, today's. Each day is kept once whichever instance takes it (its kept row is its claim); the night is
 * marked done for {@link cn.chengxin.shared.jdbc.MissedDays}, which runs a night every instance missed at start.
 */
@Component
class SupervisionDays extends ScheduledDailyJob {

    /** The job's row in shared.cluster_job. */
    static final String JOB = "oversight.figure-days";
    /** When the closed days are kept, Beijing time: after midnight, once the day's last checks are stored. */
    static final String CRON = "${chengxin.oversight.figure-days-cron:0 40 0 * * *}";

    private static final Logger log = LoggerFactory.getLogger(SupervisionDays.class);

    private final FeedbackFigures feedback;
    private final CollectionFigures collection;
    private final ProgressFigures progress;

    SupervisionDays(FeedbackFigures feedback, CollectionFigures collection, ProgressFigures progress, ClusterJobs jobs,
                    Clock clock, @Value(CRON) String cron) {
        super(JOB, cron, jobs, clock);
        this.feedback = feedback;
        this.collection = collection;
        this.progress = progress;
    }

    @Override
    public void runDay(LocalDate day) {
        keep(day);
    }

    @Scheduled(cron = CRON, zone = "Asia/Shanghai")
    void nightly() {
        keep(today());
    }

    /** Keeps every day before {@code today} not kept yet; returns the days whose checks and records were kept here. */
    List<LocalDate> keep(LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        List<LocalDate> checks = feedback.keepDays(feedback.firstDayToKeep(), yesterday);
        List<LocalDate> records = collection.keepDays(collection.firstDayToKeep(), yesterday);
        runDaily(today, 0, day -> { });
        // The progress report's distinct counts, once a night here rather than at each view (P2 rest).
        progress.recount(today.getYear());
        if (!checks.isEmpty() || !records.isEmpty()) {
            log.info("Supervision figures kept: checks of {} days, records of {} days, through {}", checks.size(),
                    records.size(), yesterday);
        }
        return checks.size() >= records.size() ? checks : records;
    }
}
