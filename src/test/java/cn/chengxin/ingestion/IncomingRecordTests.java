package cn.chengxin.ingestion;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IncomingRecordTests {

    @Test
    void aFieldSentAsNullIsAnAbsentField() {
        Map<String, String> fields = new HashMap<>();
        fields.put("case_number", null);
        fields.put("court", "驿城区人民法院");

        IncomingRecord row = new IncomingRecord("P_COURT_DEFAULTER", null, "甲", "A1", null, null, null, null, fields);

        assertThat(row.fields()).isEqualTo(Map.of("court", "驿城区人民法院"));
    }
}
