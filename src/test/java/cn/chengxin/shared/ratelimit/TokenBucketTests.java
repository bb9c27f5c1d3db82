package cn.chengxin.shared.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import cn.chengxin.shared.ratelimit.TokenBucket.Decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Token bucket: a burst of {@code capacity}, then refill at the given rate, with whole-second waits. */
class TokenBucketTests {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void allowsABurstThenRefusesWithTheWaitForTheNextToken() {
        TokenBucket bucket = new TokenBucket(3, 0.5); // one token every 2 s

        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake(T0)).as("request %d", i + 1).isEqualTo(new Decision(true, Duration.ZERO));
        }
        Decision refused = bucket.tryTake(T0);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterShrinksAndIsRoundedUpToWholeSeconds() {
        TokenBucket bucket = new TokenBucket(1, 0.2); // one token every 5 s
        bucket.tryTake(T0);

        assertThat(bucket.tryTake(T0.plusMillis(1)).retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bucket.tryTake(T0.plusMillis(1000)).retryAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(bucket.tryTake(T0.plusMillis(3500)).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(bucket.tryTake(T0.plusMillis(4999)).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.tryTake(T0.plusMillis(5000)).allowed()).isTrue();
    }

    @Test
    void retryAfterIsAtLeastOneSecondForFastRates() {
        TokenBucket bucket = new TokenBucket(2, 10); // one token every 100 ms
        bucket.tryTake(T0);
        bucket.tryTake(T0);

        Decision refused = bucket.tryTake(T0);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.tryTake(T0.plusMillis(99)).allowed()).isFalse();
        assertThat(bucket.tryTake(T0.plusMillis(100)).allowed()).isTrue();
    }

    @Test
    void refillsOverTimeWithoutExceedingTheCapacity() {
        TokenBucket bucket = new TokenBucket(3, 1);
        takeAll(bucket, T0, 3);
        assertThat(bucket.tryTake(T0).allowed()).isFalse();

        // Two seconds earn two tokens.
        assertThat(takeAll(bucket, T0.plusSeconds(2), 10)).isEqualTo(2);
        // An hour of idleness fills the bucket to 3, not 3600.
        assertThat(takeAll(bucket, T0.plusSeconds(3600), 10)).isEqualTo(3);
    }

    @Test
    void keepsPartlyEarnedTokens() {
        TokenBucket bucket = new TokenBucket(1, 1);
        bucket.tryTake(T0);

        assertThat(bucket.tryTake(T0.plusMillis(600)).allowed()).isFalse();
        assertThat(bucket.tryTake(T0.plusMillis(1000)).allowed()).isTrue();
        assertThat(bucket.tryTake(T0.plusMillis(1600)).allowed()).isFalse();
        assertThat(bucket.tryTake(T0.plusMillis(2000)).allowed()).isTrue();
    }

    @Test
    void aClockGoingBackwardsEarnsNothing() {
        TokenBucket bucket = new TokenBucket(1, 1);
        bucket.tryTake(T0);

        Decision refused = bucket.tryTake(T0.minusSeconds(60));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.tryTake(T0.plusSeconds(1)).allowed()).isTrue();
    }

    @Test
    void concurrentRequestsNeverTakeMoreThanTheCapacity() throws Exception {
        TokenBucket bucket = new TokenBucket(100, 0.001);
        AtomicInteger allowed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 100; i++) {
                        if (bucket.tryTake(T0).allowed()) {
                            allowed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(allowed).hasValue(100);
    }

    /** A batch costs its items: taken whole or not at all, refused with the wait until that many are there. */
    @Test
    void takesSeveralTokensAtOnceOrNone() {
        TokenBucket bucket = new TokenBucket(10, 1); // one token a second

        assertThat(bucket.tryTake(T0, 7).allowed()).isTrue();
        Decision refused = bucket.tryTake(T0, 5);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).as("two more tokens").isEqualTo(Duration.ofSeconds(2));
        assertThat(bucket.tryTake(T0.plusMillis(1500), 5).retryAfter()).as("half a token earned")
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.tryTake(T0, 3).allowed()).as("the refused took nothing").isTrue();
        assertThat(bucket.tryTake(T0.plusSeconds(2), 2).allowed()).isTrue();
        assertThat(bucket.tryTake(T0.plusSeconds(100), 11).retryAfter()).as("more than a full bucket: until full")
                .isEqualTo(Duration.ofSeconds(1));
        assertThatIllegalArgumentException().isThrownBy(() -> bucket.tryTake(T0, 0));
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(1, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(1, Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(1, Double.POSITIVE_INFINITY));
    }

    private static int takeAll(TokenBucket bucket, Instant now, int attempts) {
        int taken = 0;
        for (int i = 0; i < attempts; i++) {
            if (bucket.tryTake(now).allowed()) {
                taken++;
            }
        }
        return taken;
    }
}
