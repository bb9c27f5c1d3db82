package cn.chengxin.scoring.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import cn.chengxin.scoring.domain.Contribution;
import cn.chengxin.scoring.domain.DimensionScore;
import cn.chengxin.scoring.domain.ScoreModel;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.shared.jdbc.UniqueKeySavepoint;
import cn.chengxin.shared.jdbc.UuidOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The scoring schema: models, scores, history, benefits. */
@Repository
public class JdbcScores {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ResumablePasses itemRevisionPasses;

    public JdbcScores(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.itemRevisionPasses = new ResumablePasses(jdbc, transactions, clock, "scoring.item_revision_pass",
                "item_code", "item_version");
    }

    /** The passes of approved catalogue versions over the holders of their item's records, rescoring them (V63). */
    public ResumablePasses itemRevisionPasses() {
        return itemRevisionPasses;
    }

    // ---- models

    public record StoredModel(String code, int version, String status, ScoreModel model, String proposedBy,
                              Instant proposedAt, String decidedBy, Instant decidedAt, String note) {
    }

    /** A model version: its code and version. */
    public record ModelId(String code, int version) {
    }

    /**
     * The active model's code and version, read with each scoring pass so that a model approved on another instance
     * is used at once (finding N1): one row by the single-active index (V17), no definition.
     */
    public Optional<ModelId> activeModelId() {
        return jdbc.sql("SELECT code, version FROM scoring.model WHERE status = 'ACTIVE'")
                .query((rs, n) -> new ModelId(rs.getString(1), rs.getInt(2))).optional();
    }

    /**
     * Whether the model version is still the active one, holding it so until the current transaction ends: the row is
     * share-locked, so an approval of another version ({@link #activate}) waits for the scores written under this one
     * to commit, and after it they are refused (finding N1: no score is stored under a retired model).
     */
    public boolean holdActive(String code, int version) {
        return jdbc.sql("SELECT 1 FROM scoring.model WHERE code = ? AND version = ? AND status = 'ACTIVE' FOR SHARE")
                .params(code, version).query(Integer.class).optional().isPresent();
    }

