package cn.chengxin.shared.jdbc;

import java.sql.Timestamp;
import java.util.List;

import cn.chengxin.shared.FeedCursor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The numbers a follower's cursor stepped over ({@link FeedCursor#skipped()}), kept in a module's table
 * {@code (feed, first_seq, last_seq, skipped_at)} next to its position and written in the same transaction, so that
 * another instance, or this one after a restart, reads them again (gaps review xxxviii S1).
 */
public final class SkippedNumbers {

    private SkippedNumbers() {
    }

    /** The spans kept for the feed, in order. {@code table}: a constant of the calling store. */
    public static List<FeedCursor.Skipped> read(JdbcClient jdbc, String table, String feed) {
        return jdbc.sql("SELECT first_seq, last_seq, skipped_at FROM " + table + " WHERE feed = ? ORDER BY first_seq")
                .param(feed).query((rs, n) -> new FeedCursor.Skipped(rs.getLong(1), rs.getLong(2),
                        rs.getTimestamp(3).toInstant())).list();
    }

    /** Stores the spans now kept, when they differ from those read at the start of the transaction. */
    public static void save(JdbcClient jdbc, String table, String feed, List<FeedCursor.Skipped> read,
                            List<FeedCursor.Skipped> kept) {
        if (kept.equals(read)) {
            return;
        }
        jdbc.sql("DELETE FROM " + table + " WHERE feed = ?").param(feed).update();
        if (kept.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO " + table + " (feed, first_seq, last_seq, skipped_at) "
                        + "SELECT ?, * FROM unnest(?::bigint[], ?::bigint[], ?::timestamptz[])")
                .params(feed, kept.stream().map(FeedCursor.Skipped::first).toArray(Long[]::new),
                        kept.stream().map(FeedCursor.Skipped::last).toArray(Long[]::new),
                        kept.stream().map(s -> Timestamp.from(s.at())).toArray(Timestamp[]::new))
                .update();
    }
}
