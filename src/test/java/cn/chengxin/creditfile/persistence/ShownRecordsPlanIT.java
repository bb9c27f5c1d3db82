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
 * Gaps review xxxv P5 (session xxxvi): a page of 行政许可公示 or 守信信息公示 reads each item's shown records in the
 * index's order, a page's depth of each, never every shown record of the items sorted. {@value #RECORDS} records are
 * seeded (one statement) in a transaction that is rolled back, the table analysed within it, and the statement explained
 * with its parameters. The size is what makes the planner choose: with the index dropped in the same transaction, the
 * statement scans the whole table, so a statement that could not use the index fails the test
 * (session xxxvii: 100,000 records took 18 s to seed under load; the plan reads the index in order from 2,000 on, five
 * times fewer than seeded here).
 */
@IntegrationTest
class ShownRecordsPlanIT {

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
    void aBrowsedPageReadsEachItemsRecordsByTheIndexInTheirOrder() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("""
                    INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code,
                                                   item_version, department_code, source_record_id, action,
                                                   decision_date, content, fingerprint, status, batch_id,
                                                   accepted_at, accepted_by)
                    SELECT gen_random_uuid(), gen_random_uuid(), 1, true, gen_random_uuid(), 'PLAN_ITEM_' || (g % 10),
                           1, 'PLAN', 'plan-' || g, 'ADD', date '2026-06-01' - (g % 2000), '{}'::jsonb, 'plan',
                           CASE WHEN g % 7 = 0 THEN 'REPAIRED' ELSE 'ACTIVE' END, gen_random_uuid(), now(), 'seed'
                    FROM generate_series(1, ?) g""").param(RECORDS).update();
            jdbc.sql("ANALYZE creditfile.record").update();
            LocalDate today = LocalDate.now(clock);

            // An index scan in the index's order (a bitmap scan of it, as under 2,000 records, sorts each item's rows).
            assertThat(plan(today)).contains("Index Scan using record_shown_by_item on record x")
                    .doesNotContain("Seq Scan on record");

            // The merge keeps the page's order across the items: newest decision first, then the record's key.
            var page = records.shownOfItems(java.util.Set.of("PLAN_ITEM_1", "PLAN_ITEM_2", "PLAN_ITEM_3"), today, 20,
                    21);
            assertThat(page).hasSize(21);
            var all = records.shownOfItems(java.util.Set.of("PLAN_ITEM_1", "PLAN_ITEM_2", "PLAN_ITEM_3"), today, 0,
                    41);
            assertThat(page).extracting(e -> e.entry().recordKey())
                    .containsExactlyElementsOf(all.subList(20, 41).stream().map(e -> e.entry().recordKey()).toList());
            assertThat(all).extracting(e -> e.entry().decisionDate())
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());

            // The negative proof: at this size, without the index, the statement scans the whole table.
            jdbc.sql("DROP INDEX creditfile.record_shown_by_item").update();
            assertThat(plan(today)).as("without the index").contains("Seq Scan on record x");
        });
    }

    private String plan(LocalDate today) {
        return String.join("\n", jdbc.sql("EXPLAIN " + JdbcRecords.SHOWN_OF_ITEMS)
                .params(new String[] {"PLAN_ITEM_1", "PLAN_ITEM_2", "PLAN_ITEM_3"}, Date.valueOf(today), 41, 20, 21)
                .query(String.class).list());
    }
}
