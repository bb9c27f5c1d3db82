package cn.chengxin.subject.domain;

import cn.chengxin.shared.DomainProblem.Kind;

/**
 * The review every correction of the registry goes through (maker-checker): one staff member proposes it, another
 * approves or rejects it, once, and the proposer never decides their own proposal. A corrected birth date decides
 * which lists and scores reach a person, a corrected name which rows reach a file, so one person alone must not be
 * able to make either (RULES.md §10: least privilege, every operation traceable). Each kind of correction names its
 * problems with its own code prefix ({@code BIRTH_DATE_SELF_REVIEW}, {@code NAME_CHANGE_ALREADY_DECIDED}, …).
 *
 * @param codePrefix    the prefix of the problem codes, e.g. {@code NAME_CHANGE}
 * @param selfReview    what a proposer deciding their own proposal is told
 * @param noReason      what a rejection without a reason is told
 * @param decided       what a reviewer of a proposal no longer pending is told
 */
public record Review(String codePrefix, String selfReview, String noReason, String decided) {

    /** A proposal under review: who proposed it and whether it still waits for a decision. */
    public interface Reviewed {

        String proposedBy();

        boolean pending();
    }

    /**
     * Refuses a decision the checker may not take: on their own proposal, or on one already decided.
     *
     * @return the proposal, for the caller to go on with
     */
    public <P extends Reviewed> P requireReviewable(P proposal, String checker) {
        if (proposal.proposedBy().equals(checker)) {
            throw new SubjectProblem(codePrefix + "_SELF_REVIEW", Kind.FORBIDDEN, selfReview);
        }
        if (!proposal.pending()) {
            throw alreadyDecided();
        }
        return proposal;
    }

    /** A rejection says why, so that the proposer can gather better evidence. */
    public void requireRejectionReason(String note) {
        if (note == null || note.isBlank()) {
            throw new SubjectProblem("REVIEW_NOTE_REQUIRED", Kind.INVALID_INPUT, noReason);
        }
    }

    /** Of two reviewers at once, the second is told the first has decided. */
    public SubjectProblem alreadyDecided() {
        return new SubjectProblem(codePrefix + "_ALREADY_DECIDED", Kind.CONFLICT, decided);
    }

    /** An approval's note as kept: none when blank (an approval needs no reason). */
    public static String approvalNote(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
