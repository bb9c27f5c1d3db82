package cn.chengxin.audit;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xxxiii N8: a bad checkpoint key left the audit log unsigned for days while monitoring showed green. An
 * event that has waited more than three checkpoint intervals for a signed checkpoint turns readiness {@code DOWN}. The
 * stored times are moved, not the clock: inside a transaction rolled back at the end, no checkpoint is kept and the
 * first event is an hour old, and the readiness group is asked from the same transaction.
 */
@IntegrationTest
class AuditCheckpointHealthIT {

    @Autowired
    AuditLog audit;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    HealthEndpoint health;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anEventUnsignedForThreeIntervalsMakesReadinessDown() {
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "test.checkpoint-health"));
        checkpoints.checkpointNow();
        assertThat(checkpointStatus()).as("every event signed").isEqualTo(Status.UP);

        transactions.executeWithoutResult(tx -> {
            // The checkpoint job, were it to run meanwhile, waits for the rollback.
            jdbc.sql("LOCK TABLE audit.checkpoint IN EXCLUSIVE MODE").update();
            jdbc.sql("DELETE FROM audit.checkpoint").update();
            jdbc.sql("UPDATE audit.event SET at = now() - interval '1 hour' WHERE seq = 0").update();

            CompositeHealthDescriptor readiness = (CompositeHealthDescriptor) health.healthForPath("readiness");
            assertThat(readiness.getComponents().get("auditCheckpoint").getStatus()).isEqualTo(Status.DOWN);
            assertThat(readiness.getStatus()).isEqualTo(Status.DOWN);
            tx.setRollbackOnly();
        });

        assertThat(checkpointStatus()).as("signed again once the checkpoints are back").isEqualTo(Status.UP);
    }

    private Status checkpointStatus() {
        return health.healthForPath("readiness", "auditCheckpoint").getStatus();
    }
}
