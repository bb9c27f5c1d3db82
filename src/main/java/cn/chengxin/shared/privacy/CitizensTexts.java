package cn.chengxin.shared.privacy;

import java.util.UUID;

/**
 * A column of texts that citizens write and a module keeps with any identity number masked ({@link IdentityRedaction};
 * RULES.md §10): an objection's reasons, a repair's account of performance, a tip-off's facts, a 本人声明. Each module
 * lends its own column, so that the one-time pass over the texts stored before they were masked on writing (V117)
 * changes no other module's tables.
 */
public interface CitizensTexts {

    /** The column, {@code schema.table.column}: the code of its pass. */
    String code();

    /**
     * Masks the texts of the next {@code size} rows after row id {@code after} (null: from the first), in id order,
     * changing only those that hold a number.
     */
    Masked maskAfter(UUID after, int size);

    /** {@code lastRow}: the last row read (null: none); {@code rows} read; {@code changed}: those masked. */
    record Masked(UUID lastRow, int rows, int changed) {
    }
}
