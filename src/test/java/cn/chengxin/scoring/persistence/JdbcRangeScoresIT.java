package cn.chengxin.scoring.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.scoring.Scoring;
import cn.chengxin.scoring.domain.CompiledModel;
import cn.chengxin.scoring.domain.ScoreSheet;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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

    @Test
    void aScoreARescoreStoredMeanwhileIsKeptAndTheRestOfTheRangeIsWritten() {
        List<UUID> both = List.of(person("411702198003030411"), person("411702198104040422")).stream()
                .sorted(Comparator.comparing((UUID id) -> id.getMostSignificantBits(), Long::compareUnsigned)
                        .thenComparing(id -> id.getLeastSignificantBits(), Long::compareUnsigned))
                .toList();
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

    private UUID person(String first17AndCheck) {
        String number = TestCitizens.withCheckCharacter(first17AndCheck.substring(0, 17));
        return subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), "甘雨泽",
                null, null, List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702",
                LocalDate.of(1990, 1, 1))), List.of(), false));
    }
}
