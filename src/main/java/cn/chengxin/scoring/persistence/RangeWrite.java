package cn.chengxin.scoring.persistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.chengxin.scoring.domain.CompiledModel;
import cn.chengxin.scoring.domain.ScoreOutcome.NotScored;
import cn.chengxin.scoring.domain.ScoreSheet;
import cn.chengxin.shared.jdbc.BinaryCopyWriter;

/**
 * The scores of one range of subject ids as the full recompute computes them, subject by subject in the
 * database's id order, each compared with the stored row of the range as it goes: what is equal is dropped (a
 * recompute mostly confirms), so is a row computed from later facts; what is new and what changed are kept apart as
 * binary COPY rows, each with whether it makes a grade change and a notice, for
 * {@link JdbcRangeScores#write}. Explanations are encoded straight from the {@link ScoreSheet}. Not thread-safe: one
 * per range.
 */
public final class RangeWrite {

    /** The columns of a score row, in the order of the COPY rows. */
    static final String COLUMNS = "subject_id, model_code, model_version, score, grade, not_scored_code, region_code, "
            + "birth_year, computed_at, explanation_bytes, since";

    private final String modelCode;
    private final byte[] modelCodeBytes;
    private final int modelVersion;
    private final ExplanationCodec codec;
    private final int[] positions;
    private final long atMicros;
    private final List<StoredScore> stored;
    private int next;
    private final UUID after;
    private final UUID last;
    private final Buffers buffers;
    private final BinaryCopyWriter fresh;
    private final BinaryCopyWriter changed;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, byte[]> notScoredExplanations = new HashMap<>();

    /**
     * The arrays a range is built in, for the next range on the same thread: a range's COPY rows are some 8 MB,
     * which a fresh writer reaches by doubling (past half a G1 region each array is a humongous allocation).
     */
    public static final class Buffers {

        private final BinaryCopyWriter fresh = new BinaryCopyWriter();
        private final BinaryCopyWriter changed = new BinaryCopyWriter();
        private byte[] explanation = new byte[512];
    }

    /** A changed grade; {@code from} null: the first. */
    public record GradeChange(UUID subjectId, String from, String to) {
    }

    /**
     * A row to write and what follows once it is written: a grade change when its grade changed ({@code from} null:
     * the first). (The score it replaces goes to the history in SQL.)
     */
    record Pending(UUID subject, boolean fresh, String grade, boolean gradeChanged, String from) {
    }

    RangeWrite(UUID after, UUID last, CompiledModel model, ExplanationCodec codec, long atMicros,
               List<StoredScore> stored, Buffers buffers) {
        this.after = after;
        this.last = last;
        this.buffers = buffers;
        this.fresh = buffers.fresh.clear();
        this.changed = buffers.changed.clear();
        this.modelCode = model.model().code();
        this.modelCodeBytes = modelCode.getBytes(StandardCharsets.UTF_8);
        this.modelVersion = model.model().version();
        this.codec = codec;
        this.positions = codec.positionsOf(model);
        this.atMicros = atMicros;
        this.stored = stored;
    }

    /** The subject's score is the result on {@code sheet}. Subjects come in the database's id order. */
    public void scored(UUID subject, String regionCode, Integer birthYear, ScoreSheet sheet) {
        int size = ExplanationCodec.scoredSize(sheet);
        if (buffers.explanation.length < size) {
            buffers.explanation = new byte[Math.max(size, buffers.explanation.length * 2)];
        }
        int length = codec.encodeScored(sheet, positions, buffers.explanation);
        put(subject, sheet.score(), sheet.band().grade(), null, regionCode, birthYear, buffers.explanation, length);
    }

    /**
     * The subject is not scored. Subjects come in the database's id order. Stored only where it ends a score or
     * replaces a row of the model ({@link ScoreRows#storesNotScored}).
     */
    public void notScored(UUID subject, String regionCode, Integer birthYear, NotScored outcome) {
        StoredScore before = peekStored(subject);
        if (!ScoreRows.storesNotScored(before != null, before != null && before.score() != null,
                before != null && before.code().equals(modelCode) && before.version() == modelVersion)) {
            return;
        }
        byte[] explanation = notScoredExplanations.computeIfAbsent(outcome.reason(), codec::encodeNotScored);
        put(subject, null, null, outcome.code(), regionCode, birthYear, explanation, explanation.length);
    }

    /** The explanation is the first {@code length} bytes of {@code explanation}. */
    private void put(UUID subject, Integer score, String grade, String notScoredCode,
                     String regionCode, Integer birthYear, byte[] explanation, int length) {
        StoredScore before = storedRow(subject);
        boolean sameModel = before != null && before.code().equals(modelCode) && before.version() == modelVersion;
        if (sameModel && (before.computedAtMicros() > atMicros || Objects.equals(before.score(), score)
                && Objects.equals(before.grade(), grade) && Objects.equals(before.notScoredCode(), notScoredCode)
                && Objects.equals(before.regionCode(), regionCode) && Objects.equals(before.birthYear(), birthYear)
                && before.explanation() != null
                && Arrays.equals(before.explanation(), 0, before.explanation().length, explanation, 0, length))) {
            return;
        }
        // A first row of the model (after a switch: every row) goes beside the subject's rows of earlier models.
        String from = before == null ? null : before.grade();
        pending.add(new Pending(subject, !sameModel, grade, !Objects.equals(from, grade), from));
        // since: when this score began, for a new row; a changed row keeps the stored one unless the score changed.
        (sameModel ? changed : fresh).row(11)
                .uuid(subject.getMostSignificantBits(), subject.getLeastSignificantBits()).utf8(modelCodeBytes)
                .int4(modelVersion).int4(score).text(grade).text(notScoredCode).text(regionCode).int4(birthYear)
                .timestamp(atMicros).bytes(explanation, 0, length).timestamp(atMicros);
    }

    /** {@link #storedRow} without moving past it. */
    private StoredScore peekStored(UUID subject) {
        int at = next;
        StoredScore found = storedRow(subject);
        next = at;
        return found;
    }

    /** The stored row of {@code subject}, if any: the stored rows are in the same order as the subjects given. */
    private StoredScore storedRow(UUID subject) {
        long most = subject.getMostSignificantBits();
        long least = subject.getLeastSignificantBits();
        while (next < stored.size()) {
            StoredScore s = stored.get(next);
            int order = Long.compareUnsigned(s.subjectMost(), most);
            if (order == 0) {
                order = Long.compareUnsigned(s.subjectLeast(), least);
            }
            if (order > 0) {
                return null;
            }
            next++;
            if (order == 0) {
                return s;
            }
        }
        return null;
    }

    /** Rows of subjects without a stored score of the model. */
    BinaryCopyWriter fresh() {
        return fresh;
    }

    /** Rows that replace a stored score of the model. */
    BinaryCopyWriter changed() {
        return changed;
    }

    List<Pending> pending() {
        return pending;
    }

    String modelCode() {
        return modelCode;
    }

    int modelVersion() {
        return modelVersion;
    }

    long atMicros() {
        return atMicros;
    }

    /** The range's ids: after this one (exclusive; null: from the lowest). */
    UUID after() {
        return after;
    }

    /** The range's ids: up to this one (inclusive; null: to the highest). */
    UUID last() {
        return last;
    }

    /** A stored row, as read for the comparison; {@code explanation} null when written by another model or as JSON. */
    record StoredScore(long subjectMost, long subjectLeast, String code, int version, Integer score, String grade,
                       String notScoredCode, String regionCode, Integer birthYear, long computedAtMicros,
                       byte[] explanation) {
    }
}
