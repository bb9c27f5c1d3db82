package cn.chengxin.ingestion;

import java.util.Map;

/**
 * One row as a department sends it (API JSON or a file row). Everything is text until validated.
 *
 * @param action  ADD (default), UPDATE or REVOKE
 * @param version the department's version of its record (default 1)
 */
public record IncomingRecord(String itemCode, String subjectNumber, String subjectName, String sourceRecordId,
                             String version, String action, String decisionNumber, String decisionDate,
                             Map<String, String> fields) {

    public IncomingRecord {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** The number is personal data: never print it. */
    @Override
    public String toString() {
        return "IncomingRecord[" + itemCode + ", " + sourceRecordId + "]";
    }
}
