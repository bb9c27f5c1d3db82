package cn.chengxin.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.demo.domain.PopulationGenerator;
import cn.chengxin.demo.domain.SyntheticResident;
import cn.chengxin.ingestion.BatchResult;
import cn.chengxin.ingestion.IncomingRecord;
import cn.chengxin.ingestion.Submissions;
import cn.chengxin.inquiry.Consents;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.shared.City;
import cn.chengxin.shared.cli.CommandOptions;
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
 * {@code bench-reports --residents N --subjects K --workers W --seconds S --warmup U}: on a fresh database, loads the
 * demo population of N residents with the departments' records (as the demo start does), picks K adults who have
 * records, gives each two more penalties through ingestion (one general and public, one minor and government-only,
 * which the institution's report must leave out) so that a file looks like a typical file with records, has each
 * grant the bench institution a multi-use consent for lending, then drives
 * {@code POST /api/v1/reports} (PDF) over real HTTP on loopback from W keep-alive workers for S seconds after U seconds
 * of warm-up. Every report goes the whole way: consent check, assembly from the modules, PDF with the embedded CJK
 * font subset, storage with its SM3 digest, audit event. Prints reports/s, p50/p95/p99, the mean PDF size and
 * records per report, and checks that every answered report was stored and audited.
 */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "bench-reports")
class ReportsBenchCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final double TARGET_PER_SECOND = 30;
    private static final double TARGET_P95_MS = 300;
    private static final long SEED = 20261130;

    private final DemoData demoData;
    private final SubjectRegistry registry;
    private final ApiClients apiClients;
    private final Consents consents;
    private final Submissions submissions;
    private final JdbcClient jdbc;
    private final City city;
    private final Environment environment;
    private int exitCode;

    ReportsBenchCommand(DemoData demoData, SubjectRegistry registry, ApiClients apiClients, Consents consents,
                        Submissions submissions, JdbcClient jdbc, City city, Environment environment) {
        this.submissions = submissions;
        this.demoData = demoData;
        this.registry = registry;
        this.apiClients = apiClients;
        this.consents = consents;
        this.jdbc = jdbc;
        this.city = city;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int residents = CommandOptions.intOption(args, "residents", 20_000);
        int subjects = CommandOptions.intOption(args, "subjects", 2_000);
        int workers = CommandOptions.intOption(args, "workers", 4);
        int seconds = CommandOptions.intOption(args, "seconds", 30);
        int warmup = CommandOptions.intOption(args, "warmup", 60);
        int port = Integer.parseInt(environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")));
        System.out.printf("bench-reports: %,d residents, %,d subjects, %d workers, %d s after %d s warm-up, port %d, "
                + "%d cores%n", residents, subjects, workers, seconds, warmup, port,
                Runtime.getRuntime().availableProcessors());

        long started = System.nanoTime();
        demoData.generate(residents, SEED, line -> { });
        System.out.printf("bench-reports: population and records loaded in %.1f s%n",
                (System.nanoTime() - started) / 1e9);

        ApiClients.IssuedKey bank = apiClients.issue("基准测试信贷审批系统", "基准测试银行（合成机构）",
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 600_000);
        List<SyntheticResident> chosen = subjectsWithRecords(residents, subjects, bank.institutionId());
        addPenalties(chosen);
        List<String> numbers = chosen.stream().map(SyntheticResident::identityNumber).toList();
        // Bench code reads the record table directly to describe the files it measures; no facade counts them.
        double recordsPerSubject = numbers.isEmpty() ? 0 : jdbc.sql("""
                        SELECT avg(n) FROM (SELECT count(*) AS n FROM creditfile.record r
                                             JOIN inquiry.consent c ON c.subject_id = r.subject_id
                                            WHERE r.current GROUP BY r.subject_id) f""")
                .query(Double.class).single();
        System.out.printf("bench-reports: %,d subjects with records, %.1f current records each on average%n",
                numbers.size(), recordsPerSubject);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/reports");
        String[] pool = numbers.toArray(String[]::new);
        java.util.function.Supplier<HttpRequest> request = () -> HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + bank.key()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"subjectNumber\":\""
                        + pool[ThreadLocalRandom.current().nextInt(pool.length)] + "\",\"purpose\":\"LENDING\"}",
                        StandardCharsets.UTF_8)).build();

        HttpLoad http = new HttpLoad(client);
        http.run(request, workers, warmup, body -> true);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        HttpLoad.Phase load = http.run(request, workers, seconds, body -> true);
        // CPU of this JVM (server and load generator) per report: robust to other work on the machine.
        double cpuMsPerReport = (os.getProcessCpuTime() - cpuBefore) / 1e6 / Math.max(1, load.count());

        long stored = jdbc.sql("SELECT count(*) FROM inquiry.report").query(Long.class).single();
        long audited = jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'report.issue' AND result = 'SUCCESS'")
                .query(Long.class).single();
        long answered = http.okTotal.get();
        System.out.printf("bench-reports: %,.1f PDF reports/s, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%,d reports in "
                        + "%.1f s, mean PDF %,.0f bytes)%n", load.perSecond(), load.percentileMs(50),
                load.percentileMs(95), load.percentileMs(99), load.count(), load.seconds(),
                load.bytes() / (double) Math.max(1, load.count()));
        System.out.printf("bench-reports: errors (non-200) %,d%s; reports answered 200 %,d, stored %,d, audited %,d%n",
                http.errorsTotal.get(), http.statuses(), answered, stored, audited);
        System.out.printf("bench-reports: JVM CPU %.0f ms per report (server and load generator; PostgreSQL apart); "
                + "machine load average %.1f%n", cpuMsPerReport, os.getSystemLoadAverage());
        boolean met = load.perSecond() >= TARGET_PER_SECOND && load.percentileMs(95) <= TARGET_P95_MS;
        System.out.printf("bench-reports: targets ≥ %.0f reports/s, p95 ≤ %.0f ms: %s%n", TARGET_PER_SECOND,
                TARGET_P95_MS, met ? "met" : "not met");
        exitCode = http.errorsTotal.get() == 0 && stored == answered && audited == answered ? 0 : 1;
    }

    /** Adults of the demo population who have current records, each with a consent for the bench institution. */
    private List<SyntheticResident> subjectsWithRecords(int residents, int wanted, UUID institutionId) {
        List<SyntheticResident> population = PopulationGenerator.generate(city, SEED, residents)
                .residents();
        java.time.LocalDate adults = PopulationGenerator.AS_OF.minusYears(18);
        List<IdentityDocument> documents = new ArrayList<>();
        List<SyntheticResident> adultResidents = new ArrayList<>();
        for (SyntheticResident r : population) {
            if (r.birthDate().isBefore(adults)) {
                documents.add(registry.validate(DocumentType.RESIDENT_ID, r.identityNumber()));
                adultResidents.add(r);
            }
        }
        Map<String, SubjectRegistry.Found> found = registry.findAll(documents);
        List<UUID> ids = new ArrayList<>();
        List<SyntheticResident> residentsOfIds = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            SubjectRegistry.Found f = found.get(registry.pseudonymOf(documents.get(i)));
            if (f != null) {
                ids.add(f.id());
                residentsOfIds.add(adultResidents.get(i));
            }
        }
        Set<UUID> withRecords = Set.copyOf(jdbc.sql("SELECT DISTINCT subject_id FROM creditfile.record "
                        + "WHERE current AND subject_id = ANY(?::uuid[])")
                .param(ids.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> rs.getObject(1, UUID.class)).list());
        List<SyntheticResident> chosen = new ArrayList<>();
        for (int i = 0; i < ids.size() && chosen.size() < wanted; i++) {
            if (withRecords.contains(ids.get(i))) {
                consents.grant(ids.get(i), institutionId, Purpose.LENDING, 365, false);
                chosen.add(residentsOfIds.get(i));
            }
        }
        return chosen;
    }

    /** Two penalties per chosen resident from the market regulator, through the ordinary ingestion path. */
    private void addPenalties(List<SyntheticResident> chosen) {
        LocalDate decided = LocalDate.now().minusMonths(2);
        List<IncomingRecord> records = new ArrayList<>();
        int n = 0;
        for (SyntheticResident r : chosen) {
            for (String item : List.of("P_ADMIN_PENALTY_GENERAL", "P_ADMIN_PENALTY_MINOR")) {
                n++;
                records.add(new IncomingRecord(item, r.identityNumber(), r.name(), "BENCH-REPORT-" + n, "1", "ADD",
                        "驻市监罚〔" + decided.getYear() + "〕" + (20_000 + n) + "号", decided.toString(),
                        Map.of("penalty_type", "罚款", "facts", "未明码标价", "basis", "《中华人民共和国价格法》第四十二条",
                                "fine", "0.2", "authority", "驻马店市市场监督管理局")));
            }
        }
        for (int from = 0; from < records.size(); from += 1_000) {
            BatchResult result = submissions.submit(UUID.randomUUID(), "MARKET",
                    records.subList(from, Math.min(records.size(), from + 1_000)));
            if (result.accepted() != Math.min(1_000, records.size() - from)) {
                throw new IllegalStateException("bench records refused: " + result.errors());
            }
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
