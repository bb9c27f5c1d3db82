package cn.chengxin.ingestion.parsing;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NumberTextTests {

    @ParameterizedTest
    @CsvSource({
        "411702199001011238, 411702199001011238",
        "4.11702199001011E+17, 411702199001011000",
        "4.11702199001011238E17, 411702199001011238",
        "123.0, 123",
        "1500.50, 1500.5",
        "0.000, 0",
        "-2.50, -2.5",
        "1E-7, 0.0000001",
        "1E+2, 100",
        "1E+999999999, 1E+999999999",
        "1E-999999999, 1E-999999999"})
    void writesNumbersAsAPersonWouldTypeThem(String number, String text) {
        assertThat(NumberText.of(new BigDecimal(number))).isEqualTo(text);
    }
}
