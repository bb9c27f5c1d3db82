package cn.chengxin.oversight;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.creditfile.CollectionFigures;
import cn.chengxin.creditfile.CollectionFigures.DecisionDelay;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.measures.FeedbackFigures;
import cn.chengxin.measures.FeedbackFigures.DepartmentFeedback;
import cn.chengxin.measures.persistence.JdbcMeasures;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 部门督办, 数据质量 and the yearly progress report sum figures kept per closed day (gaps review xxxv P2): over checks and
 * records seeded across several days and departments, the kept days plus today's live count give what a count of every
 * check and record of the period gives; a day kept again changes nothing; feedback completed and entries ended after
 * a day was kept move its kept figures; a closed day kept is no longer read from its checks or records.
 */
@IntegrationTest
class SupervisionFiguresIT {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedbackFigures feedback;

    @Autowired
    CollectionFigures collection;

    @Autowired
    JdbcMeasures measures;

    @Autowired
    DepartmentSupervision supervision;

    @Autowired
    Clock clock;

    private String first;
    private String second;
    private LocalDate today;
    private final List<LocalDate> closed = new ArrayList<>();

    @BeforeEach
    void seed() {
        int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        first = "SFONE" + n;
        second = "SFTWO" + n;
        today = LocalDate.now(clock);
        for (int back = 3; back >= 1; back--) {
            closed.add(today.minusDays(back));
        }
        int k = 0;
        for (LocalDate day : closed) {
            Instant noon = day.atTime(12, 0).atZone(CHINA).toInstant();
            seedDay(first, noon, k);
            seedDay(second, noon.plusSeconds(60), k + 1);
            k++;
        }
        seedDay(first, clock.instant().minusSeconds(1), 2);
    }

    /** Checks of every state and records of several decision dates, more of each as {@code k} grows. */
    private void seedDay(String department, Instant at, int k) {
        for (int i = 0; i <= k; i++) {
            check(department, at, new String[] {}, false, null);                       // nothing owed
            check(department, at, new String[] {"NO_FLIGHTS_TRAINS"}, false, null);    // returned
            check(department, at, new String[] {"NO_FLIGHTS_TRAINS"}, true, null);     // open
        }
        check(department, at, new String[] {"NO_FLIGHTS_TRAINS"}, true, LocalDate.of(2020, 1, 1)); // dropped
        LocalDate received = LocalDate.ofInstant(at, CHINA);
        for (int i = 0; i <= k + 1; i++) {
            record(department, at, received.minusDays(1 + 3L * i));
            record(department, at, received.minusDays(2));
        }
    }

    @AfterEach
    void remove() {
        for (String code : List.of(first, second)) {
            jdbc.sql("DELETE FROM measures.feedback WHERE check_id IN (SELECT id FROM measures.check_made "
                    + "WHERE department_code = ?)").param(code).update();
            jdbc.sql("DELETE FROM measures.check_lifted WHERE department_code = ?").param(code).update();
            jdbc.sql("DELETE FROM measures.check_made WHERE department_code = ?").param(code).update();
            jdbc.sql("DELETE FROM creditfile.last_received WHERE department_code = ?").param(code).update();
            jdbc.sql("DELETE FROM creditfile.record WHERE department_code = ?").param(code).update();
        }
        jdbc.sql("DELETE FROM measures.entry_ended WHERE entry_id LIKE ?").param(first + "%").update();
        // The days this test kept are counted live again, as the other tests expect of days nobody keeps.
        Date[] days = closed.stream().map(Date::valueOf).toArray(Date[]::new);
        for (String table : List.of("measures.feedback_day", "measures.feedback_day_kept", "creditfile.collection_day",
                "creditfile.collection_day_kept")) {
            jdbc.sql("DELETE FROM " + table + " WHERE day = ANY (?)").param(days).update();
        }
    }

