package cn.chengxin.shared;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * One page of a console queue, numbered from 0, with how many rows there are in all: the queue reads one page at a
 * time (a bounded query) in a stable order and shows the count of all, so that no case is out of reach however many
 * wait (finding K5 of gaps-review-xxix: the open objections and repair applications, once cut at 500). Shown with
 * {@code fragments/pager}.
 */
public record CountedPage<T>(List<T> items, long total, int page, int size) {

    /** Keeps the offset of a hostile page number from overflowing (as the lists' pages do). */
    public static final int MAX_PAGE = 100_000;

    /**
     * Page {@code page} (clamped to 0..{@link #MAX_PAGE}) of {@code size} rows: {@code rows} reads them given the offset
     * and the limit, {@code total} counts all.
     */
    public static <T> CountedPage<T> of(int page, int size, BiFunction<Integer, Integer, List<T>> rows,
                                        LongSupplier total) {
        int p = Math.min(Math.max(0, page), MAX_PAGE);
        return new CountedPage<>(rows.apply(p * size, size), total.getAsLong(), p, size);
    }

    /** How many pages there are; one at least, an empty queue's. */
    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
