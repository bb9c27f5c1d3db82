package cn.chengxin.shared;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One page of a person's own list in self-service (消息通知, 我的异议, 我的信用修复), newest first, and the id of its last
 * row to ask for the next, older page with (null: nothing older). Paged by keyset (the row's time, then its id), the
 * way 谁查询了我 is, so that a row written while the person reads is neither shown twice nor skipped, and every query
 * reads one page at most (finding K9: what a person was notified of stays readable, RULES.md §5, §6; PIPL Art. 50).
 */
public record OlderPage<T>(List<T> items, UUID olderBefore) {

    /**
     * The page of {@code size} rows from {@code found}, which a query read with a limit of {@code size + 1}: the
     * extra row only tells that an older page exists.
     */
    public static <T> OlderPage<T> of(List<T> found, int size, Function<T, UUID> id) {
        List<T> items = found.stream().limit(size).toList();
        return new OlderPage<>(items, found.size() > size ? id.apply(items.get(size - 1)) : null);
    }

    /**
     * The query of a page of {@code select} (which reads {@code table}): the subject's rows older than the row
     * {@code before} of the same subject (null: the newest), by {@code timeColumn} then id, newest first. Its parameters
     * are {@link #params}. A row not the subject's leaves nothing (an empty page, never another person's rows).
     */
    public static String sql(String select, String table, String timeColumn, UUID before) {
        return select + " WHERE subject_id = ?" + (before == null ? "" : " AND (" + timeColumn + ", id) < (SELECT b."
                + timeColumn + ", b.id FROM " + table + " b WHERE b.id = ? AND b.subject_id = ?)")
                + " ORDER BY " + timeColumn + " DESC, id DESC LIMIT ?";
    }

    /**
     * The address of the list at {@code path} on the page that follows the row {@code before} (null: the newest
     * page): where an action taken on a row of that page (标为已读, 申请复核, 撤回申请) returns the person, who would
     * otherwise lose their place in the list (finding K9).
     */
    public static String address(String path, UUID before) {
        return before == null ? path : path + "?before=" + before;
    }

    /** The parameters of {@link #sql}: reads {@code size} rows and one more, to tell whether an older page exists. */
    public static List<Object> params(UUID subjectId, UUID before, int size) {
        return before == null ? List.of(subjectId, size + 1) : List.of(subjectId, before, subjectId, size + 1);
    }
}
