package cn.chengxin.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Subjects' grades changed in one stored batch of scores (benefits and notices react), published once per batch
 * so that listeners work in bulk as the full recompute does: a million first grades are a few dozen events, not a
 * million.
 *
 * @param changes the subjects whose grade changed, each once
 * @param at       when the facts the new grades were computed from were read
 * @param backLoad whether the change comes from records a back-load stored (a batch marked {@code origin=MIGRATION},
 *                 gaps review xliii X4): the grade is right, but it is no news about the person — a decision
 *                 years old loaded at the city's cut-over — so no notice is written for it ({@link GradeNotices})
 */
public record GradesChanged(List<Change> changes, Instant at, boolean backLoad) {

    public GradesChanged {
        changes = List.copyOf(changes);
    }

    /** Grades changed by anything but a back-load. */
    public GradesChanged(List<Change> changes, Instant at) {
        this(changes, at, false);
    }

    /** One subject's grade went from {@code from} (null: the first) to {@code to} (null: no longer scored). */
    public record Change(UUID subjectId, String from, String to) {
    }
}
