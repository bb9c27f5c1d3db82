package cn.chengxin.subject.domain;

import java.time.LocalDate;

/**
 * A person's membership of a key occupational group (重点职业人群, RULES.md §1) as the authority that admits to it
 * records it (a teacher's or doctor's licence, a lawyer's practising certificate, a civil servant's appointment): the
 * group, from, to (empty while it lasts, or the day a licence expires, which may still be to come) and the authority.
 * The occupational credit report lists the memberships current on its day (issue #7).
 */
public record RegisteredMembership(OccupationalGroup group, LocalDate from, LocalDate to, String issuedBy) {

    /** @throws SubjectProblem REGISTRY_PERIOD_INVALID for an end before the start */
    public static RegisteredMembership of(OccupationalGroup group, LocalDate from, LocalDate to, String issuedBy) {
        RegisteredResidence.requireOrdered(from, to);
        return new RegisteredMembership(group, from, to, issuedBy == null ? null : issuedBy.strip());
    }
}
