package cn.chengxin.demo;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One phase of load for the HTTP benchmarks: W workers sending requests back to back on keep-alive connections for a
 * fixed time, each keeping its latencies; afterwards the throughput and percentiles of all of them. Totals over all
 * phases (warm-ups included) count the 200s and the errors by status, for the benchmark's own consistency checks.
 */
final class HttpLoad {

    final AtomicLong okTotal = new AtomicLong();
    final AtomicLong errorsTotal = new AtomicLong();
    final Map<Integer, AtomicLong> byStatus = new java.util.concurrent.ConcurrentSkipListMap<>();

    private final HttpClient client;

    HttpLoad(HttpClient client) {
        this.client = client;
    }

    /** What one phase measured. {@code hits} counts the 200 answers {@code hit} says yes to. */
    record Phase(long count, long hits, long bytes, double seconds, long[] sortedNanos) {

        double perSecond() {
            return count / seconds;
        }

        double percentileMs(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, i)] / 1e6;
        }
    }

    Phase run(Supplier<HttpRequest> requests, int workers, int seconds, Predicate<byte[]> hit)
            throws InterruptedException {
        long[][] latencies = new long[workers][];
        long[] counts = new long[workers];
        long[] hits = new long[workers];
        long[] bytes = new long[workers];
        long started = System.nanoTime();
        long end = started + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int me = w;
            Thread worker = new Thread(() -> {
                long[] mine = new long[1 << 12];
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.get();
                    long before = System.nanoTime();
                    int status;
                    byte[] body = new byte[0];
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        status = response.statusCode();
                        body = response.body();
                    } catch (java.io.IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - before;
                    bytes[me] += body.length;
                    if (status == 200) {
                        okTotal.incrementAndGet();
                        if (hit.test(body)) {
                            hits[me]++;
                        }
                    } else {
                        errorsTotal.incrementAndGet();
                        byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    }
                }
                latencies[me] = Arrays.copyOf(mine, n);
                counts[me] = n;
            }, "bench-load-" + w);
            threads.add(worker);
            worker.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Phase(Arrays.stream(counts).sum(), Arrays.stream(hits).sum(), Arrays.stream(bytes).sum(),
                (System.nanoTime() - started) / 1e9,
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray());
    }

    String statuses() {
        return byStatus.isEmpty() ? "" : " " + byStatus;
    }
}
