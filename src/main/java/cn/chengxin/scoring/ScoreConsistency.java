package cn.chengxin.scoring;

import java.util.List;

import cn.chengxin.shared.consistency.ConsistencyCheck;
import cn.chengxin.shared.consistency.Finding;
import cn.chengxin.shared.consistency.KeysetScan;
import cn.chengxin.shared.consistency.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scores held to their model at night (gaps review xli V9; RULES.md §8): a score lies within its model version's
 * [{@code minScore}, {@code maxScore}] ({@value #OUT_OF_RANGE}, a model version not stored included) and carries the
 * grade of the band containing it ({@value #GRADE_NOT_OF_BAND}). The table's checks (V642) tie score, grade and "not
 * scored" together; the model's definition is JSON no {@code CHECK} may read, and a key to the model cost the
 * scoring pass twice its time (measured, V9). Walks {@code scoring.score} by subject, a chunk a statement, against the
 * models' ranges and bands read once a chunk from the few model versions.
 */
@Component
class ScoreConsistency implements ConsistencyCheck {

    static final String OUT_OF_RANGE = "scoring.score_out_of_range";
    static final String GRADE_NOT_OF_BAND = "scoring.grade_not_of_band";

    static final int CHUNK = 20_000;

    private static final String CHUNK_SQL = """
            WITH model AS MATERIALIZED (
                SELECT code, version, (definition->>'minScore')::int AS lo, (definition->>'maxScore')::int AS hi
                FROM scoring.model),
            band AS MATERIALIZED (
                SELECT m.code, m.version, g->>'grade' AS grade, (g->>'minInclusive')::int AS lo,
                       (g->>'maxInclusive')::int AS hi
                FROM scoring.model m CROSS JOIN LATERAL jsonb_array_elements(
                    CASE WHEN jsonb_typeof(m.definition->'grades') = 'array' THEN m.definition->'grades'
                         ELSE '[]'::jsonb END) g),
            chunk AS MATERIALIZED (
                SELECT subject_id, model_code, model_version, score, grade FROM scoring.score
                WHERE subject_id > ? ORDER BY subject_id LIMIT ?),
            last AS (SELECT subject_id FROM chunk ORDER BY subject_id DESC LIMIT 1),
            judged AS (
                SELECT c.subject_id, c.subject_id = (SELECT subject_id FROM last) AS last,
                       c.score IS NOT NULL AND (m.code IS NULL OR c.score NOT BETWEEN m.lo AND m.hi) AS out_of_range,
                       c.score IS NOT NULL AND (b.code IS NULL OR c.score NOT BETWEEN b.lo AND b.hi) AS not_of_band
                FROM chunk c
                LEFT JOIN model m ON m.code = c.model_code AND m.version = c.model_version
                LEFT JOIN band b ON b.code = c.model_code AND b.version = c.model_version AND b.grade = c.grade)
            SELECT subject_id, last, out_of_range, not_of_band FROM judged
            WHERE last OR out_of_range OR not_of_band""";

    private final JdbcClient jdbc;

    ScoreConsistency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> checks() {
        return List.of(OUT_OF_RANGE, GRADE_NOT_OF_BAND);
    }

    @Override
    public List<Finding> run(int examples) {
        Tally range = new Tally(OUT_OF_RANGE, examples);
        Tally band = new Tally(GRADE_NOT_OF_BAND, examples);
        KeysetScan.scan(jdbc, CHUNK_SQL, List.of(), CHUNK, List.of(range, band));
        return List.of(range.finding(), band.finding());
    }
}
