package cn.chengxin.creditfile;

import java.time.LocalDate;
import java.util.Optional;

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
     * A first version as delivered, with its retention: one whose retention has already ended as well (a back-load of
     * an old system's decisions, gaps review xliii X10) is stored archived (§4: kept at most 5 years, then archived),
     * not expired, which may still be disclosed until retention ends and which only the night's windows would archive.
     * The day compared is the night's ({@code retention_end < today}, {@link CreditFile#applyWindows}); no list entry
     * holds a first version's retention yet ({@link RetentionHolds}), so none is kept from here.
     */
    static RecordStatus ofFirst(LocalDate publicationEnd, LocalDate retentionEnd, LocalDate today) {
        return windowOver(retentionEnd, today) ? RecordStatus.ARCHIVED : ofFirst(publicationEnd, today);
    }

    /**
     * Why a department may not store a later version (UPDATE or REVOKE) of a record now in {@code current}; empty when
     * it may.
     * <ul>
     * <li>A revoked record is withdrawn for good, by its department or by an objection found right (删除, RULES.md
     * §5): a correction would store a version without the revocation and its reason, so that 撤销原因 disappeared from
     * the file and the history read 已撤销 → 已更正 while the record stayed revoked; a second revocation would replace
     * the first one's reason. Refused with RECORD_REVOKED; a record to be published again is added anew, under a new
     * source record id.</li>
     * <li>An archived record is past its retention (§4: kept at most 5 years, then archived): archived data is not
     * rewritten, and a revocation would take the record out of the archive, revoked again, until the next night
     * archived it anew, and send the change to the exchange's partners. Refused with RECORD_ARCHIVED.</li>
     * <li>An expired record is still kept and may still be disclosed until its retention ends (§4), so its facts must
     * be right: it may be corrected (and stays expired unless its corrected window is open, {@link #ofNext}) and
     * revoked (§5: information whose legal basis was revoked is withdrawn).</li>
     * <li>A repaired record likewise (§6: repair stops publication and use, it keeps the record): a correction keeps
     * it repaired, and a revocation, which says the decision itself is gone, closes it as revoked.</li>
     * </ul>
     */
    static Optional<StoreOutcome> refusal(RecordStatus current) {
        return switch (current) {
            case REVOKED -> Optional.of(StoreOutcome.recordRevoked());
            case ARCHIVED -> Optional.of(StoreOutcome.recordArchived());
            default -> Optional.empty();
        };
    }

    /**
     * A later version (UPDATE or REVOKE) of a record now in {@code current}, one that {@link #refusal} allows. A
     * revocation closes the record. A correction keeps a repaired record repaired (RULES.md §6: repair stops
     * publication and use, and a correction of the facts is no new act), a declined one declined (§2: the person
     * refused the record, not one version of it) and a disputed one marked until the objection is decided (§5). An expired record whose display a decision stopped ({@code stoppedByDecision}: an objection
     * upheld as 停止公示, §5) stays expired: the platform decided, and a correction of the facts is no new decision.
     * Otherwise the window decides, recomputed from the corrected decision date (§4): shown while it is open, expired
     * once it has ended — so a record expired by its window comes back only if its new window is open.
     * <p>
     * {@link RecordStatus#CORRECTED} (已更正) is never the state of a current version: it names what a version became
     * when a later one replaced it, written as that version's last state event, while the row itself only stops being
     * current. An objection decided as 更正 or 补充 leaves the record 异议中 for its department to deliver the corrected
     * version, which keeps the mark here like any version of a disputed record; the objection module lifts it once the
     * version is stored. So no current version is CORRECTED, and one here means the file is broken: refused rather
     * than guessed at, as is a revoked or archived one, which {@link #refusal} keeps from here.
     *
     * @param stoppedByDecision whether a decision about the record, not its window, took it out of display
     */
    static RecordStatus ofNext(RecordAction action, RecordStatus current, boolean stoppedByDecision,
                               LocalDate publicationEnd, LocalDate today) {
        if (action == RecordAction.REVOKE) {
            return RecordStatus.REVOKED;
        }
        return switch (current) {
            case REPAIRED, IN_DISPUTE, DECLINED -> current;
            case EXPIRED -> stoppedByDecision ? current : ofFirst(publicationEnd, today);
            case ACTIVE -> ofFirst(publicationEnd, today);
            case CORRECTED -> throw new IllegalStateException("a superseded version is never the current one");
            case REVOKED, ARCHIVED -> throw new IllegalStateException("a " + current + " record takes no later version");
        };
    }

    /** The last day of publication was before {@code today} ({@code null}: long-term, never over). */
    static boolean windowOver(LocalDate publicationEnd, LocalDate today) {
        return publicationEnd != null && publicationEnd.isBefore(today);
    }
}
