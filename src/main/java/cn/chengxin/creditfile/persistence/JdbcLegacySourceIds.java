package cn.chengxin.creditfile.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code creditfile.legacy_source_id}: the old platform's id of a back-loaded record (V941, gaps review xliii X3). */
@Repository
public class JdbcLegacySourceIds {

    private final JdbcClient jdbc;

    public JdbcLegacySourceIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps each record's old id, the first one kept for a record standing. */
    public void keep(UUID batchId, Map<UUID, String> byRecord) {
        if (byRecord.isEmpty()) {
            return;
        }
        UUID[] keys = byRecord.keySet().toArray(UUID[]::new);
        String[] ids = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            ids[i] = byRecord.get(keys[i]);
        }
        jdbc.sql("""
                        INSERT INTO creditfile.legacy_source_id (record_key, legacy_source_id, batch_id)
                        SELECT k, i, ? FROM unnest(?::uuid[], ?::text[]) AS t (k, i)
                        ON CONFLICT (record_key) DO NOTHING""")
                .params(batchId, keys, ids).update();
    }

    /** The old ids of those of the records that have one. */
    public Map<UUID, String> of(Collection<UUID> recordKeys) {
        Map<UUID, String> found = new HashMap<>();
        if (!recordKeys.isEmpty()) {
            jdbc.sql("SELECT record_key, legacy_source_id FROM creditfile.legacy_source_id WHERE record_key = ANY (?)")
                    .params((Object) recordKeys.toArray(UUID[]::new))
                    .query(rs -> {
                        found.put(rs.getObject(1, UUID.class), rs.getString(2));
                    });
        }
        return found;
    }
}