    /**
     * Whether the model version has not been retired, holding it so until the current transaction ends (as
     * {@link #holdActive}): a recompute's range is written under the model it was compiled from, which an approval
     * retires (finding N1); a version still pending (a switch prepared before its approval) is not refused.
     */
    public boolean holdUnretired(String code, int version) {
        return jdbc.sql("SELECT 1 FROM scoring.model WHERE code = ? AND version = ? AND status <> 'RETIRED' FOR SHARE")
                .params(code, version).query(Integer.class).optional().isPresent();
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

    /** How many model versions proposed by someone other than {@code reviewerId} await a decision. */
    public long countPendingProposedByOthers(String reviewerId) {
        return jdbc.sql("SELECT count(*) FROM scoring.model WHERE status = 'PENDING' AND proposed_by <> ?")
                .param(reviewerId).query(Long.class).single();
    }

    /**
     * The next version of a model code, with the models' lock taken for the caller's transaction: two proposals at
     * once would both read the same highest version, and the second would fail on the key instead of being numbered.
     */
    public int nextVersion(String code) {
        lockModels();
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

    /**
     * Activates a pending model and retires the active one; false when it was no longer pending. One transaction with
     * the pending row locked: retired apart from the activation (a crash, a reject in between), the platform would
     * be left with no active model, and the base preset installed then collides with its stored first version.
     */
    @Transactional
    public boolean activate(String code, int version, String by, Instant at, String note) {
        // Two approvals of different pending versions at once: the second would retire the active row as it was
        // before the first committed and then collide with the first's activation on the single-active index;
        // taken in turn, the later approval simply activates its version after the first.
        lockModels();
        if (jdbc.sql("SELECT 1 FROM scoring.model WHERE code = ? AND version = ? AND status = 'PENDING' FOR UPDATE")
                .params(code, version).query(Integer.class).optional().isEmpty()) {
            return false;
        }
        // Its day starts the retention of its impact assessment (V1020, PIPL Art. 56).
        jdbc.sql("UPDATE scoring.model SET status = 'RETIRED', retired_at = ? WHERE status = 'ACTIVE'")
                .param(Timestamp.from(at)).update();
        return jdbc.sql("UPDATE scoring.model SET status = 'ACTIVE', decided_by = ?, decided_at = ?, note = ? "
                        + "WHERE code = ? AND version = ? AND status = 'PENDING'")
                .params(by, Timestamp.from(at), note, code, version).update() == 1;
    }

    /** Serialises the changes of which model versions exist and which is active, until the transaction ends. */
    private void lockModels() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('scoring.model', 7))").query(Object.class).single();
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

    /** The JSON explanation of rows written before {@link ExplanationCodec} (read only). */
    private record Explanation(String gradeLabel, String notScoredReason, List<DimensionScore> dimensions,
                               List<Contribution> contributions) {
    }

    /** A subject whose grade changed when its row was stored; {@code from} null: its first grade. */
    public record GradeChange(UUID subjectId, String from, String to) {
    }

    /** Codecs by model code and version: a stored model version's definition never changes. */
    private final Map<String, ExplanationCodec> codecs = new ConcurrentHashMap<>();

    ExplanationCodec codec(String code, int version) {
        return codecs.computeIfAbsent(code + "/" + version, k -> new ExplanationCodec(jdbc.sql(
                        "SELECT definition::text FROM scoring.model WHERE code = ? AND version = ?")
                .params(code, version).query(String.class).optional()
                .map(d -> json.readValue(d, ScoreModel.class))
                .orElseThrow(() -> new IllegalStateException("no score model " + code + " v" + version))));
    }

    /** A row as stored: what a new row is compared with. */
    private record Stored(String code, int version, Integer score, String grade, String notScoredCode,
                          String regionCode, Integer birthYear, Instant computedAt, byte[] explanation) {

        boolean ofModel(Row r) {
            return code.equals(r.modelCode()) && version == r.modelVersion();
        }

        boolean sameAs(Row r, byte[] explanation) {
            return code.equals(r.modelCode()) && version == r.modelVersion() && Objects.equals(score, r.score())
                    && Objects.equals(grade, r.grade()) && Objects.equals(notScoredCode, r.notScoredCode())
                    && Objects.equals(regionCode, r.regionCode()) && Objects.equals(birthYear, r.birthYear())
                    && Arrays.equals(this.explanation, explanation);
        }
    }

    /**
     * Stores the rows as the subjects' current scores, computed from facts read at {@code at}, and returns the
     * grades that changed. A row equal to the stored one is not written again (a nightly recompute mostly
     * confirms), so {@code computed_at} is when the current result was first computed; nor does a row replace one
     * computed from later facts (a rescore after a stored chunk that overtook a page of the full recompute). New
     * subjects (and subjects new to the row's model, beside their rows of earlier models, V41) are inserted, changed
     * ones updated, each set in one statement; a row replaced with another score or grade goes to the history
     * ({@code since} is when the current one began), which also gives the grade notices. In one transaction, so that
     * the history follows what was replaced.
     */
    @Transactional
    public List<GradeChange> store(List<Row> rows, Instant at) {
        return store(rows, at, true);
    }

    /**
     * {@link #store(List, Instant)} of rows all of one model version, only while that version is the active one
     * (finding N1): a pass that began before another version was approved, here or on another instance, stores
     * nothing and is answered empty, for its caller to score again with the active model.
     */
    @Transactional
    public Optional<List<GradeChange>> storeIfActive(String code, int version, List<Row> rows, Instant at) {
        if (!holdActive(code, version)) {
            return Optional.empty();
        }
        return Optional.of(store(rows, at, true));
    }

    /**
     * {@link #store(List, Instant)}; {@code again}: rows inserted meanwhile by another writer (the insert found the
     * key taken) whose update then found nothing to replace are stored once more.
     */
    private List<GradeChange> store(List<Row> rows, Instant at, boolean again) {
        if (rows.isEmpty()) {
            return List.of();
        }
        // Every model's row of each subject: the row's own model is compared with, the newest is the current grade.
        Map<UUID, List<Stored>> before = new HashMap<>(rows.size() * 2);
        jdbc.sql("SELECT subject_id, model_code, model_version, score, grade, not_scored_code, region_code, "
                        + "birth_year, computed_at, explanation_bytes FROM scoring.score WHERE subject_id = ANY(?::uuid[])")
                .param(rows.stream().map(Row::subjectId).toArray(UUID[]::new))
                .query((java.sql.ResultSet rs) -> {
                    before.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>(1)).add(new Stored(
                            rs.getString(2), rs.getInt(3), (Integer) rs.getObject(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), (Integer) rs.getObject(8),
                            rs.getTimestamp(9).toInstant(), rs.getBytes(10)));
                });
        List<Encoded> fresh = new ArrayList<>();
        List<Encoded> changed = new ArrayList<>();
        for (Row r : rows) {
            List<Stored> subjectRows = before.getOrDefault(r.subjectId(), List.of());
            Stored b = subjectRows.stream().filter(s -> s.ofModel(r)).findFirst().orElse(null);
            if (r.score() == null && !storesNotScored(b, subjectRows)) {
                continue;
            }
            ExplanationCodec codec = codec(r.modelCode(), r.modelVersion());
            byte[] explanation = r.score() == null ? codec.encodeNotScored(r.notScoredReason())
                    : codec.encodeScored(r.dimensions(), r.contributions());
            if (b == null) {
                fresh.add(new Encoded(r, explanation));
            } else if (!b.sameAs(r, explanation) && !b.computedAt().isAfter(at)) {
                changed.add(new Encoded(r, explanation));
            }
        }
        Timestamp time = Timestamp.from(at);
        Set<UUID> written = new HashSet<>();
        if (!fresh.isEmpty()) {
            Set<UUID> inserted = insertFresh(time, fresh);
            written.addAll(inserted);
            // Stored meanwhile by another rescore of the same subject: updated below unless that one is newer.
            fresh.stream().filter(e -> !inserted.contains(e.row().subjectId())).forEach(changed::add);
        }
        if (!changed.isEmpty()) {
            // The replaced scores go to the history by the table's trigger (V37). Updated in id order, as every
            // writer of scores does, so that two writers meeting on the same subjects wait rather than deadlock.
            changed.sort(java.util.Comparator.comparing(e -> e.row().subjectId(), UuidOrder::compare));
            jdbc.sql("""
                            UPDATE scoring.score s SET model_code = u.code, model_version = u.version, score = u.score,
                                   grade = u.grade, not_scored_code = u.not_scored, region_code = u.region,
                                   birth_year = u.birth_year, computed_at = t.at, explanation = NULL,
                                   explanation_bytes = u.explanation,
                                   since = CASE WHEN (s.model_code, s.model_version, s.score, s.grade)
                                                     IS DISTINCT FROM (u.code, u.version, u.score, u.grade)
                                                THEN t.at ELSE s.since END
                            FROM (SELECT ?::timestamptz AS at) t,
                                 unnest(?::uuid[], ?::text[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[],
                                        ?::int[], ?::bytea[])
                                 AS u(subject, code, version, score, grade, not_scored, region, birth_year, explanation)
                            WHERE s.subject_id = u.subject AND s.model_code = u.code AND s.model_version = u.version
                              AND s.computed_at <= t.at
                            RETURNING s.subject_id""")
                    .params(columns(time, changed))
                    .query((java.sql.ResultSet rs) -> {
                        written.add(rs.getObject(1, UUID.class));
                    });
        }
        List<GradeChange> changes = new ArrayList<>();
        for (Row r : rows) {
            if (!written.contains(r.subjectId())) {
                continue;
            }
            String was = before.getOrDefault(r.subjectId(), List.of()).stream()
                    .max(java.util.Comparator.comparing(Stored::computedAt)).map(Stored::grade).orElse(null);
            if (!Objects.equals(was, r.grade())) {
                changes.add(new GradeChange(r.subjectId(), was, r.grade()));
            }
        }
        if (again) {
            // Usually none, or rows a later computation overtook (stored again, they are skipped for the same reason).
            changes.addAll(store(changed.stream().map(Encoded::row).filter(r -> !written.contains(r.subjectId()))
                    .toList(), at, false));
        }
        return changes;
    }

