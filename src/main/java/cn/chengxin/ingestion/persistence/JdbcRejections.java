package cn.chengxin.ingestion.persistence;

import java.util.List;
import java.util.UUID;

import cn.chengxin.ingestion.RejectionPage;
import cn.chengxin.ingestion.RowError;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A batch's rejected rows, read a page at a time; {@code code} null: every code. */
@Repository
public class JdbcRejections {

    private static final String OF_BATCH = " FROM ingestion.row_error "
            + "WHERE batch_id = ? AND (?::text IS NULL OR code = ?)";

    private final JdbcClient jdbc;

    public JdbcRejections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count(UUID batchId, String code) {
        return jdbc.sql("SELECT count(*)" + OF_BATCH).params(batchId, code, code).query(Long.class).single();
    }

    /** In the order of the file, so that the clerk goes through the rows as they are in it. */
    public List<RowError> page(UUID batchId, String code, long offset, int limit) {
        return jdbc.sql("SELECT line, field, code, message, source_record_id, subject_masked" + OF_BATCH
                        + " ORDER BY line, field, code, message OFFSET ? LIMIT ?")
                .params(batchId, code, code, offset, limit)
                .query((rs, n) -> new RowError(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    /** Each code of the batch with the rows rejected for it (a row with two problems counts under both). */
    public List<RejectionPage.CodeCount> codes(UUID batchId) {
        return jdbc.sql("""
                        SELECT code, count(DISTINCT line) FROM ingestion.row_error WHERE batch_id = ?
                        GROUP BY code ORDER BY 2 DESC, 1""")
                .param(batchId).query((rs, n) -> new RejectionPage.CodeCount(rs.getString(1), rs.getLong(2))).list();
    }
}
