package cn.chengxin.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.ratelimit.BudgetLeases;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** gaps-review-xxv H4: a client's subjects a minute, single checks and batches alike. */
class CheckBudgetTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void aBatchTakesOneForEachSubjectAndIsRefusedWholeWhenTheBudgetLeftCannotPayForIt() {
        // Two hundred subjects a second.
        CheckBudget budget = new CheckBudget(12_000, 1, BudgetLeases.inMemory(), CLOCK);
        ApiClientPrincipal client = client(10);

        assertThatNoException().as("a whole batch").isThrownBy(() -> budget.take(client, Checks.MAX_BATCH));
        MeasuresProblem refused = catchThrowableOfType(MeasuresProblem.class, () -> budget.take(client, 2_001));
        assertThat(refused.code()).isEqualTo("CHECK_BUDGET_EXHAUSTED");
        assertThat(refused.kind()).isEqualTo(DomainProblem.Kind.TOO_MANY);
        assertThat(refused.retryAfter()).hasValue(Duration.ofSeconds(1));
        assertThatNoException().as("the refused batch took nothing").isThrownBy(() -> budget.take(client, 2_000));
        assertThat(catchThrowableOfType(MeasuresProblem.class, () -> budget.take(client, 1)).code())
                .as("a single check costs one too").isEqualTo("CHECK_BUDGET_EXHAUSTED");
        assertThatNoException().as("another client has its own budget")
                .isThrownBy(() -> budget.take(client(10), 12_000));
    }

    /**
     * gaps-review-xxviii J2: issue #5 promises batches of 10,000 subjects, so a budget that could never pay one is
     * refused at start, rather than answering such a batch 429 every minute.
     */
    @Test
    void aBudgetBelowTheLargestBatchIsRefusedAtStart() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new CheckBudget(9_999, 1, BudgetLeases.inMemory(), CLOCK)))
                .hasMessageContaining("check-subjects-per-minute").hasMessageContaining("10000");
        assertThatNoException().isThrownBy(() -> new CheckBudget(Checks.MAX_BATCH, 1, BudgetLeases.inMemory(), CLOCK));
    }

    /** A key allowed more requests a minute than the configured budget may check as many subjects one at a time. */
    @Test
    void theBudgetIsNeverLessThanTheKeysRequestRate() {
        CheckBudget budget = new CheckBudget(12_000, 1, BudgetLeases.inMemory(), CLOCK);

        assertThat(budget.perMinuteOf(client(600))).isEqualTo(12_000);
        assertThat(budget.perMinuteOf(client(20_000))).isEqualTo(20_000);
        assertThatNoException().isThrownBy(() -> budget.take(client(20_000), 20_000));
    }

    /**
     * gaps-review-xxxiii N7: the instances spend one budget kept in the database, leased in slices: a client kept on
     * one instance gets the whole budget (before, a quarter of it with four instances configured), and two instances
     * taken in turns never pay more than it together, one subject at a time or a batch at a time.
     */
    @Test
    void theInstancesSpendOneBudgetTogether() {
        BudgetLeases database = BudgetLeases.inMemory();
        CheckBudget first = new CheckBudget(40_000, 4, database, CLOCK);
        CheckBudget second = new CheckBudget(40_000, 4, database, CLOCK);
        ApiClientPrincipal kept = client(10);

        for (int i = 0; i < 4; i++) {
            assertThatNoException().as("one instance, the whole budget").isThrownBy(() -> first.take(kept, 10_000));
        }
        assertThat(catchThrowableOfType(MeasuresProblem.class, () -> second.take(kept, 1)).code())
                .as("the other instance finds it spent").isEqualTo("CHECK_BUDGET_EXHAUSTED");

        ApiClientPrincipal balanced = client(10);
        long paid = 0;
        boolean anyPaid = true;
        while (anyPaid) {
            anyPaid = false;
            for (CheckBudget instance : new CheckBudget[] {first, second}) {
                try {
                    instance.take(balanced, 1);
                    paid++;
                    anyPaid = true;
                } catch (MeasuresProblem refused) {
                    assertThat(refused.code()).isEqualTo("CHECK_BUDGET_EXHAUSTED");
                }
            }
        }
        assertThat(paid).as("single checks in turns on two instances: the budget, not more").isEqualTo(40_000);
    }

    /**
     * While the database cannot be reached, each instance keeps its share of the budget (chengxin.cluster.instances),
     * as before the shared budget; a share below a whole batch still pays one (J2), then refills at the share's rate.
     */
    @Test
    void withoutTheDatabaseEachInstanceKeepsItsShare() {
        BudgetLeases away = (limit, key, capacity, perSecond, returned, need, want, now) -> {
            throw new DataAccessResourceFailureException("connection refused");
        };
        CheckBudget oneOfFour = new CheckBudget(40_000, 4, away, CLOCK);
        ApiClientPrincipal client = client(10);

        assertThatNoException().as("a quarter: one batch").isThrownBy(() -> oneOfFour.take(client, 10_000));
        assertThat(catchThrowableOfType(MeasuresProblem.class, () -> oneOfFour.take(client, 1)).code())
                .isEqualTo("CHECK_BUDGET_EXHAUSTED");

        CheckBudget oneOfTwo = new CheckBudget(12_000, 2, away, CLOCK);
        assertThatNoException().as("a share below a batch still pays one")
                .isThrownBy(() -> oneOfTwo.take(client, Checks.MAX_BATCH));
        assertThat(catchThrowableOfType(MeasuresProblem.class, () -> oneOfTwo.take(client, 1)).retryAfter())
                .as("refilled at 6,000 a minute: 100 a second").hasValue(Duration.ofSeconds(1));
    }

    private static ApiClientPrincipal client(int ratePerMinute) {
        return new ApiClientPrincipal(UUID.randomUUID(), "审批系统", "市市场监督管理局", "MARKET", "cx_test", Set.of(),
                ratePerMinute);
    }
}
