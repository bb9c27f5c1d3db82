package cn.chengxin.shared;

import java.util.Optional;

/**
 * A scheduled job's own failures that it catches so as to go on (gaps review xlii W5: the list tick's guarded steps, a
 * resubmission or an audit checkpoint that logs and returns), said by the job on the thread that runs it, so that the
 * record of its runs ({@code shared.job_run}, the 后台作业 page) and its last-success gauge show the run failed, where
 * they showed it succeeded. The job still goes on to its next step: nothing is thrown. The record of runs opens the
 * outcome when a scheduled run starts and closes it when the run ends; outside a scheduled run (a test, a console's
 * 立即执行) saying a failure does nothing, and the caller's own handling (its log) stays as it was.
 */
public final class JobOutcome {

    private static final ThreadLocal<Run> OPEN = new ThreadLocal<>();

    private JobOutcome() {
    }

    /** The step of the running job named {@code step} failed with {@code failure}, caught by the job. */
    public static void failed(String step, RuntimeException failure) {
        Run run = OPEN.get();
        if (run != null) {
            run.failed(step, failure);
        }
    }

    /** A scheduled run starts on this thread: its outcome is open, no failure said yet. */
    public static Run open() {
        Run run = new Run();
        OPEN.set(run);
        return run;
    }

    /** The run ended: the thread holds no outcome after (its {@link Run} still tells what was said). */
    public static void close() {
        OPEN.remove();
    }

    /** The failures a run said: the first (which step, which exception) and how many in all. */
    public record Caught(String step, RuntimeException failure, int count) {
    }

    /** One run's outcome, as said so far. */
    public static final class Run {

        private Caught caught;

        private void failed(String step, RuntimeException failure) {
            caught = caught == null ? new Caught(step, failure, 1)
                    : new Caught(caught.step(), caught.failure(), caught.count() + 1);
        }

        /** The run's caught failures; empty when it said none. */
        public Optional<Caught> caught() {
            return Optional.ofNullable(caught);
        }
    }
}
