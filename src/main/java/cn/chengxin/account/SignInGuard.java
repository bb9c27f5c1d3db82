package cn.chengxin.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import cn.chengxin.account.domain.AddressFailures;
import cn.chengxin.account.persistence.JdbcSignInChallenges;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.ratelimit.HumanCheck;
import cn.chengxin.shared.ratelimit.LimitCounters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The question the sign-in forms ask an address after failed sign-ins (I5, RULES.md §10), before any password is
 * checked ({@link AddressFailures}). A sign-in that answered it may also open an account locked by failures with the
 * right password ({@link cn.chengxin.account.domain.Lockout#refusesUnchecked}): a stranger who knows a name can no
 * longer keep its holder out at will, and a script must answer a new question for each guess.
 */
@Component
public class SignInGuard {

    private static final Duration TTL = Duration.ofMinutes(15);

    private final JdbcSignInChallenges challenges;
    private final Clock clock;
    private final AddressFailures failures;
    private final SecureRandom random = new SecureRandom();
    private volatile HumanCheck check;

    SignInGuard(JdbcSignInChallenges challenges, Clock clock, LimitCounters counters,
                @Value("${chengxin.account.login-failures-before-challenge:3}") int threshold) {
        this.challenges = challenges;
        this.clock = clock;
        this.failures = new AddressFailures(counters, threshold);
    }

    /** Whether the next sign-in from {@code address} must answer the question first. */
    public boolean challengeNeeded(String address) {
        return failures.challengeNeeded(address, clock.instant());
    }

    /** Counts a failed sign-in from {@code address}, whatever it named. */
    public void failed(String address) {
        failures.failed(address, clock.instant());
    }

    /** A new question for the sign-in page. */
    public HumanCheck.Challenge challenge() {
        return check().issue(clock.instant());
    }

    /** Whether the question was answered rightly; each token is tried once, answered rightly or not. */
    public boolean solved(String token, String answer) {
        Instant now = clock.instant();
        try {
            HumanCheck.Token read = check().read(token, now);
            if (!challenges.use(read.nonce(), read.expiresAt(), now)) {
                return false;
            }
            check().check(read, answer);
            return true;
        } catch (RuntimeException e) {
            if (e instanceof DomainProblem) {
                return false;
            }
            throw e;
        }
    }

    private HumanCheck check() {
        HumanCheck current = check;
        if (current == null) {
            current = new HumanCheck("sign-in-challenge", challenges.key(), TTL, random);
            check = current;
        }
        return current;
    }
}
