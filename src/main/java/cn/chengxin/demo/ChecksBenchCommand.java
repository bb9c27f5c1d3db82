package cn.chengxin.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

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
 * them on a list) over real HTTP on loopback with wrk ({@link WrkLoad}), over W keep-alive HTTP/1.1 connections,
 * for S seconds, and the same against {@code GET /api/v1/whoami} with the same kind of key (the HTTP floor:
 * authentication, rate limit, JSON, no check work) for S/2 seconds just before the checks and S/2 just after, so that
 * the ratio holds when the machine's speed drifts during the run; both warm up, in rounds of U seconds each, until the
 * JIT compiler is (nearly) idle, before either is measured.
 * Prints throughput, p50/p99 and the ratio (every answer of status 400 or above, and every broken connection, is an
 * error), and counts the stored checks and their audit events afterwards. Runs with the web server up (see
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
    /** Residents' numbers given to wrk, drawn at random from the population. */
    private static final int SAMPLED_NUMBERS = 200_000;
    /** wrk's threads: one per core of the 2-core machine; its connections are the workers. */
    private static final int WRK_THREADS = 2;

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
        if (!WrkLoad.installed()) {
            System.out.println("bench-checks: wrk is not installed (Debian: apt-get install wrk; bench/checks.sh does)");
            exitCode = 2;
            return;
        }
        int port = Integer.parseInt(environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")));
        System.out.printf("bench-checks: %,d residents, %,d entries, %d workers, %d s after %d s warm-up, port %d, "
                + "%d cores%n", residents, entries, workers, seconds, warmup, port,
                Runtime.getRuntime().availableProcessors());

        Path work = Path.of(environment.getProperty("chengxin.data-dir", "data"), "bench-checks");
        long started = System.nanoTime();
        Path numbersFile = work.resolve("identity-numbers.txt");
        int loaded = load(residents, entries, numbersFile);
        int indexed = awaitIndex(loaded, Duration.ofSeconds(120));
        System.out.printf("bench-checks: entries loaded %,d; index size %,d subjects (%.1f s in all to load and index)%n",
                loaded, indexed, (System.nanoTime() - started) / 1e9);
        // Loading wrote gigabytes of WAL; the checkpoint it owes would otherwise be written to disk during the
        // measurement, slowing every commit's flush for a reason no check has in production.
        started = System.nanoTime();
        jdbc.sql("CHECKPOINT").update();
        System.out.printf("bench-checks: checkpoint after loading in %.1f s%n", (System.nanoTime() - started) / 1e9);

        UUID market = marketDepartment();
        // A key of its own for every phase: a key may send at most 600,000 requests a minute, which the floor passes
        // within a minute on a quiet machine (session xl: 55,000 answers a second, most of them 429 once the key's
        // burst was spent), so a phase must not run on a key an earlier phase drained.
        String checkKey = key(market, "核查");
        String floorKey = key(market, "基线");
        String floorBeforeKey = key(market, "基线");
        String checksKey = key(market, "核查");
        String floorAfterKey = key(market, "基线");

        WrkLoad wrk = WrkLoad.of(work, "http://127.0.0.1:" + port, WRK_THREADS, workers);
        String purpose = "企业设立登记审查（基准测试）";

        // Both warm up before either is measured, so that neither runs on a JVM the other has warmed further, and
        // they go on warming up until the JIT compiler is done with them: on 2 cores its queue still holds
        // thousands of methods from loading the population, and a measurement taken while it compiles charges its
        // CPU to whichever phase runs first. A server that has been up for a while has compiled them.
        long warmStarted = System.nanoTime();
        double compiling;
        int rounds = 0;
        List<WrkLoad.Result> warmChecks = new ArrayList<>();
        long warmErrors = 0;
        do {
            long compiledBefore = compilationMillis();
            long roundStarted = System.nanoTime();
            warmChecks.add(wrk.check("/api/v1/checks", checkKey, numbersFile, purpose, warmup));
            warmErrors += wrk.get("/api/v1/whoami", floorKey, warmup).errors();
            checkKey = key(market, "核查");
            floorKey = key(market, "基线");
            compiling = (compilationMillis() - compiledBefore) / ((System.nanoTime() - roundStarted) / 1e6);
            rounds++;
        } while (compiling > STEADY_COMPILING_SHARE && rounds < MAX_WARMUP_ROUNDS);
        System.out.printf("bench-checks: warm-up %.0f s in %d rounds; JIT compiler busy %.1f%% of the last round%n",
                (System.nanoTime() - warmStarted) / 1e9, rounds, 100 * compiling);
        CpuClock cpu = CpuClock.of(jdbc);
        DatabaseShare database = DatabaseShare.of(jdbc);
        // The floor brackets the checks: on this machine the speed of everything drifts by a fifth or more within
        // minutes (the floor, which no change to checks touches, moves with them), and a floor measured only after
        // the checks would compare them with another machine.
        int floorSeconds = Math.max(1, seconds / 2);
        long[] start = cpu.read();
        Map<String, Long> threadsStart = CpuClock.byThreadKind();
        WrkLoad.Result floorBefore = wrk.get("/api/v1/whoami", floorBeforeKey, floorSeconds);
        long[] before = cpu.read();
        Map<String, Long> threadsBefore = CpuClock.byThreadKind();
        long[] walBefore = wal();
        Map<String, Long> databaseBefore = cpu.databaseByKind();
        database.start();
        Instant checksFrom = Instant.now();
        WrkLoad.Result checksLoad = wrk.check("/api/v1/checks", checksKey, numbersFile, purpose, seconds);
        Instant checksTo = Instant.now();
        long[] walAfter = wal();
        long[] between = cpu.read();
        Map<String, Long> threadsBetween = CpuClock.byThreadKind();
        Map<String, Long> databaseBetween = cpu.databaseByKind();
        database.stop();
        WrkLoad.Result floorAfter = wrk.get("/api/v1/whoami", floorAfterKey, floorSeconds);
        long[] after = cpu.read();
        Map<String, Long> threadsAfter = CpuClock.byThreadKind();
        long floorRequests = floorBefore.requests() + floorAfter.requests();
        double floorPerSecond = floorRequests / (floorBefore.seconds() + floorAfter.seconds());

        // Reads the measures and audit tables directly (bench code only): the stored checks and their audit events
        // must match every check answered 200, the claim the benchmark rests on, and no facade counts them. wrk
        // stops with up to one request per connection in flight, which the server still answers, stores and audits
        // after wrk has gone: so each check phase may leave up to that many stored checks nobody counted.
        long stored = jdbc.sql("SELECT count(*) FROM measures.check_made").query(Long.class).single();
        long audited = jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'measures.check'").query(Long.class)
                .single();
        long hits = jdbc.sql("SELECT count(*) FROM measures.check_made WHERE entries > 0 AND at >= ? AND at < ?")
                .params(Timestamp.from(checksFrom), Timestamp.from(checksTo))
                .query(Long.class).single();
        List<WrkLoad.Result> checkPhases = new ArrayList<>(warmChecks);
        checkPhases.add(checksLoad);
        long answered = checkPhases.stream().mapToLong(r -> r.requests() - r.non2xx()).sum();
        long unanswered = (long) checkPhases.size() * workers;
        long errors = warmErrors + checkPhases.stream().mapToLong(WrkLoad.Result::errors).sum() + floorBefore.errors()
                + floorAfter.errors();

        double ratio = checksLoad.perSecond() / floorPerSecond;
        System.out.printf("bench-checks: entries loaded %,d, index size %,d%n", loaded, indexed);
        System.out.printf("bench-checks: checks %,.0f/s, p50 %.2f ms, p99 %.2f ms (%,d checks in %.1f s, %.1f%% on a "
                        + "list)%n", checksLoad.perSecond(), checksLoad.p50Ms(), checksLoad.p99Ms(),
                checksLoad.requests(), checksLoad.seconds(), 100.0 * hits / Math.max(1, checksLoad.requests()));
        System.out.printf("bench-checks: floor (GET /api/v1/whoami) %,.0f req/s (%,.0f before the checks, %,.0f after), "
                        + "p50 %.2f / %.2f ms, p99 %.2f / %.2f ms%n", floorPerSecond, floorBefore.perSecond(),
                floorAfter.perSecond(), floorBefore.p50Ms(), floorAfter.p50Ms(), floorBefore.p99Ms(), floorAfter.p99Ms());
        System.out.printf("bench-checks: ratio checks/floor %.2f%n", ratio);
        System.out.printf("bench-checks: CPU per check %.0f µs server JVM + %.0f µs PostgreSQL + %.0f µs wrk; "
                        + "per floor request %.0f µs JVM + %.0f µs PostgreSQL + %.0f µs wrk; load average %.1f%n",
                (between[0] - before[0]) / 1e3 / Math.max(1, checksLoad.requests()),
                (between[1] - before[1]) / 1e3 / Math.max(1, checksLoad.requests()),
                checksLoad.cpuSeconds() * 1e6 / Math.max(1, checksLoad.requests()),
                (after[0] - between[0] + before[0] - start[0]) / 1e3 / Math.max(1, floorRequests),
                (after[1] - between[1] + before[1] - start[1]) / 1e3 / Math.max(1, floorRequests),
                (floorBefore.cpuSeconds() + floorAfter.cpuSeconds()) * 1e6 / Math.max(1, floorRequests),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("bench-checks: JVM CPU per check by thread: %s%n",
                CpuClock.busiest(threadsBefore, threadsBetween, checksLoad.requests(), 6));
        System.out.printf("bench-checks: JVM CPU per floor request by thread: %s%n",
                CpuClock.busiest(CpuClock.sum(threadsStart, CpuClock.difference(threadsBetween, threadsBefore)),
                        threadsAfter, floorRequests, 6));
        long perCheck = Math.max(1, checksLoad.requests());
        System.out.printf("bench-checks: PostgreSQL CPU per check by process: %s%n",
                CpuClock.busiest(databaseBefore, databaseBetween, perCheck, 6));
        System.out.printf("bench-checks: WAL per check %.1f records, %.2f full-page images, %,.0f bytes; %,.0f flushes/s "
                        + "(%.1f checks a flush)%n", (walAfter[0] - walBefore[0]) / (double) perCheck,
                (walAfter[1] - walBefore[1]) / (double) perCheck, (walAfter[2] - walBefore[2]) / (double) perCheck,
                (walAfter[3] - walBefore[3]) / checksLoad.seconds(),
                perCheck / (double) Math.max(1, walAfter[3] - walBefore[3]));
        database.print("bench-checks:", perCheck);
        boolean consistent = stored == audited && stored >= answered && stored <= answered + unanswered;
        System.out.printf("bench-checks: errors (status ≥ 400 or broken) %,d; checks answered 200 %,d, stored %,d, "
                        + "audited %,d (%s; at most %,d in flight when wrk stopped)%n", errors, answered, stored,
                audited, consistent ? "consistent" : "INCONSISTENT", unanswered);
        boolean met = checksLoad.perSecond() >= TARGET_CHECKS_PER_SECOND
                && checksLoad.p99Ms() <= TARGET_P99_MS && ratio >= TARGET_RATIO;
        System.out.printf("bench-checks: targets ≥ %,.0f audited checks/s, p99 ≤ %.0f ms, ratio ≥ %.1f: %s%n",
                TARGET_CHECKS_PER_SECOND, TARGET_P99_MS, TARGET_RATIO, met ? "met" : "not met");
        exitCode = errors == 0 && consistent ? 0 : 1;
    }

    /**
     * The server's WAL counters (records, full-page images, bytes, flushes): what a check costs the log, which its
     * CPU follows. Full-page images are the first change to a page after a checkpoint; keys inserted at random
     * places of an index make many.
     */
    private long[] wal() {
        return jdbc.sql("SELECT wal_records, wal_fpi, wal_bytes::bigint, wal_sync FROM pg_stat_wal")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    /**
     * Loads the residents and the list entries, and writes a sample of the residents' numbers for wrk; returns the
     * entries loaded. The population stays in this method, so that during the measurement the heap holds what the
     * server holds, not a million generated residents besides.
     */
    private int load(int residents, int entries, Path numbersFile) throws java.io.IOException {
        long started = System.nanoTime();
        demoData.generatePopulationOnly(residents, SEED);
        List<SyntheticResident> population = PopulationGenerator.generate(city, SEED, residents).residents();
        System.out.printf("bench-checks: %,d residents loaded in %.1f s%n", residents,
                (System.nanoTime() - started) / 1e9);
        // Numbers drawn at random, for wrk to format its checks from before each phase: a sample, because wrk reads
        // the file in every phase, and its CPU for reading all 1,000,000 would be charged to the checks.
        Files.createDirectories(numbersFile.getParent());
        Random draw = new Random(SEED);
        Files.write(numbersFile, IntStream.range(0, Math.min(residents, SAMPLED_NUMBERS))
                .mapToObj(i -> population.get(draw.nextInt(population.size())).identityNumber()).toList(),
                StandardCharsets.UTF_8);
        return loadEntries(population, Math.max(1, residents / Math.max(1, entries)), entries);
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
                            proposed_by, proposed_at, reviewed_by, reviewed_at, effective_from, valid_until,
                            serious_ground)
                        SELECT gen_random_uuid(), u.type, u.rule, 1, u.id::uuid, u.pseudonym, u.name, 'PERSON', u.masked,
                               'COURT', r.legal_basis, '基准测试合成数据', 'EFFECTIVE', 'bench', now(), 'bench-reviewer',
                               now(), now(), current_date + 730, r.serious_ground
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             AS u(id, pseudonym, name, masked, type, rule)
                        JOIN listing.rule r ON r.code = u.rule AND r.current""")
                .params(ids, pseudonyms.toArray(String[]::new), names, masked, types, rules).update();
    }

    /** A new department key allowed checks, at the most requests a minute a key may have. */
    private String key(UUID market, String use) {
        return apiClients.issue("基准测试审批系统（" + use + "）", "市市场监督管理局", ApiClient.Kind.DEPARTMENT, market,
                Set.of(Permission.API_SUBJECT_CHECK), 600_000).key();
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

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
