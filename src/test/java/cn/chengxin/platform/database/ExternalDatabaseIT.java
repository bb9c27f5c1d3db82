package cn.chengxin.platform.database;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.App;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code CHENGXIN_DB_URL} (+ user and password) points the platform at an external PostgreSQL: the embedded
 * server is not started, Flyway migrates the external database and the data goes there. A separately
 * started PostgreSQL 17 plays the external server; the variables are passed exactly as the README says,
 * under their environment names.
 */
class ExternalDatabaseIT {

    @Test
    void theApplicationUsesTheExternalDatabaseWhenAUrlIsGiven() throws Exception {
        Path dir = Path.of("target", "it-external").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        try (EmbeddedPostgres external = ExternalPostgres.start(dir.resolve("server"))) {
            String url = ExternalPostgres.url(external);

            try (ConfigurableApplicationContext app = App.start(dir.resolve("app"), "test",
                    "--CHENGXIN_DB_URL=" + url, "--CHENGXIN_DB_USER=" + ExternalPostgres.USER,
                    "--CHENGXIN_DB_PASSWORD=" + ExternalPostgres.PASSWORD)) {
                assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).as("no embedded server").isEmpty();
                assertThat(dir.resolve("app/postgres")).doesNotExist();
                SubjectRegistry registry = app.getBean(SubjectRegistry.class);
                registry.registerPerson(new NewPerson(registry.validate(DocumentType.RESIDENT_ID,
                        "411702199001011238"), "孙丽", null, null, List.of(), List.of(), false));
                assertThat(app.getBean(DataSource.class).getConnection().getMetaData().getURL()).isEqualTo(url);
            }

            JdbcClient direct = JdbcClient.create(external.getDatabase("chengxin", "chengxin"));
            assertThat(direct.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class)
                    .single()).isGreaterThanOrEqualTo(3);
            assertThat(direct.sql("SELECT count(*) FROM subject.subject").query(Long.class).single()).isEqualTo(1);
        }
    }
}