    /** The first scores of subjects under a model, from the rows' columns ({@link #columns}). */
    private static final String INSERT_FRESH = """
            INSERT INTO scoring.score (subject_id, model_code, model_version, score, grade, not_scored_code,
                                       region_code, birth_year, computed_at, explanation_bytes, since)
            SELECT subject, code, version, score, grade, not_scored, region, birth_year, t.at, explanation, t.at
            FROM (SELECT ?::timestamptz AS at) t,
                 unnest(?::uuid[], ?::text[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::int[],
                        ?::bytea[])
                 AS u(subject, code, version, score, grade, not_scored, region, birth_year, explanation)""";

    /**
     * Inserts the rows of subjects that had none under their model when read; returns the subjects inserted. Almost
     * always none was stored since (the read was just before), so the rows go in with a plain insert, within a
     * savepoint ({@link UniqueKeySavepoint}): PostgreSQL's check for a conflict at every row (ON CONFLICT's
     * speculative insertion) costs half as much again (2,000 first scores: 25-38 ms against 16-21 ms). When a
     * rescore stored one of them meanwhile, the insert fails on the key, is undone, and the rows go in again, each
     * only where its key is still free; the others are updated by the caller.
     */
    private Set<UUID> insertFresh(Timestamp time, List<Encoded> fresh) {
        Object[] columns = columns(time, fresh);
        if (UniqueKeySavepoint.undoneUnless(() -> jdbc.sql(INSERT_FRESH).params(columns).update() == fresh.size())) {
            Set<UUID> inserted = new HashSet<>(fresh.size() * 2);
            fresh.forEach(e -> inserted.add(e.row().subjectId()));
            return inserted;
        }
        Set<UUID> inserted = new HashSet<>();
        jdbc.sql(INSERT_FRESH + """

                        ON CONFLICT (subject_id, model_code, model_version) DO NOTHING
                        RETURNING subject_id""")
                .params(columns)
                .query((java.sql.ResultSet rs) -> {
                    inserted.add(rs.getObject(1, UUID.class));
                });
        return inserted;
    }

