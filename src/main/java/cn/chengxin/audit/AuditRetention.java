package cn.chengxin.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;

import cn.chengxin.shared.jdbc.ClusterJobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How long each kind of event keeps its content (RULES.md §10): security events ≥ 180 days (Cybersecurity
 * Law Art. 21), processing records ≥ 3 years (PIPL Art. 56), queries of personal data ≥ 10 years. After
 * that the content is emptied; the leaf hash, time and category stay, so the tree and its proofs still
 * verify. Periods below the legal minimum are refused at start.
 *
 * <p>The night's pass goes a range of positions per transaction from where the last one stopped (gaps review xlii
 * W2: one UPDATE per category read the whole log every night and, past the statement timeout, stopped for good);
 * {@link RetentionWalk} says how, and what it decides for events stamped out of time order. A night's pass stops after
 * {@code chengxin.audit.retention.window} (2 hours) and the next night goes on from its marks: the first night after
 * gaps review xlii W2 walks every position once, hours at a city's size, and would otherwise run into the day. At the
 * end of a pass the marks it passed are forgotten (V861): only each category's latest is read.
 */
@Service
public class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    /** The nightly pass's row in {@code shared.cluster_job}. */
    static final String JOB = "audit.retention";

    /** How long a claim holds without a chunk: far longer than a chunk of 10,000 events takes (about a second). */
    static final Duration HOLD = Duration.ofMinutes(10);

    /** Issue #3's 180 days (Cybersecurity Law Art. 21: 不少于六个月). */
    static final Duration SECURITY_MINIMUM = Duration.ofDays(180);

    /**
     * Three years and ten years as calendar years, whatever leap days they hold (gaps-review-xxviii J6): 365-day years
     * would let a period of {@code 3650d} empty query events two or three days before their tenth year.
     */
    static final Duration PROCESSING_MINIMUM = Duration.ofDays(3 * 365 + 1);
    static final Duration QUERY_MINIMUM = Duration.ofDays(10 * 365 + 3);

    private final Duration security;
    private final Duration processing;
    private final Duration query;
    private final int chunk;
    private final Duration window;
    private final RetentionWalk walk;
    private final ClusterJobs jobs;
    private final Clock clock;

    AuditRetention(@Value("${chengxin.audit.retention.security:400d}") Duration security,
                   @Value("${chengxin.audit.retention.processing:1100d}") Duration processing,
                   @Value("${chengxin.audit.retention.query:3660d}") Duration query,
                   @Value("${chengxin.audit.retention.chunk:10000}") int chunk,
                   @Value("${chengxin.audit.retention.window:PT2H}") Duration window, JdbcClient jdbc,
                   PlatformTransactionManager transactions, ClusterJobs jobs, Clock clock) {
        require(security, SECURITY_MINIMUM, "security");
        require(processing, PROCESSING_MINIMUM, "processing");
        require(query, QUERY_MINIMUM, "query");
        this.security = security;
        this.processing = processing;
        this.query = query;
        if (chunk < 1) {
            throw new IllegalStateException("chengxin.audit.retention.chunk must be positive: " + chunk);
        }
        this.chunk = chunk;
        if (window.isNegative() || window.isZero()) {
            throw new IllegalStateException("chengxin.audit.retention.window must be positive: " + window);
        }
        this.window = window;
        this.walk = new RetentionWalk(jdbc, transactions);
        this.jobs = jobs;
        this.clock = clock;
    }

    public Duration periodOf(AuditCategory category) {
        return switch (category) {
            case SECURITY -> security;
            case PROCESSING -> processing;
            case QUERY -> query;
        };
    }

    /**
     * Daily at 03:30 Beijing time, as every other nightly job (gaps review xxxiii N5: in the server's zone a UTC host ran
     * it at 11:30 in office hours); once across the instances (gaps review xlii W2): the instance that claims the day
     * runs the pass, renewing its claim after each chunk, and the others leave it.
     */
    @Scheduled(cron = "${chengxin.audit.retention.cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    public void nightly() {
        jobs.claim(JOB, LocalDate.now(clock), HOLD).ifPresentOrElse(this::run,
                () -> log.info("Audit retention: tonight's pass is run by another instance"));
    }

    /**
     * A night's pass whose instance stopped (its claim lapsed: a crash, a chunk that failed) is taken up by one
     * instance, from the marks its last chunk committed.
     */
    @Scheduled(fixedDelayString = "${chengxin.audit.retention.tick:PT10M}",
            initialDelayString = "${chengxin.audit.retention.tick:PT10M}")
    void takeOver() {
        jobs.takeOver(JOB, HOLD).ifPresent(claim -> {
            log.warn("Audit retention: the pass of {} stopped on its instance; taken over here", claim.day());
            run(claim);
        });
    }

    private void run(ClusterJobs.Claim claim) {
        long[] chunks = {claim.done()};
        prune(clock, chunk, clock.instant().plus(window),
                () -> jobs.checkpoint(claim, null, ++chunks[0], chunks[0], HOLD));
        // Only a pass that ended (or whose window did): one that failed keeps its claim until it lapses, and is then
        // taken over, with a window of its own.
        jobs.finished(claim);
    }

    /** A pass now, unclaimed (tests; two runners never pass the same chunk: {@link RetentionWalk}). */
    public long prune() {
        return prune(clock);
    }

    /** Empties the content of events past their period as of {@code now}'s time (tests move it back). */
    public long prune(Clock now) {
        return prune(now, chunk, () -> true);
    }

    /**
     * As {@link #prune(Clock)}, {@code size} positions a chunk ({@link RetentionWalk}), asking {@code afterChunk}
     * whether to go on; a category another runner is passing is left to it.
     */
    long prune(Clock now, int size, BooleanSupplier afterChunk) {
        return prune(now, size, Instant.MAX, afterChunk);
    }

    /**
     * As {@link #prune(Clock, int, BooleanSupplier)}, stopping after the first chunk that ends at or after
     * {@code until} (by the bean's clock); the categories are passed in order, so a category the window did not reach
     * waits for the next night. The marks the pass leaves behind are then forgotten, whether it went to the end or not.
     */
    long prune(Clock now, int size, Instant until, BooleanSupplier afterChunk) {
        long end = walk.end();
        long total = 0;
        for (AuditCategory category : AuditCategory.values()) {
            Instant at = now.instant();
            RetentionWalk.Passed passed = walk.pass(category, end, at.minus(periodOf(category)), at, size,
                    () -> afterChunk.getAsBoolean() && clock.instant().isBefore(until));
            total += passed.emptied();
            if (passed.stopped()) {
                if (clock.instant().isBefore(until)) {
                    log.info("Audit retention: stopped at the {} events, passed by another runner", category);
                } else {
                    log.info("Audit retention: the night's window ended in the {} events; the next pass goes on "
                            + "from their mark", category);
                }
                break;
            }
        }
        walk.forgetPassedMarks();
        if (total > 0) {
            log.info("Audit retention: content of {} events past their period emptied", total);
        }
        return total;
    }

    private static void require(Duration configured, Duration minimum, String what) {
        if (configured.compareTo(minimum) < 0) {
            throw new IllegalStateException("chengxin.audit.retention." + what + " (" + configured.toDays()
                    + " days) is below the legal minimum of " + minimum.toDays() + " days");
        }
    }
}
