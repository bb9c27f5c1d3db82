package cn.chengxin.ingestion.domain;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionDatesTests {

    @ParameterizedTest(name = "a decision dated {0} is read")
    @ValueSource(strings = {"2026/1/5", "2026-1-5", "20260105", "2026年1月5日", "2026-01-05T00:00:00"})
    void readsTheDatesOfChineseExports(String text) {
        assertThat(DecisionDates.parse(text)).contains(LocalDate.of(2026, 1, 5));
    }

    @ParameterizedTest(name = "a decision dated {0} is refused")
    @ValueSource(strings = {"2026-02-30", "2026年2月30日", "20261301"})
    void refusesDaysThatDoNotExist(String text) {
        assertThat(DecisionDates.parse(text)).isEmpty();
    }
}
