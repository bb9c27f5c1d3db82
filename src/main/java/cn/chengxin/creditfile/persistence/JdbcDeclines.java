package cn.chengxin.creditfile.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.RecordStatesChanged;
import cn.chengxin.creditfile.RecordStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The items persons declined altogether (V163 creditfile.declined_item) and the moves of their records. */
@Repository
public class JdbcDeclines {

    private final JdbcClient jdbc;

    public JdbcDeclines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key of a subject's decline of an item in {@link #declinedAmong}. */
    public static String key(UUID subjectId, String itemCode) {
        return subjectId + "#" + itemCode;
    }

    /** Of the subjects and items given, the declines in force ({@link #key}): one query for a stored chunk. */
    public Set<String> declinedAmong(Collection<UUID> subjectIds, Collection<String> itemCodes) {
        Set<String> found = new HashSet<>();
        jdbc.sql("SELECT subject_id, item_code FROM creditfile.declined_item "
                        + "WHERE ended_at IS NULL AND subject_id = ANY(?) AND item_code = ANY(?)")
                .params(subjectIds.toArray(UUID[]::new), itemCodes.toArray(String[]::new))
                .query((rs, n) -> found.add(key(rs.getObject(1, UUID.class), rs.getString(2)))).list();
        return found;
    }

    /** The items the subject declines now, by code. */
    public List<String> declinedItemsOf(UUID subjectId) {
        return jdbc.sql("SELECT item_code FROM creditfile.declined_item WHERE ended_at IS NULL AND subject_id = ? "
                + "ORDER BY item_code").param(subjectId).query(String.class).list();
    }

    /** @return false when the subject declines the item already */
    public boolean decline(UUID subjectId, String itemCode, Instant at) {
        return jdbc.sql("INSERT INTO creditfile.declined_item (subject_id, item_code, declined_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (subject_id, item_code) WHERE ended_at IS NULL DO NOTHING")
                .params(subjectId, itemCode, Timestamp.from(at)).update() > 0;
    }

    /** Ends the subject's decline of the item (kept, with its end); false when there was none. */
    public boolean end(UUID subjectId, String itemCode, Instant at) {
        return jdbc.sql("UPDATE creditfile.declined_item SET ended_at = ? "
                        + "WHERE subject_id = ? AND item_code = ? AND ended_at IS NULL")
                .params(Timestamp.from(at), subjectId, itemCode).update() > 0;
    }

    /** Ends the subject's declines of items made at or after {@code since}; the item codes of those ended. */
    public List<String> endDeclinedSince(UUID subjectId, Instant since, Instant at) {
        return jdbc.sql("UPDATE creditfile.declined_item SET ended_at = ? "
                        + "WHERE subject_id = ? AND declined_at >= ? AND ended_at IS NULL RETURNING item_code")
                .params(Timestamp.from(at), subjectId, Timestamp.from(since)).query(String.class).list();
    }

    /** A current record of the subject's in the declined state, with its item and publication end. */
    public record DeclinedRecord(UUID recordKey, String itemCode, java.time.LocalDate publicationEnd) {
    }

    /**
     * The subject's current records that are declined since {@code since}: the last state event of each (a refusal, or
     * the record arriving declined) is to {@code DECLINED} and at or after it.
     */
    public List<DeclinedRecord> declinedSince(UUID subjectId, Instant since) {
        return jdbc.sql("""
                        SELECT r.record_key, r.item_code, r.publication_end FROM creditfile.record r
                        WHERE r.current AND r.subject_id = ? AND r.status = 'DECLINED'
                          AND (SELECT e.at FROM creditfile.record_event e WHERE e.record_id = r.id
                               ORDER BY e.id DESC LIMIT 1) >= ?""")
                .params(subjectId, Timestamp.from(since))
                .query((rs, n) -> new DeclinedRecord(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class))).list();
    }

    /** Moves the subject's current records of the item that are in {@code from} to {@code to}, each with its event. */
    public List<RecordStatesChanged.ChangedRecord> moveOfItem(UUID subjectId, String itemCode, RecordStatus from,
                                                              RecordStatus to, Instant at, String by, String reason) {
        return jdbc.sql("""
                        WITH moved AS (
                            UPDATE creditfile.record r SET status = ?
                            WHERE current AND subject_id = ? AND item_code = ? AND status = ?
                            RETURNING id, subject_id, record_key, item_code),
                        logged AS (
                            INSERT INTO creditfile.record_event (record_id, at, from_status, to_status, by_whom, reason)
                            SELECT id, ?, ?, ?, ?, ? FROM moved)
                        SELECT subject_id, record_key, item_code FROM moved""")
                .params(to.name(), subjectId, itemCode, from.name(), Timestamp.from(at), from.name(), to.name(), by,
                        reason)
                .query((rs, n) -> new RecordStatesChanged.ChangedRecord(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3))).list();
    }
}
