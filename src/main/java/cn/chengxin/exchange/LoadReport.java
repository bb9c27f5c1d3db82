package cn.chengxin.exchange;

import java.io.Serializable;
import java.util.List;

/**
 * What applying a published list file did when it was approved: rows read, entries that changed what is held, rows
 * refused and why, and rows loaded with a note ({@code warned}: SUBJECT_FORMER_NAME, a subject named by a former name
 * of the day the listing was published, gaps review xxv H6). Serializable: the console shows it after a redirect, from
 * the session.
 */
public record LoadReport(int rows, int applied, List<RefusedRow> refused, List<RefusedRow> warned)
        implements Serializable {

    public LoadReport {
        refused = List.copyOf(refused);
        warned = List.copyOf(warned);
    }

    /** A report of a file none of whose rows was loaded with a note. */
    public LoadReport(int rows, int applied, List<RefusedRow> refused) {
        this(rows, applied, refused, List.of());
    }

    /**
     * A row not loaded: its line in the file, a stable code (LIST_ROW_INVALID, an ID_* rejection of the number,
     * SUBJECT_NAME_MISMATCH, EXCHANGE_MINOR_LISTED, LIST_ITEM_UNKNOWN) and the reason (never the row's content); or,
     * among the {@code warned}, a row loaded all the same, with the code and reason of its note.
     */
    public record RefusedRow(long line, String code, String reason) implements Serializable {
    }
}
