package cn.chengxin.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULES.md §7 for another platform's entries: the check index answers a received entry up to and including its last
 * day and not the day after, as it does its own ({@code ListEntryTests}; gaps review xxxvii, Q1).
 */
class ReceivedEntryTests {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 6);

    @Test
    void inForceUpToAndIncludingItsLastDay() {
        ReceivedEntry entry = entry(true, LAST_DAY);

        assertThat(entry.inForce(LAST_DAY.minusDays(1))).isTrue();
        assertThat(entry.inForce(LAST_DAY)).as("on its last day").isTrue();
        assertThat(entry.inForce(LAST_DAY.plusDays(1))).as("the day after its last day").isFalse();
        assertThat(entry(true, null).inForce(LAST_DAY.plusYears(10))).isTrue();
    }

    @Test
    void anEntryItsPlatformEndedIsInForceOnNoDay() {
        ReceivedEntry entry = entry(false, LAST_DAY);

        assertThat(entry.inForce(LAST_DAY.minusDays(1))).isFalse();
        assertThat(entry.inForce(LAST_DAY)).isFalse();
    }

    private static ReceivedEntry entry(boolean inForce, LocalDate validUntil) {
        return new ReceivedEntry("other-city", "e-1", "pseudonym", "张*", "BLACK", "COURT_DEFAULTER",
                "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "COURT", Instant.parse("2024-12-07T00:00:00Z"),
                validUntil, false, inForce, "other-city", 1L, List.of(), Instant.parse("2024-12-07T00:00:01Z"),
                false, "110***********1234");
    }
}
