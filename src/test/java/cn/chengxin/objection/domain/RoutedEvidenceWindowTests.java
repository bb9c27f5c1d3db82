package cn.chengxin.objection.domain;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** M4 of gaps-review-xxxi: the routed department holds the evidence while the case is open and 30 days after. */
class RoutedEvidenceWindowTests {

    private static final Instant DECIDED = Instant.parse("2026-03-01T08:00:00Z"); // 16:00 on 1 March in Beijing

    @Test
    void anOpenCaseIsAlwaysWithinTheWindow() {
        assertThat(RoutedEvidenceWindow.open(null, Instant.parse("2030-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void theThirtiethDayAfterTheDecisionIsTheLast() {
        assertThat(RoutedEvidenceWindow.lastDay(DECIDED)).hasToString("2026-03-31");
        assertThat(RoutedEvidenceWindow.open(DECIDED, Instant.parse("2026-03-31T15:59:00Z"))).isTrue();
        assertThat(RoutedEvidenceWindow.open(DECIDED, Instant.parse("2026-03-31T16:00:00Z")))
                .as("midnight in Beijing").isFalse();
    }
}
