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
 * Session xli: the decisions' alignment ({@link JdbcRecords#outOfStepWithTheirDecisions}, RULES.md §4) reads a
 * decision's members through the subject index alone, whatever the planner believes of the table. In a load's first
 * minute the record table has grown from nearly nothing and has not been analysed yet, and a connection keeps the
 * generic plan it made of the statement: the join on all four columns then ANDed every probe by subject with a scan of
 * the department's entries of the natural key index, which held every record of the load (6 s a chunk in the
 * benchmark, to find nothing). Here {@value #RECORDS} records of one department, each of its own subject and decision
 * (the benchmark's shape), are seeded in a transaction rolled back, the table's statistics removed within it, and the
 * plans explained: the join before gets that plan (the negative proof); the statement, generic or custom, probes by
 * key and by subject and scans no whole table.
 */
@IntegrationTest
class DecisionAlignmentPlanIT {

    private static final int RECORDS = 10_000;

    /** The members' join the statement had before session xli, the rest of it unchanged. */
    private static final String JOINED = """
            WITH decision AS (
                SELECT DISTINCT subject_id, department_code, decision_number, decision_date
                FROM creditfile.record
                WHERE current AND record_key = ANY ($1) AND decision_number IS NOT NULL)
            SELECT r.id, coalesce(r.own_publication_end, r.publication_end)
            FROM creditfile.record r
            JOIN decision d ON d.subject_id = r.subject_id AND d.department_code = r.department_code
                           AND d.decision_number = r.decision_number AND d.decision_date = r.decision_date
            WHERE r.current AND r.status NOT IN ('REVOKED', 'ARCHIVED', 'CORRECTED')
              AND coalesce(r.own_publication_end, r.publication_end) IS NOT NULL""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theMembersAreProbedBySubjectAloneOnTheStatisticsOfATableNotYetAnalysed() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("""
                    INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code,
                                                   item_version, department_code, source_record_id, action,
                                                   decision_number, decision_date, content, fingerprint, status,
                                                   publication_end, batch_id, accepted_at, accepted_by)
                    SELECT gen_random_uuid(), gen_random_uuid(), 1, true, gen_random_uuid(), 'P_ADMIN_PENALTY_GENERAL',
                           1, 'ALIGN_PLAN', 'align-plan-' || g, 'ADD', '驻市监罚〔2025〕' || g || '号',
                           date '2025-01-10' + (g % 300), '{}'::jsonb, 'plan', 'ACTIVE', date '2028-01-10', gen_random_uuid(),
                           now(), 'seed'
                    FROM generate_series(1, ?) g""").param(RECORDS).update();
            jdbc.sql("DELETE FROM pg_statistic WHERE starelid = 'creditfile.record'::regclass").update();
            List<UUID> keys = jdbc.sql("""
                    SELECT record_key FROM creditfile.record WHERE department_code = 'ALIGN_PLAN' LIMIT 2000""")
                    .query(UUID.class).list();

            assertThat(plan(JdbcRecords.OUT_OF_STEP.replace("?", "$1"), keys, "force_generic_plan"))
                    .contains("record_by_subject").contains("record_one_current").doesNotContain("record_natural_key")
                    .doesNotContain("Seq Scan on record");
            // A connection's first five calls: custom plans, the 2,000 keys known.
            assertThat(plan(JdbcRecords.OUT_OF_STEP.replace("?", "$1"), keys, "force_custom_plan"))
                    .contains("record_by_subject").contains("record_one_current").doesNotContain("record_natural_key")
                    .doesNotContain("Seq Scan on record");
            assertThat(plan(JOINED, keys, "force_generic_plan")).as("the join before").contains("record_natural_key");

            // The seeded records are in force (ACTIVE, published until 2028), as a department's new decisions are: the
            // decision's longest day must not be found by joining 2,000 members with their grouped selves, a nested
            // loop that filtered 2,000 × 2,000 rows (session xli), whatever the plan's estimates.
            for (String mode : List.of("force_generic_plan", "force_custom_plan")) {
                String analysed = plan("ANALYZE", JdbcRecords.OUT_OF_STEP.replace("?", "$1"), keys, mode);
                assertThat(rowsRemovedByJoinFilters(analysed)).as(mode + "\n" + analysed).isLessThan(keys.size());
            }

            // Session xlii: the chunk's own decisions, handed in, read no record by key, and their members as above.
            for (String mode : List.of("force_generic_plan", "force_custom_plan")) {
                String analysed = decisionsPlan(mode);
                assertThat(analysed).as(mode).contains("record_by_subject").doesNotContain("record_one_current")
                        .doesNotContain("record_natural_key").doesNotContain("Seq Scan on record");
                assertThat(rowsRemovedByJoinFilters(analysed)).as(mode + "\n" + analysed).isLessThan(keys.size());
                assertThat(analysed).as("every member found").contains("Rows Removed by Filter: 2000");
            }
        });
    }

    /**
     * {@link JdbcRecords#OUT_OF_STEP_OF}'s plan, run, for the decisions of 2,000 seeded records: their subjects,
     * department, numbers and dates as literals (the seeded numbers hold no comma, quote or brace).
     */
    private String decisionsPlan(String mode) {
        String name = "alignment_plan_it_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("SET LOCAL plan_cache_mode = " + mode).update();
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        String statement = java.util.regex.Pattern.compile("\\?").matcher(JdbcRecords.OUT_OF_STEP_OF)
                .replaceAll(m -> "\\$" + n.incrementAndGet());
        jdbc.sql("PREPARE " + name + " (uuid[], text[], text[], text[]) AS " + statement).update();
        String arguments = jdbc.sql("""
                SELECT format('(%L, %L, %L, %L)', array_agg(subject_id), array_agg(department_code),
                              array_agg(decision_number), array_agg(decision_date::text))
                FROM (SELECT * FROM creditfile.record WHERE department_code = 'ALIGN_PLAN' LIMIT 2000) r""")
                .query(String.class).single();
        String plan = String.join("\n", jdbc.sql("EXPLAIN (ANALYZE) EXECUTE " + name + " " + arguments)
                .query(String.class).list());
        jdbc.sql("DEALLOCATE " + name).update();
        return plan;
    }

    /** The rows the plan's join filters removed, summed over its nodes. */
    private static long rowsRemovedByJoinFilters(String plan) {
        return java.util.regex.Pattern.compile("Rows Removed by Join Filter: (\\d+)").matcher(plan).results()
                .mapToLong(m -> Long.parseLong(m.group(1))).sum();
    }

    /** The statement's plan, generic (what a connection keeps after five calls) or custom, by {@code mode}. */
    private String plan(String statement, List<UUID> keys, String mode) {
        return plan("", statement, keys, mode);
    }

    /** The plan with EXPLAIN's {@code options} (e.g. {@code ANALYZE}: run, with the rows each node saw). */
    private String plan(String options, String statement, List<UUID> keys, String mode) {
        // A name of its own each time: a failed EXPLAIN leaves it prepared on the pooled connection.
        String name = "alignment_plan_it_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("SET LOCAL plan_cache_mode = " + mode).update();
        jdbc.sql("PREPARE " + name + " (uuid[]) AS " + statement).update();
        // EXECUTE inside EXPLAIN takes no bound parameter: the keys as a literal (uuids only).
        String plan = String.join("\n", jdbc.sql("EXPLAIN " + (options.isEmpty() ? "" : "(" + options + ") ") + "EXECUTE " + name + " ('{"
                + keys.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",")) + "}')")
                .query(String.class).list());
        jdbc.sql("DEALLOCATE " + name).update();
        return plan;
    }
}
