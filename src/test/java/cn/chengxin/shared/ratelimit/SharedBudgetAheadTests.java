package cn.chengxin.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import cn.chengxin.support.MovingClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Session xl: a busy key's next slice is leased ahead, by one caller, while the others go on spending — not by every
 * caller of the key waiting behind its lock once the slice is spent — and the budget stays exact.
 */
class SharedBudgetAheadTests {

    /** 60,000 a minute: a slice of 1,000 (a second of the refill), leased ahead below 500. */
    private static final long PER_MINUTE = 60_000;
    private static final Instant START = Instant.parse("2026-12-07T03:00:00Z");

    @Test
    void oneCallerLeasesTheNextSliceWhileTheOthersSpendWhatIsLeft() throws Exception {
        Counting leases = new Counting(BudgetLeases.inMemory());
        CountDownLatch inSecondLease = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        leases.onCall(2, () -> {
            inSecondLease.countDown();
            await(release);
        });
        SharedBudget budget = new SharedBudget("test", leases, new InstanceShare(1),
                Clock.fixed(START, ZoneOffset.UTC));

        for (int i = 0; i < 500; i++) {
            assertThat(budget.take("key", PER_MINUTE, 1, 1).allowed()).isTrue();
        }
        assertThat(leases.calls.get()).as("the first slice").isEqualTo(1);
        CompletableFuture<Boolean> renewing = CompletableFuture.supplyAsync(
                () -> budget.take("key", PER_MINUTE, 1, 1).allowed()); // leaves 499: below half a slice
        assertThat(inSecondLease.await(5, TimeUnit.SECONDS)).as("the next slice leased ahead").isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 499; i++) {
                assertThat(budget.take("key", PER_MINUTE, 1, 1).allowed()).as("spent meanwhile").isTrue();
            }
        }, "the others wait for the lease ahead");
        assertThat(leases.calls.get()).as("one lease ahead at a time").isEqualTo(2);
        release.countDown();
        assertThat(renewing.get(5, TimeUnit.SECONDS)).isTrue();

        long paid = 1_000;
        while (budget.take("key", PER_MINUTE, 1, 1).allowed()) {
            paid++;
        }
        assertThat(paid).as("the whole bucket, not a token more").isEqualTo(PER_MINUTE);
        assertThat(leases.calls.get()).as("a short grant ends leasing ahead: no statement a request")
                .isLessThanOrEqualTo((int) (2 * PER_MINUTE / 1_000 + 5));
    }

    @Test
    void aSlowKeyIsLeasedAheadBeforeItsSliceGrowsOldAndHoldsAtMostASliceAndAHalf() {
        Counting leases = new Counting(BudgetLeases.inMemory());
        MovingClock clock = new MovingClock(START);
        SharedBudget budget = new SharedBudget("test", leases, new InstanceShare(1), clock);

        long taken = 0;
        for (int i = 0; i < 40; i++) {
            assertThat(budget.take("key", PER_MINUTE, 1, 1).allowed()).isTrue();
            taken++;
            assertThat(leases.granted.get() - leases.returned.get() - taken)
                    .as("held after %d takes", taken).isBetween(0L, 1_500L);
            clock.advance(Duration.ofMillis(300));
        }
        assertThat(leases.calls.get()).as("about one lease a second of the 12 s, made ahead").isBetween(10, 17);
        assertThat(leases.returned.get()).as("what was held beyond half a slice went back").isPositive();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts the leases and what they returned and granted; runs a hook on a given call. */
    private static final class Counting implements BudgetLeases {

        final AtomicInteger calls = new AtomicInteger();
        final AtomicLong returned = new AtomicLong();
        final AtomicLong granted = new AtomicLong();
        private final BudgetLeases delegate;
        private volatile int hookedCall;
        private volatile Runnable hook = () -> { };

        Counting(BudgetLeases delegate) {
            this.delegate = delegate;
        }

        void onCall(int call, Runnable run) {
            hookedCall = call;
            hook = run;
        }

        @Override
        public Grant lease(String limit, String key, long capacity, double perSecond, long returnedTokens, long need,
                           long want, Instant now) {
            if (calls.incrementAndGet() == hookedCall) {
                hook.run();
            }
            Grant grant = delegate.lease(limit, key, capacity, perSecond, returnedTokens, need, want, now);
            returned.addAndGet(returnedTokens);
            granted.addAndGet(grant.granted());
            return grant;
        }
    }
}
