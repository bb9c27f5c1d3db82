package cn.chengxin.ingestion;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.DemoAccounts;
import cn.chengxin.demo.domain.PopulationGenerator;
import cn.chengxin.demo.domain.SyntheticResident;
import cn.chengxin.shared.CityPresets;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static cn.chengxin.support.FreePorts.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash test of issue #4, with a real process and a real SIGKILL: the packaged application takes a
 * 200,000-row file, is killed with {@code kill -9} half-way, starts again, and the same file is submitted
 * again under the same batch id. The stored records must be exactly those of a clean run of the same file
 * on another database: nothing lost, nothing twice.
 */
class IngestionCrashIT {

    private static final Path JAR = Path.of("target", "chengxin.jar").toAbsolutePath();
    private static final Path DIR = Path.of("target", "it-crash").toAbsolutePath();
    private static final int ROWS = 200_000;

    /**
     * The clean reference run is the same file through the same packaged application on a fresh database of its own;
     * it runs beside the crashed instance rather than after it (one ingestion keeps about one of the machine's cores
     * busy, the application and its database taking turns), and the file is written while both start. The crashed
     * instance is still killed part-way through the file: its kill waits only for its own progress.
     */
    @Test
    void aKilledIngestionResubmittedEndsExactlyAsACleanRun() throws Exception {
        assertThat(JAR).as("the packaged application (mvn package runs before the integration tests)").exists();
        FileSystemUtils.deleteRecursively(DIR);
        Files.createDirectories(DIR);
        Path csv = DIR.resolve("market.csv");

        String batch = UUID.randomUUID().toString();
        // Ports free now, not fixed ones: the fixed database port (in the range the system also hands out to
        // outgoing connections) was once found taken when the database came to listen on it.
        int crashedDb = freePort();
        int crashedHttp = freePort();
        App crashed = App.launch(DIR.resolve("crashed"), crashedDb, crashedHttp);
        App clean = App.launch(DIR.resolve("clean"), freePort(), freePort());
        try {
            String cleanBatch = UUID.randomUUID().toString();
            int rows;
            try {
                rows = writeCsv(csv);
                crashed.awaitReady();
                assertThat(crashed.upload(csv, batch)).isEqualTo(202);
                clean.awaitReady();
                assertThat(clean.upload(csv, cleanBatch)).isEqualTo(202);
                crashed.awaitRowsDone(ROWS / 5);
            } finally {
                crashed.kill();
            }
            App restarted = App.launch(DIR.resolve("crashed"), crashedDb, crashedHttp);
            String crashedDigest;
            long crashedCount;
            try {
                restarted.awaitReady();
                assertThat(restarted.upload(csv, batch)).isEqualTo(202);
                restarted.awaitDone(batch);
                crashedDigest = restarted.digest();
                crashedCount = restarted.count();
            } finally {
                restarted.stop();
            }
            clean.awaitDone(cleanBatch);
            assertThat(crashedCount).as("nothing lost, nothing twice").isEqualTo(clean.count()).isEqualTo(rows);
            assertThat(crashedDigest).as("the same records as a clean run").isEqualTo(clean.digest());
        } finally {
            clean.stop();
        }
    }

    private static int writeCsv(Path csv) throws Exception {
        List<SyntheticResident> residents = PopulationGenerator.generate(CityPresets.find("zhumadian").orElseThrow(),
                2026, ROWS + ROWS / 4).residents();
        int written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("itemCode,subjectNumber,subjectName,sourceRecordId,decisionNumber,decisionDate,penalty_type,facts,"
                    + "basis,authority\n");
            for (int i = 0; i < residents.size() && written < ROWS; i++) {
                SyntheticResident r = residents.get(i);
                if (r.birthDate().isAfter(LocalDate.of(2006, 12, 31))) {
                    continue;
                }
                out.write("P_ADMIN_PENALTY_GENERAL," + r.identityNumber() + "," + r.name() + ",CRASH-" + i
                        + ",驻市监罚〔2025〕" + i + "号,2025-03-1" + (i % 9) + ",罚款,无照经营,某办法第十三条,驻马店市市场监督管理局\n");
                written++;
            }
        }
        return written;
    }

    /** The packaged application in its own process, data directory and ports. */
    private record App(Process process, Path log, int dbPort, int httpPort) {

        /** Started, not yet waited for: two instances start side by side. */
        static App launch(Path data, int dbPort, int httpPort) throws Exception {
            Files.createDirectories(data);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = data.resolve("app-" + System.nanoTime() + ".log");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString(),
                    "--chengxin.demo.seed-on-empty=false")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // The demo's submission key (DemoAccounts.SUBMISSION_KEY) exists only in the dev profile.
            builder.environment().put("SPRING_PROFILES_ACTIVE", "dev");
            builder.environment().put("CHENGXIN_DATA_DIR", data.toString());
            builder.environment().put("CHENGXIN_EMBEDDED_DB_PORT", Integer.toString(dbPort));
            builder.environment().put("CHENGXIN_PORT", Integer.toString(httpPort));
            return new App(builder.start(), log, dbPort, httpPort);
        }

        void awaitReady() throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (Instant.now().isBefore(deadline)) {
                if (Files.exists(log) && Files.readString(log).contains(" ready in ")) {
                    return;
                }
                assertThat(process.isAlive()).as("application running; see %s", log).isTrue();
                Thread.sleep(100);
            }
            throw new AssertionError("application did not start; see " + log);
        }

        int upload(Path csv, String batch) throws Exception {
            String boundary = "----chengxin" + UUID.randomUUID();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"market.csv\""
                    + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            List<byte[]> parts = new ArrayList<>(List.of(head, Files.readAllBytes(csv), tail));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort
                            + "/api/v1/submissions/files"))
                    .header("Authorization", "Bearer " + DemoAccounts.SUBMISSION_KEY)
                    .header("Idempotency-Key", batch)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        }

        void awaitRowsDone(int rows) throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(deadline)) {
                if (query("SELECT coalesce(max(rows_done), 0) FROM ingestion.batch") >= rows) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no progress");
        }

        void awaitDone(String batch) throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (Instant.now().isBefore(deadline)) {
                if (query("SELECT count(*) FROM ingestion.batch WHERE id = '" + batch + "' AND status = 'DONE'") == 1) {
                    return;
                }
                assertThat(query("SELECT count(*) FROM ingestion.batch WHERE id = '" + batch + "' AND status = 'FAILED'"))
                        .isZero();
                Thread.sleep(200);
            }
            throw new AssertionError("batch did not finish");
        }

        long count() throws Exception {
            return query("SELECT count(*) FROM creditfile.record WHERE source_record_id LIKE 'CRASH-%'");
        }

        /**
         * A digest of every stored record version: not of ids, times or fingerprints (these hold the install's
         * own pseudonyms), which differ between two databases.
         */
        String digest() throws Exception {
            try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("""
                    SELECT md5(string_agg(source_record_id || '|' || version || '|' || item_code || '|' || status
                                          || '|' || current || '|' || decision_number || '|' || decision_date
                                          || '|' || publication_end || '|' || content::text, ','
                                          ORDER BY source_record_id))
                    FROM creditfile.record WHERE source_record_id LIKE 'CRASH-%'""")) {
                rs.next();
                return rs.getString(1);
            }
        }

        long query(String sql) throws Exception {
            try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        Connection connect() throws Exception {
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres",
                    "postgres");
        }

        /** SIGKILL: no shutdown hook, no clean stop of the database. */
        void kill() throws Exception {
            process.destroyForcibly().waitFor();
        }

        void stop() throws Exception {
            process.destroy();
            process.waitFor();
        }
    }
}
