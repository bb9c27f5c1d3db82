package cn.chengxin.creditfile.persistence;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #4 (session xlvi): the public disclosure page's search for a decision document number reads V970's hash index
 * of the shown records' numbers, which ingestion maintains at less cost than V24_1's B-tree, and finds what it found
 * before: the shown records of that number within their window, the most recently decided first. {@value #RECORDS}
 * records are seeded in a transaction that is rolled back, the table analysed within it; with the index dropped in the
 * same transaction the statement scans the whole table, so a statement the index could not answer fails the test.
 */
@IntegrationTest
class DecisionNumberPlanIT {

    private static final int RECORDS = 10_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcRecords records;

    @Autowired
    Clock clock;

    @Test
    void theSearchForADecisionNumberReadsTheHashIndexAndFindsTheShownRecords() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            LocalDate today = LocalDate.now(clock);
            // A number per ten records; of each ten, one repaired (not shown) and one past its last day.
            jdbc.sql("""
                    INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code,
                                                   item_version, department_code, source_record_id, action,
                                                   decision_number, decision_date, content, fingerprint, status,
                                                   publication_end, batch_id, accepted_at, accepted_by)
                    SELECT gen_random_uuid(), gen_random_uuid(), 1, true, gen_random_uuid(), 'PLAN_ITEM', 1, 'PLAN',
                           'plan-' || g, 'ADD', '计划罚〔2026〕' || (g / 10) || '号', ?::date - 400 + (g % 10),
                           '{}'::jsonb, 'plan', CASE WHEN g % 10 = 3 THEN 'REPAIRED' ELSE 'ACTIVE' END,
                           CASE WHEN g % 10 = 5 THEN ?::date - 1 ELSE ?::date + 30 END, gen_random_uuid(), now(), 'seed'
                    FROM generate_series(0, ? - 1) g""")
                    .params(Date.valueOf(today), Date.valueOf(today), Date.valueOf(today), RECORDS).update();
            jdbc.sql("ANALYZE creditfile.record").update();

            assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE schemaname = 'creditfile' "
                    + "AND indexname = 'record_shown_by_decision'").query(String.class).single())
                    .contains("USING hash (decision_number)").contains("current");
            assertThat(plan(today)).contains("record_shown_by_decision").doesNotContain("Seq Scan on record");

            var found = records.shownWithDecisionNumber("计划罚〔2026〕42号", today, 20);
            assertThat(found).hasSize(8).allSatisfy(e -> assertThat(e.entry().decisionNumber())
                    .isEqualTo("计划罚〔2026〕42号"));
            assertThat(found).extracting(e -> e.entry().decisionDate())
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder())
                    .doesNotContain(today.minusDays(400 - 3), today.minusDays(400 - 5));
            assertThat(records.shownWithDecisionNumber("计划罚〔2026〕42", today, 20)).isEmpty();

            // The negative proof: without the index the statement scans the whole table at this size.
            jdbc.sql("DROP INDEX creditfile.record_shown_by_decision").update();
            assertThat(plan(today)).as("without the index").contains("Seq Scan on record");
        });
    }

    private String plan(LocalDate today) {
        return String.join("\n", jdbc.sql("EXPLAIN " + JdbcRecords.SHOWN_WITH_DECISION_NUMBER)
                .params("计划罚〔2026〕42号", Date.valueOf(today), 20)
                .query(String.class).list());
    }
}
