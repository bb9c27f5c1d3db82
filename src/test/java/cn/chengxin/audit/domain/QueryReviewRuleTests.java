package cn.chengxin.audit.domain;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The flags of 查询审查 (finding L5; RULES.md §10): strictly more than the thresholds, hours as [start, end). */
class QueryReviewRuleTests {

    private final QueryReviewRule rule = new QueryReviewRule(30, 10, LocalTime.of(8, 0), LocalTime.of(19, 0));

    @Test
    void flagsMoreThanTheThresholds() {
        assertThat(rule.busyDay(30)).isFalse();
        assertThat(rule.busyDay(31)).isTrue();
        assertThat(rule.sharedCase(10)).isFalse();
        assertThat(rule.sharedCase(11)).isTrue();
    }

    @Test
    void workingHoursIncludeTheirStartAndNotTheirEnd() {
        assertThat(rule.outsideHours(LocalTime.of(7, 59, 59))).isTrue();
        assertThat(rule.outsideHours(LocalTime.of(8, 0))).isFalse();
        assertThat(rule.outsideHours(LocalTime.of(18, 59, 59))).isFalse();
        assertThat(rule.outsideHours(LocalTime.of(19, 0))).isTrue();
        assertThat(rule.outsideHours(LocalTime.of(2, 30))).isTrue();
    }

    @Test
    void refusesAThresholdBelowOneAndHoursThatEndBeforeTheyStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QueryReviewRule(0, 10, LocalTime.of(8, 0), LocalTime.of(19, 0)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new QueryReviewRule(30, 10, LocalTime.of(19, 0), LocalTime.of(8, 0)));
    }
}
