package cn.chengxin.subject;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import cn.chengxin.subject.persistence.JdbcSubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The registry's four figures as the public home page and the console's 工作台 show them (gaps-review-xxxv P1): kept
 * in memory and refreshed off the request threads every {@code chengxin.subject.figures-refresh} (1 minute by
 * default), so that a view reads them instead of scanning every subject and every residence. A refresh scans nothing
 * either (session xxxvi): the figures are kept in the row {@code subject.figures}, to which each instance folds what
 * the registering statements appended ({@link JdbcSubjects#foldFigures}, V431) — a few rows, or none when nothing
 * changed. A page says when they were folded ("截至 HH:mm"). Until the first fold after a start has finished a view
 * gets none (the page says "统计中"); the first view starts it.
 */
@Component
public class RegistryFigures {

    private static final Logger log = LoggerFactory.getLogger(RegistryFigures.class);

    /** The figures and when they were counted, in the platform's zone. */
    public record Kept(SubjectCounts counts, ZonedDateTime countedAt) {
    }

    private final JdbcSubjects subjects;
    private final TaskExecutor executor;
    private final Clock clock;
    private final AtomicReference<Kept> kept = new AtomicReference<>();
    private final AtomicBoolean starting = new AtomicBoolean();

    RegistryFigures(JdbcSubjects subjects,
                    @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
                    TaskExecutor executor, Clock clock) {
        this.subjects = subjects;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * The kept figures; empty until the first count has finished, which the first call after a start sets off on
     * the application's executor (never on the caller's thread).
     */
    public Optional<Kept> kept() {
        Kept now = kept.get();
        if (now == null && starting.compareAndSet(false, true)) {
            executor.execute(() -> {
                try {
                    firstCount();
                } catch (RuntimeException e) {
                    log.warn("Folding the registry's figures failed; the next view or refresh tries again", e);
                } finally {
                    starting.set(false);
                }
            });
        }
        return Optional.ofNullable(now);
    }

    private synchronized void firstCount() {
        if (kept.get() == null) {
            count();
        }
    }

    /** Folds the registry's changes into the kept figures and keeps them; the scheduler calls it, and tests directly. */
    @Scheduled(fixedDelayString = "${chengxin.subject.figures-refresh:PT1M}",
            initialDelayString = "${chengxin.subject.figures-refresh:PT1M}")
    public synchronized void refresh() {
        count();
    }

    private void count() {
        JdbcSubjects.KeptCounts folded = subjects.foldFigures(clock.instant());
        kept.set(new Kept(folded.counts(), folded.countedAt().atZone(clock.getZone())));
    }
}
