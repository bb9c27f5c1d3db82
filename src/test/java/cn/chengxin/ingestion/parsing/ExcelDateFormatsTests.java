package cn.chengxin.ingestion.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExcelDateFormatsTests {

    @ParameterizedTest
    @ValueSource(strings = {"yyyy-mm-dd", "yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy年m月d日", "m/d/yy h:mm",
        "hh:mm:ss", "[Red]yyyy-mm-dd;@", "dd\\-mmm\\-yy"})
    void recognisesDateFormats(String format) {
        assertThat(ExcelDateFormats.isDate(164, format)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"General", "0", "0.00", "#,##0.00\"元\"", "0.00E+00", "0%", "@", "[h]:mm", "\"day\"0",
        "#,##0;[Red]-#,##0"})
    void leavesNumberFormatsAlone(String format) {
        assertThat(ExcelDateFormats.isDate(164, format)).isFalse();
    }

    @Test
    void knowsTheBuiltInDateIdsIncludingTheChineseOnes() {
        assertThat(ExcelDateFormats.isDate(14, null)).isTrue();
        assertThat(ExcelDateFormats.isDate(22, null)).isTrue();
        assertThat(ExcelDateFormats.isDate(31, null)).isTrue();
        assertThat(ExcelDateFormats.isDate(57, null)).isTrue();
        assertThat(ExcelDateFormats.isDate(0, null)).isFalse();
        assertThat(ExcelDateFormats.isDate(49, null)).isFalse();
        assertThat(ExcelDateFormats.isDate(null, null)).isFalse();
    }
}
