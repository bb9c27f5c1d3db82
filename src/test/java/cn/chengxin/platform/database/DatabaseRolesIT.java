package cn.chengxin.platform.database;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.chengxin.audit.AuditRetention;
import cn.chengxin.audit.AuditVerification;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gaps review xxxiii N12 (GB/T 22239-2019 §8.1.4.2): the README's database checklist on a server where the DBA makes
 * the roles. The owner migrates ({@code SPRING_FLYWAY_USER}); the platform runs as a login of the runtime role, which
 * owns nothing: it stores and audits as ever, empties the audit content past its period through the owner's function,
 * and may not change, delete or drop the audit log. A login of the read-only role reads, and writes nothing; it
 * reads neither the keys kept in the database nor the hashes and seeds sign-ins are checked against.
 */
class DatabaseRolesIT {

    private static final String RUNTIME_LOGIN = "chengxin_web";
    private static final String AUDITOR_LOGIN = "auditor_wang";

    @Test
    void theRuntimeRoleServesThePlatformButCannotRewriteTheAuditLog() throws Exception {
        Path dir = Path.of("target", "it-database-roles").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        try (EmbeddedPostgres server = ExternalPostgres.start(dir.resolve("server"))) {
            // What the DBA does before the first start (the owner, ExternalPostgres.USER, may not create roles).
            JdbcClient dba = JdbcClient.create(server.getPostgresDatabase());
            dba.sql("CREATE ROLE chengxin_app NOLOGIN").update();
            dba.sql("CREATE ROLE chengxin_readonly NOLOGIN").update();
            dba.sql("CREATE ROLE " + RUNTIME_LOGIN + " LOGIN PASSWORD 'runtime-secret' IN ROLE chengxin_app").update();
            dba.sql("CREATE ROLE " + AUDITOR_LOGIN + " LOGIN PASSWORD 'auditor-secret' IN ROLE chengxin_readonly")
                    .update();

            try (ConfigurableApplicationContext app = App.start(dir.resolve("app"), "test",
                    "--CHENGXIN_DB_URL=" + ExternalPostgres.url(server), "--CHENGXIN_DB_USER=" + RUNTIME_LOGIN,
                    "--CHENGXIN_DB_PASSWORD=runtime-secret", "--spring.flyway.user=" + ExternalPostgres.USER,
                    "--spring.flyway.password=" + ExternalPostgres.PASSWORD)) {
                JdbcClient platform = JdbcClient.create(app.getBean(DataSource.class));
                assertThat(platform.sql("SELECT current_user").query(String.class).single()).isEqualTo(RUNTIME_LOGIN);
                assertThat(platform.sql("SELECT DISTINCT installed_by FROM flyway_schema_history").query(String.class)
                        .list()).as("migrated by the owner").containsExactly(ExternalPostgres.USER);

                SubjectRegistry registry = app.getBean(SubjectRegistry.class);
                registry.registerPerson(new NewPerson(registry.validate(DocumentType.RESIDENT_ID,
                        "411702199001011238"), "孙丽", null, null, List.of(), List.of(), false));
                assertThat(platform.sql("SELECT count(*) FROM audit.event").query(Long.class).single())
                        .as("audited as the runtime role").isPositive();
                assertThat(app.getBean(AuditVerification.class).verify().intact()).isTrue();

                // Gaps review xli V1: the owner's function judges the period by the database server's clock. A
                // platform clock 4,000 days ahead empties nothing; events the owner has aged 4,000 days are emptied.
                AuditRetention retention = app.getBean(AuditRetention.class);
                assertThatThrownBy(() -> retention.prune(Clock.offset(Clock.systemUTC(), Duration.ofDays(4000))))
                        .as("a clock ahead of the server's").rootCause().hasMessageContaining("is ahead of it");
                JdbcClient owner = JdbcClient.create(server.getDatabase(ExternalPostgres.USER, "chengxin"));
                assertThat(owner.sql("UPDATE audit.event SET at = at - interval '4000 days'").update()).isPositive();
                assertThat(retention.prune()).as("retention through the owner's function").isPositive();
            }

            JdbcClient runtime = JdbcClient.create(server.getDatabase(RUNTIME_LOGIN, "chengxin"));
            for (String change : List.of("UPDATE audit.event SET detail = NULL", "DELETE FROM audit.event",
                    "TRUNCATE audit.node", "UPDATE audit.checkpoint SET key_id = 'x'", "DROP TABLE audit.event",
                    "UPDATE audit.retention_mark SET walked_through = -1", "DELETE FROM audit.retention_mark",
                    "ALTER TABLE audit.event DISABLE TRIGGER ALL", "DROP TABLE subject.subject")) {
                assertThatThrownBy(() -> runtime.sql(change).update()).as(change)
                        .rootCause().hasMessageMatching("(?s).*(permission denied|must be owner).*");
            }
            assertThatThrownBy(() -> runtime.sql("SELECT audit.empty_past_retention('QUERY', now() - interval "
                    + "'1 year', now())").query(Integer.class).single()).as("below the legal minimum")
                    .rootCause().hasMessageContaining("keep their content for at least");
            assertThatThrownBy(() -> runtime.sql("SELECT audit.empty_past_retention('QUERY', now() + interval "
                    + "'1 day', now() + interval '3654 days')").query(Integer.class).single())
                    .as("a pruning time ahead of the server's clock").rootCause().hasMessageContaining("is ahead of it");
            // Gaps review xlii W2 (V770): the range form is the runtime role's too, under the same floor and clock,
            // whatever range it is given.
            assertThat(runtime.sql("SELECT audit.empty_past_retention('SECURITY', 0, 9223372036854775807, "
                    + "now() - interval '400 days', now())").query(Integer.class).single()).isNotNegative();
            assertThatThrownBy(() -> runtime.sql("SELECT audit.empty_past_retention('QUERY', 0, 9223372036854775807, "
                    + "now() - interval '1 year', now())").query(Integer.class).single()).as("below the legal minimum")
                    .rootCause().hasMessageContaining("keep their content for at least");
            assertThatThrownBy(() -> runtime.sql("SELECT audit.empty_past_retention('QUERY', 0, 9223372036854775807, "
                    + "now() + interval '1 day', now() + interval '3654 days')").query(Integer.class).single())
                    .as("a pruning time ahead of the server's clock").rootCause().hasMessageContaining("is ahead of it");

            // Gaps review xlvi AA2 (V1034): consents and what hangs on them are deleted through the owner's function,
            // the runtime role's to call, under the ten years it judges itself; the tables stay closed to its DELETE.
            assertThat(runtime.sql("SELECT consents FROM inquiry.delete_ended_consents(ARRAY[gen_random_uuid()], "
                    + "now() - interval '11 years')").query(Integer.class).single()).isZero();
            assertThatThrownBy(() -> runtime.sql("SELECT consents FROM inquiry.delete_ended_consents("
                    + "ARRAY[gen_random_uuid()], now() - interval '9 years')").query(Integer.class).single())
                    .as("a consent younger than ten years").rootCause()
                    .hasMessageContaining("kept for at least 10 years");

            // Gaps review xli V2 (V571): history and evidence the code never changes, the runtime role may not either.
            for (String change : List.of("UPDATE creditfile.record SET content = '{}'::jsonb",
                    "UPDATE creditfile.record SET decision_date = DATE '2001-01-01'", "DELETE FROM creditfile.record",
                    "UPDATE creditfile.record_event SET reason = 'x'", "DELETE FROM creditfile.record_event",
                    "UPDATE inquiry.consent SET purpose = 'OTHER'", "UPDATE inquiry.consent SET granted_at = now()",
                    "DELETE FROM inquiry.consent", "UPDATE inquiry.report SET sm3 = 'forged'",
                    "DELETE FROM inquiry.report", "DELETE FROM inquiry.report_record",
                    "UPDATE inquiry.report_entry SET report_id = report_id", "DELETE FROM inquiry.report_superseded",
                    "UPDATE inquiry.counter_visit SET served_at = now()", "DELETE FROM inquiry.counter_visit",
                    "UPDATE inquiry.counter_paper SET kind = kind",
                    "DELETE FROM inquiry.counter_paper", "UPDATE listing.notice SET issued_at = now()",
                    "DELETE FROM listing.notice", "UPDATE objection.pause SET reason = 'x'",
                    "DELETE FROM shared.calendar_day_change")) {
                assertThatThrownBy(() -> runtime.sql(change).update()).as(change)
                        .rootCause().hasMessageContaining("permission denied");
            }
            // ... but the columns the code changes stay open to it (V571's grants).
            for (String change : List.of(
                    "UPDATE creditfile.record SET status = status, current = current, publication_end = publication_end,"
                            + " own_publication_end = own_publication_end, retention_end = retention_end,"
                            + " revocation_reason = revocation_reason, subject_id = subject_id WHERE false",
                    "UPDATE inquiry.consent SET withdrawn_at = withdrawn_at, withdrawn_by = withdrawn_by, uses = uses,"
                            + " last_used_at = last_used_at, review = review WHERE false",
                    "UPDATE inquiry.report SET content = content, content_key_version = content_key_version, pdf = pdf,"
                            + " pdf_key_version = pdf_key_version, emptied_at = emptied_at, tagged_sm3 = tagged_sm3"
                            + " WHERE false",
                    "UPDATE inquiry.counter_paper SET content = content, content_key_version = content_key_version"
                            + " WHERE false",
                    "UPDATE listing.notice SET subject_id = subject_id WHERE false",
                    // A join moves the joined subject's consents, reports and counter visits (V910, JoinedInquiries).
                    "UPDATE inquiry.consent SET subject_id = subject_id WHERE false",
                    "UPDATE inquiry.report SET subject_id = subject_id WHERE false",
                    "UPDATE inquiry.counter_visit SET subject_id = subject_id WHERE false")) {
                assertThat(runtime.sql(change).update()).as(change).isZero();
            }
            assertThatThrownBy(() -> runtime.sql("DELETE FROM flyway_schema_history").update())
                    .rootCause().hasMessageContaining("permission denied");

            JdbcClient auditor = JdbcClient.create(server.getDatabase(AUDITOR_LOGIN, "chengxin"));
            assertThat(auditor.sql("SELECT count(*) FROM audit.event").query(Long.class).single()).isPositive();
            assertThat(auditor.sql("SELECT count(*) FROM subject.subject").query(Long.class).single()).isEqualTo(1);
            assertThatThrownBy(() -> auditor.sql("DELETE FROM subject.subject").update())
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> auditor.sql("SELECT count(*) FROM account.http_session").query(Long.class)
                    .single()).as("sessions stay unread").rootCause().hasMessageContaining("permission denied");

            // Gaps review xli V11 (V590, V668): the keys kept in the database stay unread, and so do the hashes sign-ins
            // and tip-off receipts are checked against and the TOTP seeds; every other column of those tables is read.
            for (String secret : List.of("account.secret", "inquiry.secret", "portal.secret")) {
                assertThatThrownBy(() -> auditor.sql("SELECT name, value FROM " + secret).query().listOfRows())
                        .as(secret).rootCause().hasMessageContaining("permission denied");
            }
            JdbcClient owner = JdbcClient.create(server.getDatabase(ExternalPostgres.USER, "chengxin"));
            Map<String, List<String>> withheld = Map.of(
                    "account.staff_user", List.of("password_hash", "totp_cipher"),
                    "account.citizen", List.of("password_hash"),
                    "account.api_client", List.of("key_hash"),
                    "account.pending_registration", List.of("password_hash", "code_hash"),
                    "account.pending_recovery", List.of("code_hash"),
                    // The auditors' reach (V668): a tip-off's receipt code hash, with which a reporter follows it.
                    "portal.tipoff", List.of("receipt_hash"));
            withheld.forEach((table, hidden) -> {
                List<String> columns = owner.sql("""
                                SELECT column_name FROM information_schema.columns
                                WHERE table_schema || '.' || table_name = ? ORDER BY ordinal_position""")
                        .param(table).query(String.class).list();
                assertThat(columns).as(table).containsAll(hidden);
                for (String column : hidden) {
                    assertThatThrownBy(() -> auditor.sql("SELECT " + column + " FROM " + table).query().listOfRows())
                            .as(table + "." + column).rootCause().hasMessageContaining("permission denied");
                }
                String rest = String.join(", ", columns.stream().filter(c -> !hidden.contains(c)).toList());
                assertThat(auditor.sql("SELECT count(*) FROM (SELECT " + rest + " FROM " + table + ") t")
                        .query(Long.class).single()).as(table + " but its hashes").isNotNegative();
            });
        }
    }
}
