package cn.chengxin.shared.jdbc;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import cn.chengxin.shared.privacy.CitizensTexts;
import cn.chengxin.shared.privacy.IdentityRedaction;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The work of {@link CitizensTexts#maskAfter} for a module's table with a {@code uuid} key {@code id}: reads a chunk of
 * rows in id order and writes back only the texts {@link IdentityRedaction} changes, and only if still as read (a row
 * edited meanwhile is left to its writer, who masks it). Neither texts nor numbers are logged.
 */
public final class MaskingTexts {

    /** Table and column names are the modules' constants, never input: checked, since they are written into SQL. */
    private static final Pattern NAME = Pattern.compile("[a-z_]+\\.[a-z_]+");
    private static final Pattern COLUMN = Pattern.compile("[a-z_]+");

    private MaskingTexts() {
    }

    private record Row(UUID id, String text) {
    }

    public static CitizensTexts.Masked maskAfter(JdbcClient jdbc, String table, String column, UUID after, int size) {
        return maskAfter(jdbc, table, column, after, size, IdentityRedaction::redact);
    }

    /** As {@link #maskAfter(JdbcClient, String, String, UUID, int)}, masked as {@code masking} masks a text. */
    public static CitizensTexts.Masked maskAfter(JdbcClient jdbc, String table, String column, UUID after, int size,
                                                 UnaryOperator<String> masking) {
        if (!NAME.matcher(table).matches() || !COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("Not a table or column name: " + table + "." + column);
        }
        List<Row> rows = jdbc.sql("SELECT id, " + column + " FROM " + table
                        + " WHERE ?::uuid IS NULL OR id > ? ORDER BY id LIMIT ?")
                .params(after, after, size).query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        int changed = 0;
        for (Row row : rows) {
            String masked = masking.apply(row.text());
            if (masked != null && !masked.equals(row.text())) {
                changed += jdbc.sql("UPDATE " + table + " SET " + column + " = ? WHERE id = ? AND " + column + " = ?")
                        .params(masked, row.id(), row.text()).update();
            }
        }
        return new CitizensTexts.Masked(rows.isEmpty() ? null : rows.get(rows.size() - 1).id(), rows.size(),
                changed);
    }
}