    /** 信用等级变动通知: a change of the subject's grade, with the grades' labels. {@code to} null: no longer scored. */
    public record GradeNotice(Instant at, String from, String fromLabel, String to, String toLabel) {
    }

    /**
     * The subject's grade notices, newest first: every change of an existing grade in its history (a first grade is
     * none), with the grades' labels in their models. Derived, not stored: the history holds every replaced grade
     * with its time, and a table of notices beside it cost a model switch some 800,000 more inserts (V38).
     */
    public List<GradeNotice> gradeNotices(UUID subject) {
        List<HistoryPoint> points = history(subject);
        List<GradeNotice> notices = new ArrayList<>();
        for (int i = points.size() - 1; i > 0; i--) {
            HistoryPoint was = points.get(i - 1);
            HistoryPoint now = points.get(i);
            if (was.grade() != null && !was.grade().equals(now.grade())) {
                notices.add(new GradeNotice(now.at(), was.grade(), label(was), now.grade(),
                        now.grade() == null ? null : label(now)));
            }
        }
        return notices;
    }

    private String label(HistoryPoint point) {
        return codec(point.modelCode(), point.modelVersion()).gradeLabel(point.grade());
    }

    /** The statement parameters: the time, then one array per column of the rows. */
    private static Object[] columns(Timestamp time, List<Encoded> encoded) {
        List<Row> rows = encoded.stream().map(Encoded::row).toList();
        return new Object[] {time, rows.stream().map(Row::subjectId).toArray(UUID[]::new),
                rows.stream().map(Row::modelCode).toArray(String[]::new),
                rows.stream().map(Row::modelVersion).toArray(Integer[]::new),
                rows.stream().map(Row::score).toArray(Integer[]::new),
                rows.stream().map(Row::grade).toArray(String[]::new),
                rows.stream().map(Row::notScoredCode).toArray(String[]::new),
                rows.stream().map(Row::regionCode).toArray(String[]::new),
                rows.stream().map(Row::birthYear).toArray(Integer[]::new),
                encoded.stream().map(Encoded::explanation).toArray(byte[][]::new)};
    }

