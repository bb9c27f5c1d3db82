package cn.chengxin.repair.domain;

import java.time.LocalDate;

/**
 * The term of the 信用承诺书 signed with an approved repair (G11). RULES.md §6 makes the commitment a condition of
 * repair and names no period for it; 《信用修复管理办法》 names none either. So the commitment runs from approval to the
 * repaired record's original last day of publication (RULES.md §4): the time the record would have been shown, during
 * which the repair rests on the promise. A record (or a list entry proposed by hand) with no last day known is given
 * {@code fallbackMonths} from approval instead ({@code chengxin.repair.commitment-months}, 12 by default); the term
 * ends no earlier than the day after approval. After its term the commitment is kept (履约) and can no longer be
 * reported breached.
 */
public record RepairCommitmentTerm(int fallbackMonths) {

    public RepairCommitmentTerm {
        if (fallbackMonths < 1 || fallbackMonths > 60) {
            throw new IllegalArgumentException("commitment-months (" + fallbackMonths + ") must be 1 to 60");
        }
    }

    public static RepairCommitmentTerm defaults() {
        return new RepairCommitmentTerm(12);
    }

    /**
     * The last day of the commitment signed with a repair approved on {@code approvedOn}.
     *
     * @param publicationEnd the repaired record's (or entry's) original last day of display, or null when it has none
     */
    public LocalDate until(LocalDate approvedOn, LocalDate publicationEnd) {
        if (publicationEnd == null) {
            return approvedOn.plusMonths(fallbackMonths);
        }
        return publicationEnd.isAfter(approvedOn) ? publicationEnd : approvedOn.plusDays(1);
    }
}
