package cn.chengxin.demo;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import cn.chengxin.shared.cli.CommandOptions;
import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.demo.domain.PopulationGenerator;
import cn.chengxin.demo.domain.SyntheticResident;
import cn.chengxin.measures.Checks;
import cn.chengxin.shared.City;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code bench-checks --residents N --entries E --workers W --seconds S --warmup U}: on a fresh database, loads N
 * synthetic residents and E list entries in force for E of them (every (N/E)-th resident), waits until the check
 * index holds them, then drives {@code POST /api/v1/checks} (scenario LICENSING, random residents, so about E/N of
 * them on a list) over real HTTP on loopback from W workers, each with a keep-alive HTTP/1.1 connection of its own,
 * for S seconds, and the same against {@code GET /api/v1/whoami} with the same kind of key (the HTTP floor:
 * authentication, rate limit, JSON, no check work); both warm up, in rounds of U seconds each, until the JIT compiler is
 * (nearly) idle, before either is measured.
 * Prints throughput, p50/p99 and the ratio (every answer other than 200, and every broken connection, is an error),
 * and counts the stored checks and their audit events afterwards. Runs with the web server up (see
 * {@code ChengxinApplication}); for a throw-away database.
 */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "bench-checks")
class ChecksBenchCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final double TARGET_CHECKS_PER_SECOND = 10_000;
    private static final double TARGET_P99_MS = 20;
    private static final double TARGET_RATIO = 0.5;
    private static final long SEED = 55;
    /** The compiler's share of the wall time in a warm-up round below which the JVM counts as warm. */
    private static final double STEADY_COMPILING_SHARE = 0.02;
    private static final int MAX_WARMUP_ROUNDS = 24;

    private final DemoData demoData;
    private final SubjectRegistry registry;
    private final StaffDirectory directory;
    private final ApiClients apiClients;
    private final Checks checks;
    private final JdbcClient jdbc;
    private final City city;
    private final Environment environment;
    private int exitCode;

    ChecksBenchCommand(DemoData demoData, SubjectRegistry registry, StaffDirectory directory, ApiClients apiClients,
                       Checks checks, JdbcClient jdbc, City city, Environment environment) {
        this.demoData = demoData;
        this.registry = registry;
        this.directory = directory;
        this.apiClients = apiClients;
        this.checks = checks;
        this.jdbc = jdbc;
        this.city = city;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int residents = CommandOptions.intOption(args, "residents", 1_000_000);
        int entries = CommandOptions.intOption(args, "entries", 100_000);
        int workers = CommandOptions.intOption(args, "workers", 48);
        int seconds = CommandOptions.intOption(args, "seconds", 20);
        int warmup = CommandOptions.intOption(args, "warmup", 5);
        int port = Integer.parseInt(environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")));
        System.out.printf("bench-checks: %,d residents, %,d entries, %d workers, %d s after %d s warm-up, port %d, "
                + "%d cores%n", residents, entries, workers, seconds, warmup, port,
                Runtime.getRuntime().availableProcessors());

        long started = System.nanoTime();
        demoData.generatePopulationOnly(residents, SEED);
        List<SyntheticResident> population = PopulationGenerator.generate(city, SEED, residents).residents();
        String[] numbers = population.stream().map(SyntheticResident::identityNumber).toArray(String[]::new);
        System.out.printf("bench-checks: %,d residents loaded in %.1f s%n", residents,
                (System.nanoTime() - started) / 1e9);

        started = System.nanoTime();
        int stride = Math.max(1, residents / Math.max(1, entries));
        int loaded = loadEntries(population, stride, entries);
        int indexed = awaitIndex(loaded, Duration.ofSeconds(120));
        System.out.printf("bench-checks: entries loaded %,d; index size %,d subjects (%.1f s to load and index)%n",
                loaded, indexed, (System.nanoTime() - started) / 1e9);
        // Loading wrote gigabytes of WAL; the checkpoint it owes would otherwise be written to disk during the
        // measurement, slowing every commit's flush for a reason no check has in production.
        started = System.nanoTime();
        jdbc.sql("CHECKPOINT").update();
        System.out.printf("bench-checks: checkpoint after loading in %.1f s%n", (System.nanoTime() - started) / 1e9);

        UUID market = marketDepartment();
        String checkKey = apiClients.issue("基准测试审批系统（核查）", "市市场监督管理局", ApiClient.Kind.DEPARTMENT, market,
                Set.of(Permission.API_SUBJECT_CHECK), 600_000).key();
        String floorKey = apiClients.issue("基准测试审批系统（基线）", "市市场监督管理局", ApiClient.Kind.DEPARTMENT, market,
                Set.of(Permission.API_SUBJECT_CHECK), 600_000).key();

        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        String host = "Host: 127.0.0.1:" + port + "\r\n";
        RequestFactory check = () -> {
            String number = numbers[ThreadLocalRandom.current().nextInt(numbers.length)];
            byte[] body = ("{\"subjectNumber\":\"" + number + "\",\"scenario\":\"LICENSING\",\"purpose\":\"企业设立登记审查（基准测试）\"}")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST /api/v1/checks HTTP/1.1\r\n" + host + "Authorization: Bearer " + checkKey + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            return new Request(true, request);
        };
        Request whoami = new Request(false, ("GET /api/v1/whoami HTTP/1.1\r\n" + host + "Authorization: Bearer "
                + floorKey + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        RequestFactory floor = () -> whoami;

        // Both warm up before either is measured, so that neither runs on a JVM the other has warmed further, and
        // they go on warming up until the JIT compiler is done with them: on 2 cores its queue still holds
        // thousands of methods from loading the population, and a measurement taken while it compiles charges its
        // CPU to whichever phase runs first. A server that has been up for a while has compiled them.
        long warmStarted = System.nanoTime();
        double compiling;
        int rounds = 0;
        do {
            long compiledBefore = compilationMillis();
            long roundStarted = System.nanoTime();
            Load.run(server, check, workers, warmup);
            Load.run(server, floor, workers, warmup);
            compiling = (compilationMillis() - compiledBefore) / ((System.nanoTime() - roundStarted) / 1e6);
            rounds++;
        } while (compiling > STEADY_COMPILING_SHARE && rounds < MAX_WARMUP_ROUNDS);
        System.out.printf("bench-checks: warm-up %.0f s in %d rounds; JIT compiler busy %.1f%% of the last round%n",
                (System.nanoTime() - warmStarted) / 1e9, rounds, 100 * compiling);
        CpuClock cpu = CpuClock.of(jdbc);
        long[] before = cpu.read();
        Map<String, Long> threadsBefore = CpuClock.byThreadKind();
        Load checksLoad = Load.run(server, check, workers, seconds);
        long[] between = cpu.read();
        Map<String, Long> threadsBetween = CpuClock.byThreadKind();
        Load floorLoad = Load.run(server, floor, workers, seconds);
        long[] after = cpu.read();
        Map<String, Long> threadsAfter = CpuClock.byThreadKind();

        // Reads the measures and audit tables directly (bench code only): the stored checks and their audit events
        // must match every check answered 200, the claim the benchmark rests on, and no facade counts them.
        long stored = jdbc.sql("SELECT count(*) FROM measures.check_made").query(Long.class).single();
        long audited = jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'measures.check'").query(Long.class)
                .single();
        long answered = Load.okTotal.get();

        double ratio = checksLoad.perSecond() / floorLoad.perSecond();
        long errors = Load.errorsTotal.get(); // in every phase, warm-ups included
        System.out.printf("bench-checks: entries loaded %,d, index size %,d%n", loaded, indexed);
        System.out.printf("bench-checks: checks %,.0f/s, p50 %.2f ms, p99 %.2f ms (%,d checks in %.1f s, %.1f%% on a "
                        + "list)%n", checksLoad.perSecond(), checksLoad.percentileMs(50), checksLoad.percentileMs(99),
                checksLoad.count, checksLoad.seconds, 100.0 * checksLoad.hits / Math.max(1, checksLoad.count));
        System.out.printf("bench-checks: floor (GET /api/v1/whoami) %,.0f req/s, p50 %.2f ms, p99 %.2f ms%n",
                floorLoad.perSecond(), floorLoad.percentileMs(50), floorLoad.percentileMs(99));
        System.out.printf("bench-checks: ratio checks/floor %.2f%n", ratio);
        System.out.printf("bench-checks: CPU per check %.0f µs JVM (server and load generator) + %.0f µs PostgreSQL; "
                        + "per floor request %.0f µs JVM + %.0f µs PostgreSQL; load average %.1f%n",
                (between[0] - before[0]) / 1e3 / Math.max(1, checksLoad.count),
                (between[1] - before[1]) / 1e3 / Math.max(1, checksLoad.count),
                (after[0] - between[0]) / 1e3 / Math.max(1, floorLoad.count),
                (after[1] - between[1]) / 1e3 / Math.max(1, floorLoad.count),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("bench-checks: JVM CPU per check by thread: %s (load generator threads not shown)%n",
                CpuClock.busiest(threadsBefore, threadsBetween, checksLoad.count, 6));
        System.out.printf("bench-checks: JVM CPU per floor request by thread: %s%n",
                CpuClock.busiest(threadsBetween, threadsAfter, floorLoad.count, 6));
        System.out.printf("bench-checks: errors (non-200) %,d%s; checks answered 200 %,d, stored %,d, audited %,d%n",
                errors, Load.statuses(), answered, stored, audited);
        boolean met = checksLoad.perSecond() >= TARGET_CHECKS_PER_SECOND
                && checksLoad.percentileMs(99) <= TARGET_P99_MS && ratio >= TARGET_RATIO;
        System.out.printf("bench-checks: targets ≥ %,.0f audited checks/s, p99 ≤ %.0f ms, ratio ≥ %.1f: %s%n",
                TARGET_CHECKS_PER_SECOND, TARGET_P99_MS, TARGET_RATIO, met ? "met" : "not met");
        exitCode = errors == 0 && stored == answered && audited == answered ? 0 : 1;
    }

    /**
     * Writes the entries straight into listing.entry in one set-based statement: the listing module has no bulk
     * path (entries become effective one by one after review and notice), and a benchmark of the check needs only
     * entries in force. Pseudonyms and ids come through the registry's facade, as the listing module takes them.
     * Mostly black; every tenth grey, every tenth red; minors never black (RULES.md §7).
     */
    private int loadEntries(List<SyntheticResident> population, int stride, int entries) {
        List<String> pseudonyms = new ArrayList<>(entries);
        List<IdentityDocument> documents = new ArrayList<>(entries);
        for (int i = 0; i < population.size() && documents.size() < entries; i += stride) {
            IdentityDocument document = registry.validate(DocumentType.RESIDENT_ID, population.get(i).identityNumber());
            documents.add(document);
            pseudonyms.add(registry.pseudonymOf(document));
        }
        Map<String, SubjectRegistry.Found> found = registry.findByPseudonyms(Map.of(DocumentType.RESIDENT_ID,
                pseudonyms));
        java.time.LocalDate adultsBornBefore = PopulationGenerator.AS_OF.minusYears(18);
        int n = documents.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] names = new String[n];
        String[] masked = new String[n];
        String[] rules = new String[n];
        for (int k = 0, i = 0; k < n; k++, i += stride) {
            SubjectRegistry.Found subject = found.get(pseudonyms.get(k));
            ids[k] = subject.id().toString();
            names[k] = subject.name();
            masked[k] = documents.get(k).masked();
            boolean minor = population.get(i).birthDate().isAfter(adultsBornBefore);
            types[k] = k % 10 == 1 || minor ? "RED" : k % 10 == 2 ? "GREY" : "BLACK";
            rules[k] = switch (types[k]) {
                case "RED" -> "RED_COMMENDATION";
                case "GREY" -> "GREY_ADMIN_PENALTY_SERIOUS";
                default -> "BLACK_COURT_DEFAULTER";
            };
        }
        return jdbc.sql("""
                        INSERT INTO listing.entry (id, list_type, rule_code, rule_version, subject_id, subject_pseudonym,
                            subject_name, subject_kind, masked_number, department_code, legal_basis, reasons, status,
                            proposed_by, proposed_at, reviewed_by, reviewed_at, effective_from, valid_until)
                        SELECT gen_random_uuid(), u.type, u.rule, 1, u.id::uuid, u.pseudonym, u.name, 'PERSON', u.masked,
                               'COURT', r.legal_basis, '基准测试合成数据', 'EFFECTIVE', 'bench', now(), 'bench-reviewer',
                               now(), now(), current_date + 730
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             AS u(id, pseudonym, name, masked, type, rule)
                        JOIN listing.rule r ON r.code = u.rule AND r.current""")
                .params(ids, pseudonyms.toArray(String[]::new), names, masked, types, rules).update();
    }

    /** Time the JIT compiler threads spent compiling so far (HotSpot reports it; 0 where it does not). */
    private static long compilationMillis() {
        var compilation = java.lang.management.ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
    }

    private int awaitIndex(int entries, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (checks.indexedSubjects() < entries && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return checks.indexedSubjects();
    }

    private UUID marketDepartment() {
        return directory.departments().stream().filter(d -> d.code().equals("MARKET")).findFirst()
                .map(Department::id)
                .orElseGet(() -> directory.createDepartment("MARKET", "市市场监督管理局", Department.Kind.DATA_PROVIDER,
                        List.of()).id());
    }

    private interface RequestFactory {
        Request next();
    }

    /** The bytes of one HTTP/1.1 request; {@code check} marks the checks, whose answers are counted. */
    private record Request(boolean check, byte[] bytes) {
    }

    /**
     * One worker's keep-alive HTTP/1.1 connection, used blocking from the worker's own thread: the load generator
     * shares the server's 2 cores, so it must cost little and hand nothing to other threads. Reads the status line,
     * the headers and the body (by Content-Length or chunked).
     */
    private static final class Connection implements java.io.Closeable {

        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.InputStream in;
        private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(2048);
        private final StringBuilder line = new StringBuilder(128);
        private boolean closeAfter;

        Connection(InetSocketAddress server) throws java.io.IOException {
            socket = new java.net.Socket();
            socket.setTcpNoDelay(true);
            socket.connect(server, 5_000);
            socket.setSoTimeout(30_000);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 4096);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
        }

        /** Sends the request and returns the status; the body is then in {@link #body()}. */
        int send(byte[] request) throws java.io.IOException {
            out.write(request);
            out.flush();
            String status = readLine();
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new java.io.IOException("not an HTTP/1.1 status line: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            closeAfter = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                String name = colon < 0 ? header : header.substring(0, colon);
                String value = colon < 0 ? "" : header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    closeAfter = value.equalsIgnoreCase("close");
                }
            }
            body.reset();
            if (chunked) {
                for (long size = Long.parseLong(readLine().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(readLine().split(";")[0].trim(), 16)) {
                    copy(size);
                    readLine();
                }
                while (!readLine().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                copy(length);
            } else {
                closeAfter = true;
                in.transferTo(body);
            }
            return code;
        }

        boolean closeAfter() {
            return closeAfter;
        }

        String body() {
            return body.toString(StandardCharsets.UTF_8);
        }

        private void copy(long n) throws java.io.IOException {
            byte[] buffer = new byte[8192];
            while (n > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (read < 0) {
                    throw new java.io.EOFException("connection closed in a body");
                }
                body.write(buffer, 0, read);
                n -= read;
            }
        }

        private String readLine() throws java.io.IOException {
            line.setLength(0);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // closing anyway
            }
        }
    }

    /** One phase of load: W workers sending requests back to back for a fixed time, each keeping its latencies. */
    private static final class Load {

        static final AtomicLong okTotal = new AtomicLong();
        static final AtomicLong errorsTotal = new AtomicLong();
        static final Map<Integer, AtomicLong> byStatus = new java.util.concurrent.ConcurrentSkipListMap<>();

        long count;
        long errors;
        long hits;
        double seconds;
        long[] sorted;

        static Load run(InetSocketAddress server, RequestFactory requests, int workers, int seconds)
                throws InterruptedException {
            long[][] latencies = new long[workers][];
            long[] counts = new long[workers];
            long[] errors = new long[workers];
            long[] hits = new long[workers];
            long started = System.nanoTime();
            long end = started + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int me = w;
                Thread worker = new Thread(() -> {
                    long[] mine = new long[1 << 16];
                    int n = 0;
                    Connection connection = null;
                    while (System.nanoTime() < end) {
                        Request request = requests.next();
                        long before = System.nanoTime();
                        int status;
                        String body = "";
                        try {
                            if (connection == null) {
                                connection = new Connection(server);
                            }
                            status = connection.send(request.bytes());
                            if (request.check() && status == 200) {
                                body = connection.body();
                            }
                            if (connection.closeAfter()) {
                                connection.close();
                                connection = null;
                            }
                        } catch (java.io.IOException | RuntimeException e) {
                            status = -1;
                            if (connection != null) {
                                connection.close();
                                connection = null;
                            }
                        }
                        long took = System.nanoTime() - before;
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                        if (status == 200) {
                            if (request.check()) {
                                okTotal.incrementAndGet();
                                if (!body.contains("\"entries\":[]")) {
                                    hits[me]++;
                                }
                            }
                        } else {
                            errors[me]++;
                            errorsTotal.incrementAndGet();
                            byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    if (connection != null) {
                        connection.close();
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
            Load load = new Load();
            load.seconds = (System.nanoTime() - started) / 1e9;
            load.count = Arrays.stream(counts).sum();
            load.errors = Arrays.stream(errors).sum();
            load.hits = Arrays.stream(hits).sum();
            load.sorted = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            return load;
        }

        double perSecond() {
            return count / seconds;
        }

        double percentileMs(double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }

        static String statuses() {
            return byStatus.isEmpty() ? "" : " " + byStatus;
        }
    }


    @Override
    public int getExitCode() {
        return exitCode;
    }
}
