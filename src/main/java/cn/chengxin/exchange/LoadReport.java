package cn.chengxin.exchange;

import java.io.Serializable;
import java.util.List;

/**
 * What applying a published list file did when it was approved: rows read, entries that changed what is held, rows
 * refused and why. Serializable: the console shows it after a redirect, from the session.
 */
public record LoadReport(int rows, int applied, List<RefusedRow> refused) implements Serializable {

    public LoadReport {
        refused = List.copyOf(refused);
    }

    /**
     * A row not loaded: its line in the file, a stable code (LIST_ROW_INVALID, an ID_* rejection of the number,
     * SUBJECT_NAME_MISMATCH, EXCHANGE_MINOR_LISTED, LIST_ITEM_UNKNOWN) and the reason (never the row's content).
     */
    public record RefusedRow(long line, String code, String reason) implements Serializable {
    }
}
