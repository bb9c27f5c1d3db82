package cn.chengxin.scoring.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import cn.chengxin.scoring.domain.CompiledModel;
import cn.chengxin.shared.jdbc.BinaryCopyWriter;
import cn.chengxin.shared.jdbc.LongStatements;
import cn.chengxin.shared.jdbc.PostgresCopy;
import cn.chengxin.shared.jdbc.UniqueKeySavepoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The full recompute's reads and writes of scores, one range of subject ids at a time, set-based: the range's
 * stored rows in one binary COPY; rows new to the model (every row after a model switch: a subject keeps a row per
 * model version, V41) in one binary COPY; changed rows by one UPDATE from a temporary table (the scores it replaces
 * go to the history by the table's trigger). Same rules as {@link JdbcScores#store}.
 */
@Repository
public class JdbcRangeScores {

    private static final UUID LOWEST_ID = new UUID(0, 0);
    private static final UUID HIGHEST_ID = new UUID(-1, -1);
    /** The score table and its columns, in the order of the COPY rows. */
    private static final String SCORE_COLUMNS = "scoring.score (" + RangeWrite.COLUMNS + ")";

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
     * reads its stored rows to compare with, one per subject: the model's own row if there is one, else the
     * subject's current (most recently computed) row, whose grade a first row of the model changes.
     */
    @Transactional(readOnly = true)
    public RangeWrite begin(UUID after, UUID last, CompiledModel model, Instant at) {
        return begin(after, last, model, at, new RangeWrite.Buffers());
    }

    /**
     * {@link #begin(UUID, UUID, CompiledModel, Instant)} in the arrays of an earlier range, now done with. The rows
     * are sorted to take one per subject; once subjects have rows of two model versions (after a switch), a range's
     * sort passed 4 MB and spilled to disk (50,000 rows: 75–117 ms in psql on the scoring benchmark's database,
     * 47–67 ms with 64 MB).
     */
    @Transactional(readOnly = true)
    public RangeWrite begin(UUID after, UUID last, CompiledModel model, Instant at, RangeWrite.Buffers buffers) {
        String code = model.model().code();
        int version = model.model().version();
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("model code " + code);
        }
        List<RangeWrite.StoredScore> stored = new ArrayList<>();
        // On the transaction's connection, which the COPY below takes part in; a range is a pass's part, bounded by its
        // size, not by the requests' statement timeout (gaps review xxxiii N12).
        roomToSortInMemory();
        LongStatements.allowIn(jdbc);
        // Literals only: COPY takes no parameters (the model code is checked above). An explanation is read only
        // where it can be equal: after a model switch no stored one can, and reading them all was 190 MB.
        PostgresCopy.copyOut(dataSource, """
                SELECT DISTINCT ON (subject_id) subject_id, model_code, model_version, score, grade, not_scored_code,
                       region_code, birth_year, computed_at,
                       CASE WHEN model_code = '%1$s' AND model_version = %2$d THEN explanation_bytes END
                FROM scoring.score WHERE subject_id > '%3$s' AND subject_id <= '%4$s'
                ORDER BY subject_id, model_code = '%1$s' AND model_version = %2$d DESC, computed_at DESC""".formatted(
                code, version, after == null ? LOWEST_ID : after, last == null ? HIGHEST_ID : last), rows -> {
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
        return new RangeWrite(after, last, model, scores.codec(code, version), atMicros, stored, buffers);
    }

    /**
     * Writes what the range staged, in one transaction: a row replaces the model's stored one unless that was
     * computed from later facts (a rescore after a stored chunk that overtook this range); a row replaced with another
     * score or grade goes to the history (and with it the grade notices, {@link JdbcScores#gradeNotices}). Rows new
     * to the model are copied straight into the table, beside the rows of the subjects' earlier models, which stay as
     * their history; changed rows see {@link #replaceChanged}.
     *
     * @return the grade changes written
     */
    @Transactional
    public List<RangeWrite.GradeChange> write(RangeWrite range) {
        // Never under a retired model (finding N1): a range computed before another version was approved, here or on
        // another instance, writes nothing; the approval's own recompute scores it with the new one.
        if (!scores.holdUnretired(range.modelCode(), range.modelVersion())) {
            return List.of();
        }
        LongStatements.allowIn(jdbc);
        // Null: every new row was copied (the usual case; no set of a range's ids to build).
        Set<UUID> freshWritten = range.fresh().rows() > 0 ? insertFresh(range) : null;
        Set<UUID> changedWritten = range.changed().rows() > 0 ? replaceChanged(range) : Set.of();
        List<RangeWrite.GradeChange> changes = new ArrayList<>();
        for (RangeWrite.Pending p : range.pending()) {
            boolean written = p.fresh() ? freshWritten == null || freshWritten.contains(p.subject())
                    : changedWritten.contains(p.subject());
            if (written && p.gradeChanged()) {
                changes.add(new RangeWrite.GradeChange(p.subject(), p.from(), p.grade()));
            }
        }
        return changes;
    }

    /**
     * Copies the rows new to the model into the table (a third of the cost of an upsert); when a rescore stored one
     * of these subjects with the model meanwhile, the copy fails on its key and the rows are upserted instead,
     * keeping the later result.
     *
     * @return the subjects written when not all of them were (upserted), null when every row was copied
     */
    private Set<UUID> insertFresh(RangeWrite range) {
        if (UniqueKeySavepoint.undoneUnless(() -> {
            PostgresCopy.copyIn(dataSource, SCORE_COLUMNS, range.fresh());
            return true;
        })) {
            return null;
        }
        stage(range.fresh());
        Set<UUID> written = new HashSet<>(jdbc.sql("""
                        INSERT INTO scoring.score (%s) SELECT %s FROM score_stage
                        ON CONFLICT (subject_id, model_code, model_version) DO NOTHING
                        RETURNING subject_id""".formatted(RangeWrite.COLUMNS, RangeWrite.COLUMNS))
                .query(UUID.class).list());
        written.addAll(replaceStaged(range));
        return written;
    }

    /**
     * Replaces the stored rows of the model by the changed ones (a row keeps its model and perhaps its score, and
     * with it the time its score began), through {@link #replaceStaged}.
     *
     * @return the subjects written
     */
    private Set<UUID> replaceChanged(RangeWrite range) {
        // The staged rows are sorted, the trigger hashes both versions of each row: past 4 MB, on disk.
        roomToSortInMemory();
        stage(range.changed());
        return new HashSet<>(replaceStaged(range));
    }

    /** Lets the current transaction's sorts and hashes of a range use 64 MB instead of spilling past 4 MB to disk. */
    private void roomToSortInMemory() {
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
    }

    /**
     * Replaces the stored rows of the staged rows' model with the staged ones unless computed from later facts;
     * returns the subjects written.
     * The scores replaced by another score or grade go to the history by the table's trigger (V37), exactly
     * as this statement replaced them. Rows are updated in id order, as every writer of scores does, so that two
     * writers meeting on the same subjects wait for each other rather than deadlock. The stored rows are bounded
     * by the range's ids as well: the staging table has no statistics, and right after a bulk load neither may the
     * score table; planned as a hash join of the whole table, each range of a model switch hashed all 1,000,000
     * stored rows (spilled to disk) to replace 25,000 of them.
     */
    private List<UUID> replaceStaged(RangeWrite range) {
        return jdbc.sql("""
                        UPDATE scoring.score s SET %s
                        FROM (SELECT * FROM score_stage ORDER BY subject_id) u
                        WHERE s.subject_id = u.subject_id AND s.model_code = u.model_code
                          AND s.model_version = u.model_version AND s.computed_at <= u.computed_at
                          AND s.subject_id > ? AND s.subject_id <= ?
                        RETURNING s.subject_id""".formatted(assignments()))
                .params(range.after() == null ? LOWEST_ID : range.after(),
                        range.last() == null ? HIGHEST_ID : range.last())
                .query(UUID.class).list();
    }

    /** Whether the staged row {@code u} carries another score, grade or model than the stored row {@code s}. */
    private static final String SCORE_CHANGED = "(s.model_code, s.model_version, s.score, s.grade) "
            + "IS DISTINCT FROM (u.model_code, u.model_version, u.score, u.grade)";

    /**
     * Copies rows into the temporary staging table (no WAL, seen by no other session), emptied first: it may serve
     * twice in a transaction, and at commit.
     */
    private void stage(BinaryCopyWriter rows) {
        jdbc.sql("CREATE TEMP TABLE IF NOT EXISTS score_stage (subject_id uuid, model_code text, model_version int, "
                + "score int, grade text, not_scored_code text, region_code text, birth_year int, "
                + "computed_at timestamptz, explanation_bytes bytea, since timestamptz) ON COMMIT DELETE ROWS").update();
        jdbc.sql("DELETE FROM score_stage").update();
        PostgresCopy.copyIn(dataSource, "score_stage (" + RangeWrite.COLUMNS + ")", rows);
    }

    /**
     * SET of every column from the staged row {@code u}; a row written in bytes drops the JSON explanation it
     * replaces; the time the score began stays unless the score, grade or model changed.
     */
    private static String assignments() {
        return Arrays.stream(RangeWrite.COLUMNS.split(", ")).filter(c -> !c.equals("subject_id") && !c.equals("since"))
                .map(c -> c + " = u." + c).collect(Collectors.joining(", ")) + ", explanation = NULL"
                + ", since = CASE WHEN " + SCORE_CHANGED + " THEN u.since ELSE s.since END";
    }
}
