package cn.chengxin.shared.calendar;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DateTextTests {

    @ParameterizedTest(name = "{0} is 5 January 2026")
    @ValueSource(strings = {"2026-01-05", "2026/1/5", "2026-1-5", "2026/01/05", "2026.1.5", "20260105", "2026年1月5日",
            "2026年01月05日", "２０２６年１月５日", " 2026-01-05 ", "2026-01-05T00:00:00", "2026-01-05T10:30",
            "2026-01-05 08:15:00", "2026-01-05T23:59:59.5"})
    void readsTheWaysExportsWriteADay(String text) {
        assertThat(DateText.parse(text)).contains(LocalDate.of(2026, 1, 5));
    }

    @ParameterizedTest(name = "{0} is no date")
    @NullAndEmptySource
    @ValueSource(strings = {"2026-02-30", "2026/13/1", "20260230", "2026年2月30日", "2026-1-5T25:00", "2026-01",
            "2026-1/5", "26-1-5", "202615", "2026年1月5", "明天", "2026-01-05T", "2026-01-05x"})
    void refusesWhatIsNoDay(String text) {
        assertThat(DateText.parse(text)).isEmpty();
    }
}
