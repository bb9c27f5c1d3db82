package cn.chengxin.support;

import java.util.ArrayList;
import java.util.List;
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
     * read as ASCII), and returns "schema.table.column: number" for each clear number found.
     */
    public static List<String> inDatabase(JdbcClient jdbc) {
        List<String> found = new ArrayList<>();
        List<String[]> columns = jdbc.sql("""
                        SELECT c.table_schema, c.table_name, c.column_name, c.data_type
                        FROM information_schema.columns c
                        JOIN information_schema.tables t
                          ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE t.table_type = 'BASE TABLE'
                          AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
                          AND c.table_schema NOT LIKE 'pg_toast%'""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        for (String[] col : columns) {
            List<String> values = "bytea".equals(col[3]) ? asciiOfBytes(jdbc, col)
                    : jdbc.sql("SELECT " + quote(col[2]) + "::text FROM " + quote(col[0]) + "." + quote(col[1])
                            + " WHERE " + quote(col[2]) + "::text ~ '" + SQL_CANDIDATE + "'")
                    .query(String.class).list();
            for (String value : values) {
                for (String number : valid18In(value)) {
                    found.add(col[0] + "." + col[1] + "." + col[2] + ": " + number);
                }
            }
        }
        return found;
    }

    /** A bytea column read byte by byte: clear ASCII digits stored as bytes would show up here. */
    private static List<String> asciiOfBytes(JdbcClient jdbc, String[] col) {
        List<String> values = new ArrayList<>();
        jdbc.sql("SELECT " + quote(col[2]) + " FROM " + quote(col[0]) + "." + quote(col[1])
                        + " WHERE " + quote(col[2]) + " IS NOT NULL")
                .query((rs, n) -> rs.getBytes(1)).list()
                .forEach(bytes -> {
                    StringBuilder ascii = new StringBuilder(bytes.length);
                    for (byte b : bytes) {
                        ascii.append(b >= '0' && b <= '9' || b == 'X' ? (char) b : ' ');
                    }
                    values.add(ascii.toString());
                });
        return values;
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
