package cn.chengxin.ingestion;

import cn.chengxin.ingestion.domain.ControlCharacters;
import cn.chengxin.ingestion.domain.MaskedNumber;
import cn.chengxin.ingestion.domain.ShownSourceId;
import cn.chengxin.ingestion.domain.ShownText;

/**
 * A problem of a rejected row: its line (file) or index (API, from 1), the field at fault, a stable code, a message in
 * Chinese, and the row as its department knows it: its own key ({@link ShownSourceId}, numbers in it masked) and the
 * number it was sent with, masked ({@link MaskedNumber}); each {@code null} when the row had none or none was kept.
 */
public record RowError(long line, String field, String code, String message, String sourceRecordId,
                       String maskedNumber) {

    /** The longest field name and message kept and shown: both may quote what was sent. */
    static final int LONGEST_FIELD = 120;
    static final int LONGEST_MESSAGE = 500;

    /**
     * A field's name and a message may quote what the department sent (an item code, a field's name), which may hold
     * an identity number (a column swapped) or be of any length: they are kept and shown masked and bounded
     * ({@link ShownText}).
     */
    public RowError {
        field = ShownText.of(field, LONGEST_FIELD);
        message = ShownText.of(message, LONGEST_MESSAGE);
        maskedNumber = ControlCharacters.shown(maskedNumber);
    }

    /** A problem as the checks find it, before it is told which row it belongs to ({@link #of}). */
    public RowError(long line, String field, String code, String message) {
        this(line, field, code, message, null, null);
    }

    /** This problem with the key and the masked number of its row; {@code row} null: a row not kept. */
    RowError of(IncomingRecord row) {
        return row == null ? this : new RowError(line, field, code, message, ShownSourceId.of(row.sourceRecordId()),
                MaskedNumber.of(row.subjectNumber()));
    }
}
