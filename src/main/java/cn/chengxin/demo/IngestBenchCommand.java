package cn.chengxin.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.shared.cli.CommandOptions;
import cn.chengxin.demo.domain.PopulationGenerator;
import cn.chengxin.demo.domain.SyntheticResident;
import cn.chengxin.ingestion.BatchResult;
import cn.chengxin.ingestion.FileSubmissions;
import cn.chengxin.shared.City;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code bench-ingest --rows N [--vacuumed]}: loads a synthetic population of N residents, writes a CSV of N penalty
 * records about them, ingests it end to end (parse, validate, resolve, store, audit), then loads the same
 * file with plain PostgreSQL COPY into a bare table, and prints rows/s for both, their ratio, the peak heap,
 * and the time to ingest the same file again (all duplicates). For an empty, throw-away database.
 */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "bench-ingest")
class IngestBenchCommand implements ApplicationRunner, ExitCodeGenerator {

    private final DemoData demoData;
    private final FileSubmissions files;
    private final CreditFile creditFile;
    private final DataSource dataSource;
    private final City city;
    private final Path dataDir;
    private final Clock clock;
    private int exitCode;

    IngestBenchCommand(DemoData demoData, FileSubmissions files, CreditFile creditFile, DataSource dataSource,
                       City city, @Value("${chengxin.data-dir:./data}") Path dataDir, Clock clock) {
        this.demoData = demoData;
        this.files = files;
        this.creditFile = creditFile;
        this.dataSource = dataSource;
        this.city = city;
        this.dataDir = dataDir;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int rows = CommandOptions.intOption(args, "rows", 1_000_000);
        long seed = 77;
        System.out.printf("bench-ingest: %,d rows, %d cores, max heap %d MB%n", rows,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        demoData.generatePopulationOnly(rows, seed);
        if (CommandOptions.flag(args, "vacuumed")) {
            vacuum();
        }
        Path csv = dataDir.resolve("bench-ingest.csv");
        writeCsv(csv, PopulationGenerator.generate(city, seed, rows).residents(), LocalDate.now(clock));
        System.out.printf("bench-ingest: CSV of %,d rows written (%,d MB)%n", rows, Files.size(csv) >> 20);

        org.springframework.jdbc.core.simple.JdbcClient jdbc =
                org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        boolean statements = statementTimesOn(jdbc);
        CpuClock cpu = CpuClock.of(jdbc);
        long[] cpuBefore = cpu.read();
        Map<String, Long> threadsBefore = CpuClock.byThreadKind();
        long started = System.nanoTime();
        BatchResult result = files.runNow(UUID.randomUUID(), "MARKET", files.save(Files.newInputStream(csv),
                "bench-ingest.csv"));
        // The credit file packs the facts of the subjects whose records changed in the background (every 30 s);
        // what is left of that work when the file is done belongs to this ingestion too, so the clock waits for it.
        long packingStarted = System.nanoTime();
        long repacked = creditFile.refreshFacts();
        double packing = (System.nanoTime() - packingStarted) / 1e9;
        double ingest = (System.nanoTime() - started) / 1e9;
        long[] cpuAfter = cpu.read();
        System.out.printf("bench-ingest: end to end %,d rows in %.1f s = %,.0f rows/s (accepted %,d, rejected %,d; "
                        + "the last %.1f s packing the facts of %,d subjects left to pack)%n",
                result.received(), ingest, result.received() / ingest, result.accepted(), result.rejected(), packing,
                repacked);
        System.out.printf("bench-ingest: CPU per row %.0f µs JVM + %.0f µs PostgreSQL; by thread: %s; load average %.1f%n",
                (cpuAfter[0] - cpuBefore[0]) / 1e3 / Math.max(1, result.received()),
                (cpuAfter[1] - cpuBefore[1]) / 1e3 / Math.max(1, result.received()),
                CpuClock.busiest(threadsBefore, CpuClock.byThreadKind(), result.received(), 6),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        reactionsCaughtUp(jdbc, cpu, cpuBefore, result.received(), ingest);
        if (statements) {
            printStatementTimes(jdbc, result.received());
        }

        started = System.nanoTime();
        long copied = copy(csv);
        double copy = (System.nanoTime() - started) / 1e9;
        System.out.printf("bench-ingest: plain COPY %,d rows in %.1f s = %,.0f rows/s; end-to-end/COPY = %.3f%n",
                copied, copy, copied / copy, (result.received() / ingest) / (copied / copy));

        started = System.nanoTime();
        BatchResult again = files.runNow(UUID.randomUUID(), "MARKET", files.save(Files.newInputStream(csv),
                "bench-ingest-again.csv"));
        double replay = (System.nanoTime() - started) / 1e9;
        System.out.printf("bench-ingest: same file again in %.1f s (%,d duplicates, %,d written)%n", replay,
                again.duplicates(), again.accepted());
        // The heap is capped by -Xmx (the run fails if it does not fit); the old generation's peak is what stays live.
        long oldPeak = CommandOptions.peakOldGenerationBytes();
        System.out.printf("bench-ingest: heap capped at %d MB; peak old generation %d MB%n",
                Runtime.getRuntime().maxMemory() >> 20, oldPeak >> 20);
        exitCode = result.rejected() == 0 ? 0 : 1;
    }

    /**
     * The modules' reactions to the stored chunks (lists, scores, exchange, … : {@code @ApplicationModuleListener}s,
     * each an event publication until it has run) run beside the ingestion, on the task executor, and may be behind
     * when its last chunk is stored: how many were left then, and how long until none is; the rate and the CPU per row
     * with them are the ingestion's whole cost. Never hidden behind the ingestion's own rate.
     */
    private static void reactionsCaughtUp(org.springframework.jdbc.core.simple.JdbcClient jdbc, CpuClock cpu,
                                          long[] cpuBefore, long rows, double ingest) throws InterruptedException {
        long started = System.nanoTime();
        long left = unfinishedReactions(jdbc);
        long now = left;
        while (now > 0 && System.nanoTime() - started < java.time.Duration.ofMinutes(30).toNanos()) {
            Thread.sleep(200);
            now = unfinishedReactions(jdbc);
        }
        double waited = (System.nanoTime() - started) / 1e9;
        long[] cpuAfter = cpu.read();
        System.out.printf("bench-ingest: reactions: %,d unfinished when the last chunk was stored, %s %.1f s later; "
                        + "with them %.1f s = %,.0f rows/s, CPU per row %.0f µs JVM + %.0f µs PostgreSQL%n", left,
                now == 0 ? "caught up" : now + " still unfinished", waited, ingest + waited,
                rows / (ingest + waited), (cpuAfter[0] - cpuBefore[0]) / 1e3 / Math.max(1, rows),
                (cpuAfter[1] - cpuBefore[1]) / 1e3 / Math.max(1, rows));
    }

    private static long unfinishedReactions(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single();
    }

    /**
     * With the server started with pg_stat_statements (CHENGXIN_EMBEDDED_DB_PRELOAD=pg_stat_statements): its counts
     * are reset, so that those printed after the ingestion are the ingestion's and its reactions'.
     */
    private static boolean statementTimesOn(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        String preloaded = jdbc.sql("SHOW shared_preload_libraries").query(String.class).single();
        if (!preloaded.contains("pg_stat_statements")) {
            return false;
        }
        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
        jdbc.sql("SELECT pg_stat_statements_reset()").query().singleRow();
        return true;
    }

    /**
     * The statements the server spent the most time in (inside the server, waits included), top 20, with the buffers
     * they touched (read from the operating system or found in shared buffers) and the WAL they wrote, each per file
     * row: unlike the times, these do not move with the machine's load, so two jars' runs on a busy machine compare by
     * them (session xliv).
     */
    private static void printStatementTimes(org.springframework.jdbc.core.simple.JdbcClient jdbc, long fileRows) {
        double perRow = Math.max(1, fileRows);
        jdbc.sql("""
                SELECT calls, total_exec_time, rows, shared_blks_read, shared_blks_hit + shared_blks_read, wal_bytes,
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 150) AS text
                FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 20""").query((rs, n) -> String.format(
                "bench-ingest: statement %8.1f s %,9d calls %,11d rows %,9d read %6.1f buffers %6.0f B WAL a row  %s",
                rs.getDouble(2) / 1e3, rs.getLong(1), rs.getLong(3), rs.getLong(4), rs.getLong(5) / perRow,
                rs.getDouble(6) / perRow, rs.getString(7))).list().forEach(System.out::println);
        jdbc.sql("SELECT sum(shared_blks_hit + shared_blks_read), sum(wal_bytes) FROM pg_stat_statements")
                .query((rs, n) -> String.format("bench-ingest: all statements %.1f buffers, %.0f B WAL a row",
                        rs.getDouble(1) / perRow, rs.getDouble(2) / perRow)).list().forEach(System.out::println);
    }

    /**
     * One general administrative penalty (一般, published for a year: RULES.md §4) per adult, decided within the 60 days
     * before {@code today}, as a department's regular feed brings them: every record is stored in force, so the lists,
     * scores and packed facts react to each (decisions of 2025, as the file held before, had all ended their
     * publication and left the reactions nothing to do).
     */
    private static void writeCsv(Path csv, List<SyntheticResident> residents, LocalDate today) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("itemCode,subjectNumber,subjectName,sourceRecordId,decisionNumber,decisionDate,penalty_type,facts,"
                    + "basis,fine,authority\n");
            for (int i = 0; i < residents.size(); i++) {
                SyntheticResident r = residents.get(i);
                if (r.birthDate().isAfter(LocalDate.of(2006, 12, 31))) {
                    continue; // minors get no penalty records (and a decision cannot precede a birth)
                }
                LocalDate decided = today.minusDays(1 + i % 60);
                out.write("P_ADMIN_PENALTY_GENERAL," + r.identityNumber() + "," + r.name() + ",BENCH-" + i
                        + ",驻市监罚〔" + decided.getYear() + "〕" + i + "号," + decided + ",罚款,无照经营,"
                        + "《无证无照经营查处办法》第十三条,0.5,驻马店市市场监督管理局\n");
            }
        }
    }

    /**
     * {@code --vacuumed}: the population vacuumed and analysed before the file arrives, as a city's registry long is
     * (its pages all-visible, so the subjects' look-up by number, V720, can be index-only); without it, whether
     * autovacuum has reached the freshly loaded tables when the file arrives is chance (session xliii).
     */
    private void vacuum() throws java.sql.SQLException {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true); // VACUUM runs outside a transaction
            c.createStatement().execute("VACUUM (ANALYZE)");
        }
        System.out.printf("bench-ingest: population vacuumed and analysed in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    private long copy(Path csv) throws Exception {
        try (Connection c = dataSource.getConnection(); InputStream in = Files.newInputStream(csv)) {
            c.createStatement().execute("CREATE SCHEMA IF NOT EXISTS bench; DROP TABLE IF EXISTS bench.copy_target; "
                    + "CREATE TABLE bench.copy_target (item text, number text, name text, source text, decision text, "
                    + "decided text, penalty text, facts text, basis text, fine text, authority text)");
            long n = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY bench.copy_target FROM STDIN WITH (FORMAT csv, HEADER true)",
                    new InputStreamReader(in, StandardCharsets.UTF_8));
            c.createStatement().execute("DROP SCHEMA bench CASCADE");
            return n;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
