package cn.chengxin.measures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.measures.persistence.JdbcMeasures;
import cn.chengxin.shared.Ids;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * N9 (gaps review xxxiii): check rows are query logs (RULES.md §9, at least ten years) and go once past their period,
 * with their feedback and acknowledged lifts, a chunk per transaction; those still owing feedback or a lift stay, and
 * the check's audit event is untouched.
 */
@IntegrationTest
class CheckRetentionIT {

    @Autowired
    CheckRetention retention;

    @Autowired
    JdbcMeasures store;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void checksPastTenYearsGoUnlessTheyStillOweFeedbackOrALiftAndTheirAuditEventsStay() {
        // A day of its own (the pass is per day), near enough to today that no other test's checks are past it.
        Clock now = Clock.fixed(clock.instant().minus(Duration.ofDays(ThreadLocalRandom.current().nextInt(1, 400))),
                clock.getZone());
        Instant past = now.instant().minus(Duration.ofDays(3700));
        String department = "RET" + ThreadLocalRandom.current().nextInt(1_000_000);

        UUID plain = check(past, department, List.of(), List.of());
        UUID lifted = check(past.plusSeconds(1), department, List.of("M-RET"), List.of("E-RET-1"));
        store.feedback(lifted, "M-RET", true, "已限制", null, "clerk", past.plusSeconds(60));
        endEntries(lifted);
        liftRecorded(lifted, true);
        UUID owing = check(past.plusSeconds(2), department, List.of("M-RET"), List.of());
        UUID awaitingLift = check(past.plusSeconds(3), department, List.of("M-RET"), List.of("E-RET-2"));
        store.feedback(awaitingLift, "M-RET", true, "已限制", null, "clerk", past.plusSeconds(60));
        UUID liftUnread = check(past.plusSeconds(4), department, List.of("M-RET"), List.of("E-RET-3"));
        store.feedback(liftUnread, "M-RET", true, "已限制", null, "clerk", past.plusSeconds(60));
        endEntries(liftUnread);
        liftRecorded(liftUnread, false);
        UUID withinTenYears = check(now.instant().minus(Duration.ofDays(3600)), department, List.of(), List.of());
        UUID recent = check(now.instant().minus(Duration.ofDays(1)), department, List.of(), List.of());
        long events = jdbc.sql("SELECT count(*) FROM audit.event WHERE detail LIKE ?").param("%" + plain + "%")
                .query(Long.class).single();
        assertThat(events).isEqualTo(1);

        // Chunks of two checks: the pass goes on over several transactions.
        long deleted = retention.prune(now, 2);

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(store.check(plain)).isEmpty();
        assertThat(store.check(lifted)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM measures.feedback WHERE check_id = ?").param(lifted)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_lifted WHERE check_id = ?").param(lifted)
                .query(Long.class).single()).isZero();
        for (UUID kept : List.of(owing, awaitingLift, liftUnread, withinTenYears, recent)) {
            assertThat(store.check(kept)).as("check %s stays", kept).isPresent();
        }
        // The audit event of a deleted check keeps its content: the audit's own retention decides on it.
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'measures.check' AND detail LIKE ?")
                .param("%" + plain + "%").query(Long.class).single()).isEqualTo(1);

        var pass = retention.pass(LocalDate.now(now)).orElseThrow();
        assertThat(pass.finished()).isTrue();
        assertThat(pass.holdersEvaluated()).isEqualTo(deleted);
        // The day's pass is done: running again that day deletes nothing, whichever instance runs it.
        assertThat(retention.prune(now, 2)).isZero();

        // The 案例统计 counts do not shrink: the deleted check (lifted) still counts among the measure's hits.
        assertThat(jdbc.sql("SELECT hits FROM measures.case_tally WHERE measure_code = 'M-RET' AND department_code = ?")
                .param(department).query(Long.class).single()).isEqualTo(4);
        // Other tests compare the tally with a scan of the stored checks (ChecksIT): leave neither this department's
        // checks nor its counts behind.
        for (String table : List.of("feedback", "check_lifted")) {
            jdbc.sql("DELETE FROM measures." + table + " WHERE check_id IN "
                    + "(SELECT id FROM measures.check_made WHERE department_code = ?)").param(department).update();
        }
        jdbc.sql("DELETE FROM measures.check_made WHERE department_code = ?").param(department).update();
        jdbc.sql("DELETE FROM measures.case_tally WHERE department_code = ?").param(department).update();
    }

    /**
     * W8 (gaps review xlii): a chunk half-way through a day's checks reads its time slice, not every check from its
     * position (or from the start) to the cutoff; and the pass, slice by slice, still reaches every check past its
     * period across a gap of days.
     */
    @Test
    void aChunkReadsItsTimeSliceNotEveryCheckUpToTheCutoffAndThePassCrossesGaps() {
        // A day of its own, apart from the test above's; the seeded checks lie before its cutoff.
        Clock now = Clock.fixed(clock.instant().minus(Duration.ofDays(ThreadLocalRandom.current().nextInt(401, 800))),
                clock.getZone());
        Instant start = clock.instant().minus(Duration.ofDays(5000));
        Instant later = start.plus(Duration.ofDays(3));
        String department = "RETW8" + ThreadLocalRandom.current().nextInt(1_000_000);
        int seeded = seed(start, department, 100_000) + seed(later, department, 1_000);
        // As autovacuum does for filled ranges (autosummarize), so that the index tells the seeded ranges apart.
        jdbc.sql("SELECT brin_summarize_new_values('measures.check_made_by_time')").query(Integer.class).single();
        jdbc.sql("ANALYZE measures.check_made").update();

        Instant middle = start.plusSeconds(50_000);
        List<String> plan = jdbc.sql("EXPLAIN (ANALYZE, FORMAT TEXT) " + CheckRetention.SLICE_READ)
                .params(CheckRetention.sliceParameters(middle, null, middle.plus(CheckRetention.SLICE), 2_000))
                .query(String.class).list();
        long examined = checksExamined(plan);
        // The slice holds 600 checks; the index returns whole block ranges (128 blocks) around it. Bounded only by
        // the cutoff, the statement read the 101,000 seeded checks and every other one before the cutoff.
        assertThat(examined).as(String.join("\n", plan)).isBetween(600L, 25_000L);

        assertThat(retention.prune(now, 5_000)).isGreaterThanOrEqualTo(seeded);
        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_made WHERE department_code = ?").param(department)
                .query(Long.class).single()).isZero();
        assertThat(retention.pass(LocalDate.now(now)).orElseThrow().finished()).isTrue();
    }

    /** {@code count} checks a second apart from {@code from}, in time order as checks are appended. */
    private int seed(Instant from, String department, int count) {
        return jdbc.sql("""
                        INSERT INTO measures.check_made (id, at, client_id, department_code, subject_pseudonym,
                               scenario, purpose, entries, measure_codes, feedback_due)
                        SELECT gen_random_uuid(), CAST(? AS timestamptz) + make_interval(secs => g),
                               'retention-client', ?, 'pseudo-w8', 'TRAVEL', '出行核查', 0, '{}', false
                        FROM generate_series(0, ? - 1) g ORDER BY g""")
                .params(Timestamp.from(from), department, count).update();
    }

    /** The rows of {@code measures.check_made} a plan's scan of it went through: returned and removed. */
    private static long checksExamined(List<String> plan) {
        var actual = java.util.regex.Pattern.compile("actual time=\\S+ rows=(\\d+) loops=(\\d+)");
        var removed = java.util.regex.Pattern.compile("Rows Removed by (?:Filter|Index Recheck): (\\d+)");
        for (int i = 0; i < plan.size(); i++) {
            if (!plan.get(i).contains(" on check_made c ")) {
                continue;
            }
            var m = actual.matcher(plan.get(i));
            assertThat(m.find()).as(plan.get(i)).isTrue();
            long loops = Long.parseLong(m.group(2));
            long rows = Long.parseLong(m.group(1));
            for (int j = i + 1; j < plan.size() && !plan.get(j).contains("->"); j++) {
                var r = removed.matcher(plan.get(j));
                if (r.find()) {
                    rows += Long.parseLong(r.group(1));
                }
            }
            return rows * loops;
        }
        throw new AssertionError("No scan of check_made in " + plan);
    }

    @Test
    void aPeriodBelowTenYearsIsRefusedAtStart() {
        assertThatThrownBy(() -> new CheckRetention(Duration.ofDays(3650), jdbc, null, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chengxin.measures.retention.checks").hasMessageContaining("3653");
    }

    /** A check stored as a check is, with its audit event (QUERY) in the same transaction. */
    private UUID check(Instant at, String department, List<String> owed, List<String> entries) {
        UUID id = Ids.newId();
        JdbcMeasures.CheckRow row = new JdbcMeasures.CheckRow(id, at, "retention-client", department, "pseudo-" + id,
                Scenario.TRAVEL, "出行核查", entries.size(), owed, owed, entries, null);
        audit.record(AuditEntry.of(AuditCategory.QUERY, "measures.check").subject("pseudo-" + id)
                .purpose("乘坐飞机、列车：出行核查", "联合奖惩核查（国办发〔2016〕33号）")
                .detail(MeasureDetails.checked(id, entries.size(), owed.size())), JdbcMeasures.CHECK_ROWS, row);
        return id;
    }

    private void endEntries(UUID check) {
        jdbc.sql("UPDATE measures.check_made SET entries_ended_on = DATE '2016-01-01' WHERE id = ?").param(check)
                .update();
    }

    private void liftRecorded(UUID check, boolean acknowledged) {
        Timestamp at = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO measures.check_lifted (check_id, department_code, measure_codes, ended_on,
                               lifted_at, acknowledged_at, acknowledged_by)
                        SELECT id, department_code, owed_codes, entries_ended_on, ?, ?, ? FROM measures.check_made
                        WHERE id = ?""")
                .params(at, acknowledged ? at : null, acknowledged ? "clerk" : null, check).update();
    }
}
