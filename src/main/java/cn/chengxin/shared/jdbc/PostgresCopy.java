package cn.chengxin.shared.jdbc;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** Bulk loads and reads with PostgreSQL COPY on the connection of the current transaction. */
public final class PostgresCopy {

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
        } catch (SQLException e) {
            throw new IllegalStateException("bulk load into " + tableAndColumns.split(" ")[0] + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
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
