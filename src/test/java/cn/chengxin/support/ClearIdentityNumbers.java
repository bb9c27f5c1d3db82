package cn.chengxin.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds clear resident identity numbers in text and in the database, for the tests that prove none is kept.
 * A candidate must have the shape of an 18-digit number (or a 15-digit one) and, for 18 digits, a valid
 * GB 11643 check character, so masked numbers and random digit runs do not count. Written independently of
 * the production validator on purpose.
 */
public final class ClearIdentityNumbers {

    /** 18 digits (last may be X) or 15 digits, with a plausible birth date, not inside a longer digit run. */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![0-9])[1-9]\\d{5}(?:(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]"
                    + "|\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3})(?![0-9])");

    /** The same shape in PostgreSQL's regex dialect (no look-behind): used to pre-filter rows. */
    private static final String SQL_CANDIDATE = "[1-9][0-9]{5}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])[0-9]{5}[0-9Xx]";

    /** 17 ASCII digits and a digit or X, as the hexadecimal of bytes (matches off a byte boundary only add rows). */
    private static final String HEX_CANDIDATE = "(3[0-9]){17}(3[0-9]|58)";

    /** Types whose text is never a run of 18 digits (bigint and numeric can be one, and are scanned). */
    private static final Set<String> CANNOT_HOLD_DIGITS = Set.of("boolean", "uuid", "date", "smallint", "integer",
            "timestamp with time zone", "timestamp without time zone", "time without time zone",
            "time with time zone", "interval", "inet");

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ClearIdentityNumbers() {
    }

    /** Every valid 18-digit number, and every 15-digit number of the old format, in the text. */
    public static List<String> in(CharSequence text) {
        List<String> found = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String candidate = m.group();
            if (candidate.length() == 15 || checksumHolds(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    /** Only 18-digit numbers with a valid check character (15-digit runs are too common in other data). */
    public static List<String> valid18In(CharSequence text) {
        return in(text).stream().filter(s -> s.length() == 18).toList();
    }

    /**
     * Scans every column of every table in the application's schemas, whatever its type (cast to text; bytea
     * read as ASCII), and returns "schema.table.column: number" for each clear number found. One pass over each
     * table, not one per column: PostgreSQL keeps only the rows in which some column has the shape of a number (a
     * bytea column by the hexadecimal of its ASCII digits, a superset of what the byte-by-byte reading below finds),
     * and only those rows are read here. Columns of types that cannot hold a run of 18 digits are left out.
     */
    public static List<String> inDatabase(JdbcClient jdbc) {
        List<String> found = new ArrayList<>();
        Map<String, List<String[]>> tables = new LinkedHashMap<>();
        // The catalogue itself, not information_schema: its join of columns to tables was planned as a loop over
        // every table reading every column (2-3 s a call under load, 13 ms so); the same columns, partitions read
        // as the tables they are, a session's own temporary tables left out as before.
        jdbc.sql("""
                        SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, NULL)
                        FROM pg_catalog.pg_attribute a
                        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.relkind = 'r' AND c.relpersistence <> 't' AND a.attnum > 0 AND NOT a.attisdropped
                          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                          AND n.nspname NOT LIKE 'pg_toast%'
                        ORDER BY n.nspname, c.relname, a.attnum""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list().stream().filter(col -> !CANNOT_HOLD_DIGITS.contains(col[3]))
                .forEach(col -> tables.computeIfAbsent(quote(col[0]) + "." + quote(col[1]), t -> new ArrayList<>())
                        .add(col));
        tables.forEach((table, columns) -> {
            List<String> shapes = new ArrayList<>();
            for (String[] col : columns) {
                shapes.add("bytea".equals(col[3])
                        ? "encode(" + quote(col[2]) + ", 'hex') ~ '" + HEX_CANDIDATE + "'"
                        : quote(col[2]) + "::text ~ '" + SQL_CANDIDATE + "'");
            }
            jdbc.sql("SELECT * FROM " + table + " WHERE " + String.join(" OR ", shapes)).query(rs -> {
                for (String[] col : columns) {
                    String value = "bytea".equals(col[3]) ? ascii(rs.getBytes(col[2])) : rs.getString(col[2]);
                    if (value != null) {
                        for (String number : valid18In(value)) {
                            found.add(col[0] + "." + col[1] + "." + col[2] + ": " + number);
                        }
                    }
                }
            });
        });
        return found;
    }

    /** Bytes read as ASCII: clear digits stored as bytes show up, every other byte is a space. */
    private static String ascii(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        StringBuilder ascii = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            ascii.append(b >= '0' && b <= '9' || b == 'X' ? (char) b : ' ');
        }
        return ascii.toString();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static boolean checksumHolds(String number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(number.charAt(17)) == CHECK.charAt(sum % 11);
    }
}
