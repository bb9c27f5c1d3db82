package cn.chengxin.ingestion;

import java.util.List;

/**
 * One page of a batch's rejected rows, as its department's clerk sees them to fix the file.
 *
 * @param code  the code the rows are filtered by, or {@code null} for every code
 * @param codes every code of the batch with the number of rows rejected for it, the most frequent first
 * @param total the problems found under the filter (a row with two problems is listed twice)
 * @param page  from 0, within the pages there are
 */
public record RejectionPage(List<Rejection> rows, List<CodeCount> codes, String code, long total, int page,
                            int size) {

    public RejectionPage {
        rows = List.copyOf(rows);
        codes = List.copyOf(codes);
    }

    /**
     * A problem of a rejected row: its line (file) or index (API, from 1), the field at fault, the stable code,
     * the message in Chinese and the number the row was sent with, masked ({@code null} if none was kept).
     */
    public record Rejection(long line, String field, String code, String message, String maskedNumber) {
    }

    public record CodeCount(String code, long rows) {
    }

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
