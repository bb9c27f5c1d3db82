package cn.chengxin.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import cn.chengxin.measures.persistence.JdbcMeasures;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * Stores check rows with group commit: concurrent checks queue their row, one thread inserts what is queued in
 * one statement (one commit, one WAL flush) and tells each caller when its row is durable. Under load a check
 * then costs a share of a commit and no pooled connection while it waits, and the caller can wait for its row and
 * its audit event at the same time instead of one after the other.
 */
@Component
class CheckRows {

    private static final int MAX_BATCH = 2_000;

    private final JdbcMeasures store;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    CheckRows(JdbcMeasures store) {
        this.store = store;
        this.thread = new Thread(this::run, "check-rows");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues the row; the future completes once it is durable (or fails with the insert's error). */
    CompletableFuture<Void> store(JdbcMeasures.CheckRow row) {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("check rows no longer stored"));
        }
        Pending pending = new Pending(row, new CompletableFuture<>());
        queue.add(pending);
        return pending.done();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                store.insert(batch.stream().map(Pending::row).toList());
                batch.forEach(p -> p.done().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(p -> p.done().completeExceptionally(e));
                return;
            } catch (RuntimeException e) {
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(15));
    }

    private record Pending(JdbcMeasures.CheckRow row, CompletableFuture<Void> done) {
    }
}
