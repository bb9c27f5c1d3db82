package cn.chengxin.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.chengxin.audit.persistence.AuditWriter;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier finds every tampering of audit rows done directly in the database — 100 random ones of four
 * kinds (modify a field, delete a row, swap two rows, cut the tail) — and names the events concerned. Each
 * tampering happens in a transaction that is rolled back after the verifier has run inside it.
 */
@IntegrationTest
class AuditTamperIT {

    private static final String[] COLUMNS = {"at", "actor_name", "organisation", "action", "purpose", "result",
            "detail", "actor_id", "category", "leaf_hash", "mac", "subject_pseudonym"};

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerification verification;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditRetention retention;

    @Autowired
    AuditWriter writer;

    @Autowired
    Clock clock;

    @Test
    void theVerifierDetectsAHundredOutOfAHundredRandomTamperings() {
        for (int i = 0; i < 300; i++) {
            audit.record(AuditEntry.of(i % 3 == 0 ? AuditCategory.QUERY : AuditCategory.PROCESSING, "test.tamper")
                    .subject(i % 3 == 0 ? "feedbeef" + i : null).purpose("测试", "测试依据").detail("event " + i));
        }
        checkpoints.checkpointNow();
        AuditVerification.Report clean = verification.verify();
        assertThat(clean.findings()).as("the log is intact before tampering").isEmpty();
        long size = checkpoints.latest().orElseThrow().treeSize();
        assertThat(clean.eventsChecked()).isEqualTo(size);

        Random random = new Random(20261122);
        List<String> missed = new ArrayList<>();
        int[] kinds = new int[4];
        for (int round = 0; round < 100; round++) {
            int kind = random.nextInt(4);
            kinds[kind]++;
            long a = random.nextLong(size);
            long b = (a + 1 + random.nextLong(size - 1)) % size;
            String column = COLUMNS[random.nextInt(COLUMNS.length)];
            String description = switch (kind) {
                case 0 -> "modify " + column + " of event " + a;
                case 1 -> "delete event " + a;
                case 2 -> "swap events " + a + " and " + b;
                default -> "truncate from event " + a;
            };
            AuditVerification.Report report = transactions.execute(tx -> {
                switch (kind) {
                    case 0 -> modify(a, column);
                    case 1 -> jdbc.sql("DELETE FROM audit.event WHERE seq = ?").param(a).update();
                    case 2 -> swap(a, b);
                    default -> jdbc.sql("DELETE FROM audit.event WHERE seq >= ?").param(a).update();
                }
                AuditVerification.Report r = verification.verify();
                tx.setRollbackOnly();
                return r;
            });
            boolean named = report.findings().stream().anyMatch(f -> f.fromSeq() <= a && a <= f.toSeq());
            if (report.intact() || !named) {
                missed.add(description + " → " + report.findings());
            }
        }
        assertThat(missed).as("tamperings not detected or not located").isEmpty();
        assertThat(java.util.Arrays.stream(kinds).min().orElse(0)).as("every kind of tampering was tried").isPositive();
        assertThat(verification.verify().intact()).as("rolled back: intact again").isTrue();
    }

    /** The pruning mark is not sealed: a mark the retention job could not have set must not hide a rewrite. */
    @Test
    void aRowMarkedPrunedInTheFutureIsNotExemptFromTheContentCheck() {
        long seq = audit.record(AuditEntry.of(AuditCategory.PROCESSING, "test.tamper.pruned").detail("昨天的事件"));

        List<AuditVerification.Finding> rewritten = tampered("""
                UPDATE audit.event SET actor_id = 'someone-else', detail = '改写', pruned_at = '2100-01-01'
                WHERE seq = ?""", seq);
        assertThat(rewritten).as("content rewritten under a pruning mark from 2100")
                .extracting(AuditVerification.Finding::kind)
                .contains(AuditVerification.FindingKind.PRUNING_FORGED, AuditVerification.FindingKind.CONTENT_ALTERED);

        List<AuditVerification.Finding> emptied = tampered("""
                UPDATE audit.event SET actor_id = '', actor_name = '', organisation = '', action = '',
                       subject_pseudonym = NULL, purpose = NULL, legal_basis = NULL, consent_id = NULL,
                       request_id = NULL, detail = NULL, pruned_at = '2100-01-01'
                WHERE seq = ?""", seq);
        assertThat(emptied).as("content emptied as the retention job would, but years early")
                .extracting(AuditVerification.Finding::kind).containsExactly(AuditVerification.FindingKind.PRUNING_FORGED);

        List<AuditVerification.Finding> kept = tampered("UPDATE audit.event SET pruned_at = now() WHERE seq = ?", seq);
        assertThat(kept).as("marked pruned today, a day old, content still there")
                .extracting(AuditVerification.Finding::kind)
                .contains(AuditVerification.FindingKind.PRUNED_TOO_EARLY, AuditVerification.FindingKind.PRUNING_FORGED);
    }

