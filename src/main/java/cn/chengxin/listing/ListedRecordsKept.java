package cn.chengxin.listing;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.RetentionHolds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the records a serious-dishonesty (black) list entry rests on while the entry is open (RULES.md §4: retention
 * is extended while the subject remains on a serious-dishonesty list; Henan Art. 19): from its proposal, so that the
 * basis of a listing under way is not archived under it, until its exit or rejection. The credit file's nightly
 * archiving leaves them and archives them the first night after, when their retention is over. Only the entry's own
 * record is kept: the subject's other records are not the reason it is listed.
 */
@Component
class ListedRecordsKept implements RetentionHolds {

    private final JdbcClient jdbc;

    ListedRecordsKept(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> heldRecords() {
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT record_key FROM listing.entry
                        WHERE list_type = 'BLACK' AND record_key IS NOT NULL
                          AND status NOT IN ('REJECTED', 'EXITED')""").query(UUID.class).list());
    }
}
