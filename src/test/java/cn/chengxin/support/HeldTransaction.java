package cn.chengxin.support;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A facade call made, as a named staff member, in a transaction on another thread that stays open until {@link
 * #commit()}: a change that took its change number and commits late, after later ones (gaps review xxxviii S1: the
 * platform's long transactions, an exit waiting for the audit log or a lock).
 */
public final class HeldTransaction<T> implements AutoCloseable {

    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> finished;
    private volatile T result;

    private HeldTransaction(PlatformTransactionManager transactions, String staff, Callable<T> work) {
        // A thread of its own: the common pool has one thread on two cores, and a transaction held there for up to
        // two minutes would stall whatever else the application or the test hands to it.
        finished = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            try {
                result = AsStaff.as(staff, work);
                done.countDown();
                if (!release.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("never released");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }), work2 -> {
            Thread thread = new Thread(work2, "held-" + staff);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Runs {@code work} and returns once it has run, its transaction still open. */
    public static <T> HeldTransaction<T> open(PlatformTransactionManager transactions, String staff,
                                              Callable<T> work) throws Exception {
        HeldTransaction<T> held = new HeldTransaction<>(transactions, staff, work);
        while (!held.done.await(50, TimeUnit.MILLISECONDS)) {
            if (held.finished.isDone()) {
                held.finished.get();
            }
        }
        return held;
    }

    /** What the call returned (read in its own transaction). */
    public T result() {
        return result;
    }

    /** Lets the transaction commit and waits until it has. */
    public void commit() throws Exception {
        release.countDown();
        finished.get(1, TimeUnit.MINUTES);
    }

    @Override
    public void close() throws Exception {
        if (release.getCount() > 0) {
            commit();
        }
    }
}
