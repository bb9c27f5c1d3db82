package cn.chengxin.ingestion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row as a department sends it (API JSON or a file row). Everything is text until validated.
 *
 * @param action       ADD (default), UPDATE or REVOKE; a REVOKE names its record and may leave out the content fields
 *                     and the decision date ({@link cn.chengxin.ingestion.domain.Revocations})
 * @param version      the department's version of its record (default 1)
 * @param documentType the type of the subject's document, by code or Chinese label (证件类型); absent: inferred from
 *                     the number (resident identity number or credit code), as before the column existed
 * @param revocationReason why a REVOKE revokes its record (撤销原因); absent on every other row
 *                     ({@link cn.chengxin.ingestion.domain.RevocationReasons})
 * @param responsiblePersons the persons the decision names as answering for an organisation's act, for an item that
 *                     links to them ({@link ResponsiblePersonSent}); empty on most rows
 * @param legacySourceId the old platform's id of the record (旧系统记录编号), under which the province holds it already
 *                     (gaps review xliii X3): kept with a record a back-load (origin MIGRATION) stores, so that its later
 *                     changes are sent upward naming it; absent on most rows, and not kept from a routine batch
 */
public record IncomingRecord(String itemCode, String subjectNumber, String subjectName, String sourceRecordId,
                             String version, String action, String decisionNumber, String decisionDate,
                             Map<String, String> fields, String documentType, String revocationReason,
                             List<ResponsiblePersonSent> responsiblePersons, String legacySourceId) {

    public IncomingRecord {
        fields = fields == null ? Map.of() : withoutNulls(fields);
        responsiblePersons = responsiblePersons == null ? List.of()
                : responsiblePersons.stream().filter(Objects::nonNull).toList();
    }

    /** A row without the old platform's id: every row but a back-load's. */
    public IncomingRecord(String itemCode, String subjectNumber, String subjectName, String sourceRecordId,
                          String version, String action, String decisionNumber, String decisionDate,
                          Map<String, String> fields, String documentType, String revocationReason,
                          List<ResponsiblePersonSent> responsiblePersons) {
        this(itemCode, subjectNumber, subjectName, sourceRecordId, version, action, decisionNumber, decisionDate,
                fields, documentType, revocationReason, responsiblePersons, null);
    }

    /** A row that names no responsible person: most rows. */
    public IncomingRecord(String itemCode, String subjectNumber, String subjectName, String sourceRecordId,
                          String version, String action, String decisionNumber, String decisionDate,
                          Map<String, String> fields, String documentType, String revocationReason) {
        this(itemCode, subjectNumber, subjectName, sourceRecordId, version, action, decisionNumber, decisionDate,
                fields, documentType, revocationReason, List.of());
    }

    /** A row without a stated document type: most rows, of identity numbers and credit codes. */
    public IncomingRecord(String itemCode, String subjectNumber, String subjectName, String sourceRecordId,
                          String version, String action, String decisionNumber, String decisionDate,
                          Map<String, String> fields) {
        this(itemCode, subjectNumber, subjectName, sourceRecordId, version, action, decisionNumber, decisionDate,
                fields, null, null);
    }

    /** A row stating its document type that revokes nothing. */
    public IncomingRecord(String itemCode, String subjectNumber, String subjectName, String sourceRecordId,
                          String version, String action, String decisionNumber, String decisionDate,
                          Map<String, String> fields, String documentType) {
        this(itemCode, subjectNumber, subjectName, sourceRecordId, version, action, decisionNumber, decisionDate,
                fields, documentType, null);
    }

    /** The old platform's id as sent, without surrounding blanks; null when none is (an empty cell of a file). */
    public String legacyId() {
        return legacySourceId == null || legacySourceId.isBlank() ? null : legacySourceId.strip();
    }

    /** The same row with its content keyed otherwise ({@link cn.chengxin.catalog.domain.FieldSchema#byName}). */
    IncomingRecord withFields(Map<String, String> keyed) {
        return keyed == fields ? this : new IncomingRecord(itemCode, subjectNumber, subjectName, sourceRecordId,
                version, action, decisionNumber, decisionDate, keyed, documentType, revocationReason, responsiblePersons,
                legacySourceId);
    }

    /**
     * A field sent as JSON {@code null} is an absent field, as in a JSON Lines file: a required one is then reported
     * missing on its row, where a null in the copy failed the whole batch.
     */
    private static Map<String, String> withoutNulls(Map<String, String> fields) {
        Map<String, String> present = new HashMap<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        return Map.copyOf(present);
    }

    /** The number is personal data: never print it. */
    @Override
    public String toString() {
        return "IncomingRecord[" + itemCode + ", " + sourceRecordId + "]";
    }
}
