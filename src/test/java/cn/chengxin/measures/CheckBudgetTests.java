package cn.chengxin.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.shared.DomainProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** gaps-review-xxv H4: a client's subjects a minute, single checks and batches alike. */
class CheckBudgetTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void aBatchTakesOneForEachSubjectAndIsRefusedWholeWhenTheBudgetLeftCannotPayForIt() {
        CheckBudget budget = new CheckBudget(60, CLOCK); // one subject a second
        ApiClientPrincipal client = client(10);

        assertThatNoException().isThrownBy(() -> budget.take(client, 50));
        MeasuresProblem refused = catchThrowableOfType(MeasuresProblem.class, () -> budget.take(client, 11));
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.kind()).isEqualTo(DomainProblem.Kind.TOO_MANY);
        assertThat(refused.retryAfter()).hasValue(Duration.ofSeconds(1));
        assertThatNoException().as("the refused batch took nothing").isThrownBy(() -> budget.take(client, 10));
        assertThat(catchThrowableOfType(MeasuresProblem.class, () -> budget.take(client, 1)).code())
                .as("a single check costs one too").isEqualTo("RATE_LIMITED");
        assertThatNoException().as("another client has its own budget").isThrownBy(() -> budget.take(client(10), 60));
    }

    @Test
    void aBatchLargerThanAMinutesBudgetIsRefusedEvenFromAFullBudget() {
        CheckBudget budget = new CheckBudget(60, CLOCK);

        MeasuresProblem refused = catchThrowableOfType(MeasuresProblem.class, () -> budget.take(client(10), 61));
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.retryAfter()).hasValue(Duration.ofMinutes(1));
        assertThat(refused.getMessage()).contains("61", "60");
    }

    /** A key allowed more requests a minute than the configured budget may check as many subjects one at a time. */
    @Test
    void theBudgetIsNeverLessThanTheKeysRequestRate() {
        CheckBudget budget = new CheckBudget(60, CLOCK);

        assertThat(budget.perMinuteOf(client(10))).isEqualTo(60);
        assertThat(budget.perMinuteOf(client(600))).isEqualTo(600);
        assertThatNoException().isThrownBy(() -> budget.take(client(600), 600));
    }

    private static ApiClientPrincipal client(int ratePerMinute) {
        return new ApiClientPrincipal(UUID.randomUUID(), "审批系统", "市市场监督管理局", "MARKET", "cx_test", Set.of(),
                ratePerMinute);
    }
}
