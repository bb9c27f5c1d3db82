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
 * @param at      when the facts the new grades were computed from were read
 */
public record GradesChanged(List<Change> changes, Instant at) {

    public GradesChanged {
        changes = List.copyOf(changes);
    }

    /** One subject's grade went from {@code from} (null: the first) to {@code to} (null: no longer scored). */
    public record Change(UUID subjectId, String from, String to) {
    }
}
