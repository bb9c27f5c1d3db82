package cn.chengxin.creditfile;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a bulk computation over many files (scoring) needs of a current record: no content, so nothing to parse, and
 * only columns the subject index carries (V34), so that they are read from the index alone.
 */
public record RecordFacts(UUID subjectId, UUID recordKey, String itemCode, LocalDate decisionDate,
                          RecordStatus status) {
}
