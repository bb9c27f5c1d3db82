package cn.chengxin.creditfile;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    /** Bytes of one packed record: key (16), decision day (4), item number (2). */
    private static final int PACKED_RECORD = 22;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final long[] packedMost = new long[1];
    private final long[] packedLeast = new long[1];
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
     * Reads one row of a binary COPY of (subject_id, facts) of {@code creditfile.subject_facts} (its migrations V36
     * and V44 describe the packing); keeps each of the subject's records decided on {@code fromDay}
     * ({@link java.time.LocalDate#toEpochDay()}) or later, with its item's number, until {@link #keepItems}.
     */
    public void readPacked(CopyRows rows, int fromDay) throws IOException {
        rows.uuidInto(packedMost, packedLeast, 0);
        long most = packedMost[0];
        long least = packedLeast[0];
        // In place, not copied: the facts of 1,000,000 subjects are some 200 MB.
        int end = rows.bytesInPlace();
        byte[] packed = rows.array();
        int p = rows.fieldStart();
        end += p;
        for (; p < end; p += PACKED_RECORD) {
            int day = (int) (CopyRows.POSTGRES_EPOCH_DAY + (int) INT.get(packed, p + 16));
            if (day < fromDay) {
                continue;
            }
            makeRoom();
            subjectMost[size] = most;
            subjectLeast[size] = least;
            keyMost[size] = (long) LONG.get(packed, p);
            keyLeast[size] = (long) LONG.get(packed, p + 8);
            item[size] = (short) SHORT.get(packed, p + 20);
            epochDay[size] = day;
            size++;
        }
    }

    /**
     * Keeps the records of the items asked for, in their order, each with its item's position among the codes asked
     * for: {@code positionByNumber[n]} for item number n ({@code -1} or beyond the array: not asked for).
     */
    public void keepItems(int[] positionByNumber) {
        int kept = 0;
        for (int r = 0; r < size; r++) {
            int number = item[r];
            int position = number >= 0 && number < positionByNumber.length ? positionByNumber[number] : -1;
            if (position < 0) {
                continue;
            }
            subjectMost[kept] = subjectMost[r];
            subjectLeast[kept] = subjectLeast[r];
            keyMost[kept] = keyMost[r];
            keyLeast[kept] = keyLeast[r];
            item[kept] = position;
            epochDay[kept] = epochDay[r];
            kept++;
        }
        size = kept;
    }

    private void makeRoom() {
        if (size == item.length) {
            int grown = size * 2;
            subjectMost = Arrays.copyOf(subjectMost, grown);
            subjectLeast = Arrays.copyOf(subjectLeast, grown);
            keyMost = Arrays.copyOf(keyMost, grown);
            keyLeast = Arrays.copyOf(keyLeast, grown);
            item = Arrays.copyOf(item, grown);
            epochDay = Arrays.copyOf(epochDay, grown);
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
