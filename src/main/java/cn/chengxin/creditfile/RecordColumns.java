package cn.chengxin.creditfile;

/**
 * The facts a bulk computation (the full score recompute) needs of many current records, as columns instead of an
 * object per record: 10,000,000 records fit in a few arrays, with no id, date or code object each. Rows are in the
 * database's order of subject ids (unsigned, byte by byte), so a caller walks them beside persons read in that
 * order. {@code item} is the position of the record's item among the codes asked for.
 */
public final class RecordColumns {

    private final int size;
    private final long[] subjectMost;
    private final long[] subjectLeast;
    private final long[] keyMost;
    private final long[] keyLeast;
    private final int[] item;
    private final int[] epochDay;

    public RecordColumns(int size, long[] subjectMost, long[] subjectLeast, long[] keyMost, long[] keyLeast,
                         int[] item, int[] epochDay) {
        this.size = size;
        this.subjectMost = subjectMost;
        this.subjectLeast = subjectLeast;
        this.keyMost = keyMost;
        this.keyLeast = keyLeast;
        this.item = item;
        this.epochDay = epochDay;
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
