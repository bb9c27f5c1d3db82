package cn.chengxin.scoring.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.scoring.domain.Contribution;
import cn.chengxin.scoring.domain.DimensionScore;
import cn.chengxin.scoring.domain.ScoreModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The scoring schema: models, scores, history, benefits. */
@Repository
public class JdbcScores {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcScores(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    // ---- models

    public record StoredModel(String code, int version, String status, ScoreModel model, String proposedBy,
                              Instant proposedAt, String decidedBy, Instant decidedAt, String note) {
    }

    public List<StoredModel> models() {
        return jdbc.sql("SELECT code, version, status, definition::text, proposed_by, proposed_at, decided_by, decided_at, "
                        + "note FROM scoring.model ORDER BY proposed_at DESC")
                .query((rs, n) -> new StoredModel(rs.getString(1), rs.getInt(2), rs.getString(3),
                        json.readValue(rs.getString(4), ScoreModel.class), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9)))
                .list();
    }

    public int nextVersion(String code) {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM scoring.model WHERE code = ?").param(code)
                .query(Integer.class).single();
    }

    public void propose(ScoreModel model, String status, String by, Instant at) {
        jdbc.sql("INSERT INTO scoring.model (code, version, status, definition, proposed_by, proposed_at, decided_by, "
                        + "decided_at) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)")
                .params(model.code(), model.version(), status, json.writeValueAsString(model), by, Timestamp.from(at),
                        "ACTIVE".equals(status) ? by : null, "ACTIVE".equals(status) ? Timestamp.from(at) : null)
                .update();
    }

    /** Activates a pending model and retires the active one; false when it was no longer pending. */
    public boolean activate(String code, int version, String by, Instant at, String note) {
        jdbc.sql("UPDATE scoring.model SET status = 'RETIRED' WHERE status = 'ACTIVE' AND EXISTS "
                + "(SELECT 1 FROM scoring.model WHERE code = ? AND version = ? AND status = 'PENDING')")
                .params(code, version).update();
        return jdbc.sql("UPDATE scoring.model SET status = 'ACTIVE', decided_by = ?, decided_at = ?, note = ? "
                        + "WHERE code = ? AND version = ? AND status = 'PENDING'")
                .params(by, Timestamp.from(at), note, code, version).update() == 1;
    }

    public boolean reject(String code, int version, String by, Instant at, String note) {
        return jdbc.sql("UPDATE scoring.model SET status = 'REJECTED', decided_by = ?, decided_at = ?, note = ? "
                        + "WHERE code = ? AND version = ? AND status = 'PENDING'")
                .params(by, Timestamp.from(at), note, code, version).update() == 1;
    }

    // ---- scores

    /** One computed score row (score null: not scored). */
    public record Row(UUID subjectId, String modelCode, int modelVersion, Integer score, String grade,
                      String gradeLabel, String notScoredCode, String notScoredReason, String regionCode,
                      Integer birthYear, List<DimensionScore> dimensions, List<Contribution> contributions) {
    }

    private record Explanation(String gradeLabel, String notScoredReason, List<DimensionScore> dimensions,
                               List<Contribution> contributions) {
    }

    /** The current grade of each subject that has a score row. */
    public Map<UUID, String> grades(Collection<UUID> subjects) {
        Map<UUID, String> grades = new HashMap<>();
        jdbc.sql("SELECT subject_id, grade FROM scoring.score WHERE subject_id = ANY(?::uuid[])")
                .param(subjects.toArray(UUID[]::new))
                .query((rs, n) -> grades.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return grades;
    }

    /**
     * Stores the rows as the subjects' current scores and adds a history entry for each that changed (score,
     * grade or model).
     */
    public void store(List<Row> rows, Instant at) {
        if (rows.isEmpty()) {
            return;
        }
        UUID[] ids = rows.stream().map(Row::subjectId).toArray(UUID[]::new);
        String[] codes = rows.stream().map(Row::modelCode).toArray(String[]::new);
        Integer[] versions = rows.stream().map(Row::modelVersion).toArray(Integer[]::new);
        Integer[] scores = rows.stream().map(Row::score).toArray(Integer[]::new);
        String[] grades = rows.stream().map(Row::grade).toArray(String[]::new);
        String[] notScored = rows.stream().map(Row::notScoredCode).toArray(String[]::new);
        String[] regions = rows.stream().map(Row::regionCode).toArray(String[]::new);
        Integer[] years = rows.stream().map(Row::birthYear).toArray(Integer[]::new);
        String[] explanations = rows.stream().map(r -> json.writeValueAsString(new Explanation(r.gradeLabel(),
                r.notScoredReason(), r.dimensions(), r.contributions()))).toArray(String[]::new);
        Timestamp time = Timestamp.from(at);
        jdbc.sql("""
                        WITH input AS (
                            SELECT * FROM unnest(?::uuid[], ?::text[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[],
                                                 ?::int[], ?::text[])
                                   AS u(subject, code, version, score, grade, not_scored, region, birth_year, explanation)),
                        changed AS (
                            SELECT i.* FROM input i LEFT JOIN scoring.score s ON s.subject_id = i.subject
                            WHERE s.subject_id IS NULL OR s.score IS DISTINCT FROM i.score
                               OR s.grade IS DISTINCT FROM i.grade OR s.model_code <> i.code
                               OR s.model_version <> i.version),
                        history AS (
                            INSERT INTO scoring.score_history (subject_id, model_code, model_version, score, grade,
                                                               computed_at)
                            SELECT subject, code, version, score, grade, ? FROM changed)
                        INSERT INTO scoring.score (subject_id, model_code, model_version, score, grade, not_scored_code,
                                                   region_code, birth_year, computed_at, explanation)
                        SELECT subject, code, version, score, grade, not_scored, region, birth_year, ?, explanation::jsonb
                        FROM input
                        ON CONFLICT (subject_id) DO UPDATE SET model_code = EXCLUDED.model_code,
                            model_version = EXCLUDED.model_version, score = EXCLUDED.score, grade = EXCLUDED.grade,
                            not_scored_code = EXCLUDED.not_scored_code, region_code = EXCLUDED.region_code,
                            birth_year = EXCLUDED.birth_year, computed_at = EXCLUDED.computed_at,
                            explanation = EXCLUDED.explanation""")
                .params(ids, codes, versions, scores, grades, notScored, regions, years, explanations, time, time)
                .update();
    }

    public Optional<Row> score(UUID subject) {
        return jdbc.sql("SELECT subject_id, model_code, model_version, score, grade, not_scored_code, region_code, "
                        + "birth_year, explanation::text, computed_at FROM scoring.score WHERE subject_id = ?")
                .param(subject)
                .query((rs, n) -> {
                    Explanation e = json.readValue(rs.getString(9), Explanation.class);
                    return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                            (Integer) rs.getObject(4), rs.getString(5), e.gradeLabel(), rs.getString(6),
                            e.notScoredReason(), rs.getString(7), (Integer) rs.getObject(8),
                            e.dimensions() == null ? List.of() : e.dimensions(),
                            e.contributions() == null ? List.of() : e.contributions());
                }).optional();
    }

