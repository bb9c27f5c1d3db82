package cn.chengxin.subject;

import java.util.UUID;

/**
 * A person's unknown birth date was completed (approved by a second person): what was refused for want of it — a
 * list entry, a score — can be evaluated again. Ids only; the date stays in the registry.
 */
public record BirthDateCompleted(UUID subjectId) {
}
