package cn.chengxin.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import cn.chengxin.audit.domain.Checkpoint;
import cn.chengxin.audit.domain.KeptCheckpoint;
import cn.chengxin.audit.persistence.AuditKeys;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The platform signs its own checkpoints, so whoever can rewrite its log can sign new ones: an auditor verifies
 * against a checkpoint they kept from /audit/checkpoints. And what lies past the last checkpoint is reported, not
 * passed over. Tamperings happen in transactions rolled back after the verifier ran inside them.
 */
@IntegrationTest
class AuditKeptCheckpointIT {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerification verification;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    AuditKeys keys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

    @Test
    void aKeptCheckpointMatchesTheLogItWasSignedFor() {
        Checkpoints.Signed latest = kept();

        AuditVerification.Report report = verification.verify(asKept(latest));

        assertThat(report.findings()).isEmpty();
        assertThat(report.keptSize()).isEqualTo(latest.treeSize());
    }

    /** The log cut back to before the kept checkpoint, and the platform's later checkpoints and nodes removed. */
    @Test
    void aLogCutBackBehindTheKeptCheckpointIsReportedEvenWithItsOwnCheckpointsGone() {
        Checkpoints.Signed latest = kept();
        long cut = latest.treeSize() - 3;

        List<AuditVerification.Finding> plain = rolledBack(() -> {
            cutBack(cut);
            return verification.verify().findings();
        });
        assertThat(plain).as("without the kept checkpoint the cut does not show").isEmpty();

        List<AuditVerification.Finding> findings = rolledBack(() -> {
            cutBack(cut);
            return verification.verify(asKept(latest)).findings();
        });
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(AuditVerification.FindingKind.ROWS_TRUNCATED);
            assertThat(f.fromSeq()).isEqualTo(cut);
            assertThat(f.toSeq()).isEqualTo(latest.treeSize() - 1);
            assertThat(f.detail()).contains("the checkpoint you kept");
        });
    }

    /** A checkpoint signed by the platform whose root the log does not give: the log was rewritten. */
    @Test
    void aRootTheLogNoLongerGivesIsAMismatch() {
        Checkpoints.Signed latest = kept();
        byte[] otherRoot = latest.root();
        otherRoot[0] ^= 1;
        Checkpoint rewritten = new Checkpoint(latest.treeSize(), otherRoot, latest.at());

        AuditVerification.Report report = verification.verify(
                new KeptCheckpoint(rewritten, keys.signer().sign(rewritten)));

        assertThat(report.findings()).extracting(AuditVerification.Finding::kind)
                .containsExactly(AuditVerification.FindingKind.CHECKPOINT_ROOT_MISMATCH);
    }

    @Test
    void aCheckpointThePlatformDidNotSignIsReported() {
        Checkpoints.Signed latest = kept();
        byte[] signature = latest.signature();
        signature[signature.length - 1] ^= 1;

        AuditVerification.Report report = verification.verify(new KeptCheckpoint(latest.checkpoint(), signature));

        assertThat(report.findings()).extracting(AuditVerification.Finding::kind)
                .containsExactly(AuditVerification.FindingKind.CHECKPOINT_NOT_SIGNED);
    }

    /** Issue #3: the console's result table names a finding in the reader's language, its code beside it. */
    @Test
    void theConsoleNamesAFindingByItsLabel() throws Exception {
        Checkpoints.Signed latest = kept();
        byte[] signature = latest.signature();
        signature[signature.length - 1] ^= 1;

        String page = mvc.perform(post("/console/audit/verify").with(csrf())
                        .with(staff("审计员甲", "audit:read", "audit:verify"))
                        .param("checkpointSize", Long.toString(latest.treeSize()))
                        .param("checkpointRoot", HexFormat.of().formatHex(latest.root()))
                        .param("checkpointAt", latest.at().toString())
                        .param("checkpointSignature", Base64.getEncoder().encodeToString(signature)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<span>保存的检查点并非平台签发</span>", ">CHECKPOINT_NOT_SIGNED</code>");
    }

    /**
     * Events after the last checkpoint are counted in the report; cut off with no checkpoint counting them, the tree
     * nodes stored for them still prove they were there.
     */
    @Test
    void eventsAndNodesPastTheLastCheckpointAreReported() {
        long size = kept().treeSize();
        long first = -1;
        for (int i = 0; i < 40; i++) {
            long seq = audit.record(AuditEntry.of(AuditCategory.PROCESSING, "test.past-checkpoint").detail("e" + i));
            first = first < 0 ? seq : first;
        }
        long from = first;

        AuditVerification.Report past = rolledBack(() -> {
            jdbc.sql("DELETE FROM audit.checkpoint WHERE tree_size > ?").param(size).update();
            return verification.verify();
        });
        assertThat(past.findings()).isEmpty();
        assertThat(past.lastCheckpointSize()).isEqualTo(size);
        assertThat(past.eventsPastLastCheckpoint()).isGreaterThanOrEqualTo(40);

        List<AuditVerification.Finding> cut = rolledBack(() -> {
            jdbc.sql("DELETE FROM audit.checkpoint WHERE tree_size > ?").param(size).update();
            jdbc.sql("DELETE FROM audit.event WHERE seq >= ?").param(from).update();
            return verification.verify().findings();
        });
        assertThat(cut).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(AuditVerification.FindingKind.ROWS_TRUNCATED);
            assertThat(f.fromSeq()).isEqualTo(from);
            assertThat(f.detail()).contains("stored tree nodes");
        });
    }

    @Test
    void theConsoleVerifiesAgainstAKeptCheckpointAndSaysWhichFieldDoesNotRead() throws Exception {
        Checkpoints.Signed latest = kept();
        String root = HexFormat.of().formatHex(latest.root());
        String signature = Base64.getEncoder().encodeToString(latest.signature());

        String matched = mvc.perform(post("/console/audit/verify").with(csrf())
                        .with(staff("审计员甲", "audit:read", "audit:verify"))
                        .param("checkpointSize", Long.toString(latest.treeSize())).param("checkpointRoot", root)
                        .param("checkpointAt", latest.at().toString()).param("checkpointSignature", signature))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(matched).contains("id=\"kept-matches\"", "与您保存的检查点（"
                + NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE).format(latest.treeSize()) + " 条事件）一致");

        String malformed = mvc.perform(post("/console/audit/verify").with(csrf())
                        .with(staff("审计员甲", "audit:read", "audit:verify"))
                        .param("checkpointSize", Long.toString(latest.treeSize())).param("checkpointRoot", root)
                        .param("checkpointAt", "2026-12-04 13:27").param("checkpointSignature", signature))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(malformed).contains("CHECKPOINT_MALFORMED", "“时间（ISO-8601）”", "kept-checkpoint-form",
                "value=\"2026-12-04 13:27\"", root).doesNotContain("data-field=\"verdict\"");

        assertThat(mvc.perform(get("/console/audit").with(staff("审计员甲", "audit:read", "audit:verify")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("kept-checkpoint-form", "checkpointSignature");
    }

    @Test
    void theCommandTakesTheKeptCheckpointAsOptions() {
        Checkpoints.Signed latest = kept();
        String[] options = {"--checkpoint-size=" + latest.treeSize(),
                "--checkpoint-root=" + HexFormat.of().formatHex(latest.root()),
                "--checkpoint-at=" + latest.at(),
                "--checkpoint-signature=" + Base64.getEncoder().encodeToString(latest.signature())};
        AuditVerifyCommand command = new AuditVerifyCommand(verification);

        String out = printed(() -> command.run(new DefaultApplicationArguments(options)));
        assertThat(out).contains("matches the kept checkpoint of size " + latest.treeSize(), "verify-audit: intact");
        assertThat(command.getExitCode()).isZero();

        options[0] = "--checkpoint-size=abc";
        String bad = printed(() -> command.run(new DefaultApplicationArguments(options)));
        assertThat(bad).contains("CHECKPOINT_MALFORMED --checkpoint-size");
        assertThat(command.getExitCode()).isEqualTo(2);
    }

    /** The public page shows each checkpoint's exact time, as it is signed, so that it can be pasted back. */
    @Test
    void thePublicPageShowsTheExactTimeToPasteBack() throws Exception {
        Checkpoints.Signed latest = kept();

        assertThat(mvc.perform(get("/audit/checkpoints")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains(">" + latest.at() + "<");
        assertThat(asKept(latest).checkpoint().at()).isEqualTo(latest.at());
    }

    private Checkpoints.Signed kept() {
        for (int i = 0; i < 5; i++) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "test.kept-checkpoint").detail("event " + i));
        }
        return checkpoints.checkpointNow().orElseThrow();
    }

    private static KeptCheckpoint asKept(Checkpoints.Signed signed) {
        return AuditVerification.kept(Long.toString(signed.treeSize()), HexFormat.of().formatHex(signed.root()),
                signed.at().toString(), Base64.getEncoder().encodeToString(signed.signature()));
    }

    /** Cuts the log back to {@code size} events, with whatever would give the cut away: checkpoints and nodes. */
    private void cutBack(long size) {
        jdbc.sql("DELETE FROM audit.event WHERE seq >= ?").param(size).update();
        jdbc.sql("DELETE FROM audit.checkpoint WHERE tree_size > ?").param(size).update();
        jdbc.sql("DELETE FROM audit.node WHERE ((idx + 1) * (1::bigint << level) - 1) >= ?").param(size).update();
    }

    private <T> T rolledBack(Supplier<T> work) {
        return transactions.execute(tx -> {
            tx.setRollbackOnly();
            return work.get();
        });
    }

    private static String printed(Runnable run) {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
