package cn.chengxin.exchange.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.exchange.ListLoad;
import cn.chengxin.exchange.LoadReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The national list files waiting for a second person's decision, and those decided (exchange.list_load). */
@Repository
public class JdbcListLoads {

    private static final String COLUMNS = "id, source, file_name, digest, rows, listings, removals, refused, "
            + "uploaded_by, uploader_name, uploaded_at, status, decider_name, decided_at, decision_note, applied, warned";
    private static final TypeReference<List<LoadReport.RefusedRow>> REFUSED = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcListLoads(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A load waiting, with its file sealed ({@code content} under key {@code keyVersion}). */
    public record Sealed(ListLoad load, byte[] content, int keyVersion) {
    }

    public void insert(ListLoad load, byte[] content, int keyVersion) {
        jdbc.sql("""
                        INSERT INTO exchange.list_load (id, source, file_name, digest, content, key_version, rows,
                               listings, removals, refused, uploaded_by, uploader_name, uploaded_at, warned)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb)""")
                .params(load.id(), load.source(), load.fileName(), load.digest(), content, keyVersion, load.rows(),
                        load.listings(), load.removals(), json.writeValueAsString(load.refused()), load.uploadedBy(),
                        load.uploaderName(), Timestamp.from(load.uploadedAt()), json.writeValueAsString(load.warned()))
                .update();
    }

    /** The load and its sealed file, locked until the transaction ends (one decision only). */
    public Optional<Sealed> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + ", content, key_version FROM exchange.list_load WHERE id = ? FOR UPDATE")
                .param(id).query((rs, n) -> new Sealed(map(rs), rs.getBytes("content"), rs.getInt("key_version")))
                .optional();
    }

    /** Records the decision and drops the sealed file: what was applied is named by its digest from now on. */
    public void decide(UUID id, ListLoad.Status status, String by, String byName, Instant at, String note,
                       Integer applied) {
        jdbc.sql("""
                        UPDATE exchange.list_load SET status = ?, decided_by = ?, decider_name = ?, decided_at = ?,
                               decision_note = ?, applied = ?, content = NULL, key_version = NULL
                         WHERE id = ? AND status = 'PENDING'""")
                .params(status.name(), by, byName, Timestamp.from(at), note, applied, id).update();
    }

    /** How many loads uploaded by someone other than {@code reviewerId} await a decision. */
    public long countPendingUploadedByOthers(String reviewerId) {
        return jdbc.sql("SELECT count(*) FROM exchange.list_load WHERE status = 'PENDING' AND uploaded_by <> ?")
                .param(reviewerId).query(Long.class).single();
    }

    /** The loads waiting, then the latest decided, the latest first. */
    public List<ListLoad> latest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange.list_load ORDER BY status <> 'PENDING', uploaded_at DESC"
                        + " LIMIT ?")
                .param(limit).query((rs, n) -> map(rs)).list();
    }

    private ListLoad map(ResultSet rs) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        Object applied = rs.getObject("applied");
        return new ListLoad(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("file_name"),
                rs.getString("digest"), rs.getInt("rows"), rs.getInt("listings"), rs.getInt("removals"),
                json.readValue(rs.getString("refused"), REFUSED), rs.getString("uploaded_by"),
                rs.getString("uploader_name"), rs.getTimestamp("uploaded_at").toInstant(),
                ListLoad.Status.valueOf(rs.getString("status")), rs.getString("decider_name"),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decision_note"),
                applied == null ? null : ((Number) applied).intValue(), json.readValue(rs.getString("warned"), REFUSED));
    }
}
