package cn.chengxin.scoring;

import java.time.Instant;
import java.util.UUID;

/** A subject's grade changed (benefits and notices react); {@code from} is null for a first grade. */
public record GradeChanged(UUID subjectId, String from, String to, Instant at) {
}
