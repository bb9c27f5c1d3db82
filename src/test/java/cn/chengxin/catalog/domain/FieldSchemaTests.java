package cn.chengxin.catalog.domain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldSchemaTests {

    private static final List<FieldDefinition> SCHEMA = List.of(
            FieldDefinition.of("performed_on", "履行日期", FieldType.DATE, true));

    @Test
    void aDateFieldTakesTheDatesOfChineseExports() {
        for (String day : List.of("2026-01-05", "2026/1/5", "2026-1-5", "20260105", "2026年1月5日",
                "2026-01-05T00:00:00")) {
            assertThat(FieldSchema.check(SCHEMA, Map.of("performed_on", day))).as(day).isEmpty();
        }
    }

    @Test
    void aDayThatDoesNotExistIsNoDate() {
        assertThat(FieldSchema.check(SCHEMA, Map.of("performed_on", "2026年2月30日")))
                .extracting(FieldSchema.FieldError::code).containsExactly("FIELD_TYPE");
    }
}
