package cn.chengxin.ingestion.domain;

import java.util.List;
import java.util.Map;

import cn.chengxin.catalog.domain.FieldDefinition;
import cn.chengxin.catalog.domain.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentFieldsTests {

    private static final List<FieldDefinition> QUALIFICATION = List.of(
            FieldDefinition.text("certificate", "证书编号", true),
            FieldDefinition.of("issued_on", "发证日期", FieldType.DATE, true),
            FieldDefinition.of("valid_until", "有效期至", FieldType.DATE, false));

    @ParameterizedTest(name = "a date field sent as {0} is stored as 2026-01-05")
    @ValueSource(strings = {"2026/1/5", "2026-1-5", "2026.1.5", "20260105", "2026年1月5日", " 2026-01-05 ",
            "２０２６年１月５日", "2026-01-05T00:00:00"})
    void storesADateFieldInIsoForm(String sent) {
        assertThat(ContentFields.stored(QUALIFICATION, Map.of("certificate", "A-1", "issued_on", sent)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("certificate", "A-1", "issued_on", "2026-01-05"));
    }

    @Test
    void keepsTextAsSentBarTheSpacesAroundIt() {
        Map<String, String> sent = Map.of("certificate", " 2026/1/5 ", "valid_until", "2030年12月31日");

        assertThat(ContentFields.stored(QUALIFICATION, sent))
                .containsExactlyInAnyOrderEntriesOf(Map.of("certificate", "2026/1/5", "valid_until", "2030-12-31"));
    }

    private static final List<FieldDefinition> VOLUNTEERING = List.of(
            FieldDefinition.of("hours", "服务时长", FieldType.DECIMAL, true),
            FieldDefinition.of("times", "服务次数", FieldType.INTEGER, false),
            FieldDefinition.of("certified", "是否认证", FieldType.BOOLEAN, false),
            FieldDefinition.text("note", "备注", false));

    @ParameterizedTest(name = "a yes/no field sent as {0} is stored as {1}")
    @org.junit.jupiter.params.provider.CsvSource({"是,true", "1,true", "Y,true", "yes,true", "TRUE,true",
            "否,false", "0,false", "n,false", "No,false", "false,false"})
    void storesAYesOrNoAsTrueOrFalse(String sent, String stored) {
        assertThat(ContentFields.stored(VOLUNTEERING, Map.of("hours", "1", "certified", sent)))
                .containsEntry("certified", stored);
    }

    @Test
    void storesNumbersPlainAndDropsBlankOptionalFields() {
        Map<String, String> sent = Map.of("hours", " 1.5E+3 ", "times", "007", "certified", " ", "note", "");

        assertThat(ContentFields.stored(VOLUNTEERING, sent))
                .containsExactlyInAnyOrderEntriesOf(Map.of("hours", "1500", "times", "7"));
    }

    @ParameterizedTest(name = "an amount sent as {0} is stored as {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {"1,500.50|1500.50", "1500元|1500",
            "¥1,500|1500", "１，５００|1500", "1,234,567 元|1234567"})
    void storesAnAmountAsItsPlainNumber(String sent, String stored) {
        List<FieldDefinition> arrears = List.of(FieldDefinition.of("arrears", "欠缴税款金额（元）", FieldType.DECIMAL, true),
                FieldDefinition.of("workers", "涉及人数", FieldType.INTEGER, false));

        assertThat(ContentFields.stored(arrears, Map.of("arrears", sent, "workers", "1,200")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("arrears", stored, "workers", "1200"));
    }

    @Test
    void aFieldWithoutValueIsAbsent() {
        Map<String, String> sent = new java.util.HashMap<>(Map.of("hours", "12"));
        sent.put("note", null);

        assertThat(ContentFields.stored(VOLUNTEERING, sent)).containsExactlyEntriesOf(Map.of("hours", "12"));
    }

    @Test
    void leavesContentAlreadyInItsFormUntouched() {
        Map<String, String> sent = Map.of("certificate", "A-1", "issued_on", "2026-01-05");

        assertThat(ContentFields.stored(QUALIFICATION, sent)).isSameAs(sent);
    }
}
