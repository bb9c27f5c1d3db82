package cn.chengxin.shared.jdbc;

import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
     * until {@link #finished}; a run that dies leaves the day taken (the next day's run does the work again).
     */
    public boolean claimDay(String job, LocalDate day, Duration hold) {
        known(job);
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        UPDATE shared.cluster_job SET done_through = ?, claimed_by = ?, claimed_at = ?,
                            claimed_until = ?, finished_at = NULL
                        WHERE job = ? AND (done_through IS NULL OR done_through < ?)""")
                .params(Date.valueOf(day), INSTANCE, now, Timestamp.from(clock.instant().plus(hold)), job,
                        Date.valueOf(day))
                .update() == 1;
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
