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
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    kinds.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK,
                            Long::sum);
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
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path thread : threads) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (java.util.Arrays.stream(prefixes).anyMatch(name::startsWith)) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException unavailable) {
            return 0;
        }
        return ticks * NANOS_PER_TICK;
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

    /** 0 where /proc or the data directory is not readable (a database elsewhere). */
    private long databaseNanos() {
        try {
            String postmaster = Files.readAllLines(postmasterPid).get(0).trim();
            long ticks = 0;
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    ticks += ticksIfServer(process, postmaster);
                }
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException unavailable) {
            return 0;
        }
    }

    private static long ticksIfServer(Path process, String postmaster) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (process.getFileName().toString().equals(postmaster)) {
                // The postmaster's own time and that of its children that ended (autovacuum workers, backends
                // closed meanwhile), so that a reading never goes down when one of them exits.
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                        + Long.parseLong(fields[14]);
            }
            return fields[1].equals(postmaster) ? Long.parseLong(fields[11]) + Long.parseLong(fields[12]) : 0;
        } catch (IOException | RuntimeException gone) {
            return 0; // the process ended meanwhile
        }
    }
}
