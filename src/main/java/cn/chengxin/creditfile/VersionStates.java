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
     * is decided (§5). An expired record whose display a decision stopped ({@code stoppedByDecision}: an objection
     * upheld as 停止公示, §5) stays expired: the platform decided, and a correction of the facts is no new decision.
     * Otherwise the window decides, recomputed from the corrected decision date (§4): shown while it is open, expired
     * once it has ended — so a record expired by its window comes back only if its new window is open.
     * <p>
     * {@link RecordStatus#CORRECTED} (已更正) is never the state of a current version: it names what a version became
     * when a later one replaced it, written as that version's last state event, while the row itself only stops being
     * current. An objection decided as 更正 or 补充 leaves the record 异议中 for its department to deliver the corrected
     * version, which keeps the mark here like any version of a disputed record; the objection module lifts it once the
     * version is stored. So no current version is CORRECTED, and one here means the file is broken: refused rather
     * than guessed at.
     *
     * @param stoppedByDecision whether a decision about the record, not its window, took it out of display
     */
    static RecordStatus ofNext(RecordAction action, RecordStatus current, boolean stoppedByDecision,
                               LocalDate publicationEnd, LocalDate today) {
        if (action == RecordAction.REVOKE) {
            return RecordStatus.REVOKED;
        }
        return switch (current) {
            case REPAIRED, REVOKED, ARCHIVED, IN_DISPUTE -> current;
            case EXPIRED -> stoppedByDecision ? current : ofFirst(publicationEnd, today);
            case ACTIVE -> ofFirst(publicationEnd, today);
            case CORRECTED -> throw new IllegalStateException("a superseded version is never the current one");
        };
    }

    /** The last day of publication was before {@code today} ({@code null}: long-term, never over). */
    static boolean windowOver(LocalDate publicationEnd, LocalDate today) {
        return publicationEnd != null && publicationEnd.isBefore(today);
    }
}
