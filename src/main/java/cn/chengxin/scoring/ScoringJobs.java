package cn.chengxin.scoring;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.catalog.ItemVersionApproved;
import cn.chengxin.creditfile.RecordsChanged;
import cn.chengxin.shared.jdbc.ClusterJobs;
import cn.chengxin.shared.jdbc.ScheduledDailyJob;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.subject.BirthDateCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Keeps scores current: the subjects of every stored chunk at once, the holders of an item whose approved catalogue
 * version changes its weight; everyone nightly (recency decay moves on). Nightly too, the deadlines of the requests for
 * human review are watched ({@link ScoreReviews#watchDeadlines}) and the impact assessments of models out of use
 * past their retention deleted ({@link ModelAssessments}).
 */
@Component
class ScoringJobs extends ScheduledDailyJob {

    private static final Logger log = LoggerFactory.getLogger(ScoringJobs.class);
    /** The nightly recompute's row in shared.cluster_job. */
    static final String RECOMPUTE_JOB = "scoring.recompute";
    /** When the nightly run starts, Beijing time. */
    static final String NIGHTLY_CRON = "${chengxin.scoring.nightly-cron:0 30 1 * * *}";
    /**
     * How long the night's recompute is held without news from its instance: the run renews its claim with each range
     * done (seconds each), so a claim past this means the instance died, and another instance's tick takes the run
     * over where it stopped (gaps review xxxiii N5).
     */
    static final Duration RECOMPUTE_HOLD = Duration.ofMinutes(5);

    private final Scoring scoring;
    private final RescoringHolders rescoring;
    private final TaskExecutor executor;
    private final ScoreReviews reviews;

    /** {@code executor}: the one the modules' event listeners run on. */
    ScoringJobs(Scoring scoring, RescoringHolders rescoring,
                @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
                ScoreReviews reviews, java.time.Clock clock, ClusterJobs jobs,
                @Value(NIGHTLY_CRON) String nightlyCron) {
        super(RECOMPUTE_JOB, nightlyCron, jobs, clock);
        this.scoring = scoring;
        this.rescoring = rescoring;
        this.executor = executor;
        this.reviews = reviews;
    }

    /** An instance starting after 01:30 on a night not recomputed takes it at once (MissedDays). */
    @Override
    public void runDay(LocalDate day) {
        recomputeOnce(day);
    }

    /** A back-load's chunk is scored alike, its grade changes published as a back-load's (gaps review xliii X4). */
    @ApplicationModuleListener
    void on(RecordsChanged changed) {
        scoring.rescore(changed.subjectIds(), changed.backLoad());
    }

    /**
     * A person of unknown age is not scored (CompiledModel.refusal); once the birth date is completed they are
     * scored at once, not at the nightly run.
     */
    @ApplicationModuleListener
    void on(BirthDateCompleted completed) {
        scoring.rescore(Set.of(completed.subjectId()));
    }

    /**
     * Scores follow an approved catalogue change at once, not at the subject's next record or the nightly run: the
     * item's holders are rescored a chunk per transaction, the listener itself holding none.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ItemVersionApproved approved) {
        rescored(approved.code(), approved.version(), rescoring.itemRevised(approved));
    }

    @Scheduled(cron = NIGHTLY_CRON, zone = "Asia/Shanghai")
    void nightly() {
        ScoreReviews.Watch watched = reviews.watchDeadlines(clock);
        if (!watched.reminded().isEmpty() || !watched.escalated().isEmpty()) {
            log.info("Score review deadlines: {} reminded, {} escalated", watched.reminded().size(),
                    watched.escalated().size());
        }
        // A conditional delete, done once whichever instance gets there (PIPL Art. 56: never under 3 years).
        int dropped = scoring.dropExpiredAssessments(today());
        if (dropped > 0) {
            log.info("Impact assessments of models out of use past their retention: {} deleted", dropped);
        }
        recomputeOnce(today());
    }

    /**
     * The nightly full recompute, once across the instances (gaps review xxxiii N5): the instance that takes the day
     * runs it, the others leave it; true if this one took it. (The review deadlines above are conditional updates,
     * done once whichever instance gets there.)
     */
    boolean recomputeOnce(LocalDate day) {
        Optional<ClusterJobs.Claim> claim = jobs.claim(RECOMPUTE_JOB, day, RECOMPUTE_HOLD);
        if (claim.isEmpty()) {
            log.info("Nightly recompute of {}: taken by another instance", day);
            return false;
        }
        run(claim.get());
        return true;
    }

    /**
     * Takes over a night's recompute whose instance died (its claim lapsed before it ended) and runs it on from the
     * ranges it had not done (gaps review xxxiii N5); true if this instance took it.
     */
    boolean takeOverRecompute() {
        Optional<ClusterJobs.Claim> claim = jobs.takeOver(RECOMPUTE_JOB, RECOMPUTE_HOLD);
        claim.ifPresent(c -> {
            log.warn("Nightly recompute of {}: its instance stopped after {} persons; taken over here", c.day(),
                    c.done());
            run(c);
        });
        return claim.isPresent();
    }

    /** Runs the claimed night, recording each range done (renewing the claim); stops if another instance took it. */
    private void run(ClusterJobs.Claim claim) {
        scoring.startRecompute(claim.resumeAfter() == null ? null : UUID.fromString(claim.resumeAfter()), claim.done(),
                (through, done, total) -> jobs.checkpoint(claim, through.toString(), done, total, RECOMPUTE_HOLD),
                () -> jobs.finished(claim));
    }

    /**
     * A pass whose chunk failed is taken up again, off the scheduler's thread (a pass takes minutes); so is a night's
     * recompute whose instance died.
     */
    @Scheduled(fixedDelayString = "${chengxin.scoring.tick:PT30S}",
            initialDelayString = "${chengxin.scoring.tick:PT30S}")
    void tick() {
        takeOverRecompute();
        for (ResumablePasses.Pass stalled : rescoring.stalled()) {
            ResumablePasses.resume(executor, "Rescoring item " + stalled.code() + " v" + stalled.version(),
                    () -> rescored(stalled.code(), stalled.version(),
                            rescoring.run(stalled.code(), stalled.version())));
        }
    }

    private void rescored(String item, int version, int chunks) {
        if (chunks > 0) {
            log.info("Scores redone after item {} v{}: {} chunks of its holders", item, version, chunks);
        }
    }
}
