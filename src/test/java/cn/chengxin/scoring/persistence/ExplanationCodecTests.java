package cn.chengxin.scoring.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.scoring.domain.CompiledModel;
import cn.chengxin.scoring.domain.ScoreCalculator;
import cn.chengxin.scoring.domain.ScoreModel;
import cn.chengxin.scoring.domain.ScoreOutcome.Scored;
import cn.chengxin.scoring.domain.ScoreSheet;
import cn.chengxin.scoring.domain.ScoredRecord;
import org.junit.jupiter.api.Test;

class ExplanationCodecTests {

    private static final ScoreModel MODEL = ScoreModel.weihai();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void aStoredExplanationReadsBackAsEveryContributingRecordWithItsPointsPerDimension() {
        List<ScoredRecord> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(new ScoredRecord(UUID.randomUUID(), "P_VOLUNTEER_SERVICE", null, TODAY.minusMonths(i * 7L),
                    "志愿服务"));
        }
        records.add(new ScoredRecord(UUID.randomUUID(), "P_COURT_DEFAULTER", Severity.SERIOUS, TODAY.minusDays(40),
                "失信被执行人"));
        CompiledModel compiled = ScoreCalculator.compile(MODEL);
        Scored scored = (Scored) compiled.score(LocalDate.of(1980, 1, 1), LocalDate.of(2000, 1, 1), records, TODAY);
        assertThat(scored.contributions()).isNotEmpty();

        ExplanationCodec codec = new ExplanationCodec(MODEL);
        byte[] stored = codec.encodeScored(scored.dimensions(), scored.contributions());
        ExplanationCodec.Explanation read = codec.decode(stored, true,
                code -> code.equals("P_COURT_DEFAULTER") ? "失信被执行人" : "志愿服务");

        assertThat(read.dimensions()).isEqualTo(scored.dimensions());
        assertThat(read.contributions()).isEqualTo(scored.contributions());
        assertThat(codec.gradeLabel(scored.grade())).isEqualTo(scored.gradeLabel());
        assertThat(stored.length).isLessThan(10 + 5 * scored.dimensions().size() + 35 * scored.contributions().size());
    }

    /**
     * The full recompute scores on a sheet from numbers and encodes from it; a subject's explanation must be the
     * same bytes as scoring its records as a list and encoding the result, whatever the order of the records.
     */
    @Test
    void anExplanationEncodedFromASheetIsTheSameAsFromTheScoredRecords() {
        CompiledModel compiled = ScoreCalculator.compile(MODEL);
        ExplanationCodec codec = new ExplanationCodec(MODEL);
        int[] positions = codec.positionsOf(compiled);
        ScoreSheet sheet = compiled.sheet();
        String[] items = {"P_VOLUNTEER_SERVICE", "P_BLOOD_DONATION", "P_COMMENDATION", "P_ADMIN_PENALTY_GENERAL",
                "P_ADMIN_PENALTY_MINOR", "P_COURT_DEFAULTER", "P_DRUNK_DRIVING"};
        Severity[] severities = {null, Severity.MINOR, Severity.GENERAL, Severity.SERIOUS};
        Random random = new Random(6);
        byte[] reused = new byte[80 * 34 + 100];
        Arrays.fill(reused, (byte) 0x5a);
        for (int subject = 0; subject < 500; subject++) {
            List<ScoredRecord> records = new ArrayList<>();
            int n = random.nextInt(subject % 50 == 0 ? 80 : 15);
            for (int i = 0; i < n; i++) {
                // Few distinct days, so that records of one item often share a day and are ordered by key.
                records.add(new ScoredRecord(new UUID(random.nextLong(), random.nextLong()),
                        items[random.nextInt(items.length)], severities[random.nextInt(severities.length)],
                        TODAY.minusDays(random.nextInt(8) * 160L), "标题"));
            }
            Scored scored = (Scored) compiled.score(LocalDate.of(1980, 1, 1), LocalDate.of(2000, 1, 1), records,
                    TODAY);
            Collections.shuffle(records, random);
            compiled.begin(sheet, TODAY);
            for (ScoredRecord r : records) {
                compiled.add(sheet, compiled.itemIndex(r.itemCode()), r.decisionDate().toEpochDay(),
                        compiled.severityFactor(r.severity()), r.recordKey().getMostSignificantBits(),
                        r.recordKey().getLeastSignificantBits(), null);
            }
            compiled.compute(sheet);

            assertThat(sheet.score()).isEqualTo(scored.score());
            assertThat(sheet.band().grade()).isEqualTo(scored.grade());
            byte[] expected = codec.encodeScored(scored.dimensions(), scored.contributions());
            assertThat(codec.encodeScored(sheet, positions)).isEqualTo(expected);
            // Into the array of the subjects before, as the full recompute encodes.
            int length = codec.encodeScored(sheet, positions, reused);
            assertThat(Arrays.copyOf(reused, length)).isEqualTo(expected);
        }
    }

    @Test
    void aSubjectNotScoredKeepsItsReason() {
        ExplanationCodec codec = new ExplanationCodec(MODEL);
        ExplanationCodec.Explanation read = codec.decode(codec.encodeNotScored("未成年人不评分"), false, code -> null);
        assertThat(read.notScoredReason()).isEqualTo("未成年人不评分");
        assertThat(read.contributions()).isEmpty();
    }
}
