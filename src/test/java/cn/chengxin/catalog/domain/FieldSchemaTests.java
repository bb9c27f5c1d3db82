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

    private static final List<FieldDefinition> AMOUNTS = List.of(
            FieldDefinition.of("arrears", "欠缴税款金额（元）", FieldType.DECIMAL, false),
            FieldDefinition.of("fine", "罚款金额（万元）", FieldType.DECIMAL, false),
            FieldDefinition.of("workers", "涉及人数", FieldType.INTEGER, false));

    @Test
    void aNumberFieldTakesAmountsAsExportsWriteThem() {
        for (Map<String, String> sent : List.of(Map.of("arrears", "1,500.00"), Map.of("arrears", "1500元"),
                Map.of("arrears", "¥1,500"), Map.of("arrears", "１，５００．５"), Map.of("arrears", "1,234,567 元"),
                Map.of("fine", "0.5万元"), Map.of("workers", "1,200"))) {
            assertThat(FieldSchema.check(AMOUNTS, sent)).as(sent.toString()).isEmpty();
        }
    }

    @Test
    void anAmountInAnotherUnitOrWithMisplacedSeparatorsIsNoNumber() {
        for (Map<String, String> sent : List.of(Map.of("fine", "5000元"), Map.of("arrears", "1,50,0"),
                Map.of("arrears", "1500万元"), Map.of("workers", "1,200.5"), Map.of("arrears", "约1500"))) {
            assertThat(FieldSchema.check(AMOUNTS, sent)).as(sent.toString())
                    .extracting(FieldSchema.FieldError::code).containsExactly("FIELD_TYPE");
        }
    }

    @Test
    void aFieldSentUnderItsLabelIsKeyedByItsNameUnlessItsNameIsSentToo() {
        assertThat(FieldSchema.byName(AMOUNTS, Map.of("欠缴税款金额（元）", "1500", "workers", "3")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("arrears", "1500", "workers", "3"));
        assertThat(FieldSchema.byName(AMOUNTS, Map.of("涉及人数", "4", "workers", "3")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("涉及人数", "4", "workers", "3"));
    }

    @Test
    void anUnknownFieldIsAnsweredWithTheFieldsTheItemHas() {
        assertThat(FieldSchema.check(AMOUNTS, Map.of("arrear", "1500")))
                .extracting(FieldSchema.FieldError::message)
                .containsExactly("该事项没有字段「arrear」；其字段为 arrears、fine、workers（或其中文名称）");
    }

    @Test
    void aFieldSentUnderBothItsNameAndItsLabelIsRefusedAsSentTwice() {
        assertThat(FieldSchema.check(AMOUNTS, FieldSchema.byName(AMOUNTS, Map.of("涉及人数", "4", "workers", "3"))))
                .extracting(FieldSchema.FieldError::message)
                .containsExactly("「涉及人数」与 workers 是同一字段，请只保留一列");
    }
}
