package cn.chengxin.platform.database;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The constraint validations a release's pending migration scripts will run on rows already stored, read from the
 * scripts' text in their order (gaps review xliv Y2, the pre-flight of {@code upgrade-check}). Recognised: an
 * {@code ALTER TABLE t VALIDATE CONSTRAINT c} (its condition from an earlier pending script's {@code ADD CONSTRAINT
 * c … NOT VALID}, else left for {@code pg_constraint}), and an {@code ADD CONSTRAINT c CHECK (…)} or {@code FOREIGN
 * KEY} without {@code NOT VALID} on a table the pending scripts did not create (PostgreSQL validates it at once). A
 * script that refuses rows by a query of its own ({@code RAISE EXCEPTION} in a {@code DO} block) is not read: it is
 * only named, for the office to read its comment.
 */
final class PendingValidations {

    /** What a row must satisfy: a {@code CHECK}'s expression or a foreign key's columns and referenced table. */
    sealed interface Condition permits Check, ForeignKey {
    }

    /** A {@code CHECK}: a row fails when the expression is false (null passes, as in PostgreSQL). */
    record Check(String expression) implements Condition {
    }

    /**
     * A foreign key (MATCH SIMPLE): a row fails when none of its columns is null and no referenced row matches;
     * {@code referencedColumns} empty means the referenced table's primary key.
     */
    record ForeignKey(List<String> columns, String referenced, List<String> referencedColumns) implements Condition {
    }

    /** One validation of a pending script; {@code condition} null when it is to be read from {@code pg_constraint}. */
    record Validation(String script, String table, String constraint, Condition condition) {
    }

    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "\\bALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?([\\w.\"]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "\\bCREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w.\"]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALIDATE = Pattern.compile("\\bVALIDATE\\s+CONSTRAINT\\s+([\\w\"]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD = Pattern.compile("\\bADD\\s+CONSTRAINT\\s+([\\w\"]+)\\s+(?=CHECK\\b|FOREIGN\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "^FOREIGN\\s+KEY\\s*\\(([^)]*)\\)\\s*REFERENCES\\s+([\\w.\"]+)\\s*(?:\\(([^)]*)\\))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_VALID = Pattern.compile("\\bNOT\\s+VALID\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RAISES = Pattern.compile("\\bRAISE\\s+EXCEPTION\\b", Pattern.CASE_INSENSITIVE);

    /** Constraints added {@code NOT VALID} by the scripts read so far, by table and name. */
    private final Map<String, Condition> addedNotValid = new HashMap<>();
    /** Tables the scripts read so far create: empty when a later script validates them. */
    private final Set<String> created = new HashSet<>();

    /** The validations of the next pending script, in the order the script runs them. */
    List<Validation> read(String script, String sql) {
        String text = BLOCK_COMMENT.matcher(LINE_COMMENT.matcher(sql).replaceAll(" ")).replaceAll(" ");
        Matcher create = CREATE_TABLE.matcher(text);
        while (create.find()) {
            created.add(name(create.group(1)));
        }
        List<Validation> found = new ArrayList<>();
        Matcher alter = ALTER_TABLE.matcher(text);
        while (alter.find()) {
            String table = name(alter.group(1));
            String body = text.substring(alter.end(), statementEnd(text, alter.end()));
            for (String clause : clauses(body)) {
                Matcher validate = VALIDATE.matcher(clause);
                Matcher add = ADD.matcher(clause);
                if (validate.find()) {
                    String constraint = name(validate.group(1));
                    found.add(new Validation(script, table, constraint, addedNotValid.get(table + " " + constraint)));
                } else if (add.find()) {
                    String constraint = name(add.group(1));
                    String rest = clause.substring(add.end());
                    Condition condition = condition(rest);
                    if (condition == null) {
                        continue;
                    }
                    if (NOT_VALID.matcher(rest).find()) {
                        addedNotValid.put(table + " " + constraint, condition);
                    } else if (!created.contains(table)) {
                        found.add(new Validation(script, table, constraint, condition));
                    }
                }
            }
        }
        return found;
    }

    /** Whether the script refuses rows by a check of its own, which this reading cannot count. */
    static boolean refusesByItself(String sql) {
        return RAISES.matcher(sql).find();
    }

    /**
     * The condition of a constraint definition as {@code pg_get_constraintdef} prints it or a script writes it:
     * {@code CHECK (…)} or {@code FOREIGN KEY (…) REFERENCES t (…)}; null for any other kind.
     */
    static Condition condition(String definition) {
        String d = definition.strip();
        if (d.regionMatches(true, 0, "CHECK", 0, 5)) {
            int open = d.indexOf('(');
            int close = open < 0 ? -1 : closing(d, open);
            return close < 0 ? null : new Check(d.substring(open + 1, close).strip());
        }
        Matcher fk = FOREIGN_KEY.matcher(d);
        if (fk.find()) {
            return new ForeignKey(names(fk.group(1)), name(fk.group(2)),
                    fk.group(3) == null ? List.of() : names(fk.group(3)));
        }
        return null;
    }

    /** The end of the statement starting at {@code from}: the next {@code ;} outside parentheses and quotes. */
    private static int statementEnd(String text, int from) {
        return nextOutside(text, from, ';');
    }

    /** An {@code ALTER TABLE}'s actions: its text split at the commas outside parentheses and quotes. */
    private static List<String> clauses(String body) {
        List<String> clauses = new ArrayList<>();
        int start = 0;
        for (int comma = nextOutside(body, 0, ','); comma < body.length(); comma = nextOutside(body, start, ',')) {
            clauses.add(body.substring(start, comma));
            start = comma + 1;
        }
        clauses.add(body.substring(start));
        return clauses;
    }

    /** The index of the next {@code wanted} from {@code from} outside parentheses and quotes; the text's length if none. */
    private static int nextOutside(String text, int from, char wanted) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth <= 0 && c == wanted) {
                return i;
            }
        }
        return text.length();
    }

    /** The index of the parenthesis closing the one at {@code open}, quotes skipped; -1 when unbalanced. */
    private static int closing(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> names(String list) {
        return list.isBlank() ? List.of() : java.util.Arrays.stream(list.split(",")).map(PendingValidations::name)
                .toList();
    }

    /** An identifier as PostgreSQL folds it: quotes dropped, unquoted letters in lower case. */
    private static String name(String identifier) {
        String s = identifier.strip();
        return s.contains("\"") ? s.replace("\"", "") : s.toLowerCase(Locale.ROOT);
    }
}
