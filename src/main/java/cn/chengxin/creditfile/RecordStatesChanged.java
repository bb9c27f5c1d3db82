package cn.chengxin.creditfile;

import java.util.List;
import java.util.UUID;

/**
 * Published in the transaction of every change of records — stored versions, state changes (objections, repair)
 * and expiry — record by record, for the modules that must forward individual records (exchange queues them for
 * other platforms in the same transaction). {@link RecordsChanged} stays the bulk signal by subject.
 * <p>
 * {@code backLoad}: the records were stored from a batch marked {@code origin=MIGRATION}, a city's history back-loaded
 * at its cut-over ({@link RecordsChanged#backLoad}); the cause stays {@link #STORED}, so every listener that reacts to
 * stored versions still does, and only those that must not (the exchange's queue upward, gaps review xliii X3) look.
 */
public record RecordStatesChanged(List<ChangedRecord> records, String cause, boolean backLoad) {

    /** The cause of the versions collection stores ({@link CreditFile#store}). */
    public static final String STORED = "ingestion";
    /** The cause of the records whose publication window ended ({@link CreditFile#applyWindows}). */
    public static final String WINDOWS = "windows";
    /**
     * The cause of the records whose last day of publication or retention a catalogue version took earlier
     * ({@link ShorteningPeriods}).
     */
    public static final String PERIODS = "periods";

    public RecordStatesChanged {
        records = List.copyOf(records);
    }

    /** A change that is no back-load: every change but a stored chunk of a migration batch. */
    public RecordStatesChanged(List<ChangedRecord> records, String cause) {
        this(records, cause, false);
    }

    /** One record that changed: read its current version from {@link CreditFile#filesOf}. */
    public record ChangedRecord(UUID subjectId, UUID recordKey, String itemCode) {
    }
}
