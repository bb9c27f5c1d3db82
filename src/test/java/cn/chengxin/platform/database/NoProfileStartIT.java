package cn.chengxin.platform.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import cn.chengxin.GenerateKeysCommand;
import cn.chengxin.account.DemoAccounts;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.support.App;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gaps review xxxi M1: a start that names no profile (the README's external-database example with the profile
 * forgotten) is not the demo: no demo staff with the README's password, no {@code /dev/sms}, none of the API keys
 * printed in the source; and without a database URL it does not quietly run the embedded server either.
 */
class NoProfileStartIT {

    private static final String[] KEYS = {"--chengxin.keys.encryption=AAECAwQFBgcICQoLDA0ODw==",
            "--chengxin.keys.index=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "--CHENGXIN_PUBLIC_URL=https://credit.example.gov.cn", "--CHENGXIN_PRIVACY_CONTACT=0396-1234567",
            "--CHENGXIN_PRIVACY_PERSON_IN_CHARGE=王某"};

    @Test
    void withoutAProfileAnExternalDatabaseGetsNoDemoLoginsCodesOrKeys() throws Exception {
        Path dir = Path.of("target", "it-no-profile").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        try (EmbeddedPostgres external = ExternalPostgres.start(dir.resolve("server"))) {
            String url = ExternalPostgres.url(external);
            // Every key from the files generate-keys wrote, as an operator supplies them (gaps review xxxiii N12).
            assertThat(GenerateKeysCommand.run(System.out, System.err, dir.resolve("app").resolve("keys").toString()))
                    .isZero();

            try (ConfigurableApplicationContext app = App.start(dir.resolve("app"), null,
                    "--CHENGXIN_DB_URL=" + url, "--CHENGXIN_DB_USER=" + ExternalPostgres.USER,
                    "--CHENGXIN_DB_PASSWORD=" + ExternalPostgres.PASSWORD,
                    "--CHENGXIN_PUBLIC_URL=https://credit.example.gov.cn", "--CHENGXIN_PRIVACY_CONTACT=0396-1234567",
                    "--CHENGXIN_PRIVACY_PERSON_IN_CHARGE=王某")) {
                assertThat(app.getEnvironment().getActiveProfiles()).isEmpty();
                assertThat(app.getBean(StaffDirectory.class).users()).as("no demo staff")
                        .noneMatch(u -> u.username().equals("sysadmin") || u.username().equals("secadmin"));
                String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
                HttpClient http = HttpClient.newHttpClient();

                HttpResponse<String> sms = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/sms")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(sms.statusCode()).as("/dev/sms").isEqualTo(404);

                HttpResponse<String> submission = http.send(HttpRequest.newBuilder(
                                URI.create(base + "/api/v1/submissions/files"))
                        .header("Authorization", "Bearer " + DemoAccounts.SUBMISSION_KEY)
                        .header("Idempotency-Key", "no-profile-1")
                        .header("Content-Type", "multipart/form-data; boundary=x")
                        .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(submission.statusCode()).as("the published submission key").isEqualTo(401);
            }
            assertThat(JdbcClient.create(external.getDatabase("chengxin", "chengxin"))
                    .sql("SELECT count(*) FROM subject.subject").query(Long.class).single())
                    .as("no synthetic population").isZero();
        }
    }

    @Test
    void withoutAProfileOrADatabaseUrlTheEmbeddedServerIsRefused() throws Exception {
        Path dir = Path.of("target", "it-no-profile-embedded").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);

        assertThatThrownBy(() -> App.start(dir, null, KEYS))
                .rootCause()
                .hasMessageContaining("embedded PostgreSQL is not allowed")
                .hasMessageContaining("SPRING_PROFILES_ACTIVE=dev");
        assertThat(dir.resolve("postgres")).doesNotExist();
    }
}
