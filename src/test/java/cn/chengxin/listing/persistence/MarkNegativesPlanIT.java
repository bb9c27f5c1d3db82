package cn.chengxin.listing.persistence;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session xliii: listing's negative marks ({@link JdbcListing#markNegatives}, RULES.md §7) read the marks held for a
 * chunk's subjects by one probe of the key each, however many marks the table holds. As a plain left join the
 * statement's read was hashed against a scan of the whole table once the table was analysed at some 10,000 marks:
 * in the ingestion benchmark its time grew with the marks, not with the chunk. Here {@value #MARKS} marks are seeded
 * in a transaction rolled back and analysed within it, and the statement run (explained with {@code ANALYZE}) for
 * 2,000 of them held with the same date, which writes nothing and draws no number of {@code listing.mark_seq}: the
 * join before scans the table (the negative proof); the statement, generic or custom, probes the key and runs no scan
 * of the marks.
 */
@IntegrationTest
class MarkNegativesPlanIT {

    private static final int MARKS = 50_000;

    /** The held marks' read the statement had before session xliii, the rest of it unchanged. */
    private static final String JOINED = JdbcListing.MARK_NEGATIVES.replaceFirst(
            "(?s)m\\.held IS NOT NULL AS held,.*?OFFSET 0\\) m ON true\\),",
            "m.subject_pseudonym IS NOT NULL AS held, m.last_negative IS DISTINCT FROM u.d::date AS differs "
                    + "FROM unnest(?::text[], ?::text[]) AS u(p, d) "
                    + "LEFT JOIN listing.negative_mark m ON m.subject_pseudonym = u.p),");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theHeldMarksAreProbedByKeyWhateverTheTableHolds() {
        assertThat(JOINED).as("the join before, rebuilt").isNotEqualTo(JdbcListing.MARK_NEGATIVES)
                .contains("LEFT JOIN listing.negative_mark m ON");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            // Explicit change numbers: the seed draws none of the marks' feed (rolled back, a sequence is not).
            jdbc.sql("""
                    INSERT INTO listing.negative_mark (subject_pseudonym, last_negative, change_seq)
                    SELECT 'mark-plan-' || g, date '2025-01-10' + (g % 300), -g FROM generate_series(1, ?) g""")
                    .param(MARKS).update();
            jdbc.sql("ANALYZE listing.negative_mark").update();

            for (String mode : List.of("force_generic_plan", "force_custom_plan")) {
                String plan = plan(JdbcListing.MARK_NEGATIVES, mode);
                assertThat(plan).as(mode + "\n" + plan).contains("Index Scan using negative_mark_pkey");
                assertThat(scansRun(plan)).as(mode + "\n" + plan).isEmpty();
                assertThat(plan).as("every subject held, nothing inserted").contains("Insert on negative_mark")
                        .contains("Rows Removed by Filter: 2000");
            }
            String before = plan(JOINED, "force_custom_plan");
            assertThat(scansRun(before)).as("the join before\n" + before).isNotEmpty();
        });
    }

    /** The plan's lines of a scan of the whole marks table that ran (not "never executed"). */
    private static List<String> scansRun(String plan) {
        return plan.lines().filter(l -> l.contains("Seq Scan on negative_mark"))
                .filter(l -> !l.contains("never executed")).toList();
    }

    /**
     * The statement run and explained, generic (what a connection keeps after five calls) or custom, for 2,000 of the
     * seeded marks with their own dates (the seeded pseudonyms and dates hold no comma, quote or brace).
     */
    private String plan(String statement, String mode) {
        // A name of its own each time: a failed EXPLAIN leaves it prepared on the pooled connection.
        String name = "mark_plan_it_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("SET LOCAL plan_cache_mode = " + mode).update();
        AtomicInteger n = new AtomicInteger();
        String numbered = Pattern.compile("\\?").matcher(statement).replaceAll(m -> "\\$" + n.incrementAndGet());
        jdbc.sql("PREPARE " + name + " (text[], text[]) AS " + numbered).update();
        String arguments = jdbc.sql("""
                SELECT format('(%L, %L)', array_agg(subject_pseudonym), array_agg(last_negative::text))
                FROM (SELECT * FROM listing.negative_mark WHERE subject_pseudonym LIKE 'mark-plan-%'
                      ORDER BY change_seq DESC LIMIT 2000) m""").query(String.class).single();
        String plan = String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) EXECUTE " + name + " " + arguments)
                .query(String.class).list());
        jdbc.sql("DEALLOCATE " + name).update();
        return plan;
    }
}
