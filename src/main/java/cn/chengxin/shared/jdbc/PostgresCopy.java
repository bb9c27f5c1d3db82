package cn.chengxin.shared.jdbc;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** Bulk loads and reads with PostgreSQL COPY on the connection of the current transaction. */
public final class PostgresCopy {

    /** SQLSTATE of a unique constraint's refusal. */
    private static final String UNIQUE_VIOLATION = "23505";

    private PostgresCopy() {
    }

    /** Reads the rows of a binary COPY, one at a time. */
    @FunctionalInterface
    public interface RowReader {
        void read(CopyRows rows) throws IOException;
    }

    /**
     * Runs {@code COPY (query) TO STDOUT (FORMAT binary)} on the connection of the current transaction and hands
     * the rows to {@code reader}, which calls {@link CopyRows#next()} until false. COPY takes no parameters: the
     * query may contain literals of typed values only (ids, dates, enum names), never text from outside.
     */
    public static void copyOut(DataSource dataSource, String query, RowReader reader) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyOut copy = null;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("COPY (" + query + ") TO STDOUT (FORMAT binary)");
            reader.read(new CopyRows(copy));
            while (copy.isActive() && copy.readFromCopy() != null) {
                // drain what the reader left, so that the connection is ready for the next statement
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("bulk read failed", e);
        } finally {
            try {
                if (copy != null && copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // the connection goes back to the pool, which checks it
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Copies the binary rows into {@code tableAndColumns} on the connection of the current transaction.
     *
     * @return the number of rows copied
     */
    public static long copyIn(DataSource dataSource, String tableAndColumns, BinaryCopyWriter rows) {
        if (rows.rows() == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return copy(connection, tableAndColumns, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("bulk load into " + tableAndColumns.split(" ")[0] + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Like {@link #copyIn(DataSource, String, BinaryCopyWriter)}, under a savepoint of the current transaction: when a
     * unique constraint refuses one of the rows (a concurrent writer stored it first), the COPY leaves none of them
     * behind, the transaction goes on and the answer is false, for the caller to take a path that skips such rows.
     *
     * @return true when every row was copied
     */
    public static boolean copyInUnlessDuplicate(DataSource dataSource, String tableAndColumns,
                                                BinaryCopyWriter rows) {
        if (rows.rows() == 0) {
            return true;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            // Outside a transaction the failed COPY rolls back alone; inside, only a savepoint keeps the rest.
            Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try {
                copy(connection, tableAndColumns, rows);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
                return false;
            }
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("bulk load into " + tableAndColumns.split(" ")[0] + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static long copy(Connection connection, String tableAndColumns, BinaryCopyWriter rows)
            throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + tableAndColumns + " FROM STDIN (FORMAT binary)");
        try {
            rows.sendTo(copy);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * Copies the rows into {@code tableAndColumns} (e.g. {@code "subject.person (subject_id, name)"}).
     *
     * @return the number of rows copied
     */
    public static long copyIn(DataSource dataSource, String tableAndColumns, CopyWriter rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + tableAndColumns + " FROM STDIN", new StringReader(rows.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("bulk load into " + tableAndColumns.split(" ")[0] + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
