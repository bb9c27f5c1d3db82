package cn.chengxin.scoring.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import cn.chengxin.scoring.domain.CompiledModel;
import cn.chengxin.shared.jdbc.BinaryCopyWriter;
import cn.chengxin.shared.jdbc.PostgresCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The full recompute's reads and writes of scores, one range of subject ids at a time, set-based: the range's
 * stored rows in one binary COPY; new rows, history entries and grade notices each in one binary COPY, changed rows
 * in one UPDATE from a temporary table. Same rules as {@link JdbcScores#store}.
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
     * entry and, for a change of an existing grade, a notice. New rows are copied straight into the table, the
     * history and the notices too; changed rows go through a temporary table into one UPDATE.
     *
     * @return the grade changes written
     */
    @Transactional
    public List<RangeWrite.GradeChange> write(RangeWrite range) {
        Set<UUID> written = new HashSet<>();
        if (range.fresh().rows() > 0) {
            written.addAll(insertFresh(range));
        }
        if (range.changed().rows() > 0) {
            written.addAll(update(range.changed(), range.atMicros()));
        }
        BinaryCopyWriter history = new BinaryCopyWriter();
        BinaryCopyWriter notices = new BinaryCopyWriter();
        List<RangeWrite.GradeChange> changes = new ArrayList<>();
        for (RangeWrite.Pending p : range.pending()) {
            if (!written.contains(p.subject())) {
                continue;
            }
            long most = p.subject().getMostSignificantBits();
            long least = p.subject().getLeastSignificantBits();
            if (p.history()) {
                history.row(6).uuid(most, least).text(range.modelCode()).int4(range.modelVersion()).int4(p.score())
                        .text(p.grade()).timestamp(range.atMicros());
            }
            if (p.gradeChanged()) {
                changes.add(new RangeWrite.GradeChange(p.subject(), p.from(), p.grade()));
                if (p.from() != null) {
                    notices.row(6).uuid(most, least).text(p.from()).text(p.fromLabel()).text(p.grade())
                            .text(p.toLabel()).timestamp(range.atMicros());
                }
            }
        }
        PostgresCopy.copyIn(dataSource, "scoring.score_history (subject_id, model_code, model_version, score, grade, "
                + "computed_at)", history);
        PostgresCopy.copyIn(dataSource, "scoring.grade_notice (subject_id, from_grade, from_label, to_grade, "
                + "to_label, at)", notices);
        return changes;
    }

    /**
     * Copies the new rows into the table (a third of the cost of an upsert); when a rescore stored one of these
     * subjects meanwhile, the copy fails on its key and the rows are upserted instead, keeping the later result.
     */
    private Collection<UUID> insertFresh(RangeWrite range) {
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        Object savepoint = transaction.createSavepoint();
        try {
            PostgresCopy.copyIn(dataSource, "scoring.score (" + RangeWrite.COLUMNS + ")", range.fresh());
            transaction.releaseSavepoint(savepoint);
            return range.pending().stream().filter(RangeWrite.Pending::fresh).map(RangeWrite.Pending::subject)
                    .toList();
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof SQLException s) || !"23505".equals(s.getSQLState())) {
                throw e;
            }
            transaction.rollbackToSavepoint(savepoint);
            stage(range.fresh());
            return jdbc.sql("""
                            INSERT INTO scoring.score AS s (%s)
                            SELECT %s FROM score_stage
                            ON CONFLICT (subject_id) DO UPDATE SET %s
                            WHERE s.computed_at <= EXCLUDED.computed_at
                            RETURNING s.subject_id""".formatted(RangeWrite.COLUMNS, RangeWrite.COLUMNS,
                            assignments("EXCLUDED")))
                    .query(UUID.class).list();
        }
    }

    /** Replaces the stored rows with the changed ones unless computed from later facts; returns those written. */
    private List<UUID> update(BinaryCopyWriter changed, long atMicros) {
        stage(changed);
        return jdbc.sql("""
                        UPDATE scoring.score s SET %s FROM score_stage u
                        WHERE s.subject_id = u.subject_id AND s.computed_at <= u.computed_at
                        RETURNING s.subject_id""".formatted(assignments("u")))
                .query(UUID.class).list();
    }

    /**
     * Copies rows into the temporary staging table (no WAL, seen by no other session), emptied first: it may serve
     * twice in a transaction, and at commit.
     */
    private void stage(BinaryCopyWriter rows) {
        jdbc.sql("CREATE TEMP TABLE IF NOT EXISTS score_stage (subject_id uuid, model_code text, model_version int, "
                + "score int, grade text, not_scored_code text, region_code text, birth_year int, "
                + "computed_at timestamptz, explanation_bytes bytea) ON COMMIT DELETE ROWS").update();
        jdbc.sql("DELETE FROM score_stage").update();
        PostgresCopy.copyIn(dataSource, "score_stage (" + RangeWrite.COLUMNS + ")", rows);
    }

    /** SET of every column from {@code source}; a row written in bytes drops the JSON explanation it replaces. */
    private static String assignments(String source) {
        return Arrays.stream(RangeWrite.COLUMNS.split(", ")).filter(c -> !c.equals("subject_id"))
                .map(c -> c + " = " + source + "." + c).collect(Collectors.joining(", ")) + ", explanation = NULL";
    }
}
