package cn.chengxin.platform.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's rule for migrations on the largest tables (gaps review xxxiii N10; README 升级): a migration must not
 * lock one of them for a whole scan or rewrite while the platform waits. On {@link #LARGE} tables it refuses
 * <ul>
 * <li>{@code CREATE INDEX} without {@code CONCURRENTLY}, and with it in a script Flyway runs in a transaction (which
 * PostgreSQL refuses): the script needs its {@code .sql.conf} file saying {@code executeInTransaction=false};</li>
 * <li>{@code ADD CONSTRAINT … FOREIGN KEY} or {@code CHECK} without {@code NOT VALID} (validate it in a later
 * statement, {@code VALIDATE CONSTRAINT}, which lets writes go on);</li>
 * <li>{@code ALTER COLUMN … TYPE} (rewrites the table under an exclusive lock);</li>
 * <li>{@code ALTER COLUMN … SET NOT NULL} (scans the table under an exclusive lock) unless the script also drops a
 * constraint of the table: the safe form proves the column first by {@code CHECK (c IS NOT NULL) NOT VALID} and its
 * {@code VALIDATE} in earlier scripts, and PostgreSQL then skips the scan; that script drops the proving check
 * (gaps review xli V13);</li>
 * <li>{@code ADD UNIQUE} or {@code PRIMARY KEY} but {@code USING INDEX} (builds its index under an exclusive lock;
 * safe: {@code CREATE UNIQUE INDEX CONCURRENTLY}, then {@code ADD CONSTRAINT … USING INDEX}), and so
 * {@code ADD COLUMN … UNIQUE} or {@code PRIMARY KEY} (the same index, built the same way; gaps review xli V13);</li>
 * <li>{@code ADD COLUMN} with a volatile default ({@code clock_timestamp()}, {@code gen_random_uuid()},
 * {@code random()}, {@code nextval(…)}, a {@code serial} type, an identity or a stored generated column): each row
 * needs its own value, so PostgreSQL rewrites the table under an exclusive lock. A constant or a stable default
 * ({@code now()}, {@code CURRENT_TIMESTAMP}: one value for the whole statement) is stored once in the catalogue and
 * costs no scan (gaps review xli V13);</li>
 * <li>{@code VALIDATE CONSTRAINT} in the script that added the constraint, when Flyway runs the script in one
 * transaction: the {@code ADD}'s exclusive lock is then held through the validating scan, and {@code NOT VALID} won
 * nothing. Validate in a later script (or in a script run outside a transaction, where each statement commits and
 * releases its lock; gaps review xli V13).</li>
 * </ul>
 * Statements are read with comments, quoted strings and dollar-quoted bodies set aside.
 */
final class MigrationRule {

    /** The tables that grow with every check, record, event and message (README 容量与维护). */
    static final Pattern LARGE = Pattern.compile(
            "(audit\\.event|audit\\.node|measures\\.check_made|creditfile\\.record|creditfile\\.record_event"
                    + "|exchange\\.outbox|exchange\\.received|subject\\.subject|subject\\.person|subject\\.residency"
                    + "|scoring\\.score|scoring\\.score_history|account\\.notice|inquiry\\.report\\w*)");

    private static final String TABLE = "(?:only\\s+)?\"?([a-z_]+\\.[a-z_0-9]+)\"?";
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^create\\s+(?:unique\\s+)?index\\s+(concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?(?:[a-z_0-9\"]+\\s+)?on\\s+"
                    + TABLE);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^alter\\s+table\\s+(?:if\\s+exists\\s+)?" + TABLE + "\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile(
            "^add\\s+(?:constraint\\s+\\S+\\s+)?(foreign\\s+key|check)\\b");
    private static final Pattern ALTER_TYPE = Pattern.compile(
            "^alter\\s+(?:column\\s+)?\\S+\\s+(?:set\\s+data\\s+)?type\\b");
    private static final Pattern SET_NOT_NULL = Pattern.compile(
            "^alter\\s+(?:column\\s+)?\\S+\\s+set\\s+not\\s+null\\b");
    private static final Pattern ADD_KEY = Pattern.compile(
            "^add\\s+(?:constraint\\s+\\S+\\s+)?(unique|primary\\s+key)\\b");
    private static final Pattern DROP_CONSTRAINT = Pattern.compile("^drop\\s+constraint\\b");
    private static final Pattern ADDED_CONSTRAINT = Pattern.compile("^add\\s+constraint\\s+\"?([a-z_0-9]+)\"?\\s");
    private static final Pattern VALIDATE = Pattern.compile("^validate\\s+constraint\\s+\"?([a-z_0-9]+)\"?");
    /** {@code ADD [COLUMN] [IF NOT EXISTS] name …}: an ADD that is not a table constraint's. */
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "^add\\s+(?!constraint\\b|unique\\b|primary\\b|check\\b|foreign\\b|exclude\\b)(?:column\\s+)?"
                    + "(?:if\\s+not\\s+exists\\s+)?\\S+\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern COLUMN_KEY = Pattern.compile("\\b(unique|primary\\s+key)\\b");
    private static final Pattern VOLATILE_DEFAULT = Pattern.compile(
            "\\bdefault\\s+.*\\b(clock_timestamp|gen_random_uuid|uuid_generate_v[14]|random|nextval|timeofday)\\s*\\("
                    + "|^(small|big)?serial\\b|\\bgenerated\\s+(always|by\\s+default)\\s+as\\s+identity\\b"
                    + "|\\bgenerated\\s+always\\s+as\\s*\\(.*\\)\\s*stored\\b", Pattern.DOTALL);

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?\"?([a-z_]+\\.[a-z_0-9]+)\"?");

    private MigrationRule() {
    }

    /**
     * What the script breaks, one line a statement ("CREATE INDEX on audit.event without CONCURRENTLY ..."); empty when
     * it follows the rule.
     *
     * @param config the script's {@code .sql.conf} file, null when it has none
     */
    static List<String> violations(String sql, String config) {
        boolean outsideTransaction = config != null && "false".equalsIgnoreCase(
                properties(config).getProperty("executeInTransaction", "true").trim());
        List<String> found = new ArrayList<>();
        // A table the script creates is empty while it runs: nothing to scan.
        java.util.Set<String> created = new java.util.HashSet<>();
        // Tables a constraint of which the script drops: a SET NOT NULL there is the safe form's last step.
        java.util.Set<String> dropsConstraint = new java.util.HashSet<>();
        // Constraints the script adds, by table: validating one of them in the same transaction holds the ADD's lock.
        java.util.Set<String> added = new java.util.HashSet<>();
        List<String> statements = statements(sql);
        for (String statement : statements) {
            Matcher alter = ALTER_TABLE.matcher(statement.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim());
            if (alter.find() && topLevel(alter.group(2)).stream()
                    .anyMatch(a -> DROP_CONSTRAINT.matcher(a.trim()).find())) {
                dropsConstraint.add(alter.group(1));
            }
        }
        for (String statement : statements) {
            String s = statement.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
            Matcher table = CREATE_TABLE.matcher(s);
            if (table.find()) {
                created.add(table.group(1));
                continue;
            }
            Matcher index = CREATE_INDEX.matcher(s);
            if (index.find() && LARGE.matcher(index.group(2)).matches() && !created.contains(index.group(2))) {
                if (index.group(1) == null) {
                    found.add("CREATE INDEX on " + index.group(2) + " without CONCURRENTLY");
                } else if (!outsideTransaction) {
                    found.add("CREATE INDEX CONCURRENTLY on " + index.group(2)
                            + " in a script Flyway runs in a transaction (add its .sql.conf: executeInTransaction=false)");
                }
                continue;
            }
            Matcher alter = ALTER_TABLE.matcher(s);
            if (alter.find() && LARGE.matcher(alter.group(1)).matches() && !created.contains(alter.group(1))) {
                for (String action : topLevel(alter.group(2))) {
                    String a = action.trim();
                    Matcher constraint = ADD_CONSTRAINT.matcher(a);
                    if (constraint.find() && !a.contains("not valid")) {
                        found.add("ADD CONSTRAINT " + constraint.group(1).toUpperCase(Locale.ROOT) + " on "
                                + alter.group(1) + " without NOT VALID");
                    }
                    if (ALTER_TYPE.matcher(a).find()) {
                        found.add("ALTER COLUMN TYPE on " + alter.group(1));
                    }
                    if (SET_NOT_NULL.matcher(a).find() && !dropsConstraint.contains(alter.group(1))) {
                        found.add("SET NOT NULL on " + alter.group(1) + " without a validated CHECK proving it");
                    }
                    Matcher key = ADD_KEY.matcher(a);
                    if (key.find() && !a.contains("using index")) {
                        found.add("ADD " + key.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ") + " on "
                                + alter.group(1) + " without USING INDEX");
                    }
                    Matcher column = ADD_COLUMN.matcher(a);
                    if (column.find()) {
                        Matcher columnKey = COLUMN_KEY.matcher(column.group(1));
                        if (columnKey.find()) {
                            String keyword = columnKey.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
                            found.add("ADD COLUMN " + keyword + " on " + alter.group(1)
                                    + " (builds its index under the table's lock)");
                        }
                        if (VOLATILE_DEFAULT.matcher(column.group(1)).find()) {
                            found.add("ADD COLUMN with a volatile default on " + alter.group(1)
                                    + " (rewrites the table)");
                        }
                    }
                    Matcher named = ADDED_CONSTRAINT.matcher(a);
                    if (named.find()) {
                        added.add(alter.group(1) + "." + named.group(1));
                    }
                    Matcher validate = VALIDATE.matcher(a);
                    if (validate.find() && !outsideTransaction
                            && added.contains(alter.group(1) + "." + validate.group(1))) {
                        found.add("VALIDATE CONSTRAINT " + validate.group(1) + " on " + alter.group(1)
                                + " in the transaction that added it");
                    }
                }
            }
        }
        return found;
    }

    private static Properties properties(String config) {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(config));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    /** The script's statements, split at semicolons outside comments, quotes and dollar-quoted bodies. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
                current.append(' ');
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                current.append(' ');
            } else if (c == '\'') {
                int end = i + 1;
                while (end < n && !(sql.charAt(end) == '\'' && (end + 1 >= n || sql.charAt(end + 1) != '\''))) {
                    end += sql.charAt(end) == '\'' ? 2 : 1;
                }
                current.append("''");
                i = Math.min(n, end + 1);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                current.append("$$");
                i = end < 0 ? n : end + tag.length();
            } else if (c == ';') {
                add(statements, current);
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder statement) {
        if (!statement.toString().isBlank()) {
            statements.add(statement.toString().trim());
        }
    }

    private static final Pattern DOLLAR = Pattern.compile("\\$[A-Za-z_]*\\$");

    private static String dollarTag(String sql, int at) {
        Matcher m = DOLLAR.matcher(sql);
        return m.find(at) && m.start() == at ? m.group() : null;
    }

    /** The actions of an ALTER TABLE, split at commas outside parentheses. */
    private static List<String> topLevel(String actions) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < actions.length(); i++) {
            char c = actions.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(actions.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(actions.substring(start));
        return parts;
    }
}
