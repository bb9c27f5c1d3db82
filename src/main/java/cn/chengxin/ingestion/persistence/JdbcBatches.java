package cn.chengxin.ingestion.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.ingestion.BatchFailure;
import cn.chengxin.ingestion.BatchOrigin;
import cn.chengxin.ingestion.BatchResult;
import cn.chengxin.ingestion.RowError;
import cn.chengxin.ingestion.RowWarning;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ingestion schema: batches and their rejected rows. */
@Repository
public class JdbcBatches {

    private final JdbcClient jdbc;

    public JdbcBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Stored(UUID id, String departmentCode, String contentHash) {
    }

    public Optional<Stored> find(UUID id) {
        return jdbc.sql("SELECT id, department_code, content_hash FROM ingestion.batch WHERE id = ?").param(id)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).optional();
    }

    /** @return false when the id is taken (a concurrent submission of the same batch) */
    public boolean start(UUID id, String department, String by, String channel, String fileName, String hash,
                         Integer totalRows, Instant at) {
        return start(id, department, by, channel, fileName, hash, totalRows, at, BatchOrigin.ROUTINE);
    }

    /** {@link #start} of a batch sent as {@code origin} (gaps review xliii X4). */
    public boolean start(UUID id, String department, String by, String channel, String fileName, String hash,
                         Integer totalRows, Instant at, BatchOrigin origin) {
        return jdbc.sql("""
                        INSERT INTO ingestion.batch (id, department_code, submitted_by, channel, file_name, content_hash,
                                                     status, total_rows, started_at, origin)
                        VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, department, by, channel, fileName, hash, totalRows, Timestamp.from(at), origin.name())
                .update() == 1;
    }

    /**
     * Why the batch was sent, as it was first stored: a resend, or the run of a file received before, runs as the batch
     * was sent; ROUTINE for a batch not stored.
     */
    public BatchOrigin origin(UUID id) {
        return jdbc.sql("SELECT origin FROM ingestion.batch WHERE id = ?").param(id).query(String.class).optional()
                .map(BatchOrigin::valueOf).orElse(BatchOrigin.ROUTINE);
    }

    /** A file's batch marked running: what its spooled file is run again with. */
    public record RunningFile(UUID id, String departmentCode, String fileName, String contentHash) {
    }

    /** The files' batches marked running that were begun before {@code before}, oldest first. */
    public List<RunningFile> runningFiles(Instant before) {
        return jdbc.sql("""
                        SELECT id, department_code, file_name, content_hash FROM ingestion.batch
                        WHERE status = 'RUNNING' AND channel = 'FILE' AND started_at < ? ORDER BY started_at, id""")
                .param(Timestamp.from(before))
                .query((rs, n) -> new RunningFile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
    }

    public boolean running(UUID id) {
        return jdbc.sql("SELECT count(*) FROM ingestion.batch WHERE id = ? AND status = 'RUNNING'").param(id)
                .query(Long.class).single() > 0;
    }

    /** A batch interrupted by a crash starts its counts again; its stored records are recognised as replays. */
    public void restart(UUID id) {
        jdbc.sql("DELETE FROM ingestion.row_error WHERE batch_id = ?").param(id).update();
        jdbc.sql("DELETE FROM ingestion.row_warning WHERE batch_id = ?").param(id).update();
        jdbc.sql("UPDATE ingestion.batch SET rows_done = 0, accepted = 0, duplicates = 0, rejected = 0 WHERE id = ?")
                .param(id).update();
    }

    /**
     * @param errors   the problems of the chunk's rejected rows, each with its row's key and masked number
     * @param warnings what the department should know of the chunk's rows accepted all the same
     */
    public void progress(UUID id, int rows, int accepted, int duplicates, int rejected, List<RowError> errors,
                         List<RowWarning> warnings) {
        jdbc.sql("UPDATE ingestion.batch SET rows_done = rows_done + ?, accepted = accepted + ?, "
                        + "duplicates = duplicates + ?, rejected = rejected + ? WHERE id = ?")
                .params(rows, accepted, duplicates, rejected, id).update();
        for (RowError e : errors) {
            jdbc.sql("INSERT INTO ingestion.row_error (batch_id, line, field, code, message, source_record_id, "
                            + "subject_masked) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, e.line(), e.field(), e.code(), e.message(), e.sourceRecordId(), e.maskedNumber())
                    .update();
        }
        for (RowWarning w : warnings) {
            jdbc.sql("INSERT INTO ingestion.row_warning (batch_id, line, field, code, message, source_record_id, "
                            + "subject_masked) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, w.line(), w.field(), w.code(), w.message(), w.sourceRecordId(), w.maskedNumber())
                    .update();
        }
    }

    /** @param failure why the batch stopped, or null when it ran to its end */
    public void finish(UUID id, String status, BatchFailure failure, Instant at) {
        jdbc.sql("UPDATE ingestion.batch SET status = ?, failure = ?, failure_code = ?, failure_line = ?, "
                        + "finished_at = ?, total_rows = coalesce(total_rows, rows_done) WHERE id = ?")
                .params(status, failure == null ? null : failure.reason(), failure == null ? null : failure.code(),
                        failure == null ? null : failure.line(), Timestamp.from(at), id).update();
    }

    /** The batch's result with the problems of its first rejected rows ({@link BatchResult#ERRORS_SHOWN}). */
    public Optional<BatchResult> result(UUID id) {
        List<RowError> errors = errorsAfter(id, 0, BatchResult.ERRORS_SHOWN);
        long count = errors.size() < BatchResult.ERRORS_SHOWN ? errors.size()
                : jdbc.sql("SELECT count(*) FROM ingestion.row_error WHERE batch_id = ?").param(id).query(Long.class)
                .single();
        List<RowWarning> warnings = warnings(id, BatchResult.ERRORS_SHOWN);
        long warned = warnings.size() < BatchResult.ERRORS_SHOWN ? warnings.size() : countWarnings(id);
        return jdbc.sql("""
                        SELECT id, status, coalesce(total_rows, rows_done), accepted, duplicates, rejected, started_at,
                               finished_at, failure, failure_code, failure_line, origin FROM ingestion.batch
                        WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new BatchResult(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), errors, count, warnings, warned,
                        failure(rs.getString(9), rs.getString(10), (Long) rs.getObject(11)),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), false, null,
                        BatchOrigin.valueOf(rs.getString(12))))
                .optional();
    }

    /**
     * The problems of the rejected rows after line {@code afterLine}, in the order of the file: whole rows only, at
     * most {@code limit} problems unless a single row has more (all of its problems are returned together).
     */
    public List<RowError> errorsAfter(UUID id, long afterLine, int limit) {
        return rowsAfter(ROW_ERROR, id, afterLine, limit);
    }

    /**
     * The warnings of the accepted rows after line {@code afterLine}, as {@link #errorsAfter} pages the problems (whole
     * rows, in the order of the file), in the shape of a problem: the error report lists them after the problems.
     */
    public List<RowError> warningsAfter(UUID id, long afterLine, int limit) {
        return rowsAfter(ROW_WARNING, id, afterLine, limit);
    }

    /** @param select {@link #ROW_ERROR} or {@link #ROW_WARNING}: the one table or the other, never what was sent */
    private List<RowError> rowsAfter(String select, UUID id, long afterLine, int limit) {
        List<RowError> page = jdbc.sql(select + " WHERE batch_id = ? AND line > ? ORDER BY line, field, code "
                        + "LIMIT ?").params(id, afterLine, limit + 1).query(JdbcBatches::rowError).list();
        if (page.size() <= limit) {
            return page;
        }
        long cut = page.get(limit).line();
        List<RowError> whole = page.subList(0, limit).stream().filter(e -> e.line() != cut).toList();
        if (!whole.isEmpty()) {
            return whole;
        }
        return jdbc.sql(select + " WHERE batch_id = ? AND line = ? ORDER BY field, code").params(id, cut)
                .query(JdbcBatches::rowError).list();
    }

    private static final String ROW_ERROR = "SELECT line, field, code, message, source_record_id, subject_masked "
            + "FROM ingestion.row_error";
    private static final String ROW_WARNING = "SELECT line, field, code, message, source_record_id, subject_masked "
            + "FROM ingestion.row_warning";

    /** The batch's first {@code limit} warnings, in the order of the file. */
    public List<RowWarning> warnings(UUID id, int limit) {
        return jdbc.sql("""
                        SELECT line, field, code, message, source_record_id, subject_masked FROM ingestion.row_warning
                        WHERE batch_id = ? ORDER BY line, field, code LIMIT ?""")
                .params(id, limit)
                .query((rs, n) -> new RowWarning(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    public long countWarnings(UUID id) {
        return jdbc.sql("SELECT count(*) FROM ingestion.row_warning WHERE batch_id = ?").param(id).query(Long.class)
                .single();
    }

    private static RowError rowError(ResultSet rs, int row) throws SQLException {
        return new RowError(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }

    private static BatchFailure failure(String reason, String code, Long line) {
        return reason == null ? null : new BatchFailure(code, line, reason);
    }

    /** Per department: batches, rows, accepted, duplicates, rejected. */
    public record Volume(String departmentCode, long batches, long rows, long accepted, long duplicates,
                         long rejected) {
    }

    /** Per department, the batches begun from {@code from} until (not including) {@code until}. */
    public List<Volume> volumes(Instant from, Instant until) {
        return jdbc.sql("""
                        SELECT department_code, count(*), sum(rows_done), sum(accepted), sum(duplicates), sum(rejected)
                        FROM ingestion.batch WHERE started_at >= ? AND started_at < ?
                        GROUP BY department_code ORDER BY department_code""")
                .params(Timestamp.from(from), Timestamp.from(until))
                .query((rs, n) -> new Volume(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6))).list();
    }

    /** When each department that ever delivered began its last batch. */
    public Map<String, Instant> lastDeliveries() {
        Map<String, Instant> last = new HashMap<>();
        jdbc.sql("SELECT department_code, max(started_at) FROM ingestion.batch GROUP BY department_code")
                .query(rs -> {
                    last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return last;
    }

    /** Per department and code: how many rows were rejected for it. */
    public record Rejections(String departmentCode, String code, long rows) {
    }

    /** Per department and code, the rows rejected in the batches begun from {@code from} until {@code until}. */
    public List<Rejections> rejectionsByCode(Instant from, Instant until) {
        return jdbc.sql("""
                        SELECT b.department_code, e.code, count(DISTINCT (e.batch_id, e.line))
                        FROM ingestion.row_error e JOIN ingestion.batch b ON b.id = e.batch_id
                        WHERE b.started_at >= ? AND b.started_at < ?
                        GROUP BY b.department_code, e.code ORDER BY b.department_code, 3 DESC""")
                .params(Timestamp.from(from), Timestamp.from(until))
                .query((rs, n) -> new Rejections(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    public record Summary(UUID id, String departmentCode, String submittedBy, String channel, String fileName,
                          String status, Integer totalRows, int rowsDone, int accepted, int duplicates, int rejected,
                          Instant startedAt, Instant finishedAt, BatchFailure failure, BatchOrigin origin) {
    }

    private static final String SUMMARY = """
            SELECT id, department_code, submitted_by, channel, file_name, status, total_rows, rows_done, accepted,
                   duplicates, rejected, started_at, finished_at, failure, failure_code, failure_line, origin
            FROM ingestion.batch""";

    /** The department's batches, newest first, {@code limit} from {@code offset}. */
    public List<Summary> recent(String departmentCode, long offset, int limit) {
        return jdbc.sql(SUMMARY + " WHERE department_code = ? ORDER BY started_at DESC, id OFFSET ? LIMIT ?")
                .params(departmentCode, offset, limit).query(JdbcBatches::summary).list();
    }

    public Optional<Summary> summary(UUID id) {
        return jdbc.sql(SUMMARY + " WHERE id = ?").param(id).query(JdbcBatches::summary).optional();
    }

    private static Summary summary(ResultSet rs, int row) throws SQLException {
        return new Summary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), (Integer) rs.getObject(7), rs.getInt(8), rs.getInt(9),
                rs.getInt(10), rs.getInt(11), rs.getTimestamp(12).toInstant(),
                rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(),
                failure(rs.getString(14), rs.getString(15), (Long) rs.getObject(16)),
                BatchOrigin.valueOf(rs.getString(17)));
    }
}
