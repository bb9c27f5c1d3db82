package cn.chengxin.scoring.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.scoring.domain.ScoreOutcome.NotScored;
import cn.chengxin.scoring.domain.ScoreOutcome.Scored;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoreCalculatorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final LocalDate ADULT = LocalDate.of(1980, 5, 17);
    private static final LocalDate LONG_AGO = LocalDate.of(2010, 1, 1);

    private static final CompiledModel WEIHAI = ScoreCalculator.compile(ScoreModel.weihai());

    /** Base 1000; LAW −30 (two count) and −50 (one counts), cap 100; GOOD +20 (three count), cap 50; no decay. */
    private static final ScoreModel SMALL = new ScoreModel("SMALL", 1, "测试模型", 1000, 0, 1300,
            List.of(new Dimension("LAW", "遵纪守法", 100), new Dimension("GOOD", "社会公益", 50),
                    new Dimension("SPARE", "备用", 10)),
            List.of(new ItemPoints("P_X", "LAW", -30, 2), new ItemPoints("P_Y", "LAW", -50, 1),
                    new ItemPoints("P_GOOD", "GOOD", 20, 3)),
            Decay.none(), Map.of(Severity.MINOR, 0.5), ScoreModel.weihai().grades(), 18, 12);

    /** The full recompute leaves unread the records before the first counting day: none of them may weigh anything. */
    @Test
    void noRecordBeforeTheFirstCountingDayWeighsAnything() {
        for (Decay decay : List.of(new Decay(12, 36), new Decay(12, 12), new Decay(0, 6), new Decay(6, 7))) {
            CompiledModel model = ScoreCalculator.compile(new ScoreModel("DECAY", 1, "测试模型", 1000, 0, 1300,
                    SMALL.dimensions(), SMALL.items(), decay, Map.of(), ScoreModel.weihai().grades(), 18, 12));
            long first = model.firstCountingDay(TODAY);
            for (int back = 0; back < 1500; back++) {
                LocalDate decided = TODAY.minusDays(back);
                assertThat(decay.weight(decided, TODAY) > 0).as("%s decided %s", decay, decided)
                        .isEqualTo(decided.toEpochDay() >= first);
            }
        }
        assertThat(ScoreCalculator.compile(SMALL).firstCountingDay(TODAY)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void minorsAreNotScored() {
        LocalDate seventeen = TODAY.minusYears(18).plusDays(1);
        assertThat(WEIHAI.score(seventeen, LONG_AGO, List.of(), TODAY))
                .isEqualTo(new NotScored(NotScored.MINOR, "未成年人不评分"));
        assertThat(WEIHAI.score(TODAY.minusYears(18), LONG_AGO, List.of(), TODAY)).as("18 today")
                .isInstanceOf(Scored.class);
        assertThat(WEIHAI.score(null, LONG_AGO, List.of(), TODAY))
                .extracting(o -> ((NotScored) o).code()).isEqualTo(NotScored.AGE_UNKNOWN);
    }

    @Test
    void adultsAreScoredOnlyAfterLivingHereLongEnough() {
        ScoreOutcome newcomer = WEIHAI.score(ADULT, TODAY.minusMonths(12).plusDays(1), List.of(), TODAY);
        assertThat(newcomer).isInstanceOf(NotScored.class);
        assertThat(((NotScored) newcomer).code()).isEqualTo(NotScored.RESIDENCE_TOO_SHORT);
        assertThat(((NotScored) newcomer).reason()).contains("12 个月");
        assertThat(WEIHAI.score(ADULT, TODAY.minusMonths(12), List.of(), TODAY)).isInstanceOf(Scored.class);
        assertThat(((NotScored) WEIHAI.score(ADULT, null, List.of(), TODAY)).code())
                .isEqualTo(NotScored.NOT_RESIDENT);
        assertThat(WEIHAI.refusal(ADULT, TODAY.minusMonths(3), TODAY)).isPresent();
        assertThat(WEIHAI.refusal(ADULT, LONG_AGO, TODAY)).isEmpty();
    }

    @Test
    void aSubjectWithoutRecordsHasTheBaseScore() {
        Scored scored = scored(WEIHAI, List.of());
        assertThat(scored.score()).isEqualTo(1000);
        assertThat(scored.grade()).isEqualTo("A");
        assertThat(scored.gradeLabel()).isEqualTo("A 级（诚信）");
        assertThat(scored.contributions()).isEmpty();
        assertThat(scored.dimensions()).hasSize(5).allSatisfy(d -> assertThat(d.points()).isZero());
    }

    @Test
    void aPenaltyLowersTheScoreAndIsExplained() {
        ScoredRecord defaulter = record("P_COURT_DEFAULTER", Severity.SERIOUS, TODAY.minusMonths(2));
        Scored scored = scored(WEIHAI, List.of(defaulter));

        assertThat(scored.score()).isEqualTo(950);
        assertThat(scored.grade()).isEqualTo("B");
        assertThat(scored.contributions()).containsExactly(new Contribution(defaulter.recordKey(),
                "P_COURT_DEFAULTER", "P_COURT_DEFAULTER 的记录", "OBLIGATIONS", defaulter.decisionDate(), 1.0, -50));
        assertThat(scored.dimensions()).filteredOn(d -> d.code().equals("OBLIGATIONS")).singleElement()
                .isEqualTo(new DimensionScore("OBLIGATIONS", "履约守信", -50, 400, false));
    }

    @Test
    void aRepairedOrExpiredRecordIsNotPassedAndTheScoreComesBack() {
        ScoredRecord penalty = record("P_ADMIN_PENALTY_GENERAL", Severity.GENERAL, TODAY.minusMonths(1));
        ScoredRecord volunteering = record("P_VOLUNTEER_SERVICE", null, TODAY.minusMonths(1));
        assertThat(scored(WEIHAI, List.of(penalty, volunteering)).score()).isEqualTo(990);

        Scored afterRepair = scored(WEIHAI, List.of(volunteering));
        assertThat(afterRepair.score()).isEqualTo(1010);
        assertThat(afterRepair.contributions()).extracting(Contribution::recordKey)
                .containsExactly(volunteering.recordKey());
    }

    @Test
    void goodRecordsRaiseTheScoreAndTheGrade() {
        List<ScoredRecord> records = List.of(
                record("P_GOOD_SAMARITAN", null, TODAY.minusMonths(1)),
                record("P_GOOD_SAMARITAN", null, TODAY.minusMonths(2)),
                record("P_COMMENDATION", null, TODAY.minusMonths(3)),
                record("P_BLOOD_DONATION", null, TODAY.minusMonths(4)));
        Scored scored = scored(WEIHAI, records);
        assertThat(scored.score()).isEqualTo(1150);
        assertThat(scored.grade()).isEqualTo("AAA");
    }

    @Test
    void recordsDecayFromFullWeightToNothing() {
        ScoreModel decaying = new ScoreModel("DECAYING", 1, "衰减", 1000, 0, 1300, SMALL.dimensions(), SMALL.items(),
                new Decay(12, 36), Map.of(), SMALL.grades(), 18, 0);
        CompiledModel model = ScoreCalculator.compile(decaying);
        // 2024-03-01 … 2025-03-01 … 2026-03-01: 365 + 365 days, so the middle weighs exactly one half.
        LocalDate today = LocalDate.of(2027, 3, 1);

        assertThat(penaltyOfP_Y(model, today, today)).isEqualTo(new WeightAndPoints(1.0, -50));
        assertThat(penaltyOfP_Y(model, today.minusMonths(12), today)).isEqualTo(new WeightAndPoints(1.0, -50));
        assertThat(penaltyOfP_Y(model, today.minusMonths(24), today)).isEqualTo(new WeightAndPoints(0.5, -25));
        assertThat(penaltyOfP_Y(model, today.minusMonths(36), today)).isNull();
        assertThat(penaltyOfP_Y(model, today.minusMonths(40), today)).isNull();
        assertThat(new Decay(12, 36).weight(LocalDate.of(2025, 3, 1), today)).isEqualTo(0.5);
        assertThat(Decay.none().weight(LocalDate.of(1990, 1, 1), today)).isEqualTo(1.0);
    }

    @Test
    void onlyTheMostRecentRecordsOfAnItemCount() {
        CompiledModel model = ScoreCalculator.compile(SMALL);
        ScoredRecord oldest = record("P_X", null, TODAY.minusMonths(5));
        ScoredRecord middle = record("P_X", null, TODAY.minusMonths(3));
        ScoredRecord newest = record("P_X", null, TODAY.minusMonths(1));
        Scored scored = scored(model, List.of(oldest, newest, middle));
        assertThat(scored.score()).isEqualTo(940);
        assertThat(scored.contributions()).extracting(Contribution::recordKey)
                .containsExactly(newest.recordKey(), middle.recordKey());
    }

    @Test
    void aDimensionMovesTheScoreAtMostByItsCapAndItsRecordsShareTheCappedPoints() {
        CompiledModel model = ScoreCalculator.compile(SMALL);
        ScoredRecord x1 = record("P_X", null, TODAY.minusMonths(1));
        ScoredRecord x2 = record("P_X", null, TODAY.minusMonths(2));
        ScoredRecord y = record("P_Y", null, TODAY.minusMonths(3));
        Scored scored = scored(model, List.of(x1, x2, y));

        assertThat(scored.score()).isEqualTo(900);
        assertThat(scored.dimensions().get(0)).isEqualTo(new DimensionScore("LAW", "遵纪守法", -100, 100, true));
        // −110 scaled to −100: −27.3, −27.3, −45.5, apportioned so that they add up to −100.
        assertThat(scored.contributions()).extracting(Contribution::points).containsExactly(-27, -27, -46);
    }

    @Test
    void aDimensionCappedAtZeroNeverMovesTheScore() {
        ScoreModel silent = new ScoreModel("SILENT", 1, "上限为零", 1000, 0, 1300,
                List.of(new Dimension("LAW", "遵纪守法", 0)), List.of(new ItemPoints("P_X", "LAW", -30, 2)),
                Decay.none(), Map.of(), SMALL.grades(), 18, 0);
        Scored scored = scored(ScoreCalculator.compile(silent), List.of(record("P_X", null, TODAY)));
        assertThat(scored.score()).isEqualTo(1000);
        assertThat(scored.dimensions()).containsExactly(new DimensionScore("LAW", "遵纪守法", 0, 0, true));
        assertThat(scored.contributions()).isEmpty();
    }

    @Test
    void aMinorActCountsHalfAndUnpricedItemsNotAtAll() {
        CompiledModel model = ScoreCalculator.compile(SMALL);
        ScoredRecord minorAct = record("P_X", Severity.MINOR, TODAY.minusMonths(1));
        Scored scored = scored(model, List.of(minorAct, record("P_UNKNOWN", Severity.SERIOUS, TODAY)));
        assertThat(scored.score()).isEqualTo(985);
        assertThat(scored.contributions()).singleElement().satisfies(c -> {
            assertThat(c.weight()).isEqualTo(0.5);
            assertThat(c.points()).isEqualTo(-15);
        });
    }

    @Test
    void theScoreStaysWithinTheModelsRange() {
        ScoreModel narrow = new ScoreModel("NARROW", 1, "窄幅", 50, 0, 100, SMALL.dimensions(), SMALL.items(),
                Decay.none(), Map.of(), List.of(new GradeBand("LOW", "低", 0, 49), new GradeBand("HIGH", "高", 50, 100)),
                18, 0);
        Scored scored = scored(ScoreCalculator.compile(narrow),
                List.of(record("P_Y", null, TODAY), record("P_X", null, TODAY), record("P_X", null, TODAY)));
        assertThat(scored.score()).isZero();
        assertThat(scored.grade()).isEqualTo("LOW");
    }

    @Test
    void gradesChangeExactlyAtTheirThresholds() {
        assertThat(WEIHAI.gradeOf(1149).grade()).isEqualTo("AA");
        assertThat(WEIHAI.gradeOf(1150).grade()).isEqualTo("AAA");
        assertThat(WEIHAI.gradeOf(1049).grade()).isEqualTo("A");
        assertThat(WEIHAI.gradeOf(1000).grade()).isEqualTo("A");
        assertThat(WEIHAI.gradeOf(999).grade()).isEqualTo("B");
        assertThat(WEIHAI.gradeOf(950).grade()).isEqualTo("B");
        assertThat(WEIHAI.gradeOf(949).grade()).isEqualTo("C");
        assertThat(WEIHAI.gradeOf(801).grade()).isEqualTo("C");
        assertThat(WEIHAI.gradeOf(800).grade()).isEqualTo("D");
        CompiledModel fiveLabels = ScoreCalculator.compile(ScoreModel.fiveLabels());
        assertThat(fiveLabels.gradeOf(600).label()).isEqualTo("中等");
        assertThat(fiveLabels.gradeOf(1000).label()).isEqualTo("极好");
        assertThat(fiveLabels.gradeOf(0).label()).isEqualTo("待提升");
    }

    @Test
    void theOutcomeDoesNotDependOnTheOrderOfTheRecords() {
        List<ScoredRecord> records = new ArrayList<>();
        LocalDate sameDay = TODAY.minusMonths(2);
        for (int i = 0; i < 70; i++) {
            records.add(record("P_VOLUNTEER_SERVICE", null, i % 3 == 0 ? sameDay : TODAY.minusDays(i)));
            records.add(record(i % 2 == 0 ? "P_ADMIN_PENALTY_GENERAL" : "P_TAX_ARREARS", Severity.GENERAL, sameDay));
        }
        ScoreOutcome first = WEIHAI.score(ADULT, LONG_AGO, records, TODAY);
        for (long seed = 1; seed <= 5; seed++) {
            List<ScoredRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(WEIHAI.score(ADULT, LONG_AGO, shuffled, TODAY)).isEqualTo(first);
            assertThat(WEIHAI.score(ADULT, LONG_AGO, shuffled.subList(0, 20), TODAY))
                    .isEqualTo(WEIHAI.score(ADULT, LONG_AGO, records.stream()
                            .filter(shuffled.subList(0, 20)::contains).toList(), TODAY));
        }
        Scored scored = (Scored) first;
        assertThat(scored.contributions()).hasSize(5 + 5 + 3);
        assertThat(scored.score()).isEqualTo(1000 + 50 - 100 - 60);
    }

    @Test
    void theOneOffCalculationAgreesWithTheCompiledModel() {
        ScoreModel model = ScoreModel.weihai();
        List<ScoredRecord> records = List.of(record("P_DRUNK_DRIVING", Severity.SERIOUS, TODAY.minusMonths(20)));
        ScoreOutcome once = ScoreCalculator.score(model, ADULT, LONG_AGO, records, TODAY);
        assertThat(once).isEqualTo(WEIHAI.score(ADULT, LONG_AGO, records, TODAY));
        // 20 months: two thirds of the way from 12 to 36 months is left, so about −40 of −60.
        assertThat(((Scored) once).contributions().get(0).weight()).isCloseTo(2.0 / 3, within(0.01));
        assertThat(((Scored) once).score()).isEqualTo(960);
    }

    private record WeightAndPoints(double weight, int points) {
    }

    private static WeightAndPoints penaltyOfP_Y(CompiledModel model, LocalDate decided, LocalDate today) {
        Scored scored = (Scored) model.score(ADULT, LONG_AGO, List.of(record("P_Y", null, decided)), today);
        assertThat(scored.score()).isEqualTo(1000 + scored.contributions().stream()
                .mapToInt(Contribution::points).sum());
        return scored.contributions().isEmpty() ? null
                : new WeightAndPoints(scored.contributions().get(0).weight(), scored.contributions().get(0).points());
    }

    private static Scored scored(CompiledModel model, List<ScoredRecord> records) {
        return (Scored) model.score(ADULT, LONG_AGO, records, TODAY);
    }

    private static ScoredRecord record(String item, Severity severity, LocalDate decided) {
        return new ScoredRecord(UUID.randomUUID(), item, severity, decided, item + " 的记录");
    }
}
