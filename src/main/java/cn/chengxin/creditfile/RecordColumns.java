package cn.chengxin.creditfile;

import java.io.IOException;
import java.util.Arrays;

import cn.chengxin.shared.jdbc.CopyRows;

/**
 * The facts a bulk computation (the full score recompute) needs of many current records, as columns instead of an
 * object per record: 10,000,000 records fit in a few arrays, with no id, date or code object each. Rows are in the
 * database's order of subject ids (unsigned, byte by byte), so a caller walks them beside persons read in that
 * order. {@code item} is the position of the record's item among the codes asked for.
 *
 * <p>Filled by {@link CreditFile#columnsBetween} and meant to be filled again: a computation going range by range
 * keeps one per thread, so that its arrays, grown to a range's size once, are not allocated again for every range
 * (a range of 25,000 persons holds some 250,000 records, megabytes per column). Not thread-safe.
 */
public final class RecordColumns {

    private static final int FIRST_CAPACITY = 1 << 12;

    private int size;
    private long[] subjectMost = new long[FIRST_CAPACITY];
    private long[] subjectLeast = new long[FIRST_CAPACITY];
    private long[] keyMost = new long[FIRST_CAPACITY];
    private long[] keyLeast = new long[FIRST_CAPACITY];
    private int[] item = new int[FIRST_CAPACITY];
    private int[] epochDay = new int[FIRST_CAPACITY];

    /** Empties the columns, keeping their arrays. */
    void clear() {
        size = 0;
    }

    /**
     * Reads one row of a binary COPY of (subject_id, record_key, item_code, decision_date); keeps it only when its
     * item is among {@code items} (UTF-8 codes), whose position it stores.
     */
    public void read(CopyRows rows, byte[][] items) throws IOException {
        if (size == item.length) {
            int grown = size * 2;
            subjectMost = Arrays.copyOf(subjectMost, grown);
            subjectLeast = Arrays.copyOf(subjectLeast, grown);
            keyMost = Arrays.copyOf(keyMost, grown);
            keyLeast = Arrays.copyOf(keyLeast, grown);
            item = Arrays.copyOf(item, grown);
            epochDay = Arrays.copyOf(epochDay, grown);
        }
        rows.uuidInto(subjectMost, subjectLeast, size);
        rows.uuidInto(keyMost, keyLeast, size);
        item[size] = rows.textIndex(items);
        epochDay[size] = rows.epochDay();
        if (item[size] >= 0) {
            size++;
        }
    }

    public int size() {
        return size;
    }

    public long subjectMost(int row) {
        return subjectMost[row];
    }

    public long subjectLeast(int row) {
        return subjectLeast[row];
    }

    /** The record key's high bits. */
    public long keyMost(int row) {
        return keyMost[row];
    }

    public long keyLeast(int row) {
        return keyLeast[row];
    }

    /** The position of the record's item among the item codes asked for. */
    public int item(int row) {
        return item[row];
    }

    /** The decision date as {@link java.time.LocalDate#toEpochDay()}. */
    public int decisionDay(int row) {
        return epochDay[row];
    }
}
