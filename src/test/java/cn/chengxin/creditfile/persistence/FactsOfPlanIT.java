package cn.chengxin.creditfile.persistence;

import java.util.List;
import java.util.UUID;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session xliii: the subjects' current records in some statuses ({@link JdbcRecords#factsOf}, what scoring reads for
 * every stored chunk) are found through the subject index whatever the statistics say of the shown records. With the
 * statuses among the scan's own conditions, every partial index of the shown records was a candidate (V650's
 * {@code record_shown_due} in the ingestion benchmark's plans, V429's {@code record_shown_by_item} here), and where the
 * statistics counted few shown records the planner walked all of them and filtered by subject: on the benchmark,
 * 11,000–14,000 pages a chunk and the run's largest statement. Here
 * {@value #RECORDS} current records of made-up subjects are seeded, one in {@value #SHOWN_ONE_IN} shown, in a
 * transaction rolled back and analysed within it (the statistics of a table whose shown records came after its last
 * analysis), and sequential scans priced out (at this size a whole scan is cheaper; at a city's it is not): the
 * statement, generic or custom, reads the subject index and none of the shown records' indexes, one of which the statement before
 * session xliii does read at these statistics (the negative proof).
 */
@IntegrationTest
class FactsOfPlanIT {

    private static final int RECORDS = 50_000;
    private static final int SHOWN_ONE_IN = 500;

    /** The statement before session xliii: the statuses among the scan's conditions. */
    private static final String BEFORE = """
            SELECT subject_id, record_key, item_code, decision_date, status
            FROM creditfile.record
            WHERE subject_id = ANY(?::uuid[]) AND current AND status = ANY(?::text[])""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theSubjectsRecordsAreFoundByTheSubjectIndexNotByTheShownRecords() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            seed();
            UUID[] subjects = jdbc.sql("""
                    SELECT subject_id FROM creditfile.record WHERE item_code = 'FACTS_PLAN_ITEM'
                    ORDER BY source_record_id LIMIT 2000""").query(UUID.class).list().toArray(UUID[]::new);
            assertThat(subjects).hasSize(2000);
            String[] shown = {"ACTIVE", "IN_DISPUTE"};
            // A table of this size is cheaper scanned whole: priced out, the choice is between the indexes, as at size.
            jdbc.sql("SET LOCAL enable_seqscan = off").update();

            for (String mode : List.of("force_generic_plan", "force_custom_plan")) {
                String plan = explain(JdbcRecords.FACTS_OF, mode, subjects, shown);
                assertThat(plan).as(mode + "\n" + plan).contains("record_by_subject")
                        .doesNotContain("record_shown_").doesNotContain("Seq Scan on record");
            }
            String before = explain(BEFORE, "force_custom_plan", subjects, shown);
            assertThat(before).as("the statement before\n" + before).contains("record_shown_")
                    .doesNotContain("record_by_subject");
        });
    }

    /** {@value #RECORDS} current records of made-up subjects, one in {@value #SHOWN_ONE_IN} shown, the rest expired. */
    private void seed() {
        jdbc.sql("""
                INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code, item_version,
                                               department_code, source_record_id, action, decision_date, content,
                                               fingerprint, status, publication_end, retention_end, batch_id,
                                               accepted_at, accepted_by)
                SELECT gen_random_uuid(), gen_random_uuid(), 1, true, gen_random_uuid(), 'FACTS_PLAN_ITEM', 1, 'PLAN',
                       'FACTS-' || lpad(g::text, 6, '0'), 'ADD', current_date - 900, '{}'::jsonb, md5(g::text),
                       CASE WHEN g % ? = 0 THEN 'ACTIVE' ELSE 'EXPIRED' END,
                       current_date + g % 1000, current_date + 1000 + g % 1000, gen_random_uuid(), now(), 'plan'
                FROM generate_series(1, ?) g""").params(SHOWN_ONE_IN, RECORDS).update();
        jdbc.sql("ANALYZE creditfile.record").update();
    }

    private String explain(String statement, String mode, UUID[] subjects, String[] statuses) {
        jdbc.sql("SET LOCAL plan_cache_mode = " + mode).update();
        return String.join("\n", jdbc.sql("EXPLAIN " + statement).params(subjects, statuses)
                .query(String.class).list());
    }
}
