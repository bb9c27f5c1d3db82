package cn.chengxin.measures;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A set of 64-bit keys drawn from a uniform hash (pseudonym prefixes), for a million members in 16 MB where boxed
 * longs in a concurrent set would take some 60: open addressing with linear probing, at most half full. Any number
 * of readers run without locks; writers take turns. A reader sees every key whose {@link #add} returned before its
 * {@link #contains} began.
 */
final class PrefixSet {

    /** Marks an empty slot; the key 0 is kept as {@link #ZERO_STANDS_FOR}. */
    private static final long EMPTY = 0L;
    private static final long ZERO_STANDS_FOR = 1L;
    private static final int MIN_CAPACITY = 1 << 10;

    private volatile AtomicLongArray slots = new AtomicLongArray(MIN_CAPACITY);
    private int size;

    boolean contains(long key) {
        long k = key == EMPTY ? ZERO_STANDS_FOR : key;
        AtomicLongArray table = slots;
        return table.get(slotOf(table, k)) == k;
    }

    synchronized void add(long key) {
        long k = key == EMPTY ? ZERO_STANDS_FOR : key;
        if (insert(slots, k)) {
            size++;
            if (size * 2L > slots.length()) {
                slots = copy(slots, slots.length() * 2);
            }
        }
    }

    synchronized int size() {
        return size;
    }

    private static boolean insert(AtomicLongArray table, long k) {
        int slot = slotOf(table, k);
        if (table.get(slot) == k) {
            return false;
        }
        table.set(slot, k);
        return true;
    }

    /** Where {@code k} is, or the empty slot where it would go: the keys are uniform, so their low bits will do. */
    private static int slotOf(AtomicLongArray table, long k) {
        int mask = table.length() - 1;
        int i = (int) k & mask;
        for (long found = table.get(i); found != k && found != EMPTY; found = table.get(i)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** A larger table with the same keys, filled before it is published, so that readers never see it half full. */
    private static AtomicLongArray copy(AtomicLongArray from, int capacity) {
        AtomicLongArray to = new AtomicLongArray(capacity);
        for (int i = 0; i < from.length(); i++) {
            long k = from.get(i);
            if (k != EMPTY) {
                insert(to, k);
            }
        }
        return to;
    }
}
