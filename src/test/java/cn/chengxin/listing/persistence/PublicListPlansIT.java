package cn.chengxin.listing.persistence;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Gaps review xxxv P6 and P7 (session xxxvi): the public lists' pages and count, and the listing job's statements, read
 * an index in their order at a city's size, never the whole of {@code listing.entry}. {@value #ENTRIES} entries are
 * seeded (one statement) in a transaction that is rolled back (nothing is left for the other tests), the table analysed
 * within it, and each statement explained with its parameters, as the application sends it. The size is what makes the
 * planner choose: with the two indexes dropped in the same transaction, the same statements sort the list and scan the
 * whole table, so a statement that could not use its index fails the test (session xxxvii: 100,000 entries took 16 s to
 * seed under load; the plans are the same from 1,000 on, five times fewer than seeded here).
 */
@IntegrationTest
class PublicListPlansIT {

    private static final UUID[] NONE = new UUID[0];
    private static final int ENTRIES = 5_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Test
    void aPageOfAPublicListItsCountAndTheJobsStatementsReadIndexesNotTheWholeTable() {
        TransactionTemplate seeded = new TransactionTemplate(transactions);
        seeded.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("""
                    INSERT INTO listing.entry (id, list_type, subject_id, subject_pseudonym, subject_name, subject_kind,
                                               masked_number, department_code, legal_basis, reasons, status,
                                               proposed_by, proposed_at, effective_from, valid_until, published)
                    SELECT gen_random_uuid(), 'BLACK', gen_random_uuid(), md5(g::text), '计划商贸' || g, 'ORGANISATION',
                           '91410********' || g, 'PLAN', '国办发〔2020〕49号', '计划', CASE WHEN g % 5 = 0 THEN 'EXITED'
                           ELSE 'EFFECTIVE' END, 'seed', now(), now() - g * interval '1 minute',
                           CASE WHEN g % 3 = 0 THEN current_date + 400 END, true
                    FROM generate_series(1, ?) g""").param(ENTRIES).update();
            jdbc.sql("ANALYZE listing.entry").update();
            UUID middle = jdbc.sql("SELECT id FROM listing.entry WHERE subject_name = ?")
                    .param("计划商贸" + (ENTRIES / 2 + 1)).query(UUID.class).single();
            LocalDate today = LocalDate.now(clock);

            for (String plan : pages(today, middle)) {
                assertThat(plan).contains("entry_public_in_page_order").doesNotContain("Seq Scan on entry e")
                        .as("no sort of the list").doesNotContain("Sort Key: (COALESCE(e.effective_from");
            }
            String count = explain(JdbcListing.COUNT_PUBLISHED, "BLACK", "EFFECTIVE", Date.valueOf(today), null,
                    null, NONE, null, null, NONE, 1_001);
            // Counted up to a bound: whichever way the planner reads the list, it stops at the 1,001st entry (with
            // most of the table on the list, a scan that stops there is what it picks), never counting all of it.
            assertThat(count).containsPattern("Aggregate[^\\n]*\\n\\s*->\\s+Limit[^\\n]*rows=1001");
            assertThat(explain(JdbcListing.PAST_VALIDITY, Date.valueOf(today)))
                    .contains("entry_open_by_validity").doesNotContain("Seq Scan on entry");

            // The negative proof: at this size, without the indexes, the same statements sort and scan the list.
            jdbc.sql("DROP INDEX listing.entry_public_in_page_order, listing.entry_open_by_validity").update();
            for (String plan : pages(today, middle)) {
                assertThat(plan).as("without the index").contains("Seq Scan on entry e")
                        .contains("Sort Key: (COALESCE(e.effective_from");
            }
            assertThat(explain(JdbcListing.PAST_VALIDITY, Date.valueOf(today))).as("without the index")
                    .contains("Seq Scan on entry");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM listing.entry WHERE department_code = 'PLAN'").query(Long.class)
                .single()).as("the seeded entries are gone").isZero();
    }

    /** The plans of the first page, of the page after {@code middle} and of the page before it. */
    private List<String> pages(LocalDate today, UUID middle) {
        return List.of(explain(JdbcListing.publishedSql(false, false), page(today)),
                explain(JdbcListing.publishedSql(true, false), page(today, middle, middle)),
                explain(JdbcListing.publishedSql(true, true), page(today, middle, middle)));
    }

    /** The parameters of a page of the black list in force, without a search, then {@code after}. */
    private static Object[] page(LocalDate today, Object... after) {
        List<Object> all = new ArrayList<>(Arrays.asList("BLACK", "EFFECTIVE", Date.valueOf(today), null, null, NONE,
                null, null, NONE));
        all.addAll(Arrays.asList(after));
        all.add(21);
        return all.toArray();
    }

    private String explain(String sql, Object... params) {
        return String.join("\n", jdbc.sql("EXPLAIN " + sql).params(params).query(String.class).list());
    }
}
