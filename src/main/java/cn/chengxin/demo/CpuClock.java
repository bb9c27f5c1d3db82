package cn.chengxin.demo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time used so far by this JVM and by the database server, for the benchmarks: on a shared 2-core machine the
 * wall-clock rates move with whatever else runs, while the CPU time per unit of work does not, so the benchmarks
 * print both.
 */
final class CpuClock {

    /** Linux's USER_HZ: /proc reports CPU time in ticks of 10 ms. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Path postmasterPid;

    private CpuClock(Path postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    /**
     * One line of {@code /proc/…/stat}: the command's name, and the CPU time of the process (or thread) itself and of
     * its children it has waited for (fields 14–15 and 16–17; the name, in parentheses, may hold spaces).
     */
    record Stat(String name, String parent, long ownNanos, long childrenNanos) {

        static Stat parse(String line) {
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" "); // [0] is field 3, the state
            return new Stat(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')), fields[1],
                    (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK,
                    (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * NANOS_PER_TICK);
        }
    }

    /** For the database {@code jdbc} reaches (its postmaster and children, when they run on this machine). */
    static CpuClock of(JdbcClient jdbc) {
        String dataDirectory = jdbc.sql("SELECT setting FROM pg_settings WHERE name = 'data_directory'")
                .query(String.class).single();
        return new CpuClock(Path.of(dataDirectory, "postmaster.pid"));
    }

    /** A reading: [0] this JVM, [1] the database server (its processes, running and ended); nanoseconds. */
    long[] read() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new long[] {jvm, databaseNanos()};
    }

    /**
     * CPU time of this JVM's threads so far by kind of thread (digits in names dropped, so the 48 HTTP workers
     * are one kind); threads that ended are not counted. Empty where /proc is not readable.
     */
    static java.util.Map<String, Long> byThreadKind() {
        java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path thread : threads) {
                try {
                    Stat stat = Stat.parse(Files.readString(thread.resolve("stat")));
                    kinds.merge(stat.name().replaceAll("[0-9]+", "N"), stat.ownNanos(), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException unavailable) {
            return java.util.Map.of();
        }
        return kinds;
    }

    /** CPU time of this JVM's threads whose names start with one of {@code prefixes}; 0 where /proc is not readable. */
    static long threadsNamed(String... prefixes) {
        long nanos = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path thread : threads) {
                try {
                    Stat stat = Stat.parse(Files.readString(thread.resolve("stat")));
                    if (java.util.Arrays.stream(prefixes).anyMatch(stat.name()::startsWith)) {
                        nanos += stat.ownNanos();
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException unavailable) {
            return 0;
        }
        return nanos;
    }

    /** {@code a + b}, kind by kind (a kind missing from one counts 0 there). */
    static java.util.Map<String, Long> sum(java.util.Map<String, Long> a, java.util.Map<String, Long> b) {
        return combined(a, b, 1);
    }

    /** {@code a - b}, kind by kind (a kind missing from one counts 0 there). */
    static java.util.Map<String, Long> difference(java.util.Map<String, Long> a, java.util.Map<String, Long> b) {
        return combined(a, b, -1);
    }

    private static java.util.Map<String, Long> combined(java.util.Map<String, Long> a, java.util.Map<String, Long> b,
                                                        long sign) {
        java.util.Map<String, Long> total = new java.util.TreeMap<>(a);
        b.forEach((kind, nanos) -> total.merge(kind, sign * nanos, Long::sum));
        return total;
    }

    /** The kinds of thread that used most CPU between two readings of {@link #byThreadKind()}, per unit of work. */
    static String busiest(java.util.Map<String, Long> before, java.util.Map<String, Long> after, long units, int top) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> String.format("%s %.0f µs", e.getKey(), e.getValue() / 1e3 / Math.max(1, units)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * The database server's CPU time so far by kind of process, from each one's title ("checkpointer",
     * "autovacuum worker", "walwriter"; "backend" for the sessions; "ended" for children gone, counted by the
     * postmaster, so that a reading never goes down when one exits): background work the server chose to do during
     * a measurement shows apart from the statements'.
     * Empty where /proc or the data directory is not readable.
     */
    java.util.Map<String, Long> databaseByKind() {
        java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
        try {
            String postmaster = Files.readAllLines(postmasterPid).get(0).trim();
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    try {
                        Stat stat = Stat.parse(Files.readString(process.resolve("stat")));
                        if (process.getFileName().toString().equals(postmaster)) {
                            kinds.merge("postmaster", stat.ownNanos(), Long::sum);
                            kinds.merge("ended", stat.childrenNanos(), Long::sum);
                        } else if (stat.parent().equals(postmaster)) {
                            kinds.merge(kindOf(Files.readString(process.resolve("cmdline"))), stat.ownNanos(),
                                    Long::sum);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            return java.util.Map.of();
        }
        return kinds;
    }

    /** "postgres: checkpointer " → "checkpointer"; a session ("postgres: user db host(port) state") → "backend". */
    private static String kindOf(String title) {
        String kind = title.replace('\0', ' ').trim().replaceFirst("^postgres: ", "");
        for (String background : new String[] {"checkpointer", "background writer", "walwriter", "autovacuum",
                "logical replication", "walsender", "archiver", "startup", "io worker"}) {
            if (kind.startsWith(background)) {
                return kind.startsWith("autovacuum") ? "autovacuum" : background;
            }
        }
        return "backend";
    }

    /** The server's CPU between two readings of {@link #databaseByKind()}, by kind, in seconds, largest first. */
    static String byKindSeconds(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() >= 50_000_000L)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / 1e9))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** 0 where /proc or the data directory is not readable (a database elsewhere). */
    private long databaseNanos() {
        return databaseByKind().values().stream().mapToLong(Long::longValue).sum();
    }
}