    /**
     * {@link ScoreRows#storesNotScored} for a subject whose row of the model is {@code ofModel} (null: none) among its
     * stored rows: its current row is the model's own, else the most recently computed.
     */
    private static boolean storesNotScored(Stored ofModel, List<Stored> subjectRows) {
        Stored current = ofModel != null ? ofModel
                : subjectRows.stream().max(java.util.Comparator.comparing(Stored::computedAt)).orElse(null);
        return ScoreRows.storesNotScored(current != null, current != null && current.score() != null,
                ofModel != null);
    }

    /** A row to write with its explanation encoded. */
    private record Encoded(Row row, byte[] explanation) {
    }

    /**
     * A subject's current score: its most recently computed row (a subject has a row per model it was scored with;
     * after a switch the new model's row, once the job or a rescore wrote it).
     */
    private static final String CURRENT = " WHERE subject_id = ? ORDER BY computed_at DESC, model_version DESC LIMIT 1";

    /** The active model's rows, one per subject: what the figures count (grades of two models do not mix). */
    private static final String ACTIVE_MODEL = "(model_code, model_version) IN "
            + "(SELECT code, version FROM scoring.model WHERE status = 'ACTIVE')";

    /** The subject's current score; item titles in its explanation from {@code titles} (item code → name). */
    public Optional<Row> score(UUID subject, Function<String, String> titles) {
        return jdbc.sql("SELECT subject_id, model_code, model_version, score, grade, not_scored_code, region_code, "
                        + "birth_year, explanation::text, explanation_bytes FROM scoring.score" + CURRENT)
                .param(subject)
                .query((rs, n) -> {
                    String code = rs.getString(2);
                    int version = rs.getInt(3);
                    Integer score = (Integer) rs.getObject(4);
                    String grade = rs.getString(5);
                    byte[] bytes = rs.getBytes(10);
                    String gradeLabel;
                    String reason;
                    List<DimensionScore> dimensions;
                    List<Contribution> contributions;
                    if (bytes != null) {
                        ExplanationCodec codec = codec(code, version);
                        ExplanationCodec.Explanation e = codec.decode(bytes, score != null, titles);
                        gradeLabel = grade == null ? null : codec.gradeLabel(grade);
                        reason = e.notScoredReason();
                        dimensions = e.dimensions();
                        contributions = e.contributions();
                    } else {
                        Explanation e = json.readValue(rs.getString(9), Explanation.class);
                        gradeLabel = e.gradeLabel();
                        reason = e.notScoredReason();
                        dimensions = e.dimensions() == null ? List.of() : e.dimensions();
                        contributions = e.contributions() == null ? List.of() : e.contributions();
                    }
                    return new Row(rs.getObject(1, UUID.class), code, version, score, grade, gradeLabel,
                            rs.getString(6), reason, rs.getString(7), (Integer) rs.getObject(8), dimensions,
                            contributions);
                }).optional();
    }

    /** The subject's current grade, if scored. */
    public Optional<String> grade(UUID subject) {
        return jdbc.sql("SELECT grade FROM (SELECT grade FROM scoring.score" + CURRENT + ") c WHERE grade IS NOT NULL")
                .param(subject).query(String.class).optional();
    }

    /**
     * What grade-based benefits are answered from (RULES.md §8): the subject's current grade (null if not scored) and
     * whether they refuse to be judged by automated grading (PIPL Art. 24). One round trip, each part by the
     * subject's index, as the benefits check is called inside departments' and providers' workflows.
     */
    public record Standing(String grade, boolean refusesAutomatedGrading) {
    }