    @Test
    void aRowPrunedByTheRetentionJobStillVerifies() {
        long seq = PastAuditLog.ago(writer, clock, retention.periodOf(AuditCategory.SECURITY).plusDays(1))
                .record(AuditEntry.of(AuditCategory.SECURITY, "test.tamper.pruned").detail("到期后清空"));

        List<AuditVerification.Finding> findings = transactions.execute(tx -> {
            tx.setRollbackOnly();
            assertThat(retention.prune()).isPositive();
            return verification.verify().findings();
        });
        assertThat(findings).filteredOn(f -> f.fromSeq() <= seq && seq <= f.toSeq()).isEmpty();
    }

    /**
     * The nightly prune may commit while a verification runs, or on an instance whose clock is a little ahead: its
     * marks are then later than the verification's start, and are not forgeries.
     */
    @Test
    void aRowPrunedAfterTheVerificationBeganOrByAClockAheadStillVerifies() {
        long seq = PastAuditLog.ago(writer, clock, retention.periodOf(AuditCategory.SECURITY).plusDays(1))
                .record(AuditEntry.of(AuditCategory.SECURITY, "test.tamper.pruned-ahead").detail("到期后清空"));
        Clock pruning = Clock.offset(clock, java.time.Duration.ofMinutes(2));

        List<AuditVerification.Finding> findings = transactions.execute(tx -> {
            tx.setRollbackOnly();
            assertThat(retention.prune(pruning)).isPositive();
            return verification.verify().findings();
        });
        assertThat(findings).filteredOn(f -> f.fromSeq() <= seq && seq <= f.toSeq()).isEmpty();
    }

    /** The findings on {@code seq} after the update, which is rolled back. */
    private List<AuditVerification.Finding> tampered(String update, long seq) {
        return transactions.execute(tx -> {
            tx.setRollbackOnly();
            assertThat(jdbc.sql(update).param(seq).update()).isOne();
            return verification.verify().findings().stream()
                    .filter(f -> f.fromSeq() <= seq && seq <= f.toSeq()).toList();
        });
    }

    private void modify(long seq, String column) {
        String set = switch (column) {
            case "at" -> "at = at + interval '1 second'";
            case "result" -> "result = CASE WHEN result = 'SUCCESS' THEN 'DENIED' ELSE 'SUCCESS' END";
            case "category" -> "category = CASE WHEN category = 'QUERY' THEN 'SECURITY' ELSE 'QUERY' END";
            case "leaf_hash", "mac" -> column + " = sha256(" + column + ")";
            case "subject_pseudonym" -> "subject_pseudonym = coalesce(subject_pseudonym, '') || '0'";
            default -> column + " = coalesce(" + column + ", '') || '′'";
        };
        assertThat(jdbc.sql("UPDATE audit.event SET " + set + " WHERE seq = ?").param(seq).update()).isOne();
    }

    /** Two rows exchange places: every stored value moves, sequence numbers stay. */
    private void swap(long a, long b) {
        jdbc.sql("UPDATE audit.event SET seq = 900000000000 WHERE seq = ?").param(a).update();
        jdbc.sql("UPDATE audit.event SET seq = ? WHERE seq = ?").params(a, b).update();
        jdbc.sql("UPDATE audit.event SET seq = ? WHERE seq = 900000000000").param(b).update();
    }
}
