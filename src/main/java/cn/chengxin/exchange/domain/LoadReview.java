package cn.chengxin.exchange.domain;

/**
 * Who may decide a national list file loaded here (issue #5: list entries take effect only after review by a second
 * person; RULES.md §7, the black list only on a legal basis; RULES.md §10, every operation traceable to a person): one
 * file black-lists or de-lists people in every check of the city and of its child platforms, so the person who
 * uploaded it never approves or rejects it, and someone must.
 */
public final class LoadReview {

    private LoadReview() {
    }

    public static boolean mayDecide(String uploadedBy, String decidedBy) {
        return uploadedBy != null && decidedBy != null && !uploadedBy.equals(decidedBy);
    }
}
