package cn.chengxin.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import cn.chengxin.audit.domain.CheckpointSigner;
import cn.chengxin.audit.domain.Sm2Keys;
import cn.chengxin.audit.persistence.AuditKeys;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * I4, RULES.md §9–10: the checkpoint key can be replaced. Each checkpoint is verified with the key its key id names:
 * after a new key signs, the checkpoints of the key before still verify with its public half, kept in the key directory
 * and published, the new ones with the new key, and a citizen's proof still says signed. The platform of the tests
 * goes on signing with its own key; the replacement is a second {@link Checkpoints} over the same log with a new key,
 * whose public half is put in the key directory as the platform does for its current key when it starts.
 */
@IntegrationTest
class AuditKeyReplacementIT {

    @Autowired
    AuditLog audit;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    AuditKeys keys;

    @Autowired
    AccessHistory history;

    @Autowired
    AuditRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Value("${chengxin.keys.dir}")
    Path keyDir;

    @Test
    void afterANewSigningKeyOldCheckpointsVerifyWithTheRetiredKeyAndNewOnesWithTheNewKey() throws Exception {
        String pseudonym = "key-replacement-" + System.nanoTime();
        audit.record(AuditEntry.of(AuditCategory.QUERY, "report.view").subject(pseudonym).detail("before"));
        Checkpoints.Signed underOldKey = checkpoints.checkpointNow().orElseThrow();
        String oldKeyId = keys.keyId();
        assertThat(underOldKey.keyId()).isEqualTo(oldKeyId);
        assertThat(keyDir.resolve("audit-checkpoint-sm2." + oldKeyId + ".pub"))
                .as("the current key's public half, kept beside it at start").exists();

        // The office replaces the checkpoint key.
        AuditKeys replaced = keys.withSigner(new CheckpointSigner(Sm2Keys.generate().privateKey()));
        String newKeyId = replaced.keyId();
        Files.writeString(keyDir.resolve("audit-checkpoint-sm2." + newKeyId + ".pub"), replaced.signer().publicKey());
        Checkpoints newCheckpoints = new Checkpoints(jdbc, replaced, clock, "");
        AuditVerification newVerification = new AuditVerification(jdbc, replaced, newCheckpoints, retention, clock);
        long seq = audit.record(AuditEntry.of(AuditCategory.QUERY, "report.view").subject(pseudonym).detail("after"));
        Checkpoints.Signed underNewKey = newCheckpoints.checkpointNow().orElseThrow();
        assertThat(underNewKey.keyId()).isEqualTo(newKeyId).isNotEqualTo(oldKeyId);

        AuditVerification.Report report = newVerification.verify();

        assertThat(report.findings()).as("no checkpoint of the retired key reported forged")
                .noneMatch(f -> f.kind() == AuditVerification.FindingKind.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(report.checkpointsChecked()).isGreaterThanOrEqualTo(2);
        assertThat(newCheckpoints.signedByItsKey(underOldKey)).as("with the retired key").isTrue();
        assertThat(newCheckpoints.signedByItsKey(underNewKey)).as("with the new key").isTrue();
        assertThat(newVerification.verify(AuditVerification.kept(String.valueOf(underOldKey.treeSize()),
                java.util.HexFormat.of().formatHex(underOldKey.root()), underOldKey.at().toString(),
                java.util.Base64.getEncoder().encodeToString(underOldKey.signature()))).findings())
                .as("a checkpoint an auditor kept from before the replacement")
                .noneMatch(f -> f.kind() == AuditVerification.FindingKind.CHECKPOINT_NOT_SIGNED);

        // A checkpoint that names a key the platform does not know is not signed by the platform.
        List<AuditVerification.Finding> unknown = transactions.execute(tx -> {
            jdbc.sql("UPDATE audit.checkpoint SET key_id = 'ffffffffffffffff' WHERE tree_size = ?")
                    .param(underOldKey.treeSize()).update();
            List<AuditVerification.Finding> found = newVerification.verify().findings();
            tx.setRollbackOnly();
            return found;
        });
        assertThat(unknown).anyMatch(f -> f.kind() == AuditVerification.FindingKind.CHECKPOINT_SIGNATURE_INVALID
                && f.detail().contains("ffffffffffffffff"));

        // The citizen's proof rests on the latest checkpoint, signed by the new key: still signed.
        assertThat(checkpoints.latest().orElseThrow().keyId()).isEqualTo(newKeyId);
        AccessHistory.Proof proof = history.proof(pseudonym, seq).orElseThrow();
        assertThat(proof.checkpointSigned()).isTrue();
        assertThat(proof.verified()).isTrue();
        assertThat(proof.publicKeyBase64()).isEqualTo(replaced.signer().publicKey());
        // Both keys published, each checkpoint naming its own.
        mvc.perform(get("/api/v1/audit/checkpoints")).andExpect(jsonPath("$.retiredKeysBase64." + newKeyId)
                .value(replaced.signer().publicKey()));
        mvc.perform(get("/audit/checkpoints")).andExpect(content().string(org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.containsString(replaced.signer().publicKey()),
                org.hamcrest.Matchers.containsString(newKeyId))));
    }
}
