package cn.chengxin.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows of another module that must be durable exactly when their audit events are: the audit writer sends one
 * statement of theirs in the transaction of its group commit, so an action and its event commit together (or not at
 * all), share one WAL flush and cost no round trip of their own. Per group commit the writer binds the rows of all
 * the events in it.
 *
 * @param <T> the row, as its module keeps it
 */
public interface AuditedRows<T> {

    /** One SQL statement storing any number of rows (e.g. {@code INSERT … SELECT … FROM unnest(?::uuid[], …)}). */
    String sql();

    /**
     * Binds the parameters of {@link #sql()} for these rows, numbered from {@code first}.
     *
     * @return the number of the next parameter
     */
    int bind(Connection connection, PreparedStatement statement, int first, List<T> rows) throws SQLException;
}
