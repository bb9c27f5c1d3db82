package cn.chengxin.audit;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The legal minimums of RULES.md §10 and issue #3 (security logs ≥ 180 days, processing records ≥ 3 years, query logs
 * ≥ 10 years) refused at start, the years counted as calendar years (gaps-review-xxviii J6).
 */
class AuditRetentionTests {

    @Test
    void tenYearsOf365DaysAreNotTenYearsForQueryLogs() {
        assertThat(refusal(days(400), days(1100), days(3650)))
                .hasMessageContaining("chengxin.audit.retention.query").hasMessageContaining("3653");
        assertThatNoException().isThrownBy(() -> retention(days(400), days(1100), days(3653)));
    }

    @Test
    void threeYearsOf365DaysAreNotThreeYearsForProcessingRecords() {
        assertThat(refusal(days(400), days(1095), days(3660)))
                .hasMessageContaining("chengxin.audit.retention.processing").hasMessageContaining("1096");
        assertThatNoException().isThrownBy(() -> retention(days(400), days(1096), days(3660)));
    }

    @Test
    void securityLogsKeepAtLeast180Days() {
        assertThat(refusal(days(179), days(1100), days(3660)))
                .hasMessageContaining("chengxin.audit.retention.security").hasMessageContaining("180");
        assertThatNoException().isThrownBy(() -> retention(days(180), days(1100), days(3660)));
    }

    @Test
    void theDefaultsMeetTheMinimums() {
        assertThat(retention(days(400), days(1100), days(3660)).periodOf(AuditCategory.QUERY)).isEqualTo(days(3660));
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }

    private static AuditRetention retention(Duration security, Duration processing, Duration query) {
        return new AuditRetention(security, processing, query, 10_000, Duration.ofHours(2), null, null, null,
                Clock.systemUTC());
    }

    private static IllegalStateException refusal(Duration security, Duration processing, Duration query) {
        return catchThrowableOfType(IllegalStateException.class, () -> retention(security, processing, query));
    }
}
