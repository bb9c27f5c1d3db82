package cn.chengxin.listing.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.chengxin.listing.EntrySearch;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.support.IntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xxxv P6 rest (session xxxvii): the console's search of the entries (名单管理) pages by key and counts up to
 * a bound, each filter a walk of its own index in the page's order, never a sort or a count of every entry ever made.
 * 20,000 entries are seeded in a transaction that is rolled back — about the smallest table at which the planner
 * prefers an ordered index walk to reading and sorting the matches; a rare status, the grey list, one department and
 * one rule (V581, session xli) each 2% of it — analysed within it, and each statement explained with its parameters,
 * as the application sends it. Then each new index (V457–V459, V581) is dropped in the same transaction: the same
 * statement's plan changes, so the index is what serves it.
 */
@IntegrationTest
class ConsoleEntryPlansIT {

    private static final int PAGE = 51;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Listing listing;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void eachFilterOfTheConsolesSearchWalksItsIndexFromThePagesKeyAndTheCountStopsAtTheBound() {
        TransactionTemplate seeded = new TransactionTemplate(transactions);
        seeded.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // The rule some entries name: an entry's rule is a stored version (entry_rule_known, V644).
            jdbc.sql("""
                    INSERT INTO listing.rule (code, version, current, list_type, name, item_codes, legal_basis,
                                              exit_conditions, enabled, changed_by, changed_at, status)
                    VALUES ('PLAN_RULE', 1, false, 'BLACK', '控台计划规则', '{}', '国办发〔2020〕49号', '计划', false,
                            'seed', now(), 'APPROVED')""").update();
            jdbc.sql("""
                    INSERT INTO listing.entry (id, list_type, rule_code, rule_version, subject_id, subject_pseudonym,
                                               subject_name, subject_kind,
                                               masked_number, department_code, legal_basis, reasons, status,
                                               proposed_by, proposed_at, effective_from, published)
                    SELECT gen_random_uuid(), CASE WHEN g % 50 = 3 THEN 'GREY' ELSE 'BLACK' END,
                           CASE WHEN g % 50 = 9 THEN 'PLAN_RULE' END, CASE WHEN g % 50 = 9 THEN 1 END,
                           gen_random_uuid(),
                           md5(g::text), '控台计划' || g, 'ORGANISATION', '91410********' || g,
                           CASE WHEN g % 50 = 7 THEN 'PLANA' ELSE 'PLANB' END, '国办发〔2020〕49号', '计划',
                           CASE WHEN g % 50 = 0 THEN 'REJECTED' WHEN g % 50 = 1 THEN 'PROPOSED'
                                WHEN g % 5 = 0 THEN 'EXITED' ELSE 'EFFECTIVE' END,
                           'seed', now() - g * interval '1 minute', now() - g * interval '1 minute', false
                    FROM generate_series(1, 20000) g""").update();
            jdbc.sql("ANALYZE listing.entry").update();
            long middle = jdbc.sql("SELECT change_seq FROM listing.entry WHERE subject_name = '控台计划10000'")
                    .query(Long.class).single();
            java.util.UUID proposal = jdbc.sql("SELECT id FROM listing.entry WHERE subject_name = '控台计划10001'")
                    .query(java.util.UUID.class).single();

            Map<String, EntrySearch> byIndex = new LinkedHashMap<>();
            byIndex.put("entry_by_change", search(null, null, null, null));
            byIndex.put("entry_by_status_in_change_order", search(EntryStatus.REJECTED, null, null, null));
            byIndex.put("entry_by_list_in_change_order", search(null, ListType.GREY, null, null));
            byIndex.put("entry_by_department_in_change_order", search(null, null, null, "PLANA"));
            byIndex.put("entry_by_rule_in_change_order", new EntrySearch(null, null, "PLAN_RULE", null, null, null));
            byIndex.put("entry_review_queue", search(EntryStatus.PROPOSED, null, null, null));
            byIndex.put("entry_by_name", search(null, null, "控台计划1000", null));
            Map<String, String> plans = new LinkedHashMap<>();
            SoftAssertions soft = new SoftAssertions();
            byIndex.forEach((index, search) -> {
                Object key = search.oldestProposalFirst() ? proposal : middle;
                for (String plan : List.of(explain(JdbcListing.searchStatement(search, null, false, PAGE)),
                        explain(JdbcListing.searchStatement(search, key, false, PAGE)),
                        explain(JdbcListing.searchStatement(search, key, true, PAGE)))) {
                    soft.assertThat(plan).as(index).contains(index).doesNotContain("Seq Scan on entry e");
                }
                plans.put(index, explain(JdbcListing.searchStatement(search, key, false, PAGE)));
            });
            soft.assertAll();

            for (String index : List.of("entry_by_status_in_change_order", "entry_by_list_in_change_order",
                    "entry_by_department_in_change_order", "entry_by_rule_in_change_order")) {
                jdbc.sql("DROP INDEX listing." + index).update();
                assertThat(explain(JdbcListing.searchStatement(byIndex.get(index), middle, false, PAGE)))
                        .as("without %s the same page is read another way", index)
                        .isNotEqualTo(plans.get(index)).doesNotContain(index);
            }

            // Counted up to a bound: the whole table matches, the count stops at the 1,001st entry; the page says so.
            assertThat(explain(JdbcListing.countStatement(search(null, null, null, null), 1_001)))
                    .containsPattern("Aggregate[^\\n]*\\n\\s*->\\s+Limit[^\\n]*rows=1001");
            Listing.EntryPage all = listing.entries(search(null, null, null, null), null, null, 50);
            assertThat(all.total()).isEqualTo(Listing.COUNTED_UP_TO);
            assertThat(all.more()).isTrue();
            Listing.EntryPage department = listing.entries(search(null, null, null, "PLANA"), null, null, 50);
            assertThat(department.total()).as("a filter's few hundred are counted exactly").isEqualTo(400);
            assertThat(department.more()).isFalse();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM listing.entry WHERE department_code IN ('PLANA', 'PLANB')")
                .query(Long.class).single()).as("the seeded entries are gone").isZero();
    }

    private static EntrySearch search(EntryStatus status, ListType type, String name, String department) {
        return new EntrySearch(status, type, null, name, null, department);
    }

    private String explain(JdbcListing.Statement statement) {
        return String.join("\n", jdbc.sql("EXPLAIN " + statement.sql()).params(statement.params())
                .query(String.class).list());
    }
}
