package cn.chengxin.creditfile;

import java.time.LocalDate;

/**
 * The state a record takes when its department stores a new version of it. A department corrects the facts of
 * its decision; it does not undo what the platform decided about the record since.
 */
final class VersionStates {

    private VersionStates() {
    }

    /**
     * A first version: shown while its publication window is open (RULES.md §4). A late or backfilled record whose
     * window has already ended is stored expired, so that it is never shown or used, not even until the night's job.
     */
    static RecordStatus ofFirst(LocalDate publicationEnd, LocalDate today) {
        return windowOver(publicationEnd, today) ? RecordStatus.EXPIRED : RecordStatus.ACTIVE;
    }

    /**
     * A later version (UPDATE or REVOKE) of a record now in {@code current}. A revocation closes the record. A
     * correction keeps a repaired record repaired (RULES.md §6: repair stops publication and use, and a correction
     * of the facts is no new act), a revoked or archived one closed, and a disputed one marked until the objection
     * is decided (§5). Otherwise the window decides, recomputed from the corrected decision date (§4): shown while
     * it is open, expired once it has ended — so an expired record comes back only if its new window is open.
     */
    static RecordStatus ofNext(RecordAction action, RecordStatus current, LocalDate publicationEnd, LocalDate today) {
        if (action == RecordAction.REVOKE) {
            return RecordStatus.REVOKED;
        }
        return switch (current) {
            case REPAIRED, REVOKED, ARCHIVED, IN_DISPUTE -> current;
            case ACTIVE, EXPIRED, CORRECTED -> ofFirst(publicationEnd, today);
        };
    }

    /** The last day of publication was before {@code today} ({@code null}: long-term, never over). */
    static boolean windowOver(LocalDate publicationEnd, LocalDate today) {
        return publicationEnd != null && publicationEnd.isBefore(today);
    }
}
