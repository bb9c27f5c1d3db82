package cn.chengxin.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import cn.chengxin.shared.cli.CommandOptions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code bench-audit --events N --threads T}: T threads record N audit events in all through the real
 * {@link AuditLog} (each call returns only when its event is durable), then the log is verified. Prints
 * events per second and the mean and worst wait of a caller. Meant for an empty, throw-away database.
 */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "bench-audit")
class AuditBenchCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditLog audit;
    private final AuditVerification verification;
    private final Checkpoints checkpoints;
    private int exitCode;

    AuditBenchCommand(AuditLog audit, AuditVerification verification, Checkpoints checkpoints) {
        this.audit = audit;
        this.verification = verification;
        this.checkpoints = checkpoints;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int events = CommandOptions.intOption(args, "events", 100_000);
        int threads = CommandOptions.intOption(args, "threads", 64);
        System.out.printf("bench-audit: %,d events from %d threads (%d cores)%n", events, threads,
                Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < 2_000; i++) { // warm-up: JIT, connection, prepared statements
            audit.record(AuditEntry.of(AuditCategory.QUERY, "bench.warmup"));
        }
        AtomicLong next = new AtomicLong();
        AtomicLong waitedNanos = new AtomicLong();
        AtomicLong worstNanos = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    while (next.getAndIncrement() < events) {
                        long before = System.nanoTime();
                        audit.record(AuditEntry.of(AuditCategory.QUERY, "bench.check")
                                .subject("bench-subject-" + (before % 10_000)).purpose("行政许可审查", "基准测试"));
                        long waited = System.nanoTime() - before;
                        waitedNanos.addAndGet(waited);
                        worstNanos.accumulateAndGet(waited, Math::max);
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-" + t);
            workers.add(worker);
            worker.start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("bench-audit: %,d events in %.2f s = %,.0f events/s; caller waits mean %.1f ms, "
                        + "worst %.1f ms%n", events, seconds, events / seconds,
                waitedNanos.get() / 1e6 / events, worstNanos.get() / 1e6);
        checkpoints.checkpointNow();
        AuditVerification.Report report = verification.verify();
        System.out.printf("bench-audit: verified %,d events in %.1f s (%,.0f events/s): %s%n", report.eventsChecked(),
                report.took().toMillis() / 1000.0, report.eventsChecked() / Math.max(0.001,
                        report.took().toMillis() / 1000.0), report.intact() ? "intact" : report.findings());
        exitCode = report.intact() ? 0 : 1;
    }


    @Override
    public int getExitCode() {
        return exitCode;
    }

}
