package cn.chengxin.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import cn.chengxin.audit.domain.EventRecord;
import cn.chengxin.audit.persistence.AuditKeys;
import cn.chengxin.audit.persistence.AuditWriter;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xxvii I4 (session xxxv; RULES.md §9, GB/T 39786-2021): the row-sealing key is rotated. An instance
 * started with the next version ({@code generate-keys --next-row-mac-key}) seals its rows under it and names it in
 * each row; the rows sealed before still verify under version 1, so the whole log verifies, with the new keys and with
 * the platform's own (which reads the new version's file when a row first names it). A row naming a version no key is
 * held for does not verify. The platform of the tests goes on with its own keys; the rotated instance is a second
 * writer over the same log, as after a restart with the new key file.
 */
@IntegrationTest
class RowMacRotationIT {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditKeys keys;

    @Autowired
    AuditVerification verification;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    AuditRetention retention;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Value("${chengxin.keys.dir}")
    Path keyDir;

    @Test
    void afterARotationEveryRowVerifiesUnderItsVersionAndAMissingVersionDoesNot() throws Exception {
        long before = audit.record(AuditEntry.of(AuditCategory.QUERY, "test.row-mac-before"));
        byte[] next = new byte[32];
        new SecureRandom().nextBytes(next);
        AuditKeys rotated = keys.withNextRowMacKey(next);
        int version = rotated.macVersion();
        assertThat(version).isEqualTo(keys.macVersion() + 1);
        Files.writeString(keyDir.resolve(version == 1 ? "audit-row-mac.key" : "audit-row-mac.v" + version + ".key"),
                Base64.getEncoder().encodeToString(next));

        long after;
        try (AuditWriter restarted = new AuditWriter(dataSource, rotated)) {
            after = restarted.append(new EventRecord(-1, Instant.now().truncatedTo(ChronoUnit.MICROS),
                    AuditCategory.PROCESSING, "SYSTEM", "rotated", "轮换后的实例", "", "test.row-mac-after", null,
                    null, null, null, AuditResult.SUCCESS, null, null), null, null);
        }
        long later = audit.record(AuditEntry.of(AuditCategory.QUERY, "test.row-mac-later"));

        assertThat(macVersion(before)).as("sealed before the rotation").isEqualTo(keys.macVersion());
        assertThat(macVersion(after)).as("sealed by the instance holding the next version").isEqualTo(version);
        assertThat(macVersion(later)).as("an instance not yet restarted").isEqualTo(keys.macVersion());
        AuditVerification withNextKey = new AuditVerification(jdbc, rotated, new Checkpoints(jdbc, rotated, clock, ""),
                retention, clock);
        assertThat(withNextKey.verify().findings()).as("the whole log under the rotated keys")
                .noneMatch(f -> f.kind() == AuditVerification.FindingKind.ROW_SEAL_BROKEN);
        assertThat(verification.verify().findings()).as("the platform's own verification reads the new version")
                .noneMatch(f -> f.kind() == AuditVerification.FindingKind.ROW_SEAL_BROKEN);

        // A row naming a version no key is held for, and a row moved to another version, do not verify.
        List<AuditVerification.Finding> found = transactions.execute(tx -> {
            jdbc.sql("UPDATE audit.event SET mac_version = 99 WHERE seq = ?").param(after).update();
            jdbc.sql("UPDATE audit.event SET mac_version = ? WHERE seq = ?").params(version, before).update();
            List<AuditVerification.Finding> findings = withNextKey.verify().findings();
            tx.setRollbackOnly();
            return findings;
        });
        assertThat(found).anyMatch(f -> f.kind() == AuditVerification.FindingKind.ROW_SEAL_BROKEN
                && f.fromSeq() == after && f.detail().contains("version 99"));
        assertThat(found).anyMatch(f -> f.kind() == AuditVerification.FindingKind.ROW_SEAL_BROKEN
                && f.fromSeq() == before);
    }

    private int macVersion(long seq) {
        return jdbc.sql("SELECT mac_version FROM audit.event WHERE seq = ?").param(seq).query(Integer.class).single();
    }
}
