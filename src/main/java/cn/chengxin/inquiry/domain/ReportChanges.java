package cn.chengxin.inquiry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;

import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.creditfile.RecordStatesChanged;

/**
 * Whether a report, still within its validity, still says what the credit file says (finding G5 of gaps review xxiv).
 * Issue #7: the verification page tells "whether the report is authentic <em>and still valid</em>"; RULES.md §4-§6: a
 * record deleted for a factual error (§5), corrected, repaired (§6) or past its publication period (§4) is no longer
 * shown or used, so a report printing it no longer states the person's credit: its verification says so, from the day
 * of the first such change, without saying which record changed, and asks for a new report.
 * <p>
 * A record changes a report that carries it when it leaves display (its new status is one not {@link
 * RecordStatus#shown()}), gets a new version (collection stored one: {@link #UPDATED}) or an earlier last day of
 * publication from a catalogue version that shortened its item's period ({@link #SHORTENED}); being marked 异议中 or
 * restored to 有效 changes nothing the report's verification answers for. A list entry changes it when it is no longer in force.
 */
public final class ReportChanges {

    /** The kind of change of a record that got a new version (a correction or revocation delivered by collection). */
    public static final String UPDATED = "UPDATED";
    /**
     * The kind of change of a record whose last day of publication a catalogue version took earlier (RULES.md §4,
     * finding H5 of gaps review xxv): the report printed the longer one.
     */
    public static final String SHORTENED = "SHORTENED";

    private static final String STATUS = "status:";

    private ReportChanges() {
    }

    /**
     * The kind of change a {@link RecordStatesChanged} of {@code cause} makes to the reports carrying its records: the
     * records' new status when it takes them out of display, {@link #UPDATED} for versions stored (or states a
     * migration changed, told afterwards: a change all the same), {@link #SHORTENED} for last days a catalogue version
     * took earlier, {@code EXPIRED} for ended publication windows;
     * empty when the records are still shown.
     */
    public static Optional<String> kindOf(String cause) {
        if (cause == null) {
            return Optional.empty();
        }
        if (RecordStatesChanged.STORED.equals(cause) || "migration".equals(cause)) {
            return Optional.of(UPDATED);
        }
        if (RecordStatesChanged.PERIODS.equals(cause)) {
            return Optional.of(SHORTENED);
        }
        if (RecordStatesChanged.WINDOWS.equals(cause)) {
            return Optional.of(RecordStatus.EXPIRED.name());
        }
        if (cause.startsWith(STATUS)) {
            try {
                RecordStatus to = RecordStatus.valueOf(cause.substring(STATUS.length()));
                return to.shown() ? Optional.empty() : Optional.of(to.name());
            } catch (IllegalArgumentException unknown) {
                return Optional.of(UPDATED);
            }
        }
        return Optional.empty();
    }

    /**
     * The day a list entry the report carries stopped being in force, empty while it is: the day it exited, or the day
     * after its last day of validity, whichever came first; today when neither says (an entry no longer found).
     *
     * @param inForce  whether the entry is in force today
     * @param exitedAt when it exited (null: it did not)
     * @param validUntil its last day of validity (null: open-ended)
     */
    public static Optional<LocalDate> entryEndedOn(boolean inForce, Instant exitedAt, LocalDate validUntil,
                                                   LocalDate today, ZoneId zone) {
        if (inForce) {
            return Optional.empty();
        }
        return Stream.of(exitedAt == null ? null : LocalDate.ofInstant(exitedAt, zone),
                        validUntil != null && validUntil.isBefore(today) ? validUntil.plusDays(1) : null)
                .filter(d -> d != null).min(LocalDate::compareTo).or(() -> Optional.of(today));
    }

    /**
     * The day from which a report's contents changed, empty when they did not: the earliest of the day a record change
     * marked it ({@code supersededOn}), the day after the earliest last day of publication among its records when that
     * day has passed (RULES.md §4: not shown from the day after its end, whether or not the nightly job moved the
     * record yet), and the day a list entry it carries ended. Each argument may be null.
     */
    public static Optional<LocalDate> changedOn(LocalDate supersededOn, LocalDate earliestPublicationEnd,
                                                LocalDate entryEndedOn, LocalDate today) {
        LocalDate expiredOn = earliestPublicationEnd != null && earliestPublicationEnd.isBefore(today)
                ? earliestPublicationEnd.plusDays(1) : null;
        return Stream.of(supersededOn, expiredOn, entryEndedOn).filter(d -> d != null).min(LocalDate::compareTo);
    }
}
