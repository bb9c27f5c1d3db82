package cn.chengxin.ingestion;

import java.util.List;

/**
 * One page of a batch's rejected rows, as its department's clerk sees them to fix the file: each problem with the
 * row's own key and its number, masked ({@link RowError}).
 *
 * @param code  the code the rows are filtered by, or {@code null} for every code
 * @param codes every code of the batch with the number of rows rejected for it, the most frequent first
 * @param total the problems found under the filter (a row with two problems is listed twice)
 * @param page  from 0, within the pages there are
 */
public record RejectionPage(List<RowError> rows, List<CodeCount> codes, String code, long total, int page,
                            int size) {

    public RejectionPage {
        rows = List.copyOf(rows);
        codes = List.copyOf(codes);
    }

    public record CodeCount(String code, long rows) {
    }

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
