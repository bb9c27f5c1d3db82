package cn.chengxin.shared;

import java.time.Instant;
import java.time.Period;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** M4 of gaps-review-xxxi: retention periods are positive and, for what a decision rests on, outlast the appeals. */
class RetentionTests {

    @Test
    void countsTheEndBackInBeijingsCalendar() {
        Instant now = Instant.parse("2026-03-01T02:00:00Z"); // 10:00 on 1 March in Beijing
        assertThat(new Retention("x", Period.ofMonths(6)).endedBefore(now))
                .isEqualTo(Instant.parse("2025-09-01T02:00:00Z"));
    }

    @Test
    void refusesANonPositivePeriodNamingTheSetting() {
        assertThatThrownBy(() -> new Retention("chengxin.inquiry.report-retention", Period.ZERO))
                .hasMessageContaining("chengxin.inquiry.report-retention");
        assertThatThrownBy(() -> new Retention("x", Period.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void evidenceIsKeptAtLeastAsLongAsTheDecisionMayBeTakenToCourt() {
        assertThatThrownBy(() -> Retention.beyondAppeals("chengxin.objection.evidence-retention", Period.ofDays(90)))
                .hasMessageContaining("chengxin.objection.evidence-retention").hasMessageContaining("6 months");
        assertThat(Retention.beyondAppeals("x", Period.ofMonths(6)).period()).isEqualTo(Period.ofMonths(6));
        assertThat(Retention.beyondAppeals("x", Period.ofYears(3)).period()).isEqualTo(Period.ofYears(3));
    }
}
