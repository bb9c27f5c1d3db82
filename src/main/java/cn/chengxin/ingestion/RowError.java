package cn.chengxin.ingestion;

import java.util.List;

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

    /**
     * Every code a row error may carry, as the OpenAPI document enumerates it (gaps review xxxvii R2): the row checks'
     * own, the catalogue's field checks' (FIELD_*) and a document number's (ID_*, USCC_*, DOCUMENT_*).
     * {@code RefusesDriftTests} fails when a class the submissions reach raises a code that is neither declared nor
     * listed here.
     */
    public static final List<String> CODES = List.of("ACTION_UNKNOWN", "CONTROL_CHARACTER",
            "DECISION_DATE_BEFORE_BIRTH", "DECISION_DATE_FORMAT", "DECISION_DATE_FUTURE", "DECISION_NUMBER_TOO_LONG",
            "FIELDS_TOO_MANY", "FIELD_REQUIRED", "FIELD_TOO_LONG", "FIELD_TYPE", "FIELD_UNKNOWN", "FORBIDDEN_CONTENT",
            "ITEM_NOT_ACTIVE", "ITEM_NOT_IN_CATALOGUE", "ITEM_OUTSIDE_REMIT", "ITEM_WITHDRAWN",
            "NAME_CHANGE_FORMER_NAME_MISMATCH", "REGISTRY_CHOICE_UNKNOWN", "RESIDENCE_REGION_INVALID",
            "RESPONSIBLE_PERSONS_NOT_LINKED", "RESPONSIBLE_PERSONS_TOO_MANY", "RESPONSIBLE_PERSON_ID_MISSING",
            "RESPONSIBLE_PERSON_NAME_MISMATCH", "RESPONSIBLE_PERSON_NAME_MISSING", "RESPONSIBLE_ROLE_UNKNOWN",
            "REVOCATION_REASON_TOO_LONG", "REVOCATION_REASON_WITHOUT_REVOKE", "SEVERITY_BELOW_PENALTY_TYPE",
            "SOURCE_ID_MISSING", "SOURCE_ID_PERSONAL", "SUBJECT_NAME_MISMATCH", "SUBJECT_NAME_MISSING",
            "SUBJECT_TYPE_MISMATCH", "VERSION_FORMAT", "ID_FORMAT", "ID_CHECKSUM", "ID_BIRTH_DATE", "ID_REGION",
            "USCC_FORMAT", "USCC_REGISTRATION_AUTHORITY", "USCC_CHECKSUM", "USCC_ORGANISATION_CODE_CHECKSUM",
            "DOCUMENT_FORMAT", "DOCUMENT_TYPE_UNKNOWN");

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
