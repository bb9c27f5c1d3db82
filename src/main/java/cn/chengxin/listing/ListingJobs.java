package cn.chengxin.listing;

import java.util.Set;
import java.util.function.IntSupplier;

import cn.chengxin.catalog.ItemVersionApproved;
import cn.chengxin.creditfile.RecordsChanged;
import cn.chengxin.shared.JobAmount;
import cn.chengxin.shared.JobOutcome;
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
 * Keeps the lists current: proposals after every stored chunk and after a rule is saved, effect after notice
 * periods, exit at validity, the green channel's marks after an item's nature changes, and the one-time passes
 * migrations start.
 */
@Component
class ListingJobs {

    private static final Logger log = LoggerFactory.getLogger(ListingJobs.class);

    private final Listing listing;
    private final ReevaluatingHolders reevaluating;
    private final RemarkingHolders remarking;
    private final CatchingUpAwaitingBirthDates catchingUp;
    private final RecheckingNegativeMarks recheckingMarks;
    private final OwedExitEvents owedExitEvents;
    private final TaskExecutor executor;

    /** {@code executor}: the one the modules' event listeners run on. */
    ListingJobs(Listing listing, ReevaluatingHolders reevaluating, RemarkingHolders remarking,
                CatchingUpAwaitingBirthDates catchingUp, RecheckingNegativeMarks recheckingMarks,
                OwedExitEvents owedExitEvents,
                @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
        this.listing = listing;
        this.reevaluating = reevaluating;
        this.remarking = remarking;
        this.catchingUp = catchingUp;
        this.recheckingMarks = recheckingMarks;
        this.owedExitEvents = owedExitEvents;
        this.executor = executor;
    }

    /** In bulk, after the chunk's transaction committed (ARCHITECTURE.md: set-based). */
    /** A back-load's proposals are marked as such (gaps review xliii X4), and reviewed as any other. */
    @ApplicationModuleListener
    void on(RecordsChanged changed) {
        Listing.Evaluation result = listing.evaluate(changed.subjectIds(), changed.backLoad());
        if (result.proposed() + result.ended() > 0) {
            log.info("Lists re-evaluated for {} subjects ({}): {} proposed, {} ended", changed.subjectIds().size(),
                    changed.cause(), result.proposed(), result.ended());
        }
    }

    /**
     * A person refused every black- and grey-list entry while their birth date was unknown (EntryLifecycle.refusal)
     * is evaluated again once it is completed: the proposals their records make are made now, not at their next
     * record.
     */
    @ApplicationModuleListener
    void on(BirthDateCompleted completed) {
        Listing.Evaluation result = listing.evaluate(Set.of(completed.subjectId()));
        if (result.proposed() > 0) {
            log.info("Lists re-evaluated after a birth date was completed: {} proposed", result.proposed());
        }
    }

    /**
     * The green channel follows an item that becomes negative or stops being so, not the holder's next record: its
     * holders are marked again a chunk per transaction, the listener itself holding none.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ItemVersionApproved approved) {
        remark(approved.code(), approved.version(), remarking.itemRevised(approved));
    }

    /**
     * A new or changed rule reaches the subjects who already hold records of its items, a chunk per transaction:
     * the listener itself holds none (Propagation.NOT_SUPPORTED), or it would stay open for the whole pass.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ListRuleSaved saved) {
        reevaluate(saved.code(), saved.version());
    }

    @Scheduled(fixedDelayString = "${chengxin.listing.tick:PT30S}", initialDelayString = "${chengxin.listing.tick:PT30S}")
    void tick() {
        // Each step guarded (gaps review xxxviii S4): a failing activation does not hold the expiries back.
        int activated = guarded("activation", listing::activateDue);
        int expired = guarded("expiry", listing::expireDue);
        // The exit events an audit log refused after their end's commit, or a process died before recording.
        guarded("owed exit events", owedExitEvents::recordOwed);
        JobAmount.add(activated + expired);
        if (activated + expired > 0) {
            log.info("Lists: {} entries took effect, {} ended at their validity", activated, expired);
        }
        // A pass whose chunk failed is taken up again here, off the scheduler's thread (a pass takes minutes).
        for (ResumablePasses.Pass stalled : reevaluating.stalled()) {
            resume("Rule", stalled, () -> reevaluate(stalled.code(), stalled.version()));
        }
        for (ResumablePasses.Pass stalled : remarking.stalled()) {
            resume("Item", stalled, () -> remark(stalled.code(), stalled.version(),
                    remarking.run(stalled.code(), stalled.version())));
        }
        // The one-time pass a migration started is taken up here too, the first time a few minutes after a start.
        for (ResumablePasses.Pass stalled : catchingUp.stalled()) {
            resume("Catch-up", stalled, this::catchUp);
        }
        for (ResumablePasses.Pass stalled : recheckingMarks.stalled()) {
            resume("Catch-up", stalled, this::recheckMarks);
        }
    }

    private static int guarded(String step, IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (RuntimeException e) {
            log.warn("Lists: the tick's {} failed and is left for the next tick: {}", step, e.toString());
            JobOutcome.failed(step, e);
            return 0;
        }
    }

    private void resume(String what, ResumablePasses.Pass stalled, Runnable pass) {
        ResumablePasses.resume(executor, what + " " + stalled.code() + " v" + stalled.version(), pass);
    }

    private void remark(String item, int version, int chunks) {
        if (chunks > 0) {
            log.info("Last negative records marked again after item {} v{}: {} chunks of its holders", item, version,
                    chunks);
        }
    }

    private void catchUp() {
        int chunks = catchingUp.run();
        if (chunks > 0) {
            log.info("Persons without a birth date evaluated again for the lists: {} chunks", chunks);
        }
    }

    private void recheckMarks() {
        int chunks = recheckingMarks.run();
        if (chunks > 0) {
            log.info("Dated subjects evaluated again, counting only their own records in use: {} chunks", chunks);
        }
    }

    private void reevaluate(String code, int version) {
        int changed = reevaluating.run(code, version);
        if (changed > 0) {
            log.info("Lists re-evaluated after rule {} v{}: {} entries proposed or ended", code, version, changed);
        }
    }
}