    public Optional<Instant> computedAt(UUID subject) {
        return jdbc.sql("SELECT computed_at FROM scoring.score WHERE subject_id = ?").param(subject)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    public record HistoryPoint(Instant at, String modelCode, int modelVersion, Integer score, String grade) {
    }

    public List<HistoryPoint> history(UUID subject) {
        return jdbc.sql("SELECT computed_at, model_code, model_version, score, grade FROM scoring.score_history "
                        + "WHERE subject_id = ? ORDER BY computed_at, id")
                .param(subject)
                .query((rs, n) -> new HistoryPoint(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3),
                        (Integer) rs.getObject(4), rs.getString(5))).list();
    }

    // ---- figures

    public record Coverage(String regionCode, long residents, long scored) {
        public double share() {
            return residents == 0 ? 0 : (double) scored / residents;
        }
    }

    /** Per district: residents (persons with a current residence) and how many of them have a score. */
    public List<Coverage> coverage() {
        return jdbc.sql("""
                        SELECT coalesce(region_code, '—'), count(*), count(score) FROM scoring.score
                        WHERE not_scored_code IS DISTINCT FROM 'NOT_RESIDENT' GROUP BY 1 ORDER BY 1""")
                .query((rs, n) -> new Coverage(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    public record GradeCount(String grade, String band, long subjects) {
    }

    /** Grades by age band (18–29, 30–44, 45–59, 60+) for the fairness view. */
    public List<GradeCount> gradesByAgeBand(int year) {
        return jdbc.sql("""
                        SELECT grade, CASE WHEN ? - birth_year < 30 THEN '18–29' WHEN ? - birth_year < 45 THEN '30–44'
                                           WHEN ? - birth_year < 60 THEN '45–59' ELSE '60+' END, count(*)
                        FROM scoring.score WHERE score IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2""")
                .params(year, year, year)
                .query((rs, n) -> new GradeCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    public List<GradeCount> gradesByDistrict() {
        return jdbc.sql("SELECT grade, coalesce(region_code, '—'), count(*) FROM scoring.score WHERE score IS NOT NULL "
                        + "GROUP BY 1, 2 ORDER BY 1, 2")
                .query((rs, n) -> new GradeCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** Replaces the day's snapshot of the grade distribution with the current one. */
    public void snapshotGrades(java.time.LocalDate day) {
        jdbc.sql("DELETE FROM scoring.grade_snapshot WHERE day = ?").param(java.sql.Date.valueOf(day)).update();
        jdbc.sql("INSERT INTO scoring.grade_snapshot (day, grade, subjects) SELECT ?, grade, count(*) FROM scoring.score "
                        + "WHERE grade IS NOT NULL GROUP BY grade")
                .param(java.sql.Date.valueOf(day)).update();
    }

    public record Snapshot(java.time.LocalDate day, String grade, long subjects) {
    }

    /** The daily grade distributions of the last {@code days} days, oldest first. */
    public List<Snapshot> gradeTrend(java.time.LocalDate since) {
        return jdbc.sql("SELECT day, grade, subjects FROM scoring.grade_snapshot WHERE day >= ? ORDER BY day, grade")
                .param(java.sql.Date.valueOf(since))
                .query((rs, n) -> new Snapshot(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3))).list();
    }

    // ---- benefits

    public record Benefit(String code, String name, String provider, List<String> grades, String scenario) {
    }

    public List<Benefit> benefits() {
        return jdbc.sql("SELECT code, name, provider, grades, scenario FROM scoring.benefit WHERE enabled ORDER BY code")
                .query((rs, n) -> new Benefit(rs.getString(1), rs.getString(2), rs.getString(3),
                        Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getString(5))).list();
    }
}
