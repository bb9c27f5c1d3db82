package cn.chengxin.scoring;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import cn.chengxin.catalog.ItemVersionApproved;
import cn.chengxin.creditfile.RecordsChanged;
import cn.chengxin.shared.jdbc.ClusterJobs;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.subject.BirthDateCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Keeps scores current: the subjects of every stored chunk at once, the holders of an item whose approved catalogue
 * version changes its weight; everyone nightly (recency decay moves on). Nightly too, the deadlines of the requests for
 * human review are watched ({@link ScoreReviews#watchDeadlines}).
 */
@Component
class ScoringJobs {

    private static final Logger log = LoggerFactory.getLogger(ScoringJobs.class);
    /** The nightly recompute's row in shared.cluster_job. */
    static final String RECOMPUTE_JOB = "scoring.recompute";
    /** How long the instance that took the night's recompute is shown holding it (a city's recompute takes minutes). */
    static final Duration RECOMPUTE_HOLD = Duration.ofHours(2);

    private final Scoring scoring;
    private final RescoringHolders rescoring;
    private final TaskExecutor executor;
    private final ScoreReviews reviews;
    private final java.time.Clock clock;
    private final ClusterJobs jobs;

    /** {@code executor}: the one the modules' event listeners run on. */
    ScoringJobs(Scoring scoring, RescoringHolders rescoring,
                @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
                ScoreReviews reviews, java.time.Clock clock, ClusterJobs jobs) {
        this.scoring = scoring;
        this.rescoring = rescoring;
        this.executor = executor;
        this.reviews = reviews;
        this.clock = clock;
        this.jobs = jobs;
    }

    @ApplicationModuleListener
    void on(RecordsChanged changed) {
        scoring.rescore(changed.subjectIds());
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

    @Scheduled(cron = "${chengxin.scoring.nightly-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        ScoreReviews.Watch watched = reviews.watchDeadlines(clock);
        if (!watched.reminded().isEmpty() || !watched.escalated().isEmpty()) {
            log.info("Score review deadlines: {} reminded, {} escalated", watched.reminded().size(),
                    watched.escalated().size());
        }
        recomputeOnce(LocalDate.now(clock));
    }

    /**
     * The nightly full recompute, once across the instances (gaps review xxxiii N5): the instance that takes the day
     * runs it, the others leave it; true if this one took it. (The review deadlines above are conditional updates,
     * done once whichever instance gets there.)
     */
    boolean recomputeOnce(LocalDate day) {
        if (!jobs.claimDay(RECOMPUTE_JOB, day, RECOMPUTE_HOLD)) {
            log.info("Nightly recompute of {}: taken by another instance", day);
            return false;
        }
        scoring.startRecompute(() -> jobs.finished(RECOMPUTE_JOB, day));
        return true;
    }

    /** A pass whose chunk failed is taken up again, off the scheduler's thread (a pass takes minutes). */
    @Scheduled(fixedDelayString = "${chengxin.scoring.tick:PT30S}",
            initialDelayString = "${chengxin.scoring.tick:PT30S}")
    void tick() {
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
