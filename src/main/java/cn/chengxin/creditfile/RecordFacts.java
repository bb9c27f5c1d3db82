package cn.chengxin.creditfile;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a bulk computation over many files (scoring) needs of a current record: no content, so nothing to parse.
 */
public record RecordFacts(UUID subjectId, UUID recordKey, String itemCode, String departmentCode,
                          LocalDate decisionDate, RecordStatus status) {
}
