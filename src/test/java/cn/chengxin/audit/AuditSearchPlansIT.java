package cn.chengxin.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xxxv P3: every filter of the auditor's log viewer is served by an index, and its pages follow by key.
 * The plans are read with {@code EXPLAIN (FORMAT JSON)} of the viewer's own statement over 300,000 synthetic events
 * shaped as the review measured them (99% API-client checks from 50 systems, 1% staff actions by 500 clerks, a rare
 * action, a refusal one in 5,000), inserted and analysed in a transaction that is rolled back, so that the real log and
 * its tree are untouched; the planner chooses freely (no {@code enable_*} setting). The size is what makes the planner
 * choose: with the filters' indexes dropped in the same transaction, each filter served by one of them reads the log (a
 * sequential scan, or the primary key's walk over the whole period), so a filter its index could not serve fails the
 * test. The size stays above {@code AuditEvents.CHECK_WINDOW} (100,000 positions), which the checks' walk by the
 * primary key is bounded by and which the sparse client's pages below cross twice.
 */
@IntegrationTest
class AuditSearchPlansIT {

    /** Far past any position the log reaches in a test run: the synthetic events never meet the real ones. */
    private static final long FIRST = 1_000_000_000_000L;
    private static final int EVENTS = 300_000;
    /** The synthetic events are recorded a second apart from this time on (the real ones years later). */
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    @Autowired
    AuditEvents events;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    java.time.Clock clock;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eachFilterIsServedByItsIndexAndNoneScansTheLog() {
        Instant dayFrom = START.plusSeconds(86_400);
        Instant dayTo = dayFrom.plusSeconds(86_400);
        record Case(String what, AuditEvents.Query query, String... indexes) {
        }
        List<Case> cases = List.of(
                new Case("one clerk", new AuditEvents.Query(null, "经办人7", null, null, null, null, null),
                        "event_by_actor_but_checks"),
                new Case("one clerk in one day", new AuditEvents.Query(null, "经办人7", null, null, dayFrom, dayTo,
                        null), "event_by_actor_but_checks"),
                new Case("a rare action", new AuditEvents.Query("account.disable", null, null, null, null, null,
                        null), "event_by_action_but_checks"),
                new Case("a rare action in one day", new AuditEvents.Query("account.disable", null, null, null,
                        dayFrom, dayTo, null), "event_by_action_but_checks"),
                new Case("every refusal", new AuditEvents.Query(null, null, AuditResult.DENIED, null, null, null,
                        null), "event_not_succeeded"),
                new Case("every error in one day", new AuditEvents.Query(null, null, AuditResult.ERROR, null,
                        dayFrom, dayTo, null), "event_not_succeeded"),
                new Case("one day months back, nothing else", new AuditEvents.Query(null, null, null, null, dayFrom,
                        dayTo, null), "event_pkey"),
                new Case("one person", new AuditEvents.Query(null, null, null, "feedbeef42", null, null, null),
                        "event_by_subject_hash"),
                new Case("a group of actions", new AuditEvents.Query("account.", null, null, null, null, null, null)),
                // session xxxvii: the checks are in neither index of actor or action; they are found by the primary
                // key, over a bounded range of positions (AuditEvents.CHECK_WINDOW)
                new Case("an API client", new AuditEvents.Query(null, "审批系统7", null, null, null, null, null),
                        "event_by_actor_but_checks", "event_pkey"),
                new Case("an API client in one day", new AuditEvents.Query(null, "审批系统7", null, null, dayFrom,
                        dayTo, null), "event_by_actor_but_checks", "event_pkey"),
                new Case("the check action", new AuditEvents.Query(AuditEvents.CHECK_ACTION, null, null, null, null,
                        null, null), "event_pkey"),
                new Case("the check action of an API client", new AuditEvents.Query(AuditEvents.CHECK_ACTION,
                        "审批系统7", null, null, null, null, null), "event_pkey"),
                // both of its parts are bounded by the window, so the planner may walk the primary key for the rest
                // of the group as well (it does so at some statistics' samples): either plan reads no more than that
                new Case("the measures' group, checks and the rest", new AuditEvents.Query("measures.", null, null,
                        null, null, null, null), "event_pkey"));

        List<String> wrong = transactions.execute(tx -> {
            tx.setRollbackOnly();
            seed();
            List<String> found = new ArrayList<>();
            for (Case c : cases) {
                List<String> scans = scans(c.query());
                boolean seqScan = scans.stream().anyMatch(s -> s.startsWith("Seq Scan"));
                boolean onIndex = java.util.Arrays.stream(c.indexes())
                        .allMatch(i -> scans.stream().anyMatch(s -> s.endsWith(" " + i)));
                if (seqScan || !onIndex || scans.isEmpty()) {
                    found.add(c.what() + ": " + scans + " (wanted " + List.of(c.indexes()) + ")");
                }
            }
            // The day's bounds are positions around it, and the search still gives exactly the day's events.
            AuditEvents.Page day = events.search(new AuditEvents.Query(null, "经办人7", null, null, dayFrom, dayTo,
                    null), 1000);
            long expected = jdbc.sql("SELECT count(*) FROM audit.event WHERE actor_name = '经办人7' AND at >= ? "
                    + "AND at < ?").params(java.sql.Timestamp.from(dayFrom), java.sql.Timestamp.from(dayTo))
                    .query(Long.class).single();
            assertThat(day.events()).hasSize((int) expected).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.at()).isBetween(dayFrom, dayTo.minusNanos(1)));

            // Session xxxvii: an API client's events, its checks found by the primary key and the rest by the partial
            // index, merged by position exactly as a scan of the log orders them; so the check action alone, and
            // the group measures. (the checks and the other actions of the measures)
            assertThat(events.search(new AuditEvents.Query(null, "审批系统0", null, null, null, null, null), 1000)
                    .events()).extracting(AuditEvents.Event::seq)
                    .containsExactlyElementsOf(newest("actor_name = '审批系统0'", FIRST, 1000));
            assertThat(events.search(new AuditEvents.Query(null, "审批系统0", null, null, null, null, null), 1000)
                    .events()).extracting(AuditEvents.Event::action)
                    .contains(AuditEvents.CHECK_ACTION, "measures.feedback");
            assertThat(events.search(new AuditEvents.Query(AuditEvents.CHECK_ACTION, "审批系统0", null, null, null,
                    null, null), 300).events()).extracting(AuditEvents.Event::seq).containsExactlyElementsOf(
                    newest("action = 'measures.check' AND actor_name = '审批系统0'", FIRST, 300));
            AuditEvents.Page measures = events.search(new AuditEvents.Query("measures.", null, null, null, null, null,
                    null), 2000);
            assertThat(measures.events()).extracting(AuditEvents.Event::seq)
                    .containsExactlyElementsOf(newest("action LIKE 'measures.%'", FIRST, 2000));
            assertThat(measures.events()).extracting(AuditEvents.Event::action).contains("measures.feedback");
            // A page walks at most CHECK_WINDOW positions for checks: where an actor's events are too sparse to fill
            // it there, it comes back short, and its link to older events starts right below the range it walked.
            long top = FIRST + EVENTS + 1;
            AuditEvents.Page sparse = events.search(new AuditEvents.Query(null, "审批系统0", null, null, null, null,
                    null), 3000);
            long bottom = top - AuditEvents.CHECK_WINDOW;
            assertThat(sparse.olderBefore()).isEqualTo(bottom);
            assertThat(sparse.events()).extracting(AuditEvents.Event::seq).hasSizeLessThan(3000)
                    .containsExactlyElementsOf(newest("actor_name = '审批系统0'", bottom - 1, 3000));
            AuditEvents.Page below = events.search(new AuditEvents.Query(null, "审批系统0", null, null, null, null,
                    bottom), 3000);
            assertThat(below.events()).extracting(AuditEvents.Event::seq).containsExactlyElementsOf(
                    newest("actor_name = '审批系统0' AND seq < " + bottom, bottom - AuditEvents.CHECK_WINDOW - 1,
                            3000));
            // the two indexes leave the checks out: an audited check writes no entry, no WAL record, to either
            assertThat(jdbc.sql("SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'audit' "
                    + "AND tablename = 'event' AND (indexdef LIKE '%actor_name%' OR indexdef LIKE '%(action%')")
                    .query(String.class).list()).hasSize(2).allSatisfy(d -> assertThat(d)
                    .endsWith("WHERE (action <> 'measures.check'::text)"));

            // The negative proof: at this size, without its index, each filter one of them serves reads the log instead.
            jdbc.sql("DROP INDEX audit.event_by_actor_but_checks, audit.event_by_action_but_checks, "
                    + "audit.event_not_succeeded, audit.event_by_subject_hash").update();
            for (Case c : cases) {
                List<String> wanted = List.of(c.indexes());
                if (!wanted.isEmpty() && !wanted.contains("event_pkey")) {
                    List<String> scans = scans(c.query());
                    if (scans.stream().noneMatch(s -> s.startsWith("Seq Scan") || s.endsWith(" event_pkey"))) {
                        found.add(c.what() + " without its index: " + scans + " (wanted a read of the log)");
                    }
                }
            }
            return found;
        });
        assertThat(wrong).as("filters not served by their index, or scanning the log, or not without it").isEmpty();
    }

    /** The positions of the newest {@code n} events above {@code above} that match {@code condition}. */
    private List<Long> newest(String condition, long above, int n) {
        return jdbc.sql("SELECT seq FROM audit.event WHERE seq > ? AND " + condition + " ORDER BY seq DESC LIMIT ?")
                .params(above, n).query(Long.class).list();
    }

    /** The synthetic events, and the planner's statistics over them (both rolled back with the transaction). */
    private void seed() {
        jdbc.sql("""
                INSERT INTO audit.event (seq, at, category, actor_kind, actor_id, actor_name, organisation, action,
                                         subject_pseudonym, result, leaf_hash, mac)
                SELECT ? + g, ?::timestamptz + g * interval '1 second',
                       CASE WHEN g % 100 = 0 THEN 'SECURITY' ELSE 'QUERY' END,
                       CASE WHEN g % 100 = 0 THEN 'STAFF' ELSE 'API_CLIENT' END,
                       'synthetic',
                       CASE WHEN g % 100 = 0 THEN '经办人' || (g / 100 % 500) ELSE '审批系统' || (g % 50) END,
                       '测试单位',
                       CASE WHEN g % 10000 = 0 THEN 'account.disable'
                            WHEN g % 1000 = 50 THEN 'measures.feedback'
                            WHEN g % 100 = 0 THEN (ARRAY['subject.view', 'listing.add', 'creditfile.record.add'])[g / 100 % 3 + 1]
                            ELSE 'measures.check' END,
                       CASE WHEN g % 100 = 0 THEN NULL ELSE 'feedbeef' || (g % 100000) END,
                       CASE WHEN g % 5000 = 0 THEN 'DENIED' WHEN g % 7919 = 0 THEN 'ERROR' ELSE 'SUCCESS' END,
                       '\\x00'::bytea, '\\x00'::bytea
                FROM generate_series(1, ?) g""")
                .params(FIRST, java.sql.Timestamp.from(START), EVENTS).update();
        jdbc.sql("ANALYZE audit.event").update();
    }

    /** Every scan of {@code audit.event} in the plan of the viewer's statement for {@code query}. */
    private List<String> scans(AuditEvents.Query query) {
        AuditEvents.Statement statement = events.statement(query, 200);
        String text = jdbc.sql("EXPLAIN (FORMAT JSON) " + statement.sql()).params(statement.params())
                .query(String.class).single();
        List<String> scans = new ArrayList<>();
        collect(json.readTree(text).get(0).get("Plan"), scans);
        return scans;
    }

    /** Every scan of {@code audit.event} in the plan, as "node type index" ("Index Scan event_by_actor"). */
    private static void collect(JsonNode node, List<String> scans) {
        if (node == null) {
            return;
        }
        JsonNode relation = node.get("Relation Name");
        if (relation != null && relation.asString().equals("event")) {
            JsonNode index = node.get("Index Name");
            scans.add(node.get("Node Type").asString() + (index == null ? "" : " " + index.asString()));
        }
        JsonNode index = node.get("Index Name");
        if (relation == null && index != null && node.get("Node Type").asString().startsWith("Bitmap Index")) {
            scans.add("Bitmap Index Scan " + index.asString());
        }
        JsonNode plans = node.get("Plans");
        if (plans != null) {
            plans.forEach(p -> collect(p, scans));
        }
    }

    /**
     * The viewer's pages follow by key: the second page starts right after the first page's last event, and an event
     * recorded between the two pages neither shifts the second page nor appears in it.
     */
    @Test
    void theNextPageStartsAfterThePreviousOnesLastEventWhateverArrivesMeanwhile() {
        String clerk = "翻页经办人" + System.nanoTime();
        Instant from = clock.instant().minusSeconds(86_400);
        List<Long> recorded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            recorded.add(audit.record(AuditEntry.of(AuditCategory.PROCESSING, "test.paging").by(staff(clerk))
                    .detail("event " + i)));
        }
        AuditEvents.Query query = new AuditEvents.Query("test.paging", clerk, null, null, from, null, null);

        AuditEvents.Page first = events.search(query, 3);
        assertThat(first.events()).extracting(AuditEvents.Event::seq)
                .containsExactly(recorded.get(6), recorded.get(5), recorded.get(4));
        assertThat(first.olderBefore()).isEqualTo(recorded.get(4));

        long meanwhile = audit.record(AuditEntry.of(AuditCategory.PROCESSING, "test.paging").by(staff(clerk))
                .detail("between the pages"));
        AuditEvents.Page second = events.search(new AuditEvents.Query("test.paging", clerk, null, null, from, null,
                first.olderBefore()), 3);
        assertThat(second.events()).extracting(AuditEvents.Event::seq)
                .containsExactly(recorded.get(3), recorded.get(2), recorded.get(1)).doesNotContain(meanwhile);
        AuditEvents.Page third = events.search(new AuditEvents.Query("test.paging", clerk, null, null, from, null,
                second.olderBefore()), 3);
        assertThat(third.events()).extracting(AuditEvents.Event::seq).containsExactly(recorded.get(0));
        assertThat(third.olderBefore()).isNull();

        AuditEvents.Page newest = events.search(query, 3);
        assertThat(newest.events().get(0).seq()).as("the new event heads the first page again").isEqualTo(meanwhile);
    }

    private static cn.chengxin.shared.security.Actor staff(String name) {
        return new AuditLog.SimpleActor(cn.chengxin.shared.security.Actor.ActorKind.STAFF, name, name, "测试单位");
    }
}
