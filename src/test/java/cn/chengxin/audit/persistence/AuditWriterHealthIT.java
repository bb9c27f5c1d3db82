package cn.chengxin.audit.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.audit.AuditUnavailableException;
import cn.chengxin.audit.domain.EventRecord;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gaps review xxxiii N8: an audit writer that cannot store fails every caller (fail closed) while the balancer kept
 * sending it requests. A writer whose last commit failed is {@code DOWN} for readiness; a minute later, with no
 * commit tried since, it is {@code UP} again, so that an instance out of the balancer comes back to be tried.
 */
@IntegrationTest
class AuditWriterHealthIT {

    @Autowired
    AuditKeys keys;

    @Autowired
    AuditWriter writer;

    @Autowired
    Clock clock;

    @Autowired
    HealthEndpoint health;

    @Test
    void aWriterWhoseCommitFailedTakesTheInstanceOutOfReadinessForAMinute() throws Exception {
        try (AuditWriter unreachable = new AuditWriter(new UnreachableDatabase(), keys)) {
            AuditWriterHealthIndicator indicator = new AuditWriterHealthIndicator(unreachable, clock);
            assertThat(indicator.health().getStatus()).as("nothing tried yet").isEqualTo(Status.UP);

            assertThatThrownBy(() -> unreachable.append(event(), null, null))
                    .isInstanceOf(AuditUnavailableException.class);

            Health failing = indicator.health();
            assertThat(failing.getStatus()).isEqualTo(Status.DOWN);
            assertThat(failing.getDetails()).containsEntry("failedCommits", 1L).containsKey("lastFailure");
            assertThat(unreachable.figures().failedCallers()).isEqualTo(1);
            assertThat(unreachable.figures().commits()).isZero();

            Clock minuteLater = Clock.offset(clock, AuditWriterHealthIndicator.RECENT.plus(Duration.ofSeconds(1)));
            assertThat(new AuditWriterHealthIndicator(unreachable, minuteLater).health().getStatus())
                    .as("back in the balancer to be tried again").isEqualTo(Status.UP);
        }
    }

    @Test
    void theApplicationsWriterStoresAndIsPartOfReadiness() {
        writer.append(event(), null, null);
        AuditWriter.Figures figures = writer.figures();
        assertThat(figures.commits()).isPositive();
        assertThat(figures.events()).isGreaterThanOrEqualTo(figures.commits());
        assertThat(figures.failing()).isFalse();
        assertThat(new AuditWriterHealthIndicator(writer, clock).health().getStatus()).isEqualTo(Status.UP);

        CompositeHealthDescriptor readiness = (CompositeHealthDescriptor) health.healthForPath("readiness");
        assertThat(readiness.getComponents()).containsKeys("auditWriter", "auditCheckpoint", "checkIndex",
                "readinessState");
        assertThat(readiness.getComponents().get("auditWriter").getStatus()).isEqualTo(Status.UP);
    }

    private static EventRecord event() {
        return new EventRecord(-1, Instant.now().truncatedTo(ChronoUnit.MICROS), AuditCategory.PROCESSING, "SYSTEM",
                "monitoring", "监控测试", "", "test.writer-health", null, null, null, null, AuditResult.SUCCESS, null,
                null);
    }

    /** A database the writer cannot reach: every connection refused, as when the server is down. */
    private static final class UnreachableDatabase implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("connection refused", "08001");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
