package cn.chengxin.ingestion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files waiting for this instance's one file worker, taken fairly across the departments (gaps review xliii X9):
 * a back-load of millions of rows sent by one department as a run of files held every other department's daily file
 * behind it, first in first out, where each department's records are to be built within 5 working days of receipt
 * (RULES.md §12). The next file is the waiting file of the department whose last file here was taken the longest ago
 * (a department with none taken yet first); within a department, first in first out, since a later file may carry a
 * later version of a record an earlier one holds. A file running is never interrupted: the back-load's file being
 * read finishes, and the other departments' files go before its next. Across instances each keeps its own order (the
 * README's advice stays: a back-load on an instance of its own, at night).
 */
final class WaitingFiles {

    private record Waiting(String department, long arrival, Runnable file) {
    }

    private final List<Waiting> waiting = new ArrayList<>();
    /** The turn at which each department's last file was taken (1 the first taken): a few dozen departments. */
    private final Map<String, Long> lastTaken = new HashMap<>();
    private long arrivals;
    private long turns;

    /** A file of {@code department} waits its turn. */
    synchronized void add(String department, Runnable file) {
        waiting.add(new Waiting(department, arrivals++, file));
    }

    /** The next file to run, now counted as its department's last taken; {@code null} when none waits. */
    synchronized Runnable take() {
        Waiting next = null;
        for (Waiting file : waiting) {
            if (next == null || before(file, next)) {
                next = file;
            }
        }
        if (next == null) {
            return null;
        }
        waiting.remove(next);
        lastTaken.put(next.department(), ++turns);
        return next.file();
    }

    private boolean before(Waiting a, Waiting b) {
        long aTaken = lastTaken.getOrDefault(a.department(), 0L);
        long bTaken = lastTaken.getOrDefault(b.department(), 0L);
        return aTaken != bTaken ? aTaken < bTaken : a.arrival() < b.arrival();
    }
}
