package cn.chengxin.audit;

import java.util.List;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxxv P10: 完整性校验 runs in the background, one run at a time, and a run after an earlier one verifies only
 * the events since the signed checkpoint that one reached; the button answers at once, the page shows the progress and
 * then the result.
 */
@IntegrationTest
class AuditVerificationRunsIT {

    /** Generous: a run over the test log takes seconds; the loop ends as soon as the run has. */
    private static final long PATIENCE_MILLIS = 600_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    VerificationRuns runs;

    @Autowired
    AuditVerification verification;

    @Autowired
    AuditLog audit;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theButtonStartsABackgroundRunAndASecondRunVerifiesOnlyTheNewEvents() throws Exception {
        for (int i = 0; i < 5; i++) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "test.verification-run").detail("before " + i));
        }
        VerificationRuns.Run first = startAndAwait(true);
        assertThat(first.full()).isTrue();
        assertThat(first.fromSize()).isZero();
        assertThat(first.intact()).as("the test log is intact: %s", first.findings()).isTrue();
        assertThat(first.eventsChecked()).isEqualTo(first.logSize());
        assertThat(first.verifiedSize()).as("reached a signed checkpoint").isPositive()
                .isLessThanOrEqualTo(first.logSize());
        assertThat(first.startedBy()).isEqualTo("审计员甲");

        String page = mvc.perform(get("/console/audit/verification").with(staff("审计员甲", "audit:read",
                        "audit:verify")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-status=\"INTACT\"", "data-field=\"reached\"",
                String.format("%,d", first.verifiedSize()));

        for (int i = 0; i < 10; i++) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "test.verification-run").detail("after " + i));
        }
        VerificationRuns.Run second = startAndAwait(false);
        assertThat(second.full()).isFalse();
        assertThat(second.fromSize()).as("from where the last run reached").isEqualTo(first.verifiedSize());
        assertThat(second.intact()).as("%s", second.findings()).isTrue();
        assertThat(second.eventsChecked()).as("only the events since").isEqualTo(second.logSize() - second.fromSize())
                .isGreaterThanOrEqualTo(10).isLessThan(first.eventsChecked());
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action IN ('audit.verify.start', 'audit.verify') "
                        + "AND actor_name = '审计员甲' AND seq >= ?").param(first.logSize()).query(Long.class).single())
                .as("the first run's end, the second's start and end, all as the auditor").isEqualTo(3);
    }

    /**
     * A run from a checkpoint still finds a row changed after it, and a stored tree node changed below it (the edge no
     * longer gives the signed root); a row changed below it is left to the full run, which finds it. Each tampering is
     * rolled back after the verifier has run inside it, as in {@link AuditTamperIT}.
     */
    @Test
    void aRunFromACheckpointStillFindsTampering() {
        for (int i = 0; i < 40; i++) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "test.verification-run").detail("old " + i));
        }
        long from = checkpoints.checkpointNow().orElseThrow().treeSize();
        long changed = -1;
        for (int i = 0; i < 20; i++) {
            long seq = audit.record(AuditEntry.of(AuditCategory.PROCESSING, "test.verification-run")
                    .detail("new " + i));
            changed = i == 7 ? seq : changed;
        }
        checkpoints.checkpointNow();
        assertThat(verification.check(from, null, AuditVerification.Steps.NONE).findings()).isEmpty();

        long newRow = changed;
        assertThat(tampered(() -> jdbc.sql("UPDATE audit.event SET detail = '改写' WHERE seq = ?").param(newRow)
                .update(), from)).anySatisfy(f -> {
                    assertThat(f.kind()).isEqualTo(AuditVerification.FindingKind.CONTENT_ALTERED);
                    assertThat(f.fromSeq()).isEqualTo(newRow);
                });

        assertThat(tampered(() -> jdbc.sql("""
                        UPDATE audit.node SET hash = sha256(hash) WHERE (level, idx) = (
                            SELECT level, idx FROM audit.node WHERE (idx + 1) * (1::bigint << level) <= ?
                            ORDER BY level DESC, idx LIMIT 1)""").param(from).update(), from))
                .as("a stored node of the tree below the checkpoint changed")
                .extracting(AuditVerification.Finding::kind)
                .contains(AuditVerification.FindingKind.CHECKPOINT_ROOT_MISMATCH);

        long oldRow = from - 3;
        assertThat(tampered(() -> jdbc.sql("UPDATE audit.event SET detail = '改写' WHERE seq = ?").param(oldRow)
                .update(), 0)).as("the full run finds a row changed below the checkpoint").anySatisfy(f -> {
                    assertThat(f.kind()).isEqualTo(AuditVerification.FindingKind.CONTENT_ALTERED);
                    assertThat(f.fromSeq()).isEqualTo(oldRow);
                });
    }

    private List<AuditVerification.Finding> tampered(Runnable tampering, long from) {
        return transactions.execute(tx -> {
            tx.setRollbackOnly();
            tampering.run();
            return verification.check(from, null, AuditVerification.Steps.NONE).findings();
        });
    }

    /**
     * Presses the button (after any run going on has ended) and waits for its run to end, polling the stored state:
     * the claim is taken before the button answers, so the run is seen going on until it has ended.
     */
    private VerificationRuns.Run startAndAwait(boolean full) throws Exception {
        awaitNoRun();
        long before = runs.state().last().map(VerificationRuns.Run::id).orElse(0L);
        var request = post("/console/audit/verify").with(csrf())
                .with(staff("审计员甲", "audit:read", "audit:verify"));
        mvc.perform(full ? request.param("full", "true") : request)
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/console/audit/verification"));
        awaitNoRun();
        VerificationRuns.Run run = runs.state().last().orElseThrow();
        assertThat(run.id()).as("the run ended and was kept").isGreaterThan(before);
        return run;
    }

    private void awaitNoRun() throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (runs.state().running().isPresent()) {
            assertThat(System.currentTimeMillis()).as("an earlier run ended").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
