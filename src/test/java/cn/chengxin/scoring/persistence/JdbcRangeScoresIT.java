package cn.chengxin.scoring.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.chengxin.scoring.Scoring;
import cn.chengxin.scoring.SubjectScore;
import cn.chengxin.scoring.domain.CompiledModel;
import cn.chengxin.scoring.domain.ScoreCalculator;
import cn.chengxin.scoring.domain.ScoreModel;
import cn.chengxin.scoring.domain.ScoreSheet;
import cn.chengxin.shared.jdbc.UuidOrder;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The full recompute copies the rows of subjects it found unscored straight into the table; a rescore that stored
 * one of them meanwhile makes that copy fail on its key, and the range must then still be written, keeping the
 * rescore's later result.
 */
@IntegrationTest
class JdbcRangeScoresIT {

    @Autowired
    JdbcRangeScores ranges;

    @Autowired
    Scoring scoring;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void aScoreARescoreStoredMeanwhileIsKeptAndTheRestOfTheRangeIsWritten() {
        List<UUID> both = List.of(person("411702198003030411"), person("411702198104040422")).stream()
                .sorted(UuidOrder::compare).toList();
        UUID rescored = both.get(0);
        UUID other = both.get(1);
        CompiledModel model = scoring.activeModel();
        Instant at = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        RangeWrite range = ranges.begin(null, null, model, at);

        scoring.rescore(Set.of(rescored));
        Instant rescoredAt = scoring.scoreOf(rescored).orElseThrow().computedAt();

        ScoreSheet sheet = model.sheet();
        model.begin(sheet, LocalDate.now());
        model.compute(sheet);
        for (UUID id : both) {
            range.scored(id, "411702", 1980, sheet);
        }
        ranges.write(range);

        assertThat(scoring.scoreOf(rescored).orElseThrow().computedAt()).isEqualTo(rescoredAt);
        assertThat(scoring.history(rescored)).hasSize(1);
        assertThat(scoring.scoreOf(other).orElseThrow().computedAt()).isEqualTo(at);
        assertThat(scoring.scoreOf(other).orElseThrow().score()).isEqualTo(sheet.score());
        assertThat(scoring.history(other)).singleElement().satisfies(h -> assertThat(h.at()).isEqualTo(at));
    }