    public Standing standing(UUID subject) {
        return jdbc.sql("SELECT (SELECT grade FROM scoring.score" + CURRENT + "), EXISTS (SELECT 1 FROM "
                        + "scoring.automated_grading_refusal WHERE subject_id = ?)")
                .params(subject, subject).query((rs, n) -> new Standing(rs.getString(1), rs.getBoolean(2))).single();
    }

    public Optional<Instant> computedAt(UUID subject) {
        return jdbc.sql("SELECT computed_at FROM scoring.score" + CURRENT).param(subject)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    public record HistoryPoint(Instant at, String modelCode, int modelVersion, Integer score, String grade) {
    }

    public List<HistoryPoint> history(UUID subject) {
        // The history holds the replaced scores; the score rows, each from when it began, are the last of each model.
        return jdbc.sql("""
                        SELECT at, model_code, model_version, score, grade FROM (
                            SELECT computed_at AS at, model_code, model_version, score, grade, 0 AS current, id
                            FROM scoring.score_history WHERE subject_id = ?
                            UNION ALL
                            SELECT since, model_code, model_version, score, grade, 1, 0
                            FROM scoring.score WHERE subject_id = ?) h
                        ORDER BY at, current, id""")
                .params(subject, subject)
                .query((rs, n) -> new HistoryPoint(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3),
                        (Integer) rs.getObject(4), rs.getString(5))).list();
    }

    // ---- figures

    public record Coverage(String regionCode, long residents, long scored) {
        public double share() {
            return residents == 0 ? 0 : (double) scored / residents;
        }
    }

    /** Per district (the residence scored with), how many subjects the active model scored. */
    public Map<String, Long> scoredByRegion() {
        Map<String, Long> scored = new HashMap<>();
        jdbc.sql("SELECT coalesce(region_code, '—'), count(*) FROM scoring.score WHERE score IS NOT NULL AND "
                        + ACTIVE_MODEL + " GROUP BY 1")
                .query((java.sql.ResultSet rs) -> {
                    scored.put(rs.getString(1), rs.getLong(2));
                });
        return scored;
    }

    public record GradeCount(String grade, String band, long subjects) {
    }

