package cn.chengxin.scoring.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.scoring.domain.ReviewOutcome;
import cn.chengxin.scoring.domain.ScoreReview;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests for human review of a score and the refusals of automated grading (PIPL Art. 24; V164). */
@Repository
public class JdbcScoreReviews {

    private static final String COLUMNS = "id, subject_id, reasons, model_code, model_version, score, grade, "
            + "requested_at, due_on, outcome, answer, answered_by, answered_at, reminded_for, escalated_at, objection_id";

    private final JdbcClient jdbc;

    public JdbcScoreReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an open request; false when the person already has one open (the one-open index). */
    public boolean insert(ScoreReview r) {
        return jdbc.sql("INSERT INTO scoring.review (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, "
                        + "NULL, NULL, NULL, NULL, NULL) ON CONFLICT (subject_id) WHERE outcome IS NULL DO NOTHING")
                .params(r.id(), r.subjectId(), r.reasons(), r.modelCode(), r.modelVersion(), r.score(), r.grade(),
                        Timestamp.from(r.requestedAt()), java.sql.Date.valueOf(r.dueOn()))
                .update() == 1;
    }

    public Optional<ScoreReview> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scoring.review WHERE id = ?").param(id)
                .query(JdbcScoreReviews::review).optional();
    }

    /** The person's requests, newest first. */
    public List<ScoreReview> ofSubject(UUID subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scoring.review WHERE subject_id = ? ORDER BY requested_at DESC")
                .param(subject).query(JdbcScoreReviews::review).list();
    }

    /** The open requests, the first due first. */
    public List<ScoreReview> open() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scoring.review WHERE outcome IS NULL ORDER BY due_on, requested_at")
                .query(JdbcScoreReviews::review).list();
    }

    /** The last {@code limit} answered requests, the latest first. */
    public List<ScoreReview> recentlyAnswered(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scoring.review WHERE outcome IS NOT NULL "
                        + "ORDER BY answered_at DESC LIMIT ?")
                .param(limit).query(JdbcScoreReviews::review).list();
    }

    /** Keeps the objection a review answered {@code OBJECTION} was closed by (in the answer's transaction). */
    public void objectionOpened(UUID id, UUID objectionId) {
        jdbc.sql("UPDATE scoring.review SET objection_id = ? WHERE id = ?").params(objectionId, id).update();
    }

    /** Answers an open request; false when it was answered meanwhile. */
    public boolean answer(UUID id, ReviewOutcome outcome, String answer, String by, Instant at) {
        return jdbc.sql("UPDATE scoring.review SET outcome = ?, answer = ?, answered_by = ?, answered_at = ? "
                        + "WHERE id = ? AND outcome IS NULL")
                .params(outcome.name(), answer, by, Timestamp.from(at), id).update() == 1;
    }

    /** Marks the open requests due between {@code today} and {@code soon} as reminded of that deadline; returns them. */
    public List<ScoreReview> remind(LocalDate today, LocalDate soon) {
        return jdbc.sql("UPDATE scoring.review SET reminded_for = due_on WHERE outcome IS NULL "
                        + "AND due_on BETWEEN ? AND ? AND reminded_for IS DISTINCT FROM due_on RETURNING " + COLUMNS)
                .params(today, soon).query(JdbcScoreReviews::review).list();
    }

    /** Escalates the open requests past their deadline on {@code today} that were not yet; returns them. */
    public List<ScoreReview> escalate(LocalDate today, Instant at) {
        return jdbc.sql("UPDATE scoring.review SET escalated_at = ? WHERE outcome IS NULL AND due_on < ? "
                        + "AND escalated_at IS NULL RETURNING " + COLUMNS)
                .params(Timestamp.from(at), today).query(JdbcScoreReviews::review).list();
    }

    /**
     * Of the requests answered from {@code from} (included) to {@code until} (excluded): how many, and how many by their
     * deadline ({@code zone}'s date); and how many open requests are past their deadline on {@code today}.
     */
    public long[] figures(Instant from, Instant until, String zone, LocalDate today) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE answered_at >= :from AND answered_at < :until),
                               count(*) FILTER (WHERE answered_at >= :from AND answered_at < :until
                                                AND (answered_at AT TIME ZONE :zone)::date <= due_on),
                               count(*) FILTER (WHERE outcome IS NULL AND due_on < :today)
                        FROM scoring.review""")
                .param("from", Timestamp.from(from)).param("until", Timestamp.from(until)).param("zone", zone)
                .param("today", today)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    /** Records that the person refuses automated grading from {@code at}; false when they already did. */
    public boolean refuseAutomatedGrading(UUID subject, Instant at) {
        return jdbc.sql("INSERT INTO scoring.automated_grading_refusal (subject_id, since) VALUES (?, ?) "
                        + "ON CONFLICT (subject_id) DO NOTHING")
                .params(subject, Timestamp.from(at)).update() == 1;
    }

    /** Withdraws the refusal; false when there was none. */
    public boolean withdrawRefusal(UUID subject) {
        return jdbc.sql("DELETE FROM scoring.automated_grading_refusal WHERE subject_id = ?").param(subject)
                .update() == 1;
    }

    /** Since when the person refuses automated grading, if they do. */
    public Optional<Instant> refusingSince(UUID subject) {
        return jdbc.sql("SELECT since FROM scoring.automated_grading_refusal WHERE subject_id = ?").param(subject)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    private static ScoreReview review(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString(10);
        Timestamp answeredAt = rs.getTimestamp(13);
        return new ScoreReview(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), rs.getDate(9).toLocalDate(),
                outcome == null ? null : ReviewOutcome.valueOf(outcome), rs.getString(11), rs.getString(12),
                answeredAt == null ? null : answeredAt.toInstant(), rs.getObject(14, LocalDate.class),
                rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant(), rs.getObject(16, UUID.class));
    }
}
