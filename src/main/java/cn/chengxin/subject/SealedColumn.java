package cn.chengxin.subject;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A column of values sealed with the identity-protection keys ({@link PersonalDataProtection#seal}), declared by the
 * module that keeps it (a citizen's phone, a staff member's TOTP secret, a national list file), so that the re-sealing
 * pass ({@link ReSealing}) finds every ciphertext of an old key version (RULES.md §10; GB/T 39786-2021: keys are
 * replaced and destroyed over their life). The table must have a {@code uuid} key {@code id}; the column may be null.
 *
 * @param table         the module's table, with its schema (a constant, never input: it is written into SQL)
 * @param cipherColumn  the ciphertext column ({@code iv || ciphertext || tag})
 * @param versionColumn the column of the key version it was sealed under
 * @param purpose       the purpose the value was sealed for, from the row's id (as passed to {@code seal})
 * @param clearFiles    files kept in the cipher column itself, in clear where the version is null (stored before the
 *                      table was sealed): {@link FileSealing} seals those rows in place
 */
public record SealedColumn(String table, String cipherColumn, String versionColumn, Function<UUID, String> purpose,
                           String associatedDataColumn, boolean clearFiles) {

    private static final Pattern NAME = Pattern.compile("[a-z_]+(\\.[a-z_]+)?");

    public SealedColumn {
        for (String name : List.of(table, cipherColumn, versionColumn)) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a table or column name: " + name);
            }
        }
        if ((purpose == null) == (associatedDataColumn == null)) {
            throw new IllegalArgumentException("A sealed column has either a purpose or an associated-data column");
        }
        if (associatedDataColumn != null && !NAME.matcher(associatedDataColumn).matches()) {
            throw new IllegalArgumentException("Not a column name: " + associatedDataColumn);
        }
    }

    public SealedColumn(String table, String cipherColumn, String versionColumn, Function<UUID, String> purpose,
                        String associatedDataColumn) {
        this(table, cipherColumn, versionColumn, purpose, associatedDataColumn, false);
    }

    /**
     * A column of files sealed in place by {@link PersonalDataProtection#sealFile} for {@code purpose} (of the row's
     * id), whose rows stored before it was sealed hold the file in clear with a null version until
     * {@link FileSealing} seals them.
     */
    public static SealedColumn ofFiles(String table, String cipherColumn, String versionColumn,
                                       Function<UUID, String> purpose) {
        return new SealedColumn(table, cipherColumn, versionColumn, purpose, null, true);
    }

    /** A column sealed by {@link PersonalDataProtection#seal} for {@code purpose} (of the row's id). */
    public static SealedColumn of(String table, String cipherColumn, String versionColumn,
                                  Function<UUID, String> purpose) {
        return new SealedColumn(table, cipherColumn, versionColumn, purpose, null);
    }

    /** The registry's identity numbers: their associated data is the row's document type. */
    static SealedColumn identityNumbers() {
        return new SealedColumn("subject.subject", "number_cipher", "number_key_version", null, "document_type");
    }

    /** {@code schema.table.column}: the code of its pass and of its figures on the console. */
    public String code() {
        return table + "." + cipherColumn;
    }

    /** The associated data the value was sealed with, from the row. */
    String associatedData(UUID id, String columnValue) {
        return purpose != null ? PersonalDataProtection.PURPOSE_PREFIX + purpose.apply(id) : columnValue;
    }
}
