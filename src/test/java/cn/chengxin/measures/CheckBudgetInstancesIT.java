package cn.chengxin.measures;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.shared.ratelimit.BudgetLeases;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Finding N7 of gaps-review-xxxiii (rest): the check budget is one budget across the instances over one database. Two
 * {@link CheckBudget}s over the platform's {@link BudgetLeases} stand for two instances configured as two
 * ({@code chengxin.cluster.instances}); a stopped clock, so that nothing refills while they spend.
 */
@IntegrationTest
class CheckBudgetInstancesIT {

    private static final Clock STOPPED = Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Autowired
    BudgetLeases leases;

    @Autowired
    JdbcClient jdbc;

    /**
     * Before, each of two instances granted half the budget (6,000 a minute, one batch at least): a client kept on one
     * instance by its balancer checked 10,000 and was refused the next 2,000. Now it has the whole 12,000, and the
     * other instance then has nothing left to give it.
     */
    @Test
    void aClientKeptOnOneInstanceGetsItsWholeBudget() {
        CheckBudget first = new CheckBudget(12_000, 2, leases, STOPPED);
        CheckBudget second = new CheckBudget(12_000, 2, leases, STOPPED);
        ApiClientPrincipal client = client();

        assertThatNoException().isThrownBy(() -> first.take(client, 10_000));
        assertThatNoException().as("the rest of the budget, on the same instance")
                .isThrownBy(() -> first.take(client, 2_000));
        assertThat(catchThrowableOfType(MeasuresProblem.class, () -> first.take(client, 1)).code())
                .isEqualTo("CHECK_BUDGET_EXHAUSTED");
        assertThat(catchThrowableOfType(MeasuresProblem.class, () -> second.take(client, 1)).code())
                .as("nor on the other").isEqualTo("CHECK_BUDGET_EXHAUSTED");
    }

    /**
     * Single checks are paid from the slice an instance holds: one lease of a second's budget, not one per check; the
     * next slice is leased ahead once half of it is spent (session xl), not by every check waiting when it runs out.
     */
    @Test
    void singleChecksArePaidFromTheLeasedSlice() {
        CheckBudget instance = new CheckBudget(12_000, 2, leases, STOPPED);
        ApiClientPrincipal client = client();

        for (int i = 0; i < 100; i++) {
            instance.take(client, 1);
        }
        assertThat(bucket(client)).as("one slice of 200 (a second of 12,000 a minute) leased for 100 checks")
                .isEqualTo(11_800.0);
        for (int i = 0; i < 50; i++) {
            instance.take(client, 1);
        }
        assertThat(bucket(client)).as("the next leased ahead when less than half of the first was left")
                .isEqualTo(11_600.0);
    }

    private double bucket(ApiClientPrincipal client) {
        return jdbc.sql("SELECT tokens FROM shared.budget WHERE limit_name = ? AND key = ?")
                .params(CheckBudget.LIMIT, client.actorId()).query(Double.class).single();
    }

    /**
     * Two instances, each with two request threads, spend the one budget at once, single checks and batches mixed:
     * together they never pay more than 12,000 subjects, and no more than a slice is left unspent.
     */
    @Test
    void twoInstancesTogetherNeverPayMoreThanTheBudget() throws Exception {
        CheckBudget first = new CheckBudget(12_000, 2, leases, STOPPED);
        CheckBudget second = new CheckBudget(12_000, 2, leases, STOPPED);
        ApiClientPrincipal client = client();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> paid = new ArrayList<>();
            for (CheckBudget instance : List.of(first, second, first, second)) {
                paid.add(pool.submit(() -> {
                    start.await();
                    long mine = 0;
                    for (int i = 0; ; i++) {
                        int subjects = i % 10 == 0 ? 500 : 1;
                        try {
                            instance.take(client, subjects);
                            mine += subjects;
                        } catch (MeasuresProblem refused) {
                            if (subjects == 1) {
                                return mine;
                            }
                        }
                    }
                }));
            }
            start.countDown();
            long total = 0;
            for (Future<Long> one : paid) {
                total += one.get();
            }
            assertThat(total).as("subjects checked by both instances").isBetween(12_000L - 200, 12_000L);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ApiClientPrincipal client() {
        return new ApiClientPrincipal(UUID.randomUUID(), "审批系统", "市市场监督管理局", "MARKET", "cx_test", Set.of(),
                600);
    }
}
