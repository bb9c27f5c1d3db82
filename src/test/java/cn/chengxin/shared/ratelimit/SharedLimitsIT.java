package cn.chengxin.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * gaps-review-xxxiii N7: the limits against abuse count in the database, so that two instances over one database
 * count together (each side here is an instance's own limiter and store object over the one real database), keys are
 * stored as pseudonyms, and old windows are pruned.
 */
@IntegrationTest
class SharedLimitsIT {

    /** Ten seconds into a minute: the window before it is empty for a fresh key. */
    private static final Instant NOW = Instant.parse("2026-12-06T02:00:10Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LimitKeys keys;

    @Autowired
    Clock clock;

    @Autowired
    JdbcLimitCounters counters;

    @Test
    void twoInstancesRefuseTheSixtyFirstRequestOfAMinuteTogether() {
        PerAddressLimit first = instance("N7_TEST_LIMITED");
        PerAddressLimit second = instance("N7_TEST_LIMITED");
        String address = address();
        for (int i = 0; i < 60; i++) {
            PerAddressLimit either = i % 2 == 0 ? first : second;
            assertThatNoException().as("request %d", i + 1).isThrownBy(() -> either.take(address, NOW));
        }
        CodedProblem refused = catchThrowableOfType(CodedProblem.class, () -> first.take(address, NOW));
        assertThat(refused.code()).isEqualTo("N7_TEST_LIMITED");
        assertThat(refused.retryAfter()).as("until the minute's count weighs 59 in the next").hasValueSatisfying(
                wait -> assertThat(wait).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(52)));
        assertThat(catchThrowableOfType(CodedProblem.class, () -> second.take(address, NOW)))
                .as("the other instance refuses it too").isNotNull();
        assertThatNoException().as("another address").isThrownBy(() -> second.take(address(), NOW));

        assertThat(jdbc.sql("SELECT n FROM shared.limit_count WHERE limit_name = 'N7_TEST_LIMITED' AND key_hash = ?")
                .param(keys.pseudonym(address)).query(Long.class).single())
                .as("one row for the minute, refusals taken back").isEqualTo(60);
        assertThat(jdbc.sql("SELECT key_hash FROM shared.limit_count WHERE limit_name = 'N7_TEST_LIMITED'")
                .query(String.class).list()).as("no address in clear").allSatisfy(key -> assertThat(key)
                .matches("[0-9a-f]{64}").doesNotContain(address));
    }

    @Test
    void instancesRequestingAtOnceNeverPassMoreThanTheLimitTogether() throws Exception {
        PerAddressLimit first = instance("N7_TEST_AT_ONCE");
        PerAddressLimit second = instance("N7_TEST_AT_ONCE");
        String address = address();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                PerAddressLimit either = i % 2 == 0 ? first : second;
                Callable<Boolean> take = () -> {
                    try {
                        either.take(address, NOW);
                        return true;
                    } catch (CodedProblem refused) {
                        return false;
                    }
                };
                answers.add(pool.submit(take));
            }
            long passed = 0;
            for (Future<Boolean> answer : answers) {
                passed += answer.get() ? 1 : 0;
            }
            assertThat(passed).isBetween(1L, 60L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWindowIsPrunedOnceTheWindowAfterItHasEnded() {
        PerAddressLimit limit = instance("N7_TEST_PRUNED");
        String address = address();
        Instant old = NOW.minus(Duration.ofDays(3));
        limit.take(address, old);
        limit.take(address, NOW.minusSeconds(60)); // the window before NOW's: still read by NOW's estimate
        limit.take(address, NOW);
        assertThat(windows("N7_TEST_PRUNED")).hasSize(3);

        assertThat(counters.prune(NOW)).isGreaterThanOrEqualTo(1);

        assertThat(windows("N7_TEST_PRUNED")).as("the old window went, the two read stayed")
                .containsExactly(Instant.parse("2026-12-06T01:59:00Z"), Instant.parse("2026-12-06T02:00:00Z"));
    }

    private PerAddressLimit instance(String code) {
        return new PerAddressLimit(new JdbcLimitCounters(jdbc, keys, clock), 60, code);
    }

    private List<Instant> windows(String limit) {
        return jdbc.sql("SELECT window_start FROM shared.limit_count WHERE limit_name = ? ORDER BY window_start")
                .param(limit).query((rs, row) -> rs.getTimestamp(1).toInstant()).list();
    }

    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
