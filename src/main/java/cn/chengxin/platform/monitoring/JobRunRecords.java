package cn.chengxin.platform.monitoring;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import cn.chengxin.shared.JobAmount;
import cn.chengxin.shared.JobOutcome;
import cn.chengxin.shared.privacy.IdentityRedaction;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Every run of every {@code @Scheduled} method, in {@code shared.job_run} (gaps review xlii W5: a night that ran and
 * found nothing and a night that did not run looked alike to an auditor; the Prometheus gauges are per instance and
 * the office does not read them). Observed as {@link ScheduledJobRuns} observes them, so no job is edited for it; a job
 * says how much it did through {@link JobAmount}.
 *
 * <p>A row per job, instance and hour. A run that begins more than {@link #FREQUENT} after the job's last run ended
 * here (every nightly and hourly job, the 5-minute ticks) is written when it begins (the row shows it running, and a
 * run whose instance died stays begun and never ended) and when it ends. A job that runs more often (the check index
 * every 250 ms, the outbox push every 2 s) adds its runs to its hour's row in memory, written at most once a
 * {@link #FREQUENT}, when the hour turns and at shutdown: some fifty upserts a minute at most, instead of tens of rows
 * a second. A job that catches a failure of its own to go on says it ({@link JobOutcome}): its run ends failed here, the
 * failed step named before the message, as a run that threw (gaps review xlii W5 rest).
 *
 * <p>The failure's exception class and message are kept; the message with every identity, document and phone number
 * masked ({@link IdentityRedaction}, as in the logs), on one line, at most {@link #MESSAGE} characters. Writing never
 * fails a job: a failed write is logged and its counts are written with the next.
 */
@Component
class JobRunRecords implements ObservationHandler<ScheduledTaskObservationContext> {

    /** Runs closer together than this are counted in their hour's row, not written each. */
    static final Duration FREQUENT = Duration.ofMinutes(1);

    /** The longest failure message kept. */
    static final int MESSAGE = 300;

    /** Names this instance in the rows (the JVM's pid@host), as {@code shared.cluster_job} does. */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private static final Logger log = LoggerFactory.getLogger(JobRunRecords.class);

    private static final String UPSERT = """
            INSERT INTO shared.job_run AS r (job, instance, hour, runs, failures, first_started_at, last_started_at,
                last_ended_at, last_failed, last_duration_ms, max_duration_ms, total_duration_ms, last_succeeded_at,
                amount, last_failed_at, failure_class, failure_message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (job, instance, hour) DO UPDATE SET
                runs = r.runs + EXCLUDED.runs,
                failures = r.failures + EXCLUDED.failures,
                first_started_at = LEAST(r.first_started_at, EXCLUDED.first_started_at),
                last_started_at = GREATEST(r.last_started_at, EXCLUDED.last_started_at),
                last_ended_at = CASE WHEN EXCLUDED.last_started_at >= r.last_started_at
                                     THEN EXCLUDED.last_ended_at ELSE r.last_ended_at END,
                last_failed = CASE WHEN EXCLUDED.last_started_at >= r.last_started_at
                                   THEN EXCLUDED.last_failed ELSE r.last_failed END,
                last_duration_ms = CASE WHEN EXCLUDED.last_started_at >= r.last_started_at
                                        THEN EXCLUDED.last_duration_ms ELSE r.last_duration_ms END,
                max_duration_ms = GREATEST(r.max_duration_ms, EXCLUDED.max_duration_ms),
                total_duration_ms = r.total_duration_ms + EXCLUDED.total_duration_ms,
                last_succeeded_at = GREATEST(r.last_succeeded_at, EXCLUDED.last_succeeded_at),
                amount = CASE WHEN EXCLUDED.amount IS NULL THEN r.amount
                              ELSE coalesce(r.amount, 0) + EXCLUDED.amount END,
                failure_class = CASE WHEN EXCLUDED.last_failed_at >= coalesce(r.last_failed_at, '-infinity')
                                     THEN EXCLUDED.failure_class ELSE r.failure_class END,
                failure_message = CASE WHEN EXCLUDED.last_failed_at >= coalesce(r.last_failed_at, '-infinity')
                                       THEN EXCLUDED.failure_message ELSE r.failure_message END,
                last_failed_at = GREATEST(r.last_failed_at, EXCLUDED.last_failed_at)""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NightlyRuns nightly;
    private final Map<String, JobState> jobs = new ConcurrentHashMap<>();

    JobRunRecords(JdbcClient jdbc, Clock clock, NightlyRuns nightly) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nightly = nightly;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ScheduledTaskObservationContext;
    }

    @Override
    public void onStart(ScheduledTaskObservationContext context) {
        JobAmount.open();
        Instant now = now();
        context.put(Started.class, new Started(now, JobOutcome.open()));
        JobState state = jobs.computeIfAbsent(name(context), JobState::new);
        synchronized (state) {
            if (state.unwritten && !now.truncatedTo(ChronoUnit.HOURS).equals(state.hour)) {
                write(state); // the tail of the hour before
            }
            state.begin(now);
            if (state.writeThrough) {
                write(state);
            }
        }
    }

    @Override
    public void onStop(ScheduledTaskObservationContext context) {
        OptionalLong amount = JobAmount.close();
        JobOutcome.close();
        Instant end = now();
        Started started = context.get(Started.class);
        Optional<JobOutcome.Caught> caught = started == null ? Optional.empty() : started.outcome().caught();
        Instant start = started == null ? end : started.at();
        String job = name(context);
        JobState state = jobs.computeIfAbsent(job, JobState::new);
        synchronized (state) {
            state.end(start, end, context.getError(), caught, amount);
            if (state.writeThrough || state.writtenAt == null
                    || !state.writtenAt.plus(FREQUENT).isAfter(end)) {
                write(state);
            }
        }
        // Outside the lock: the audit log waits for durability.
        nightly.ended(job, start, end, context.getError() != null ? context.getError()
                : caught.map(JobOutcome.Caught::failure).orElse(null), amount);
    }

    /** At shutdown: the counts of the frequent jobs not written yet. */
    @PreDestroy
    void writeAll() {
        for (JobState state : jobs.values()) {
            synchronized (state) {
                if (state.hour != null && state.unwritten) {
                    write(state);
                }
            }
        }
    }

    /** A failure's message as kept: numbers masked, on one line, shortened. */
    static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? null : kept(message);
    }

    /**
     * A caught failure's message as kept: the step that failed, the exception's message (its class when it has none)
     * and how many more steps failed in the run, masked, on one line, shortened as {@link #message(Throwable)}.
     */
    static String message(JobOutcome.Caught caught) {
        RuntimeException failure = caught.failure();
        String text = caught.step() + ": "
                + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage())
                + (caught.count() > 1 ? " (+" + (caught.count() - 1) + ")" : "");
        return kept(text);
    }

    /** Whether the observed run said a failure it caught ({@link JobOutcome}), for its gauge. */
    static boolean caughtFailure(ScheduledTaskObservationContext context) {
        Started started = context.get(Started.class);
        return started != null && started.outcome().caught().isPresent();
    }

    private static String kept(String message) {
        String masked = IdentityRedaction.redact(message).replaceAll("\\p{Cntrl}+", " ").strip();
        return masked.length() <= MESSAGE ? masked : masked.substring(0, MESSAGE - 1) + "…";
    }

    private void write(JobState s) {
        try {
            jdbc.sql(UPSERT).params(s.job, INSTANCE, at(s.hour), s.runs, s.failures, at(s.firstStarted),
                    at(s.lastStarted), at(s.lastEnded), s.lastFailed, s.lastDuration, s.maxDuration,
                    s.totalDuration, at(s.lastSucceeded), s.amount, at(s.lastFailedAt), s.failureClass,
                    s.failureMessage).update();
            s.written(now());
        } catch (RuntimeException e) {
            // Never the job's failure: its counts stay and go with the next write.
            log.warn("The runs of {} could not be recorded: {}", s.job, e.getClass().getName());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Timestamp at(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static String name(ScheduledTaskObservationContext context) {
        return ClassUtils.getUserClass(context.getTargetClass()).getSimpleName() + "." + context.getMethod().getName();
    }

    private record Started(Instant at, JobOutcome.Run outcome) {
    }

    /** One job's runs on this instance in the hour being counted, as far as not yet written (counts) or as last. */
    private static final class JobState {

        final String job;
        Instant hour;
        int runs;
        int failures;
        Instant firstStarted;
        Instant lastStarted;
        Instant lastEnded;
        Boolean lastFailed;
        Long lastDuration;
        long maxDuration;
        long totalDuration;
        Instant lastSucceeded;
        Long amount;
        Instant lastFailedAt;
        String failureClass;
        String failureMessage;
        /** The previous run's end here, which tells a frequent job. */
        Instant previousEnd;
        Instant writtenAt;
        boolean writeThrough;
        boolean unwritten;

        JobState(String job) {
            this.job = job;
        }

        void begin(Instant now) {
            Instant thisHour = now.truncatedTo(ChronoUnit.HOURS);
            if (!thisHour.equals(hour)) {
                hour = thisHour;
                runs = 0;
                failures = 0;
                firstStarted = now;
                maxDuration = 0;
                totalDuration = 0;
                amount = null;
                lastSucceeded = null;
                lastFailedAt = null;
                failureClass = null;
                failureMessage = null;
            }
            lastStarted = now;
            lastEnded = null;
            lastFailed = null;
            lastDuration = null;
            writeThrough = previousEnd == null || !previousEnd.plus(FREQUENT).isAfter(now);
            unwritten = true;
        }

        void end(Instant started, Instant end, Throwable error, Optional<JobOutcome.Caught> caught, OptionalLong did) {
            if (hour == null) {
                begin(started);
            }
            long ms = Duration.between(started, end).toMillis();
            runs++;
            lastEnded = end;
            lastDuration = ms;
            maxDuration = Math.max(maxDuration, ms);
            totalDuration += ms;
            lastFailed = error != null || caught.isPresent();
            if (!lastFailed) {
                lastSucceeded = end;
            } else {
                failures++;
                lastFailedAt = end;
                failureClass = (error != null ? error : caught.get().failure()).getClass().getName();
                failureMessage = error != null ? message(error) : message(caught.get());
            }
            if (did.isPresent()) {
                amount = (amount == null ? 0 : amount) + did.getAsLong();
            }
            previousEnd = end;
            unwritten = true;
        }

        /** Written: the counts start again from zero in the same hour's row; the latest values stay. */
        void written(Instant at) {
            writtenAt = at;
            runs = 0;
            failures = 0;
            totalDuration = 0;
            amount = null;
            unwritten = false;
        }
    }
}