    @Test
    void theKeptDaysAndTodaysLiveCountGiveWhatACountOfEveryCheckAndRecordGives() {
        LocalDate from = closed.get(0);
        LocalDate overdueBefore = closed.get(2); // the first two closed days are overdue, the last and today not
        List<DepartmentFeedback> counted = countedFeedback(from, today, overdueBefore);
        List<DecisionDelay> delays = countedDelays(from, today);
        List<CreditFile.Timeliness> timeliness = countedTimeliness(from, today);
        assertThat(counted).filteredOn(f -> f.departmentCode().equals(first)).singleElement()
                .satisfies(f -> assertThat(f.checks()).isEqualTo(3 * (1 + 2 + 3) + 3 + 3 * 3 + 1));

        assertThat(feedback.keepDays(from, today)).containsExactlyElementsOf(closed);
        assertThat(collection.keepDays(from, today)).containsExactlyElementsOf(closed);
        assertThat(jdbc.sql("SELECT checks FROM measures.feedback_day WHERE day = ? AND department_code = ?")
                .params(Date.valueOf(from), first).query(Long.class).single()).isEqualTo(3 + 1);

        assertThat(feedback.between(from, today, overdueBefore)).isEqualTo(counted);
        assertThat(collection.delays(from, today)).isEqualTo(delays);
        assertThat(collection.timeliness(from, today)).isEqualTo(timeliness);
        DepartmentSupervision.Period period = supervision.of(from, today);
        DepartmentSupervision.Line line = period.lines().stream().filter(l -> l.code().equals(first)).findFirst()
                .orElseThrow();
        assertThat(line.feedback()).isEqualTo(mine(countedFeedback(from, today, period.feedbackOverdueBefore())));
        assertThat(line.timeliness().records()).isEqualTo(delays.stream()
                .filter(d -> d.departmentCode().equals(first)).mapToLong(DecisionDelay::records).sum());

        // Kept again: nothing is kept twice, nothing changes.
        List<Map<String, Object>> keptRows = keptRows();
        assertThat(feedback.keepDays(from, today)).isEmpty();
        assertThat(collection.keepDays(from, today)).isEmpty();
        assertThat(feedback.keep(from)).isFalse();
        assertThat(collection.keep(from)).isFalse();
        assertThat(keptRows()).isEqualTo(keptRows);
        assertThat(feedback.between(from, today, overdueBefore)).isEqualTo(counted);
        assertThat(collection.delays(from, today)).isEqualTo(delays);

        // Today is counted live: a check and a record made now are in the figures at once.
        check(first, clock.instant().minusSeconds(1), new String[] {}, false, null);
        record(first, clock.instant().minusSeconds(1), today.minusDays(4));
        assertThat(feedback.between(from, today, overdueBefore)).isEqualTo(countedFeedback(from, today, overdueBefore));
        assertThat(collection.delays(from, today)).isEqualTo(countedDelays(from, today));
        assertThat(collection.timeliness(from, today)).isEqualTo(countedTimeliness(from, today));

        // A kept day is not read again: a check slipped into it afterwards (no path stores one in the past) is not.
        check(first, from.atTime(13, 0).atZone(CHINA).toInstant(), new String[] {}, false, null);
        assertThat(checksOf(feedback.between(from, from, overdueBefore))).isEqualTo(3 + 1);
        assertThat(checksOf(countedFeedback(from, from, overdueBefore))).isEqualTo(3 + 2);
    }

    @Test
    void feedbackCompletedAndEntriesEndedAfterADayWasKeptMoveItsKeptFigures() {
        LocalDate from = closed.get(0);
        LocalDate overdueBefore = today;
        UUID open = check(first, from.atTime(15, 0).atZone(CHINA).toInstant(), new String[] {"NO_FLIGHTS_TRAINS"},
                true, null);
        String entry = first + "-entry";
        UUID ending = check(first, closed.get(1).atTime(15, 0).atZone(CHINA).toInstant(),
                new String[] {"NO_FLIGHTS_TRAINS"}, true, null, entry);
        UUID dropped = check(first, closed.get(1).atTime(16, 0).atZone(CHINA).toInstant(),
                new String[] {"NO_FLIGHTS_TRAINS"}, true, LocalDate.of(2020, 1, 1));
        feedback.keepDays(from, today);
        DepartmentFeedback kept = mine(feedback.between(from, today, overdueBefore));
        assertThat(kept).isEqualTo(mine(countedFeedback(from, today, overdueBefore)));

        Instant now = clock.instant();
        assertThat(measures.feedback(open, "NO_FLIGHTS_TRAINS", false, "NOT_APPLIED", "测试", "clerk", now)).isTrue();
        measures.entriesEnded(List.of(new JdbcMeasures.EndedEntry(entry, today, "EXPIRED")), now.minusSeconds(3600),
                now);
        assertThat(measures.feedback(dropped, "NO_FLIGHTS_TRAINS", false, "NOT_APPLIED", "测试", "clerk", now))
                .isTrue();

        DepartmentFeedback moved = mine(feedback.between(from, today, overdueBefore));
        assertThat(moved).isEqualTo(mine(countedFeedback(from, today, overdueBefore)));
        assertThat(moved.returned()).isEqualTo(kept.returned() + 2);     // the open one and the dropped one
        assertThat(moved.overdue()).isEqualTo(kept.overdue() - 2);       // the open one and the one whose entry ended
        assertThat(moved.owed()).isEqualTo(kept.owed());                 // one owes none now, the dropped one does
    }