    /**
     * A rescore inserts its first scores without looking for conflicts (a plain insert within a savepoint,
     * {@link UniqueKeySavepoint}): when another writer stores one of its subjects meanwhile, the insert waits for it,
     * fails on the key once it commits, and the rescore still stores every subject, its later result over the other's.
     */
    @Test
    void aFirstScoreStoredMeanwhileByAnotherWriterIsReplacedByTheRescore() throws Exception {
        int sequence = java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 500) * 2;
        List<UUID> both = List.of(person("41170219830606" + sequence), person("41170219840707" + (sequence + 1)));
        // First scores: none stored before, whatever an earlier run on the same database left.
        jdbc.sql("DELETE FROM scoring.score WHERE subject_id = ANY(?::uuid[])").param(both.toArray(UUID[]::new))
                .update();
        UUID taken = both.get(0);
        CompiledModel model = scoring.activeModel();
        Instant earlier = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MICROS);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (java.sql.Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (java.sql.PreparedStatement insert = writer.prepareStatement("""
                    INSERT INTO scoring.score (subject_id, model_code, model_version, not_scored_code, computed_at,
                                               explanation_bytes, since)
                    VALUES (?, ?, ?, 'RESIDENCE_TOO_SHORT', ?, '\\x00'::bytea, ?)""")) {
                insert.setObject(1, taken);
                insert.setString(2, model.model().code());
                insert.setInt(3, model.model().version());
                insert.setTimestamp(4, java.sql.Timestamp.from(earlier));
                insert.setTimestamp(5, java.sql.Timestamp.from(earlier));
                insert.executeUpdate();
            }
            Future<Integer> rescored = thread.submit(() -> scoring.rescore(both));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!insertWaits() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(insertWaits()).as("the rescore's insert waits for the other writer's key").isTrue();
            writer.commit();
            assertThat(rescored.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            thread.shutdownNow();
        }
        assertThat(scoring.scoreOf(taken).orElseThrow().computedAt()).isAfter(earlier);
        assertThat(scoring.scoreOf(both.get(1))).isPresent();
    }

    /** Whether an insert of scores waits for a lock (another transaction's key). */
    private boolean insertWaits() {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO scoring.score%'""")
                .query(Long.class).single() > 0;
    }

    /**
     * After a model switch every subject gets a row of the new model beside its row of the old one, which stays as
     * the history (V41); a rescore that wrote the old row from later facts meanwhile keeps its result current.
     */
    @Test
    void aModelSwitchWritesEveryoneANewRowAndARescoreMeanwhileStaysCurrent() throws Exception {
        List<UUID> three = List.of(person("411702198306060444"), person("411702198407070455"),
                person("411702198508080466")).stream().sorted(UuidOrder::compare).toList();
        CompiledModel points = scoring.activeModel();
        ScoreSheet base = points.sheet();
        points.begin(base, LocalDate.now());
        points.compute(base);
        Instant first = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MICROS);
        RangeWrite range = ranges.begin(null, null, points, first);
        for (UUID id : three) {
            range.scored(id, "411702", 1983, base);
        }
        ranges.write(range);
        CompiledModel labels = pendingFiveLabels();
        ScoreSheet middle = withoutRecords(labels);

        // Alone in their range: all replaced.
        Instant second = first.plusSeconds(30);
        range = ranges.begin(null, null, labels, second);
        range.scored(three.get(0), "411702", 1983, middle);
        ranges.write(range);
        assertThat(scoring.history(three.get(0))).extracting(h -> h.at(), h -> h.modelCode(), h -> h.score())
                .containsExactly(tuple(first, "WEIHAI_POINTS", base.score()),
                        tuple(second, "FIVE_LABELS", middle.score()));

        // The range reads the stored rows; a rescore then replaces one of them from later facts.
        Instant third = first.plusSeconds(60);
        range = ranges.begin(null, null, labels, third);
        UUID rescored = three.get(1);
        UUID other = three.get(2);
        jdbc.sql("UPDATE scoring.score SET score = score - 1, grade = 'B' WHERE subject_id = ?").param(rescored)
                .update();
        scoring.rescore(Set.of(rescored));
        SubjectScore rescore = scoring.scoreOf(rescored).orElseThrow();
        assertThat(rescore.computedAt()).isAfter(third);
        for (UUID id : List.of(rescored, other)) {
            range.scored(id, "411702", 1983, middle);
        }
        ranges.write(range);

        assertThat(scoring.scoreOf(rescored).orElseThrow().computedAt()).isEqualTo(rescore.computedAt());
        assertThat(scoring.scoreOf(other).orElseThrow()).extracting(SubjectScore::modelCode, SubjectScore::computedAt)
                .containsExactly("FIVE_LABELS", third);
        assertThat(scoring.history(other)).extracting(h -> h.at(), h -> h.modelCode(), h -> h.score())
                .containsExactly(tuple(first, "WEIHAI_POINTS", base.score()),
                        tuple(third, "FIVE_LABELS", middle.score()));
        assertThat(jdbc.sql("SELECT model_code FROM scoring.score WHERE subject_id = ? ORDER BY computed_at")
                .param(other).query(String.class).list()).containsExactly("WEIHAI_POINTS", "FIVE_LABELS");
    }

    /**
     * A model switch's range writes rows of the new model beside the old ones; a rescore with the old model while the
     * range's transaction is open has nothing of it to wait for, and its later result is the current score.
     */
    @Test
    void aRescoreDuringAModelSwitchsRangeNeitherWaitsNorIsLost() throws Exception {
        UUID subject = person("411702198609090477");
        CompiledModel points = scoring.activeModel();
        ScoreSheet fined = points.sheet();
        points.begin(fined, LocalDate.now());
        points.add(fined, 0, LocalDate.now().minusDays(10).toEpochDay(), 1.0, 1L, 2L, null);
        points.compute(fined);
        Instant first = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MICROS);
        RangeWrite range = ranges.begin(null, null, points, first);
        range.scored(subject, "411702", 1986, fined);
        ranges.write(range);
        CompiledModel labels = pendingFiveLabels();
        ScoreSheet middle = withoutRecords(labels);
        Instant switchedAt = first.plusSeconds(60);
        RangeWrite switched = ranges.begin(null, null, labels, switchedAt);
        switched.scored(subject, "411702", 1986, middle);

        CountDownLatch rangeWritten = new CountDownLatch(1);
        CountDownLatch commitRange = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> rangeDone = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(t -> {
                ranges.write(switched);
                rangeWritten.countDown();
                try {
                    commitRange.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(rangeWritten.await(20, TimeUnit.SECONDS)).isTrue();
            // The subject has no records: the rescore's score (the base) differs from the stored one (fined). It
            // finishes while the range's transaction is still open.
            threads.submit(() -> scoring.rescore(Set.of(subject))).get(10, TimeUnit.SECONDS);
            commitRange.countDown();
            rangeDone.get(20, TimeUnit.SECONDS);
        } finally {
            commitRange.countDown();
            threads.shutdownNow();
        }

        SubjectScore now = scoring.scoreOf(subject).orElseThrow();
        assertThat(now.modelCode()).isEqualTo("WEIHAI_POINTS");
        assertThat(now.score()).isNotEqualTo(fined.score());
        assertThat(now.computedAt()).isAfter(switchedAt);
        assertThat(scoring.history(subject)).extracting(h -> h.modelCode(), h -> h.score())
                .contains(tuple("FIVE_LABELS", middle.score()), tuple("WEIHAI_POINTS", fined.score()));
    }

    @Test
    void aReplacedScoreGoesToTheHistoryWithTheTimeItBegan() {
        UUID subject = person("411702198205050433");
        CompiledModel model = scoring.activeModel();
        Instant first = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MICROS);
        ScoreSheet base = model.sheet();
        model.begin(base, LocalDate.now());
        model.compute(base);
        // One thread's arrays, reused range after range as the full recompute does.
        RangeWrite.Buffers buffers = new RangeWrite.Buffers();
        RangeWrite range = ranges.begin(null, null, model, first, buffers);
        range.scored(subject, "411702", 1982, base);
        ranges.write(range);
        int baseScore = base.score();

        Instant second = first.plusSeconds(60);
        ScoreSheet fined = model.sheet();
        model.begin(fined, LocalDate.now());
        model.add(fined, 0, LocalDate.now().minusDays(10).toEpochDay(), 1.0, 1L, 2L, null);
        model.compute(fined);
        assertThat(fined.score()).isNotEqualTo(baseScore);
        range = ranges.begin(null, null, model, second, buffers);
        range.scored(subject, "411702", 1982, fined);
        ranges.write(range);

        // The replaced score keeps the time it was first computed; the current one starts at the change.
        assertThat(scoring.history(subject)).extracting(h -> h.at(), h -> h.score())
                .containsExactly(tuple(first, baseScore), tuple(second, fined.score()));
        // Written again with the same score (a later computation): no new point, the current keeps its start.
        range = ranges.begin(null, null, model, second.plusSeconds(30), buffers);
        range.scored(subject, "411702", 1983, fined);
        ranges.write(range);
        assertThat(scoring.scoreOf(subject).orElseThrow().computedAt()).isEqualTo(second.plusSeconds(30));
        assertThat(scoring.history(subject)).extracting(h -> h.at(), h -> h.score())
                .containsExactly(tuple(first, baseScore), tuple(second, fined.score()));
    }

    /** The other preset, proposed and pending review: stored, so that explanations in it can be read. */
    private CompiledModel pendingFiveLabels() throws Exception {
        int version = as("maker", () -> scoring.propose(ScoreModel.fiveLabels()));
        return ScoreCalculator.compile(scoring.models().stream()
                .filter(m -> m.code().equals("FIVE_LABELS") && m.version() == version).findFirst().orElseThrow()
                .model());
    }

    private static ScoreSheet withoutRecords(CompiledModel model) {
        ScoreSheet sheet = model.sheet();
        model.begin(sheet, LocalDate.now());
        model.compute(sheet);
        return sheet;
    }

    private UUID person(String first17AndCheck) {
        String number = TestCitizens.withCheckCharacter(first17AndCheck.substring(0, 17));
        return subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), "甘雨泽",
                null, null, List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702",
                LocalDate.of(1990, 1, 1))), List.of(), false));
    }
}
