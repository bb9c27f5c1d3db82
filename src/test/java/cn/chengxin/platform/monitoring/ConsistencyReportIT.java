package cn.chengxin.platform.monitoring;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.chengxin.shared.consistency.Finding;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xli V4, V8, V9: each inconsistency the nightly report looks for is planted as the owner would write it
 * past the code (a repair script, a bug), beside rows made right, and the report counts exactly the planted ones. All
 * in one transaction, rolled back: the database the other tests share is left as it was.
 */
@IntegrationTest
class ConsistencyReportIT {

    private static final String SUBJECT = """
            INSERT INTO subject.subject (id, kind, document_type, number_index, number_cipher, number_key_version,
                                         number_masked, name, synthetic)
            VALUES (?, 'PERSON', 'RESIDENT_ID', ?, '\\x00', 1, '1101**********002X', '测试', true)""";

    private static final String FURTHER_DOCUMENT = """
            INSERT INTO subject.further_document (id, subject_id, document_type, number_index, number_cipher,
                                                  number_key_version, number_masked, evidence_reference, reason,
                                                  proposed_by, proposed_by_name, proposed_at, status, decided_by,
                                                  decided_by_name, decided_at)
            VALUES (?, ?, 'RESIDENT_ID', ?, '\\x00', 1, '1101**********002X', '证据', '理由', 'clerk', '经办',
                    now(), 'APPROVED', 'checker', '审核', now())""";

    private static final String RECORD = """
            INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code, item_version,
                                           department_code, source_record_id, action, decision_date, content,
                                           fingerprint, status, batch_id, accepted_at, accepted_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'XLIII-' || gen_random_uuid(), 'ADD', DATE '2026-03-10', ?::jsonb, 'f',
                    'ACTIVE', gen_random_uuid(), now(), 'test')""";

    private static final String MODEL = """
            INSERT INTO scoring.model (code, version, status, definition, proposed_by, proposed_at)
            VALUES ('XLIII_CONSISTENCY', 1, 'PENDING', '{"minScore": 300, "maxScore": 900, "grades": [
                {"grade": "A", "label": "好", "minInclusive": 600, "maxInclusive": 900},
                {"grade": "B", "label": "中", "minInclusive": 300, "maxInclusive": 599}]}', 'test', now())""";

    private static final String SCORE = """
            INSERT INTO scoring.score (subject_id, model_code, model_version, score, grade, computed_at,
                                       explanation_bytes, since)
            VALUES (?, ?, ?, ?, ?, now(), '\\x00'::bytea, now())""";

    @Autowired
    ConsistencyReport report;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void eachPlantedInconsistencyIsReportedAndTheRowsMadeRightAreNot() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            Map<String, Finding> before = byCheck(report.report());
            Planted planted = plant();
            Map<String, Finding> after = byCheck(report.report());

