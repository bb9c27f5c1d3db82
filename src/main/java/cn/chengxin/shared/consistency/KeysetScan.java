package cn.chengxin.shared.consistency;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks a large table in chunks of its uuid primary key, one short statement a chunk, so that a nightly check over
 * tens of millions of rows holds neither a long snapshot (vacuum goes on behind it) nor any lock but a reader's, and
 * each chunk stays within the pool's statement timeout.
 *
 * <p>The chunk's statement takes its own parameters ({@code leading}), then the key to start after and the chunk's
 * size, and returns: the row's
 * key (uuid), whether it is the chunk's last row (the last row is returned whatever it holds, so the walk knows where
 * to go on), then one boolean a tally: the row breaks that rule.
 */
public final class KeysetScan {

    /** Before every random or time-ordered id the application hands out. */
    private static final UUID BEFORE_ALL = new UUID(0, 0);

    private KeysetScan() {
    }

    /** Runs {@code chunkSql} chunk after chunk until a chunk returns nothing, counting each flagged row. */
    public static void scan(JdbcClient jdbc, String chunkSql, List<Object> leading, int chunk, List<Tally> tallies) {
        UUID after = BEFORE_ALL;
        while (after != null) {
            UUID[] last = {null};
            List<Object> params = new ArrayList<>(leading);
            params.add(after);
            params.add(chunk);
            jdbc.sql(chunkSql).params(params).query(rs -> {
                UUID key = rs.getObject(1, UUID.class);
                if (rs.getBoolean(2)) {
                    last[0] = key;
                }
                for (int i = 0; i < tallies.size(); i++) {
                    if (rs.getBoolean(3 + i)) {
                        tallies.get(i).add(key.toString());
                    }
                }
            });
            after = last[0];
        }
    }
}
