package cn.chengxin.ingestion;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;

/**
 * Goes through a batch's problems a page at a time: each page holds whole rows after the last line of the page
 * before, so that no problem is skipped or read twice, and only one page is in memory.
 */
final class PagedErrors implements Iterator<RowError> {

    private final LongFunction<List<RowError>> pageAfter;
    private List<RowError> page = List.of();
    private int next;
    private long lastLine;
    private boolean exhausted;

    /** @param pageAfter the next page of whole rows after a line; empty when there are no more */
    PagedErrors(LongFunction<List<RowError>> pageAfter) {
        this.pageAfter = pageAfter;
    }

    @Override
    public boolean hasNext() {
        if (next < page.size()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        page = pageAfter.apply(lastLine);
        next = 0;
        if (page.isEmpty()) {
            exhausted = true;
            return false;
        }
        lastLine = page.get(page.size() - 1).line();
        return true;
    }

    @Override
    public RowError next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.get(next++);
    }
}
