package cn.chengxin.demo.domain;

import java.time.LocalDate;
import java.util.Map;

/** A made-up record a department would deliver about a synthetic resident. */
public record SyntheticRecord(String departmentCode, String itemCode, int resident, String sourceRecordId,
                              String decisionNumber, LocalDate decisionDate, Map<String, String> fields) {

    public SyntheticRecord {
        fields = Map.copyOf(fields);
    }
}
