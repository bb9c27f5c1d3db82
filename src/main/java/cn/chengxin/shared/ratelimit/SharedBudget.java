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
        /** A lease ahead is on its way ({@link #renewAhead}). */
        boolean renewing;
        /** Tokens leased ahead for a budget no longer the key's: given back at the next lease. */
        long owed;
        /** After a lease ahead that got less than a slice, or failed: none ahead again before this instant. */
        long noAheadUntil;
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
        double perSecond = perMinute / 60.0;
        long slice = Math.max(1, (long) Math.ceil(perSecond * LEASE_LIFE.toSeconds()));
        long renewFrom;
        long returned;
        synchronized (mine) {
            long now = clock.millis();
            if (mine.perMinute == perMinute && mine.tokens >= amount && now - mine.leasedAt < LEASE_LIFE.toMillis()) {
                mine.tokens -= amount;
                if (mine.renewing || !renewDue(mine, now, slice)) {
                    return TokenBucket.Decision.allow();
                }
                // This caller leases the next slice; the others spend what is left meanwhile, at most half a slice.
                mine.renewing = true;
                returned = Math.max(0, mine.tokens - slice / 2);
                mine.tokens -= returned;
                renewFrom = now;
            } else {
                return takeWaiting(mine, key, perMinute, leastBurst, amount, capacity, perSecond, slice, now);
            }
        }
        renewAhead(mine, key, perMinute, capacity, perSecond, slice, returned, renewFrom);
        return TokenBucket.Decision.allow();
    }

    /**
     * The held slice is half spent, or three quarters of its life are over: time to lease the next one ahead — unless
     * the last lease ahead found the bucket short or the database away, when leasing ahead again at once would cost a
     * statement a request; the key then leases as before, waiting, when its slice is spent or old.
     */
    private static boolean renewDue(Held mine, long now, long slice) {
        return now >= mine.noAheadUntil
                && (mine.tokens < slice / 2 || now - mine.leasedAt >= LEASE_LIFE.toMillis() * 3 / 4);
    }

    /**
     * Leases the next slice ahead of need ({@link #renewDue}), outside the key's lock, while the other callers go on
     * spending what is left — else, once the slice was spent or old, every request of the key waited behind the lock
     * for one lease's round trip and commit (session xl: a busy key's check threads all stopped for it once a second,
     * some 1.3% of the checks of a run, 5 ms each, longer while the database flushed). What was held beyond half a
     * slice goes back in the same lease, and the new slice is added to the rest, which is thus held up to a lease life
     * longer: an instance holds at most a slice and a half of a key's budget. A failed lease leaves things as they
     * were: the next request that finds the slice spent or old leases as before, waiting.
     */
    private void renewAhead(Held mine, String key, long perMinute, long capacity, double perSecond, long slice,
                            long returned, long startedAt) {
        BudgetLeases.Grant grant = null;
        try {
            grant = leases.lease(limit, key, capacity, perSecond, returned, 1, slice, clock.instant());
        } catch (DataAccessException unreachable) {
            log.debug("Budget {}: the next slice was not leased ahead ({})", limit, unreachable.toString());
        } finally {
            synchronized (mine) {
                mine.renewing = false;
                long back = grant == null ? returned : grant.granted();
                if (grant == null || grant.granted() < slice) {
                    mine.noAheadUntil = startedAt + LEASE_LIFE.toMillis();
                }
                if (mine.perMinute == perMinute) {
                    mine.tokens += back;
                    if (grant != null) {
                        mine.leasedAt = Math.max(mine.leasedAt, startedAt); // a lease made meanwhile keeps its life
                    }
                } else {
                    mine.owed += back; // the key's budget changed meanwhile: given back at the next lease
                }
            }
        }
    }

    /** The held slice cannot pay: leases one now, holding the key's lock (the callers of the key wait for it). */
    private TokenBucket.Decision takeWaiting(Held mine, String key, long perMinute, long leastBurst, long amount,
                                             long capacity, double perSecond, long slice, long now) {
        if (mine.perMinute == perMinute && amount >= mine.refused && now < mine.refusedUntil) {
            // Refused a moment ago, and the refill cannot pay it yet: a client insisting costs no round trip.
            long seconds = (mine.refusedUntil - now + 999) / 1000;
            return TokenBucket.Decision.deny(Duration.ofSeconds(Math.max(1, seconds)));
        }
        BudgetLeases.Grant grant;
        try {
            grant = leases.lease(limit, key, capacity, perSecond, mine.tokens + mine.owed, amount,
                    Math.max(amount, slice), clock.instant());
        } catch (DataAccessException unreachable) {
            return alone(key, perMinute, leastBurst, amount, unreachable);
        }
        if (away) {
            away = false;
            log.info("Budget {}: the database answers again, the budget is shared again", limit);
        }
        mine.owed = 0;
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
