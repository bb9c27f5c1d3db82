package cn.chengxin.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * A budget of tokens a minute per key that every instance over one database spends together, without a database round
 * trip per request (gaps-review-xxxiii N7): the bucket lives in the database ({@link BudgetLeases}, V388) and each
 * instance takes slices of it (leases) when the tokens it holds cannot pay a request. A request paid from the held
 * slice costs no round trip and no allocation; a lease is one statement, and gives back what the instance held unspent
 * in the same statement. So a client kept on one instance gets its whole budget, and N instances together never grant
 * more than the bucket holds, give or take the slices they hold (one {@link #LEASE_LIFE} at most: a slice held longer
 * is given back at the next lease rather than spent).
 *
 * <p>A slice is {@link #LEASE_LIFE} of the refill, or what the request needs when more. A refused request is
 * remembered until the refill could pay it, so a client insisting meanwhile is refused without a round trip. When the
 * database cannot be reached, the instance falls back to a bucket of its own holding its share of the budget
 * ({@link InstanceShare}, {@code chengxin.cluster.instances}), as before the shared budget: the checks keep being
 * limited, about right behind a round-robin balancer, while the database is away.
 */
public final class SharedBudget {

    /** How long a slice is spent before it is given back: a second of the refill is leased at a time. */
    public static final Duration LEASE_LIFE = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(SharedBudget.class);

    private final String limit;
    private final BudgetLeases leases;
    private final InstanceShare share;
    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> fallback = new ConcurrentHashMap<>();
    private volatile boolean away;

    /** What this instance holds of a key's budget. */
    private static final class Held {
        long tokens;
        long leasedAt;
        long perMinute;
        /** After a refusal: until when a request of at least {@link #refused} tokens is refused without asking. */
        long refusedUntil;
        long refused;
    }

    public SharedBudget(String limit, BudgetLeases leases, InstanceShare share, Clock clock) {
        this.limit = limit;
        this.leases = leases;
        this.share = share;
        this.clock = clock;
    }

    /**
     * Takes {@code amount} tokens of {@code key}'s budget of {@code perMinute} a minute, whose burst is a minute's
     * budget and never less than {@code leastBurst}: {@link TokenBucket.Decision#allowed()}, or refused with how long
     * to wait (whole seconds, at least one).
     *
     * @param amount at most the burst
     */
    public TokenBucket.Decision take(String key, long perMinute, long leastBurst, long amount) {
        long capacity = Math.max(perMinute, leastBurst);
        Held mine = held.computeIfAbsent(key, k -> new Held());
        synchronized (mine) {
            long now = clock.millis();
            if (mine.perMinute == perMinute && mine.tokens >= amount && now - mine.leasedAt < LEASE_LIFE.toMillis()) {
                mine.tokens -= amount;
                return TokenBucket.Decision.allow();
            }
            if (mine.perMinute == perMinute && amount >= mine.refused && now < mine.refusedUntil) {
                // Refused a moment ago, and the refill cannot pay it yet: a client insisting costs no round trip.
                long seconds = (mine.refusedUntil - now + 999) / 1000;
                return TokenBucket.Decision.deny(Duration.ofSeconds(Math.max(1, seconds)));
            }
            double perSecond = perMinute / 60.0;
            long slice = Math.max(1, (long) Math.ceil(perSecond * LEASE_LIFE.toSeconds()));
            BudgetLeases.Grant grant;
            try {
                grant = leases.lease(limit, key, capacity, perSecond, mine.tokens, amount, Math.max(amount, slice),
                        clock.instant());
            } catch (DataAccessException unreachable) {
                return alone(key, perMinute, leastBurst, amount, unreachable);
            }
            if (away) {
                away = false;
                log.info("Budget {}: the database answers again, the budget is shared again", limit);
            }
            mine.perMinute = perMinute;
            mine.leasedAt = now;
            if (grant.granted() < amount) {
                mine.tokens = grant.granted();
                double wait = (amount - grant.available()) / perSecond;
                mine.refused = amount;
                mine.refusedUntil = now + (long) Math.ceil(wait * 1000);
                return TokenBucket.Decision.deny(Duration.ofSeconds(Math.max(1, (long) Math.ceil(wait - 1e-9))));
            }
            mine.refused = 0;
            mine.refusedUntil = 0;
            mine.tokens = grant.granted() - amount;
            return TokenBucket.Decision.allow();
        }
    }

    /** The database is away: this instance's share of the budget, in its own memory (as before V388). */
    private TokenBucket.Decision alone(String key, long perMinute, long leastBurst, long amount, RuntimeException why) {
        if (!away) {
            away = true;
            log.warn("Budget {}: the database cannot be reached ({}); each instance keeps its share meanwhile",
                    limit, why.getClass().getSimpleName());
        }
        long own = share.of(perMinute);
        return fallback.computeIfAbsent(key + "/" + perMinute,
                        k -> new TokenBucket(Math.max(own, leastBurst), own / 60.0))
                .tryTake(clock.instant(), amount);
    }
}
