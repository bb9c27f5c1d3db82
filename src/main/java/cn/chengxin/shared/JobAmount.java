package cn.chengxin.shared;

import java.util.OptionalLong;

/**
 * How much a scheduled job's run did (rows emptied, entries ended, messages pushed), said by the job on the thread
 * that runs it, for the record of its runs (gaps review xlii W5: {@code shared.job_run}, the 后台作业 page). The
 * record of runs opens an amount when a scheduled run starts and takes it when the run ends; a job adds to it as it
 * goes. Outside a scheduled run (a console's 立即执行, a test) adding does nothing. Work a job hands to other threads
 * is not counted here: those threads are not the run's.
 */
public final class JobAmount {

    /** The open run's amount on this thread; {@code null} when no scheduled run is open, {@code -1} none said yet. */
    private static final ThreadLocal<long[]> OPEN = new ThreadLocal<>();

    private JobAmount() {
    }

    /** Adds {@code n} to the running job's amount, when a scheduled run is open on this thread. */
    public static void add(long n) {
        long[] open = OPEN.get();
        if (open != null) {
            open[0] = Math.max(open[0], 0) + n;
        }
    }

    /** A scheduled run starts on this thread: its amount is open, and not said yet. */
    public static void open() {
        OPEN.set(new long[] {-1});
    }

    /** The run ended: its amount, empty when the job said none; the thread holds no amount after. */
    public static OptionalLong close() {
        long[] open = OPEN.get();
        OPEN.remove();
        return open == null || open[0] < 0 ? OptionalLong.empty() : OptionalLong.of(open[0]);
    }
}
