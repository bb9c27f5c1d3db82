package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Five consecutive failures lock an account for 15 minutes; the count restarts after the lock. */
class LockoutTests {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void theRuleConstantsAreFiveFailuresAndFifteenMinutes() {
        assertThat(Lockout.MAX_FAILURES).isEqualTo(5);
        assertThat(Lockout.LOCK).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aLockedAccountChecksThePasswordOnlyAfterTheQuestionWasAnswered() {
        Lockout locked = failures(Lockout.NONE, 5, T0);

        assertThat(locked.refusesUnchecked(T0.plusSeconds(1), false)).isTrue();
        assertThat(locked.refusesUnchecked(T0.plusSeconds(1), true)).isFalse();
        assertThat(Lockout.NONE.refusesUnchecked(T0, false)).isFalse();
        assertThat(locked.afterFailure(T0.plusSeconds(2))).as("a wrong password then changes nothing")
                .isEqualTo(locked);
    }

    @Test
    void aLockLiftedByTheQuestionLeavesOneFailureBeforeTheNextLock() {
        Lockout lifted = failures(Lockout.NONE, 5, T0).afterChallengeSolved();

        assertThat(lifted.isLocked(T0.plusSeconds(1))).isFalse();
        assertThat(lifted.afterFailure(T0.plusSeconds(2)).isLocked(T0.plusSeconds(2))).isTrue();
    }

    @Test
    void fourFailuresDoNotLock() {
        Lockout state = failures(Lockout.NONE, 4, T0);

        assertThat(state).isEqualTo(new Lockout(4, null));
        assertThat(state.isLocked(T0)).isFalse();
    }

    @Test
    void theFifthFailureLocksForFifteenMinutes() {
        Lockout state = failures(Lockout.NONE, 4, T0).afterFailure(T0.plusSeconds(10));

        assertThat(state.lockedUntil()).isEqualTo(T0.plusSeconds(10).plus(Duration.ofMinutes(15)));
        assertThat(state.isLocked(T0.plusSeconds(10))).isTrue();
        assertThat(state.remaining(T0.plusSeconds(10))).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void stillLockedOneSecondBeforeTheEndAndUnlockedAtIt() {
        Lockout state = failures(Lockout.NONE, 5, T0);

        assertThat(state.isLocked(T0.plus(Duration.ofMinutes(14).plusSeconds(59)))).isTrue();
        assertThat(state.remaining(T0.plus(Duration.ofMinutes(14).plusSeconds(59)))).isEqualTo(Duration.ofSeconds(1));
        assertThat(state.isLocked(T0.plus(Duration.ofMinutes(15)).minusNanos(1))).isTrue();
        assertThat(state.isLocked(T0.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(state.remaining(T0.plus(Duration.ofMinutes(15)))).isEqualTo(Duration.ZERO);
    }

    @Test
    void theNextFailureAfterExpiryCountsFromOne() {
        Lockout locked = failures(Lockout.NONE, 5, T0);

        Lockout next = locked.afterFailure(T0.plus(Duration.ofMinutes(15)));

        assertThat(next).isEqualTo(new Lockout(1, null));
        assertThat(next.isLocked(T0.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void fiveMoreFailuresAfterExpiryLockAgain() {
        Instant later = T0.plus(Duration.ofHours(1));

        Lockout state = failures(failures(Lockout.NONE, 5, T0), 5, later);

        assertThat(state.isLocked(later)).isTrue();
        assertThat(state.lockedUntil()).isEqualTo(later.plus(Lockout.LOCK));
    }

    @Test
    void failuresWhileLockedNeitherCountNorExtendTheLock() {
        Lockout locked = failures(Lockout.NONE, 5, T0);

        Lockout again = locked.afterFailure(T0.plus(Duration.ofMinutes(10)));

        assertThat(again).isEqualTo(locked);
    }

    @Test
    void aSuccessResetsTheCount() {
        Lockout state = failures(Lockout.NONE, 4, T0).afterSuccess();

        assertThat(state).isEqualTo(Lockout.NONE);
        assertThat(failures(state, 4, T0).isLocked(T0)).isFalse();
    }

    @Test
    void neverLockedIsNotLocked() {
        assertThat(Lockout.NONE.isLocked(T0)).isFalse();
        assertThat(Lockout.NONE.remaining(T0)).isZero();
    }

    @Test
    void refusesANegativeCount() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Lockout(-1, null));
    }

    private static Lockout failures(Lockout start, int count, Instant at) {
        Lockout state = start;
        for (int i = 0; i < count; i++) {
            state = state.afterFailure(at);
        }
        return state;
    }
}