    /** Grades by age band (18–29, 30–44, 45–59, 60+) for the fairness view. */
    public List<GradeCount> gradesByAgeBand(int year) {
        return jdbc.sql("""
                        SELECT grade, CASE WHEN ? - birth_year < 30 THEN '18–29' WHEN ? - birth_year < 45 THEN '30–44'
                                           WHEN ? - birth_year < 60 THEN '45–59' ELSE '60+' END, count(*)
                        FROM scoring.score WHERE score IS NOT NULL AND %s GROUP BY 1, 2 ORDER BY 1, 2"""
                        .formatted(ACTIVE_MODEL))
                .params(year, year, year)
                .query((rs, n) -> new GradeCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    public List<GradeCount> gradesByDistrict() {
        return jdbc.sql("SELECT grade, coalesce(region_code, '—'), count(*) FROM scoring.score WHERE score IS NOT NULL "
                        + "AND " + ACTIVE_MODEL + " GROUP BY 1, 2 ORDER BY 1, 2")
                .query((rs, n) -> new GradeCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** Replaces the day's snapshot of the grade distribution with the current one (the active model's grades). */
    public void snapshotGrades(java.time.LocalDate day) {
        Map<String, Long> subjects = new HashMap<>();
        jdbc.sql("SELECT grade, count(*) FROM scoring.score WHERE grade IS NOT NULL AND " + ACTIVE_MODEL
                        + " GROUP BY grade")
                .query((java.sql.ResultSet rs) -> {
                    subjects.put(rs.getString(1), rs.getLong(2));
                });
        snapshotGrades(day, subjects);
    }

    /** Replaces the day's snapshot of the grade distribution with {@code subjects} by grade. */
    public void snapshotGrades(java.time.LocalDate day, Map<String, Long> subjects) {
        jdbc.sql("DELETE FROM scoring.grade_snapshot WHERE day = ?").param(java.sql.Date.valueOf(day)).update();
        jdbc.sql("INSERT INTO scoring.grade_snapshot (day, grade, subjects) SELECT ?, * FROM unnest(?::text[], ?::bigint[])")
                .params(java.sql.Date.valueOf(day), subjects.keySet().toArray(String[]::new),
                        subjects.keySet().stream().map(subjects::get).toArray(Long[]::new))
                .update();
    }

    public record Snapshot(java.time.LocalDate day, String grade, long subjects) {
    }

    /**
     * The scoring page's figures as last counted (gaps-review-xxxv P8, V432): coverage by district, grades by age band
     * and by district, and when they were counted; read as kept, a few hundred rows, never the scores.
     */
    public record KeptFigures(java.time.Instant takenAt, List<Coverage> coverage, List<GradeCount> byAgeBand,
                              List<GradeCount> byDistrict) {

        /** The grades of {@link #byDistrict()} summed: the grade distribution of the persons scored. */
        public Map<String, Long> grades() {
            Map<String, Long> grades = new java.util.TreeMap<>();
            byDistrict.forEach(g -> grades.merge(g.grade(), g.subjects(), Long::sum));
            return grades;
        }
    }

    public Optional<KeptFigures> keptFigures() {
        Optional<java.time.Instant> takenAt = jdbc.sql("SELECT taken_at FROM scoring.figure_count WHERE id = 1")
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
        if (takenAt.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> residents = new java.util.TreeMap<>();
        Map<String, Long> scored = new java.util.TreeMap<>();
        List<GradeCount> byAge = new java.util.ArrayList<>();
        List<GradeCount> byDistrict = new java.util.ArrayList<>();
        jdbc.sql("SELECT figure, band, grade, subjects FROM scoring.figure ORDER BY figure, grade, band")
                .query((java.sql.ResultSet rs) -> {
                    String band = rs.getString(2);
                    long subjects = rs.getLong(4);
                    switch (rs.getString(1)) {
                        case "RESIDENTS" -> residents.put(band, subjects);
                        case "SCORED" -> scored.put(band, subjects);
                        case "AGE" -> byAge.add(new GradeCount(rs.getString(3), band, subjects));
                        default -> byDistrict.add(new GradeCount(rs.getString(3), band, subjects));
                    }
                });
        return Optional.of(new KeptFigures(takenAt.get(), coverage(residents, scored), byAge, byDistrict));
    }

    /** Per district, residents and scored side by side, every district of either. */
    public static List<Coverage> coverage(Map<String, Long> residents, Map<String, Long> scored) {
        java.util.TreeSet<String> regions = new java.util.TreeSet<>(residents.keySet());
        regions.addAll(scored.keySet());
        return regions.stream().map(r -> new Coverage(r, residents.getOrDefault(r, 0L), scored.getOrDefault(r, 0L)))
                .toList();
    }

    /**
     * Replaces the kept figures with {@code figures}, unless a count taken later is kept already (two instances
     * counting at once: the later count stays). The row of figure_count is locked first, so writers take turns.
     *
     * @return whether they were kept
     */
    public boolean keepFigures(KeptFigures figures) {
        Timestamp at = Timestamp.from(figures.takenAt());
        boolean newer = jdbc.sql("""
                        INSERT INTO scoring.figure_count (id, taken_at) VALUES (1, ?)
                        ON CONFLICT (id) DO UPDATE SET taken_at = EXCLUDED.taken_at
                        WHERE scoring.figure_count.taken_at <= EXCLUDED.taken_at""").param(at).update() == 1;
        if (!newer) {
            return false;
        }
        List<String> kinds = new java.util.ArrayList<>();
        List<String> bands = new java.util.ArrayList<>();
        List<String> grades = new java.util.ArrayList<>();
        List<Long> counts = new java.util.ArrayList<>();
        java.util.function.Consumer<Object[]> row = r -> {
            kinds.add((String) r[0]);
            bands.add((String) r[1]);
            grades.add((String) r[2]);
            counts.add((Long) r[3]);
        };
        figures.coverage().forEach(c -> {
            row.accept(new Object[] {"RESIDENTS", c.regionCode(), "", c.residents()});
            row.accept(new Object[] {"SCORED", c.regionCode(), "", c.scored()});
        });
        figures.byAgeBand().forEach(g -> row.accept(new Object[] {"AGE", g.band(), g.grade(), g.subjects()}));
        figures.byDistrict().forEach(g -> row.accept(new Object[] {"DISTRICT", g.band(), g.grade(), g.subjects()}));
        jdbc.sql("DELETE FROM scoring.figure").update();
        jdbc.sql("INSERT INTO scoring.figure (figure, band, grade, subjects) "
                        + "SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[])")
                .params(kinds.toArray(String[]::new), bands.toArray(String[]::new), grades.toArray(String[]::new),
                        counts.toArray(Long[]::new))
                .update();
        return true;
    }

    /** Whether the day's grade distribution is kept for the trend. */
    public boolean gradesSnapshotted(java.time.LocalDate day) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM scoring.grade_snapshot WHERE day = ?)")
                .param(java.sql.Date.valueOf(day)).query(Boolean.class).single();
    }

    /** The daily grade distributions of the last {@code days} days, oldest first. */
    public List<Snapshot> gradeTrend(java.time.LocalDate since) {
        return jdbc.sql("SELECT day, grade, subjects FROM scoring.grade_snapshot WHERE day >= ? ORDER BY day, grade")
                .param(java.sql.Date.valueOf(since))
                .query((rs, n) -> new Snapshot(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3))).list();
    }

    // ---- benefits

    /**
     * A benefit offered now; {@code listCondition} "RED": also to everyone on the red list in force;
     * {@code providerClients}: the institutions (ApiInstitution ids) whose keys a benefits check answers about it.
     */
    public record Benefit(String code, String name, String provider, List<String> grades, String scenario,
                          String listCondition, List<UUID> providerClients) {
    }

    public List<Benefit> benefits() {
        return jdbc.sql("SELECT code, name, provider, grades, scenario, list_condition, provider_clients "
                        + "FROM scoring.benefit WHERE enabled ORDER BY code")
                .query((rs, n) -> new Benefit(rs.getString(1), rs.getString(2), rs.getString(3),
                        Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getString(6),
                        Arrays.asList((UUID[]) rs.getArray(7).getArray())))
                .list();
    }

    /** Adds the benefit, or replaces the one with its code (enabling it again). */
    public void saveBenefit(cn.chengxin.scoring.domain.BenefitDefinition b) {
        jdbc.sql("""
                        INSERT INTO scoring.benefit (code, name, provider, grades, scenario, list_condition,
                                                     provider_clients, enabled)
                        VALUES (?, ?, ?, ?::text[], ?, ?, ?::uuid[], true)
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, provider = EXCLUDED.provider,
                            grades = EXCLUDED.grades, scenario = EXCLUDED.scenario,
                            list_condition = EXCLUDED.list_condition, provider_clients = EXCLUDED.provider_clients,
                            enabled = true""")
                .params(b.code(), b.name().strip(), b.provider().strip(), b.grades().toArray(String[]::new),
                        b.scenario().strip(), b.listCondition(),
                        b.providerClients().stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    /** Adds an institution that checks the benefit (kept once); false when no benefit in force has the code. */
    public boolean bindProvider(String code, UUID client) {
        return jdbc.sql("""
                        UPDATE scoring.benefit SET provider_clients = CASE WHEN ? = ANY (provider_clients)
                            THEN provider_clients ELSE array_append(provider_clients, ?) END
                        WHERE code = ? AND enabled""")
                .params(client, client, code).update() == 1;
    }

    /** Stops offering the benefit; false when no benefit in force has the code. */
    public boolean deactivateBenefit(String code) {
        return jdbc.sql("UPDATE scoring.benefit SET enabled = false WHERE code = ? AND enabled").param(code)
                .update() == 1;
    }
}
