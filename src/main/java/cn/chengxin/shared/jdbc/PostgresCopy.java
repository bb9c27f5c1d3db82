package cn.chengxin.shared.jdbc;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** Bulk loads with PostgreSQL COPY on the connection of the current transaction. */
public final class PostgresCopy {

    private PostgresCopy() {
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