            assertThat(added(before, after)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "subject.document_held_twice", 1L,
                    "creditfile.item_unknown", 1L,
                    "creditfile.content_outside_item", 1L,
                    "creditfile.chain_broken", 1L,
                    "scoring.score_out_of_range", 2L,
                    "scoring.grade_not_of_band", 3L));
            expectAmongExamples(before, after, "subject.document_held_twice", planted.furtherDocument.toString());
            expectAmongExamples(before, after, "creditfile.item_unknown", planted.unknownItem.toString());
            expectAmongExamples(before, after, "creditfile.content_outside_item", planted.outside.toString());
            expectAmongExamples(before, after, "creditfile.chain_broken", planted.chain.toString());
            expectAmongExamples(before, after, "scoring.grade_not_of_band", planted.wrongGrade.toString());
            // What the gauge reads on every instance: the count kept by the last run.
            assertThat(report.findings("scoring.grade_not_of_band"))
                    .isEqualTo(after.get("scoring.grade_not_of_band").count());
            tx.setRollbackOnly();
        });
    }

    private record Planted(UUID furtherDocument, UUID unknownItem, UUID outside, UUID chain, UUID wrongGrade) {
    }

    private Planted plant() {
        // V4: B's approved further document is the number A is registered under; C's is its own.
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        byte[] aNumber = index();
        jdbc.sql(SUBJECT).params(a, aNumber).update();
        jdbc.sql(SUBJECT).params(b, index()).update();
        jdbc.sql(SUBJECT).params(c, index()).update();
        UUID held = UUID.randomUUID();
        jdbc.sql(FURTHER_DOCUMENT).params(held, b, aNumber).update();
        jdbc.sql(FURTHER_DOCUMENT).params(UUID.randomUUID(), c, index()).update();

        // V8: an item version ever in force, with one of its fields, from the catalogue's own seed.
        String[] item = jdbc.sql("""
                        SELECT code, version::text, definition->'fields'->0->>'name' FROM catalog.item
                        WHERE status = 'ACTIVE' AND jsonb_array_length(definition->'fields') > 0
                        ORDER BY code LIMIT 1""")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        String code = item[0];
        int version = Integer.parseInt(item[1]);
        String right = "{\"" + item[2] + "\": \"x\"}";
        record(UUID.randomUUID(), 1, true, UUID.randomUUID(), code, version, "MARKET", right);
        UUID unknown = record(UUID.randomUUID(), 1, true, UUID.randomUUID(), "NO_SUCH_ITEM", 1, "MARKET", "{}");
        UUID outside = record(UUID.randomUUID(), 1, true, UUID.randomUUID(), code, version, "MARKET",
                "{\"religion\": \"x\", \"blood_type\": \"A\"}");
        // Two versions of one record under two departments and two subjects, neither current; then a chain made right.
        UUID chain = UUID.randomUUID();
        record(chain, 1, false, UUID.randomUUID(), code, version, "MARKET", right);
        record(chain, 2, false, UUID.randomUUID(), code, version, "COURT", right);
        UUID whole = UUID.randomUUID();
        UUID subject = UUID.randomUUID();
        record(whole, 1, false, subject, code, version, "MARKET", right);
        record(whole, 2, true, subject, code, version, "MARKET", right);

        // V9: a model of 300–900, A from 600, B below.
        jdbc.sql(MODEL).update();
        score("XLIII_CONSISTENCY", 1, 700, "A");
        score("XLIII_CONSISTENCY", 1, 950, "A");
        UUID wrongGrade = score("XLIII_CONSISTENCY", 1, 400, "A");
        score("NO_MODEL", 9, 500, "B");
        return new Planted(held, unknown, outside, chain, wrongGrade);
    }

    /** Stores a record version; returns its row's id. */
    private UUID record(UUID key, int version, boolean current, UUID subject, String code, int itemVersion,
                        String department, String content) {
        UUID id = UUID.randomUUID();
        jdbc.sql(RECORD).params(id, key, version, current, subject, code, itemVersion, department, content).update();
        return id;
    }

    private UUID score(String model, int version, int score, String grade) {
        UUID subject = UUID.randomUUID();
        jdbc.sql(SCORE).params(subject, model, version, score, grade).update();
        return subject;
    }

    private static byte[] index() {
        byte[] index = new byte[32];
        new java.security.SecureRandom().nextBytes(index);
        return index;
    }

    private static Map<String, Finding> byCheck(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(Finding::check, Function.identity()));
    }

    private static Map<String, Long> added(Map<String, Finding> before, Map<String, Finding> after) {
        return after.values().stream().collect(Collectors.toMap(Finding::check,
                f -> f.count() - before.get(f.check()).count()));
    }

    /** The planted row is among the examples when every row found fits in them. */
    private static void expectAmongExamples(Map<String, Finding> before, Map<String, Finding> after, String check,
                                            String id) {
        if (after.get(check).count() <= ConsistencyReport.EXAMPLES) {
            assertThat(after.get(check).examples()).as(check).anyMatch(e -> e.contains(id));
        }
    }
}
