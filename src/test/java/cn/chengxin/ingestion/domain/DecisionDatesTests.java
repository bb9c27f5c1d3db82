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

    /**
     * A date cell of a spreadsheet saved without its date format arrives as Excel's day number (45721 is 2025-03-05):
     * the clerk is told so, and what to do, rather than only that it is no date; the platform does not guess it.
     */
    @org.junit.jupiter.api.Test
    void anExcelDayNumberIsRefusedWithWhatItIsAndWhatToDo() {
        assertThat(DecisionDates.parse("45721")).isEmpty();
        assertThat(DecisionDates.unreadable("45721")).contains("Excel", "2025-03-05", "日期格式");
        assertThat(DecisionDates.unreadable("2026-02-30")).doesNotContain("Excel").contains("2026/1/5");
        assertThat(DecisionDates.unreadable(null)).doesNotContain("Excel");
    }

    /** RULES.md §4: the period counts from the decision date, the decision day not counted (《民法典》第二百零一条). */
    @org.junit.jupiter.api.Test
    void aRecordIsShownUntilTheCorrespondingDayOfItsLastMonth() {
        assertThat(DecisionDates.lastDay(LocalDate.of(2025, 3, 10), 12)).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(DecisionDates.lastDay(LocalDate.of(2025, 11, 30), 3)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(DecisionDates.lastDayOfYears(LocalDate.of(2025, 3, 10), 5)).isEqualTo(LocalDate.of(2030, 3, 10));
        assertThat(DecisionDates.lastDay(LocalDate.of(2025, 3, 10), null)).isNull();
    }

    @ParameterizedTest(name = "a decision dated {0} is refused")
    @ValueSource(strings = {"2026-02-30", "2026年2月30日", "20261301"})
    void refusesDaysThatDoNotExist(String text) {
        assertThat(DecisionDates.parse(text)).isEmpty();
    }
}