    private DepartmentFeedback mine(List<DepartmentFeedback> figures) {
        return figures.stream().filter(f -> f.departmentCode().equals(first)).findFirst().orElseThrow();
    }

    private long checksOf(List<DepartmentFeedback> figures) {
        return mine(figures).checks();
    }

    private List<Map<String, Object>> keptRows() {
        Date[] days = closed.stream().map(Date::valueOf).toArray(Date[]::new);
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.sql("""
                        SELECT day, department_code, checks, owing, returned, dropped FROM measures.feedback_day
                        WHERE day = ANY (?) ORDER BY 1, 2""").param(days).query().listOfRows());
        rows.addAll(jdbc.sql("""
                        SELECT day, department_code, decision_date, records FROM creditfile.collection_day
                        WHERE day = ANY (?) ORDER BY 1, 2, 3""").param(days).query().listOfRows());
        return rows;
    }

    // ---- the figures as the pages counted them before they were kept: every check and record of the period

    private List<DepartmentFeedback> countedFeedback(LocalDate from, LocalDate to, LocalDate overdueBefore) {
        return jdbc.sql("""
                        SELECT department_code, count(*),
                               count(*) FILTER (WHERE cardinality(owed_codes) > 0
                                                  AND NOT (feedback_due AND entries_ended_on IS NOT NULL)),
                               count(*) FILTER (WHERE cardinality(owed_codes) > 0 AND NOT feedback_due),
                               count(*) FILTER (WHERE feedback_due AND entries_ended_on IS NULL AND at < ?)
                        FROM measures.check_made WHERE at >= ? AND at < ?
                        GROUP BY department_code ORDER BY department_code""")
                .params(start(overdueBefore), start(from), start(to.plusDays(1)))
                .query((rs, n) -> new DepartmentFeedback(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5))).list();
    }

    private List<DecisionDelay> countedDelays(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT department_code, decision_date, (accepted_at AT TIME ZONE 'Asia/Shanghai')::date,
                               count(*)
                        FROM creditfile.record WHERE version = 1 AND linked_from IS NULL
                         AND accepted_at >= ? AND accepted_at < ?
                        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
                .params(start(from), start(to.plusDays(1)))
                .query((rs, n) -> new DecisionDelay(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getLong(4))).list();
    }

    private List<CreditFile.Timeliness> countedTimeliness(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT department_code, count(*),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY ((accepted_at AT TIME ZONE 'Asia/Shanghai')
                                                                            ::date - decision_date)),
                               percentile_cont(0.9) WITHIN GROUP (ORDER BY ((accepted_at AT TIME ZONE 'Asia/Shanghai')
                                                                            ::date - decision_date))
                        FROM creditfile.record WHERE version = 1 AND linked_from IS NULL
                         AND accepted_at >= ? AND accepted_at < ?
                        GROUP BY department_code ORDER BY department_code""")
                .params(start(from), start(to.plusDays(1)))
                .query((rs, n) -> new CreditFile.Timeliness(rs.getString(1), rs.getLong(2), rs.getDouble(3),
                        rs.getDouble(4))).list();
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(CHINA).toInstant());
    }

    // ---- seeding

    private UUID check(String department, Instant at, String[] owed, boolean due, LocalDate ended, String... entries) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO measures.check_made (id, at, client_id, department_code, subject_pseudonym,
                               scenario, purpose, entries, measure_codes, owed_codes, feedback_due, entry_ids,
                               entries_ended_on)
                        VALUES (?, ?, 'figures-test', ?, NULL, 'TRAVEL', '测试', ?, ?, ?, ?, ?, ?)""")
                .params(id, Timestamp.from(at), department, owed.length, owed, owed, due, entries,
                        ended == null ? null : Date.valueOf(ended)).update();
        return id;
    }

    private void record(String department, Instant accepted, LocalDate decided) {
        UUID key = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code,
                               item_version, department_code, source_record_id, action, decision_number, decision_date,
                               content, fingerprint, status, publication_end, retention_end, batch_id, accepted_at,
                               accepted_by)
                        VALUES (?, ?, 1, true, ?, 'P_ADMIN_PENALTY_GENERAL', 1, ?, ?, 'ADD', '督办测罚〔2026〕1号', ?,
                                '{}', ?, 'ACTIVE', NULL, NULL, ?, ?, 'figures-test')""")
                .params(UUID.randomUUID(), key, UUID.randomUUID(), department, key.toString(), decided,
                        key.toString(), UUID.randomUUID(), Timestamp.from(accepted)).update();
    }
}
