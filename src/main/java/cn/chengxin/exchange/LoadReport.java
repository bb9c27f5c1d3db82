package cn.chengxin.exchange;

import java.io.Serializable;
import java.util.List;

/**
 * What loading a published list file did: rows read, entries that changed what is held, rows refused and why.
 * Serializable: the console shows it after a redirect, from the session.
 */
public record LoadReport(int rows, int applied, List<RefusedRow> refused) implements Serializable {

    public LoadReport {
        refused = List.copyOf(refused);
    }

    /** A row not loaded: its line in the file and the reason (never the row's content). */
    public record RefusedRow(long line, String reason) implements Serializable {
    }
}
