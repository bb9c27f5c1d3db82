package cn.chengxin.shared.jdbc;

import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily jobs that must run once across the instances behind the balancer, not once per instance (gaps review xxxiii
 * N5): texts, notices, a full recompute. Every instance's scheduler fires the job; the job's row in
 * {@code shared.cluster_job} (V350) decides which instance does the day's work.
 *
 * <ul>
 *     <li>{@link #runDaily}: each day to do in its own transaction, holding the job's row ({@code FOR UPDATE SKIP
 *     LOCKED}); the day is marked done in the transaction of its work, so it is done once whichever instance gets
 *     there, a crash leaves it to the next run, and the run after a missed day (every instance down at the hour) does
 *     the missed days first.</li>
 *     <li>{@link #claimDay}: for a job that runs long outside one transaction (minutes, its own threads): the day is
 *     taken by one instance in one statement, with a claim until a given time that shows who runs it.</li>
 *     <li>{@link #claim}, {@link #checkpoint}, {@link #takeOver}: a claimed run that records how far it got (V389) and
 *     renews its claim as it goes; when its instance dies the claim lapses, and another instance takes the run up
 *     where it stopped. {@link #progress} reads what is stored, for every instance's pages.</li>
 * </ul>
 */
@Component
public class ClusterJobs {

    /** Names this instance in the job rows (the JVM's pid@host), for the operators. */
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;
    private final TransactionTemplate dayTransaction;
    private final Clock clock;

    public ClusterJobs(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.dayTransaction = new TransactionTemplate(transactions);
        this.dayTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** A day a job ran for or took, and by which instance. */
    public record Day(String job, LocalDate doneThrough, String claimedBy) {
    }

    /**
     * A claimed run of a day, held by this instance: {@code claimedAt} tells it from a later claim of the same day (a
     * take-over); {@code resumeAfter} and {@code done} are where a run taken over stopped (null and 0: from the start).
     */
    public record Claim(String job, LocalDate day, Instant claimedAt, String resumeAfter, long done) {
    }

    /** A claimed run's progress as stored: running while its claim holds and it has not ended. */
    public record Progress(String claimedBy, Instant claimedAt, Instant claimedUntil, Instant finishedAt, long done,
                           Long total, boolean running) {
    }

    /**
     * Runs the job's work for each day not done yet, through {@code today}: the days after the last one done, at most
     * {@code catchUpDays} before today (a job that never ran: today only). Each day runs in its own transaction, which
     * holds the job's row and marks the day done; another instance holding the row is left to it (nothing is done
     * here), and a day done already is not done again.
     *
     * @return the days run here, the earliest first
     */
    public List<LocalDate> runDaily(String job, LocalDate today, int catchUpDays, Consumer<LocalDate> work) {
        known(job);
        List<LocalDate> ran = new ArrayList<>();
        while (true) {
            LocalDate day = dayTransaction.execute(tx -> {
                Optional<LocalDate> next = jdbc.sql("SELECT done_through FROM shared.cluster_job WHERE job = ? "
                                + "FOR UPDATE SKIP LOCKED")
                        .param(job).query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)))
                        .optional()
                        .map(done -> nextDay(done.orElse(null), today, catchUpDays));
                if (next.isEmpty() || next.get().isAfter(today)) {
                    return null;
                }
                Timestamp began = Timestamp.from(clock.instant());
                work.accept(next.get());
                jdbc.sql("UPDATE shared.cluster_job SET done_through = ?, claimed_by = ?, claimed_at = ?, "
                                + "claimed_until = NULL, finished_at = ? WHERE job = ?")
                        .params(Date.valueOf(next.get()), INSTANCE, began, Timestamp.from(clock.instant()), job)
                        .update();
                return next.get();
            });
            if (day == null) {
                return ran;
            }
            ran.add(day);
        }
    }

    /** The day to run after {@code done}: the next one, but not before the catch-up's first day. */
    static LocalDate nextDay(LocalDate done, LocalDate today, int catchUpDays) {
        if (done == null) {
            return today;
        }
        LocalDate first = today.minusDays(catchUpDays);
        return done.isBefore(first) ? first : done.plusDays(1);
    }

    /**
     * Takes {@code day} of a job that runs long outside one transaction, for this instance, when no instance took it
     * (nor a later day): true for one instance of those asking at once. The claim holds until {@code hold} from now, or
     * until {@link #finished}; a run that dies leaves the day taken (the next day's run does the work again) unless it
     * records its progress ({@link #claim}).
     */
    public boolean claimDay(String job, LocalDate day, Duration hold) {
        return claim(job, day, hold).isPresent();
    }

    /**
     * {@link #claimDay}, returning the claim to record progress under ({@link #checkpoint}) and end ({@link
     * #finished(Claim)}).
     */
    public Optional<Claim> claim(String job, LocalDate day, Duration hold) {
        known(job);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean taken = jdbc.sql("""
                        UPDATE shared.cluster_job SET done_through = ?, claimed_by = ?, claimed_at = ?,
                            claimed_until = ?, finished_at = NULL, resume_after = NULL, progress_done = 0,
                            progress_total = NULL
                        WHERE job = ? AND (done_through IS NULL OR done_through < ?)""")
                .params(Date.valueOf(day), INSTANCE, Timestamp.from(now), Timestamp.from(now.plus(hold)), job,
                        Date.valueOf(day))
                .update() == 1;
        return taken ? Optional.of(new Claim(job, day, now, null, 0)) : Optional.empty();
    }

    /**
     * Takes the job for a run asked for at any time, not once a day (the auditor's 完整性校验, gaps review xxxv P10),
     * when no run of it holds a claim now: none ever did, the last one ended, or its claim lapsed (its instance died).
     * One instance of those asking at once gets it, as {@link #claim} with {@code day} today ({@code zone}); the run
     * records its progress ({@link #checkpoint}) and ends ({@link #finished(Claim)}) as a claimed day's does.
     */
    public Optional<Claim> claimRun(String job, java.time.ZoneId zone, Duration hold) {
        known(job);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate day = LocalDate.ofInstant(now, zone);
        boolean taken = jdbc.sql("""
                        UPDATE shared.cluster_job SET done_through = ?, claimed_by = ?, claimed_at = ?,
                            claimed_until = ?, finished_at = NULL, resume_after = NULL, progress_done = 0,
                            progress_total = NULL
                        WHERE job = ? AND (claimed_until IS NULL OR finished_at IS NOT NULL OR claimed_until < ?)""")
                .params(Date.valueOf(day), INSTANCE, Timestamp.from(now), Timestamp.from(now.plus(hold)), job,
                        Timestamp.from(now))
                .update() == 1;
        return taken ? Optional.of(new Claim(job, day, now, null, 0)) : Optional.empty();
    }

    /**
     * Takes over the job's claimed run whose claim lapsed before it ended (its instance died, or stopped renewing):
     * one instance of those asking at once gets it, with where the run stopped, and holds it {@code hold} from now.
     */
    public Optional<Claim> takeOver(String job, Duration hold) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return jdbc.sql("""
                        UPDATE shared.cluster_job SET claimed_by = ?, claimed_at = ?, claimed_until = ?
                        WHERE job = ? AND done_through IS NOT NULL AND finished_at IS NULL
                          AND claimed_until IS NOT NULL AND claimed_until < ?
                        RETURNING done_through, resume_after, progress_done""")
                .params(INSTANCE, Timestamp.from(now), Timestamp.from(now.plus(hold)), job, Timestamp.from(now))
                .query((rs, n) -> new Claim(job, rs.getObject(1, LocalDate.class), now, rs.getString(2),
                        rs.getLong(3)))
                .optional();
    }

    /**
     * Records how far the claimed run got ({@code resumeAfter}: the job's own mark of what is done) and renews its
     * claim for {@code hold} from now; false when the claim is no longer this run's (it lapsed and another instance
     * took the run over): the run should then stop.
     */
    public boolean checkpoint(Claim claim, String resumeAfter, long done, long total, Duration hold) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE shared.cluster_job SET resume_after = ?, progress_done = ?, progress_total = ?,
                            claimed_until = ?
                        WHERE job = ? AND done_through = ? AND claimed_by = ? AND claimed_at = ?
                          AND finished_at IS NULL""")
                .params(resumeAfter, done, total, Timestamp.from(now.plus(hold)), claim.job(),
                        Date.valueOf(claim.day()), INSTANCE, Timestamp.from(claim.claimedAt()))
                .update() == 1;
    }

    /** The claimed run ended (done, or failed): the claim is released and the end recorded, if still this run's. */
    public void finished(Claim claim) {
        jdbc.sql("UPDATE shared.cluster_job SET claimed_until = NULL, finished_at = ? WHERE job = ? "
                        + "AND done_through = ? AND claimed_by = ? AND claimed_at = ?")
                .params(Timestamp.from(clock.instant()), claim.job(), Date.valueOf(claim.day()), INSTANCE,
                        Timestamp.from(claim.claimedAt())).update();
    }

    /** The job's claimed run as stored (empty: never claimed). */
    public Optional<Progress> progress(String job) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT claimed_by, claimed_at, claimed_until, finished_at, progress_done, progress_total "
                        + "FROM shared.cluster_job WHERE job = ? AND claimed_at IS NOT NULL")
                .param(job).query((rs, n) -> {
                    Instant until = instant(rs.getTimestamp(3));
                    Instant finished = instant(rs.getTimestamp(4));
                    long total = rs.getLong(6);
                    return new Progress(rs.getString(1), instant(rs.getTimestamp(2)), until, finished, rs.getLong(5),
                            rs.wasNull() ? null : total,
                            finished == null && until != null && until.isAfter(now));
                }).optional();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** A claimed day's run ended: the claim is released and the end recorded. */
    public void finished(String job, LocalDate day) {
        jdbc.sql("UPDATE shared.cluster_job SET claimed_until = NULL, finished_at = ? WHERE job = ? "
                        + "AND done_through = ? AND claimed_by = ?")
                .params(Timestamp.from(clock.instant()), job, Date.valueOf(day), INSTANCE).update();
    }

    /** The job's row: the last day it ran for and who ran it (empty: it never ran). */
    public Optional<Day> lastDay(String job) {
        return jdbc.sql("SELECT job, done_through, claimed_by FROM shared.cluster_job WHERE job = ? "
                        + "AND done_through IS NOT NULL")
                .param(job).query((rs, n) -> new Day(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3))).optional();
    }

    private void known(String job) {
        jdbc.sql("INSERT INTO shared.cluster_job (job) VALUES (?) ON CONFLICT DO NOTHING").param(job).update();
    }
}
