package cn.chengxin.shared.jdbc;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A module's database sequences whose numbers leave the database and are kept and compared by others: an exchange
 * message's version (a partner keeps a message only when its version is higher than the one it holds), a lifted
 * check's position (a department system pages by it), a pulling partner's cursor. A database restored from a backup
 * would hand those numbers out again; the restore guard keeps their highest values outside the database and moves the
 * sequences past them after a confirmed restore (gaps review xxxiii N2). Each module names its own sequences as a bean
 * of this type; the guard reads and moves only what is named here.
 *
 * @param module    the module that owns them, for the log and the audit event
 * @param sequences each a sequence ({@code schema.sequence}) or an identity column ({@code schema.table.column})
 */
public record HandedOutSequences(String module, List<String> sequences) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*){1,2}");

    public HandedOutSequences {
        sequences = List.copyOf(sequences);
        for (String s : sequences) {
            if (!NAME.matcher(s).matches()) {
                throw new IllegalArgumentException("not a sequence or identity column: " + s);
            }
        }
    }

    /** Whether {@code name} names an identity column ({@code schema.table.column}) rather than a sequence. */
    public static boolean identityColumn(String name) {
        return name.chars().filter(c -> c == '.').count() == 2;
    }
}
