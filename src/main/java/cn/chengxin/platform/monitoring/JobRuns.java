package cn.chengxin.platform.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the 后台作业 page shows (gaps review xlii W5): each scheduled job with its schedule, last run (on any
 * instance), last success, the runs and failures of the last {@link #RECENT_DAYS} days, a job's hours of runs, the
 * once-across-instances jobs' days ({@code shared.cluster_job}) and the stalled passes W4's gauges count. Read from
 * {@code shared.job_run} ({@link JobRunRecords}), so every instance's runs show, whichever serves the page.
 */
@Component
public class JobRuns {

    /** The window of "runs and failures lately". */
    public static final int RECENT_DAYS = 7;

    /** A job's hours of runs shown at most. */
    static final int HOURS_SHOWN = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StalledPassesMetrics passes;
    private final ConfigurableListableBeanFactory beans;
    private final Environment environment;

    JobRuns(JdbcClient jdbc, Clock clock, StalledPassesMetrics passes, ConfigurableListableBeanFactory beans,
            Environment environment) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.passes = passes;
        this.beans = beans;
        this.environment = environment;
    }

    /**
     * A job as the page lists it; every field but {@code job} and {@code schedule} null when it has no run kept
     * ({@code schedule} null: no bean schedules it any more, its runs are kept).
     */
    public record Job(String job, String schedule, String lastInstance, Instant lastStarted, Instant lastEnded,
                      Boolean lastFailed, Long lastDurationMs, Instant lastSucceeded, long recentRuns,
                      long recentFailures, Long recentAmount, Instant lastFailedAt, String failureClass,
                      String failureMessage) {

        /** Begun and not ended: running, or its instance stopped during the run. */
        public boolean unfinished() {
            return lastStarted != null && lastEnded == null;
        }
    }

    /** A job's runs on one instance in one hour. */
    public record Hour(String instance, Instant hour, int runs, int failures, Instant firstStarted,
                       Instant lastStarted, Instant lastEnded, Boolean lastFailed, Long lastDurationMs,
                       long maxDurationMs, Long amount, Instant lastFailedAt, String failureClass,
                       String failureMessage) {
    }

    /** A job run once across the instances, as {@code shared.cluster_job} holds it. */
    public record ClusterJob(String job, LocalDate doneThrough, String claimedBy, Instant claimedAt,
                             Instant claimedUntil, Instant finishedAt) {
    }

    public record StalledPasses(String table, long stalled) {
    }

    /** Every job scheduled here or with runs kept, by name. */
    public List<Job> jobs() {
        Map<String, String> schedules = ScheduledJobRuns.schedules(beans, environment);
        Map<String, Job> kept = new HashMap<>();
        jdbc.sql("""
                        WITH j AS (SELECT DISTINCT job FROM shared.job_run)
                        SELECT j.job, l.instance, l.last_started_at, l.last_ended_at, l.last_failed,
                               l.last_duration_ms, s.last_succeeded_at, coalesce(w.runs, 0), coalesce(w.failures, 0),
                               w.amount, f.last_failed_at, f.failure_class, f.failure_message
                        FROM j
                        LEFT JOIN LATERAL (SELECT instance, last_started_at, last_ended_at, last_failed,
                                                  last_duration_ms
                                           FROM shared.job_run r WHERE r.job = j.job
                                           ORDER BY last_started_at DESC LIMIT 1) l ON true
                        LEFT JOIN LATERAL (SELECT max(last_succeeded_at) AS last_succeeded_at
                                           FROM shared.job_run r WHERE r.job = j.job) s ON true
                        LEFT JOIN LATERAL (SELECT sum(runs) AS runs, sum(failures) AS failures,
                                                  sum(amount) AS amount
                                           FROM shared.job_run r WHERE r.job = j.job AND r.hour >= ?) w ON true
                        LEFT JOIN LATERAL (SELECT last_failed_at, failure_class, failure_message
                                           FROM shared.job_run r WHERE r.job = j.job AND r.last_failed_at IS NOT NULL
                                           ORDER BY last_failed_at DESC LIMIT 1) f ON true""")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(RECENT_DAYS))))
                .query((rs, n) -> new Job(rs.getString(1), schedules.get(rs.getString(1)), rs.getString(2),
                        instant(rs, 3), instant(rs, 4), bool(rs, 5), number(rs, 6), instant(rs, 7), rs.getLong(8),
                        rs.getLong(9), number(rs, 10), instant(rs, 11), rs.getString(12), rs.getString(13)))
                .list().forEach(job -> kept.put(job.job(), job));
        List<Job> jobs = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(schedules.keySet());
        names.addAll(kept.keySet());
        for (String name : names) {
            jobs.add(kept.getOrDefault(name, new Job(name, schedules.get(name), null, null, null, null, null, null,
                    0, 0, null, null, null, null)));
        }
        return jobs;
    }

    /** The job's hours of runs, the latest first, at most {@link #HOURS_SHOWN}. */
    public List<Hour> hours(String job) {
        return jdbc.sql("""
                        SELECT instance, hour, runs, failures, first_started_at, last_started_at, last_ended_at,
                               last_failed, last_duration_ms, max_duration_ms, amount, last_failed_at, failure_class,
                               failure_message
                        FROM shared.job_run WHERE job = ? ORDER BY hour DESC, instance LIMIT ?""")
                .params(job, HOURS_SHOWN)
                .query((rs, n) -> new Hour(rs.getString(1), instant(rs, 2), rs.getInt(3), rs.getInt(4),
                        instant(rs, 5), instant(rs, 6), instant(rs, 7), bool(rs, 8), number(rs, 9), rs.getLong(10),
                        number(rs, 11), instant(rs, 12), rs.getString(13), rs.getString(14)))
                .list();
    }

    public List<ClusterJob> clusterJobs() {
        return jdbc.sql("SELECT job, done_through, claimed_by, claimed_at, claimed_until, finished_at "
                        + "FROM shared.cluster_job ORDER BY job")
                .query((rs, n) -> new ClusterJob(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        instant(rs, 4), instant(rs, 5), instant(rs, 6)))
                .list();
    }

    /** Every table of resumable passes with how many of its passes no chunk has moved for a while (W4). */
    public List<StalledPasses> stalledPasses() {
        return passes.tables().stream().map(t -> new StalledPasses(t, passes.stalled(t))).toList();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Long number(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
