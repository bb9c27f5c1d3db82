package cn.chengxin.exchange;

import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditVerification;
import cn.chengxin.audit.Checkpoints;
import cn.chengxin.audit.RestoreGuard;
import cn.chengxin.audit.domain.Checkpoint;
import cn.chengxin.audit.domain.KeptCheckpoint;
import cn.chengxin.audit.domain.RestoreMarks;
import cn.chengxin.audit.persistence.AuditKeys;
import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A database restored from a backup must not hand out again what partners and department systems already hold (gaps
 * review xxxiii N2). The restore is simulated as the guard would meet it at the next start: the marks kept outside the
 * database are ahead of it by what was handed out between the backup and the loss. The guard's start-up check is run
 * by hand in the shared context, as it runs at start.
 */
@IntegrationTest
class RestoredDatabaseIT {

    /** What the platform had handed out after the backup was taken, and lost with the database. */
    private static final long LOST = 1_000;

    @Autowired
    RestoreGuard guard;

    @Autowired
    Exchange exchange;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditVerification verification;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    AuditKeys keys;

    @Test
    void aStartBehindTheMarksIsRefusedUntilConfirmedThenNumbersGoOnPastWhatPartnersHoldAndTheForkIsRecorded()
            throws Exception {
        TestPartner province = TestPartner.fresh("信用省").declaredAs(exchange, Relation.PARENT,
                PlatformLevel.PROVINCE, null);
        long before = versionOf(penalised("柏玉兰", 41, province));

        guard.keepMarks();
        RestoreMarks written = guard.marks();
        assertThat(written.marks()).as("every number others keep is marked").containsKeys("exchange.message_version",
                "exchange.outbox.seq", "listing.change_seq", "measures.check_lifted.seq", RestoreGuard.AUDIT_LOG);
        assertThat(written.marks().get("exchange.message_version")).isGreaterThanOrEqualTo(before);
        assertThat(guard.check(null).restored()).as("a database level with its marks starts").isFalse();

        // The database is now behind what the province and the departments hold, as after a restore.
        Map<String, Long> ahead = new HashMap<>();
        written.marks().forEach((name, value) -> ahead.put(name, value + LOST));
        new RestoreMarks(written.written(), ahead, written.confirmed()).write(guard.file());
        long partnersHighest = ahead.get("exchange.message_version");

        assertThatThrownBy(() -> guard.check(null)).isInstanceOf(RestoreGuard.RestoreUnconfirmed.class)
                .hasMessageContaining("exchange.message_version").hasMessageContaining("measures.check_lifted.seq")
                .hasMessageContaining("listing.change_seq").hasMessageContaining(RestoreGuard.AUDIT_LOG)
                .hasMessageContaining("CHENGXIN_RESTORE_CONFIRM");
        assertThatThrownBy(() -> guard.check("restore of the morning")).as("a name that is not one")
                .isInstanceOf(RestoreGuard.RestoreUnconfirmed.class).hasMessageContaining("not a restore's name");

        String name = "drill-" + UUID.randomUUID().toString().substring(0, 8);
        long logSize = guard.current().get(RestoreGuard.AUDIT_LOG);
        RestoreGuard.Outcome outcome = guard.check(name);

        assertThat(outcome.restored()).isTrue();
        Map<String, Long> now = guard.current();
        for (String sequence : List.of("exchange.message_version", "exchange.outbox.seq", "listing.change_seq",
                "measures.check_lifted.seq")) {
            assertThat(now.get(sequence)).as(sequence + " moved past its mark").isGreaterThan(ahead.get(sequence));
        }
        long after = versionOf(penalised("柏玉兰", 43, province));
        assertThat(after).as("a message queued after the restore is above what the partner holds")
                .isGreaterThan(partnersHighest);

        // The restore is a sealed audit event, covered by a checkpoint at once, its positions as reason codes.
        Map<String, Object> event = jdbc.sql("SELECT seq, detail, category FROM audit.event WHERE action = ? "
                        + "AND detail LIKE ?").params(RestoreGuard.ACTION, "%name=" + name + ";%")
                .query().singleRow();
        AuditDetail detail = AuditDetail.parse((String) event.get("detail")).orElseThrow();
        assertThat(detail.code()).isEqualTo(RestoreGuard.DETAIL);
        assertThat(detail.values()).extracting(AuditDetail.Value::text).startsWith(name, String.valueOf(logSize),
                String.valueOf(ahead.get(RestoreGuard.AUDIT_LOG)));
        assertThat(event.get("category")).isEqualTo("SECURITY");
        long seq = ((Number) event.get("seq")).longValue();
        assertThat(checkpoints.latest().orElseThrow().treeSize()).isGreaterThan(seq);

        // Verification reports the restore once, and explains a checkpoint kept before it over the events it lost.
        AuditVerification.Report report = verification.verify();
        assertThat(report.findings()).isEmpty();
        assertThat(report.restores()).filteredOn(r -> r.name().equals(name)).singleElement()
                .satisfies(r -> {
                    assertThat(r.position()).isEqualTo(logSize);
                    assertThat(r.reached()).isEqualTo(ahead.get(RestoreGuard.AUDIT_LOG));
                });
        AuditVerification.Restore restore = report.restores().stream().filter(r -> r.name().equals(name))
                .findFirst().orElseThrow();
        long size = report.logSize();
        byte[] lostRoot = new byte[32];
        lostRoot[0] = 7;
        KeptCheckpoint keptBefore = signed(new Checkpoint(size, lostRoot, restore.at().minusSeconds(3600)));
        AuditVerification.Report against = verification.verify(keptBefore);
        assertThat(against.findings()).as("a checkpoint from before the restore is not a rewrite").isEmpty();
        assertThat(against.keptBeforeRestore()).isEqualTo(restore);
        String page = mvc.perform(post("/console/audit/verify").with(csrf())
                        .with(staff("审计员甲", "audit:read", "audit:verify"))
                        .param("checkpointSize", Long.toString(size))
                        .param("checkpointRoot", HexFormat.of().formatHex(lostRoot))
                        .param("checkpointAt", keptBefore.checkpoint().at().toString())
                        .param("checkpointSignature", Base64.getEncoder().encodeToString(keptBefore.signature())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"kept-before-restore\"", "由平台签发于恢复“" + name + "”之前",
                "data-field=\"restore\"").doesNotContain("id=\"kept-matches\"", "CHECKPOINT_ROOT_MISMATCH");
        KeptCheckpoint keptAfter = signed(new Checkpoint(size, lostRoot, restore.at().plusSeconds(1)));
        assertThat(verification.verify(keptAfter).findings())
                .as("one signed after the restore that the log does not give was rewritten")
                .extracting(AuditVerification.Finding::kind)
                .contains(AuditVerification.FindingKind.CHECKPOINT_ROOT_MISMATCH);
        assertThat(verification.verify(keptAfter).keptBeforeRestore()).isNull();

        // Started again with the confirmation still set: nothing is behind, nothing happens again.
        assertThat(guard.check(name).restored()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.restore WHERE name = ?").param(name).query(Long.class)
                .single()).isEqualTo(1);
        // A later restore is not confirmed by the name of this one.
        Map<String, Long> aheadAgain = new HashMap<>();
        guard.current().forEach((n, value) -> aheadAgain.put(n, value + LOST));
        new RestoreMarks(written.written(), aheadAgain, Set.of()).write(guard.file());
        assertThatThrownBy(() -> guard.check(name)).isInstanceOf(RestoreGuard.RestoreUnconfirmed.class)
                .hasMessageContaining("confirmed an earlier restore");
        new RestoreMarks(written.written(), guard.current(), Set.of(name)).write(guard.file());
        assertThat(guard.check(null).restored()).isFalse();
    }

    @Test
    void aDamagedMarkFileIsRefusedNotReadAsLowerMarks() throws Exception {
        guard.keepMarks();
        byte[] good = java.nio.file.Files.readAllBytes(guard.file());
        try {
            String text = new String(good, java.nio.charset.StandardCharsets.UTF_8);
            java.nio.file.Files.writeString(guard.file(), text.replaceFirst("(mark\\.exchange\\.message_version=)\\d+",
                    "$10"));
            assertThatThrownBy(() -> guard.check(null)).isInstanceOf(RestoreGuard.RestoreUnconfirmed.class)
                    .hasMessageContaining("checksum");
        } finally {
            java.nio.file.Files.write(guard.file(), good);
        }
        assertThat(guard.check(null).restored()).isFalse();
    }

    private KeptCheckpoint signed(Checkpoint checkpoint) {
        return new KeptCheckpoint(checkpoint, keys.signer().sign(checkpoint));
    }

    /** A person with a general administrative penalty, which goes up to the province: its subject. */
    private UUID penalised(String name, int n, TestPartner province) throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕R" + n + "号");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        assertThat(exchange.queuedFor(subject)).filteredOn(q -> q.partnerCode().equals(province.code)).isNotEmpty();
        return subject;
    }

    private long versionOf(UUID subject) {
        return exchange.queuedFor(subject).stream().mapToLong(QueuedMessage::version).max().orElseThrow();
    }
}
