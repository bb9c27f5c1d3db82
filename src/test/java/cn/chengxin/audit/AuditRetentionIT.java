package cn.chengxin.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

import cn.chengxin.audit.persistence.AuditWriter;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The daily retention job (RULES.md §10) empties the content of events past their category's period and of no
 * other. The database judges the period by its own clock (V570, gaps review xli V1): the events here are made a
 * security period old, and a clock moved ahead is refused. The pass walks the log by position a chunk per transaction
 * from a mark per category, and re-checks once what was written since (gaps review xlii W2, {@link RetentionWalk}):
 * the tests here first append the marks an up-to-date log would have, so that the shared database's other events (of
 * every age, at every position) do not stand in the way.
 */
@IntegrationTest
class AuditRetentionIT {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditWriter writer;

    @Autowired
    Clock clock;

    @Test
    void eventsPastTheirPeriodLoseTheirContentAndTheOthersKeepIt() {
        AuditLog past = PastAuditLog.ago(writer, clock, retention.periodOf(AuditCategory.SECURITY).plusDays(1));
        long security = past.record(AuditEntry.of(AuditCategory.SECURITY, "test.retention").detail("登录失败（保留期测试）"));
        long query = past.record(AuditEntry.of(AuditCategory.QUERY, "test.retention").subject("feedbeef-retention")
                .purpose("测试", "测试依据").detail("查询（保留期测试）"));

        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            assertThat(retention.prune()).isPositive();
            assertThat(detail(security)).as("a security event past its period").isNull();
            assertThat(pruned(security)).isTrue();
            assertThat(detail(query)).as("a query of personal data, kept ten years").isEqualTo("查询（保留期测试）");
            assertThat(pruned(query)).isFalse();
        });
        assertThat(detail(security)).as("the job's work was rolled back").isEqualTo("登录失败（保留期测试）");
        assertThat(retention.prune()).as("emptied for good").isPositive();
        assertThat(retention.prune()).as("nothing is left past its period").isZero();
    }

    /** Gaps review xli V1: an instance whose clock runs years ahead (or a caller passing such a time) empties nothing. */
    @Test
    void aClockAheadOfTheDatabaseServersEmptiesNothing() {
        long security = audit.record(AuditEntry.of(AuditCategory.SECURITY, "test.retention").detail("今天的登录失败"));
        Clock ahead = Clock.offset(clock, retention.periodOf(AuditCategory.SECURITY).plusDays(1));

        assertThatThrownBy(() -> retention.prune(ahead)).rootCause().hasMessageContaining("is ahead of it");
        assertThat(detail(security)).isEqualTo("今天的登录失败");
        assertThat(pruned(security)).isFalse();
    }

    /**
     * Gaps review xlii W2: a pass of several chunks stopped by a failure in its second chunk (rolled back with its mark)
     * goes on from the last chunk committed: every event past its period is emptied, once, and the walk stops at the
     * first event of its category not due yet.
     */
    @Test
    void aPassInChunksResumesAfterAFailedChunkAndEmptiesEachEventOnce() {
        AuditLog old = PastAuditLog.ago(writer, clock, retention.periodOf(AuditCategory.SECURITY).plusDays(10));
        List<Long> due = old.recordAll(IntStream.range(0, 6).mapToObj(i -> AuditEntry.of(AuditCategory.SECURITY,
                "test.retention.chunks").detail("到期的登录失败 " + i)).toList());
        long kept = audit.record(AuditEntry.of(AuditCategory.SECURITY, "test.retention.chunks").detail("今天的登录失败"));
        upToDate(due.get(0) - 1, kept);
        Clock first = Clock.fixed(clock.instant().minusSeconds(120).truncatedTo(ChronoUnit.MICROS), clock.getZone());
        Clock second = Clock.fixed(clock.instant().truncatedTo(ChronoUnit.MICROS), clock.getZone());

        jdbc.sql("""
                CREATE OR REPLACE FUNCTION public.w2_planted_failure() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN RAISE EXCEPTION 'planted failure'; END $$""").update();
        jdbc.sql("CREATE TRIGGER w2_planted_failure BEFORE INSERT ON audit.retention_mark FOR EACH ROW WHEN "
                + "(NEW.category = 'SECURITY' AND NEW.walked_through >= " + due.get(3) + ") "
                + "EXECUTE FUNCTION public.w2_planted_failure()").update();
        try {
            assertThatThrownBy(() -> retention.prune(first, 2, () -> true)).rootCause()
                    .hasMessageContaining("planted failure");
        } finally {
            jdbc.sql("DROP TRIGGER w2_planted_failure ON audit.retention_mark").update();
        }
        assertThat(due).extracting(this::prunedAt).as("the first chunk committed, the second rolled back")
                .containsExactly(first.instant(), first.instant(), null, null, null, null);

        assertThat(retention.prune(second, 2, () -> true)).isGreaterThanOrEqualTo(4);
        assertThat(due).extracting(this::prunedAt).as("resumed where it stopped: none missed, none emptied twice")
                .containsExactly(first.instant(), first.instant(), second.instant(), second.instant(),
                        second.instant(), second.instant());
        assertThat(due).extracting(this::detail).containsOnlyNulls();
        assertThat(detail(kept)).as("not due: the walk stops before it").isEqualTo("今天的登录失败");
        assertThat(walkedThrough()).isEqualTo(kept - 1);
    }

    /**
     * Gaps review xlii W2, events stamped out of time order (imports, a clock stepped back): one already past its
     * period when written is emptied by the next pass's re-check; one that falls due only later waits for the walk to
     * reach its position (late by as much as it was stamped back, as {@link RetentionWalk} decides), and is never
     * emptied before its period.
     */
    @Test
    void anEventStampedBackIsEmptiedByTheRecheckOrWhenTheWalkReachesIt() {
        Duration period = retention.periodOf(AuditCategory.SECURITY);
        List<Long> frontier = audit.recordAll(List.of(
                AuditEntry.of(AuditCategory.SECURITY, "test.retention.order").detail("今天的登录失败 1"),
                AuditEntry.of(AuditCategory.SECURITY, "test.retention.order").detail("今天的登录失败 2"),
                AuditEntry.of(AuditCategory.SECURITY, "test.retention.order").detail("今天的登录失败 3")));
        upToDate(frontier.get(0) - 1, frontier.get(0) - 1);
        long pastWhenWritten = PastAuditLog.ago(writer, clock, period.plusDays(10))
                .record(AuditEntry.of(AuditCategory.SECURITY, "test.retention.order").detail("导入的旧事件"));
        long dueLater = PastAuditLog.ago(writer, clock, period.plusDays(2))
                .record(AuditEntry.of(AuditCategory.SECURITY, "test.retention.order").detail("时钟回拨的事件"));
        Clock fiveDaysAgo = Clock.offset(clock, Duration.ofDays(-5));

        retention.prune(fiveDaysAgo, 2, () -> true);
        assertThat(detail(pastWhenWritten)).as("past its period when written: the re-check").isNull();
        assertThat(detail(dueLater)).as("not due five days ago").isEqualTo("时钟回拨的事件");
        assertThat(walkedThrough()).as("the walk stops at the first event not due").isEqualTo(frontier.get(0) - 1);

        retention.prune(clock, 2, () -> true);
        assertThat(detail(dueLater)).as("due now, but past the re-check and beyond the walk's last chunk")
                .isEqualTo("时钟回拨的事件");
        assertThat(frontier).extracting(this::detail).doesNotContainNull();

        // Once the walk is past the events before it (here: a mark appended as their emptying would), it is emptied.
        upToDate(dueLater - 1, dueLater);
        assertThat(retention.prune(clock, 2, () -> true)).isPositive();
        assertThat(detail(dueLater)).isNull();
    }

    /**
     * Session xliv (V860): the form over every event (V570's, kept for a rolling upgrade) asks the range form, so the
     * legal floors and the clock guard stand in one function: a cutoff a day inside each category's floor is refused
     * through it, as is a pruning time ahead of the server's clock, and a cutoff past the floor empties what is due.
     * A body that empties without the range form (a copy of the floors, or none) fails here.
     */
    @Test
    void theFormOverEveryEventKeepsTheRangeFormsFloorsAndClockGuard() {
        assertThat(jdbc.sql("SELECT prosrc FROM pg_proc WHERE oid = "
                        + "'audit.empty_past_retention(text, timestamptz, timestamptz)'::regprocedure")
                .query(String.class).single()).as("no floor of its own: it asks the range form")
                .doesNotContain("interval").contains("audit.empty_past_retention(p_category, 0,");
        for (var floor : List.of(List.of("SECURITY", 180), List.of("PROCESSING", 1096), List.of("QUERY", 3653))) {
            assertThatThrownBy(() -> jdbc.sql("SELECT audit.empty_past_retention(?, now() - make_interval(days => ?), "
                            + "now())").params(floor.get(0), (Integer) floor.get(1) - 1).query(Integer.class).single())
                    .as("a day inside the %s floor", floor.get(0)).rootCause()
                    .hasMessageContaining("keep their content for at least");
        }
        assertThatThrownBy(() -> jdbc.sql("SELECT audit.empty_past_retention('SECURITY', now(), now() + interval "
                + "'181 days')").query(Integer.class).single()).rootCause().hasMessageContaining("is ahead of it");

        long due = PastAuditLog.ago(writer, clock, Duration.ofDays(182))
                .record(AuditEntry.of(AuditCategory.SECURITY, "test.retention.floors").detail("半年前的登录失败"));
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            assertThat(jdbc.sql("SELECT audit.empty_past_retention('SECURITY', now() - interval '181 days', now())")
                    .query(Integer.class).single()).isPositive();
            assertThat(detail(due)).isNull();
        });
        assertThat(detail(due)).isEqualTo("半年前的登录失败");
    }

    /**
     * Session xliv (V861): a pass forgets the marks it passed, keeping each category's latest (where its walk and its
     * re-check stand); without it, ~600 rows a night at a city's rate stayed for good.
     */
    @Test
    void aPassKeepsOnlyEachCategorysLatestMark() {
        List<Long> due = PastAuditLog.ago(writer, clock, retention.periodOf(AuditCategory.SECURITY).plusDays(10))
                .recordAll(IntStream.range(0, 5).mapToObj(i -> AuditEntry.of(AuditCategory.SECURITY,
                        "test.retention.marks").detail("到期的登录失败 " + i)).toList());
        upToDate(due.get(0) - 1, due.get(0) - 1);
        assertThat(marks()).as("marks of earlier passes and tests").isGreaterThan(AuditCategory.values().length);

        retention.prune(clock, 2, () -> true);
        assertThat(due).extracting(this::detail).containsOnlyNulls();
        assertThat(marks()).as("one a category").isEqualTo(AuditCategory.values().length);
        assertThat(walkedThrough()).as("the latest mark, not an older one").isGreaterThanOrEqualTo(due.get(4));
        assertThat(retention.prune(clock, 2, () -> true)).as("the next pass goes on from it").isZero();
    }

    /**
     * Session xliv: a night's pass stops at its window (here: already over, so after its first chunk), and the next
     * goes on from the mark that chunk appended: nothing missed, nothing emptied twice.
     */
    @Test
    void aPassStopsAtItsWindowAndTheNextGoesOnFromItsMark() {
        List<Long> due = PastAuditLog.ago(writer, clock, retention.periodOf(AuditCategory.SECURITY).plusDays(10))
                .recordAll(IntStream.range(0, 6).mapToObj(i -> AuditEntry.of(AuditCategory.SECURITY,
                        "test.retention.window").detail("到期的登录失败 " + i)).toList());
        long kept = audit.record(AuditEntry.of(AuditCategory.SECURITY, "test.retention.window").detail("今天的登录失败"));
        upToDate(due.get(0) - 1, kept);

        assertThat(retention.prune(clock, 2, clock.instant(), () -> true)).isEqualTo(2);
        assertThat(due).extracting(this::pruned).containsExactly(true, true, false, false, false, false);
        assertThat(walkedThrough()).isEqualTo(due.get(1));

        assertThat(retention.prune(clock, 2, Instant.MAX, () -> true)).isGreaterThanOrEqualTo(4);
        assertThat(due).extracting(this::detail).containsOnlyNulls();
        assertThat(detail(kept)).isEqualTo("今天的登录失败");
        assertThat(walkedThrough()).isEqualTo(kept - 1);
    }

    /**
     * Appends the marks of a log passed up to here: the security walk through {@code walkedThrough}, every category
     * re-checked through {@code recheckedThrough}.
     */
    private void upToDate(long walkedThrough, long recheckedThrough) {
        for (AuditCategory category : AuditCategory.values()) {
            jdbc.sql("""
                    INSERT INTO audit.retention_mark (category, n, walked_through, rechecked_through, cutoff, emptied,
                                                      at)
                    SELECT category, n + 1, CASE WHEN category = 'SECURITY' THEN ? ELSE walked_through END, ?, cutoff,
                           0, now()
                    FROM audit.retention_mark WHERE category = ? ORDER BY n DESC LIMIT 1""")
                    .params(walkedThrough, recheckedThrough, category.name()).update();
        }
    }

    private long marks() {
        return jdbc.sql("SELECT count(*) FROM audit.retention_mark").query(Long.class).single();
    }

    private long walkedThrough() {
        return jdbc.sql("SELECT walked_through FROM audit.retention_mark WHERE category = 'SECURITY' "
                + "ORDER BY n DESC LIMIT 1").query(Long.class).single();
    }

    private Instant prunedAt(long seq) {
        return jdbc.sql("SELECT pruned_at FROM audit.event WHERE seq = ?").param(seq)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).list().get(0);
    }

    private String detail(long seq) {
        return jdbc.sql("SELECT detail FROM audit.event WHERE seq = ?").param(seq).query((rs, n) -> rs.getString(1))
                .list().get(0);
    }

    private boolean pruned(long seq) {
        return jdbc.sql("SELECT pruned_at IS NOT NULL FROM audit.event WHERE seq = ?").param(seq).query(Boolean.class)
                .single();
    }
}
