package cn.chengxin.subject;

import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.subject.domain.ResponsibleRole;

/**
 * A person who answers for an organisation (法定代表人、主要负责人、直接责任人, RULES.md §1) for one period, named by
 * the person's pseudonym ({@link SubjectRegistry#pseudonymOf}) as the checks know subjects: the check index keeps them,
 * so that a check of the person finds the measures that reach an organisation's responsible persons (review xxv H2).
 * {@code to} null: still in the role.
 */
public record ResponsibleLink(UUID organisationId, String personPseudonym, ResponsibleRole role, LocalDate from,
                              LocalDate to) {

    /**
     * A change of an organisation's responsible persons, numbered as recorded: a follower re-reads the organisation's
     * links ({@link SubjectRegistry#responsibleLinksOf}).
     */
    public record Changed(long seq, UUID organisationId) {
    }
}
