package cn.chengxin.scoring.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.scoring.domain.CompiledModel;
import cn.chengxin.shared.jdbc.PostgresCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The full recompute's reads and writes of scores, one range of subject ids at a time, set-based: the range's
 * stored rows in one binary COPY, the changed rows in another into a temporary staging table, and one statement
 * that upserts them and adds their history entries and grade notices. Same rules as {@link JdbcScores#store}.
 */
@Repository
public class JdbcRangeScores {

    private static final UUID LOWEST_ID = new UUID(0, 0);
    private static final UUID HIGHEST_ID = new UUID(-1, -1);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JdbcScores scores;

    public JdbcRangeScores(JdbcClient jdbc, DataSource dataSource, JdbcScores scores) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.scores = scores;
    }

    /**
     * Starts the range (after, last] (null: unbounded) scored with {@code model} from facts read at {@code at}:
     * reads its stored rows to compare with.
     */
    public RangeWrite begin(UUID after, UUID last, CompiledModel model, Instant at) {
        List<RangeWrite.StoredScore> stored = new ArrayList<>();
        // Literals of ids only: COPY takes no parameters.
        PostgresCopy.copyOut(dataSource, """
                SELECT subject_id, model_code, model_version, score, grade, not_scored_code, region_code, birth_year,
                       computed_at, explanation_bytes
                FROM scoring.score WHERE subject_id > '%s' AND subject_id <= '%s' ORDER BY subject_id""".formatted(
                after == null ? LOWEST_ID : after, last == null ? HIGHEST_ID : last), rows -> {
                    long[] most = new long[1];
                    long[] least = new long[1];
                    while (rows.next()) {
                        rows.uuidInto(most, least, 0);
                        stored.add(new RangeWrite.StoredScore(most[0], least[0], rows.text(), rows.int4(),
                                rows.int4(), rows.text(), rows.text(), rows.text(), rows.int4(), rows.epochMicros(),
                                rows.bytes()));
                    }
                });
        long atMicros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        String code = model.model().code();
        int version = model.model().version();
        return new RangeWrite(model, scores.codec(code, version), scores, atMicros, stored);
    }

    /**
     * Writes what the range staged, in one transaction: a row replaces the stored one unless that was computed from
     * later facts (a rescore after a stored chunk that overtook this range); each row written adds its history
     * entry and, for a change of an existing grade, a notice.
     *
     * @return the grade changes written
     */
    @Transactional
    public List<RangeWrite.GradeChange> write(RangeWrite range) {
        if (range.stage().rows() == 0) {
            return List.of();
        }
        // Temporary: no WAL, no other session sees it; emptied at commit.
        jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS score_stage (
                    subject_id uuid, model_code text, model_version int, score int, grade text,
                    not_scored_code text, region_code text, birth_year int, computed_at timestamptz,
                    explanation_bytes bytea, history boolean, grade_changed boolean, from_grade text,
                    from_label text, to_label text) ON COMMIT DELETE ROWS""").update();
        PostgresCopy.copyIn(dataSource, "score_stage (" + RangeWrite.COLUMNS + ")", range.stage());
        List<UUID> changed = jdbc.sql("""
                        WITH written AS (
                            INSERT INTO scoring.score AS s (subject_id, model_code, model_version, score, grade,
                                   not_scored_code, region_code, birth_year, computed_at, explanation_bytes)
                            SELECT subject_id, model_code, model_version, score, grade, not_scored_code, region_code,
                                   birth_year, computed_at, explanation_bytes
                            FROM score_stage
                            ON CONFLICT (subject_id) DO UPDATE SET model_code = EXCLUDED.model_code,
                                   model_version = EXCLUDED.model_version, score = EXCLUDED.score,
                                   grade = EXCLUDED.grade, not_scored_code = EXCLUDED.not_scored_code,
                                   region_code = EXCLUDED.region_code, birth_year = EXCLUDED.birth_year,
                                   computed_at = EXCLUDED.computed_at, explanation = NULL,
                                   explanation_bytes = EXCLUDED.explanation_bytes
                            WHERE s.computed_at <= EXCLUDED.computed_at
                            RETURNING s.subject_id
                        ), staged AS (
                            SELECT u.* FROM score_stage u JOIN written w ON w.subject_id = u.subject_id
                        ), history AS (
                            INSERT INTO scoring.score_history (subject_id, model_code, model_version, score, grade,
                                                               computed_at)
                            SELECT subject_id, model_code, model_version, score, grade, computed_at
                            FROM staged WHERE history
                        ), notices AS (
                            INSERT INTO scoring.grade_notice (subject_id, from_grade, from_label, to_grade, to_label,
                                                              at)
                            SELECT subject_id, from_grade, from_label, grade, to_label, computed_at
                            FROM staged WHERE grade_changed AND from_grade IS NOT NULL
                        )
                        SELECT subject_id FROM staged WHERE grade_changed""")
                .query(UUID.class).list();
        return changed.stream().map(range::gradeChange).toList();
    }
}
