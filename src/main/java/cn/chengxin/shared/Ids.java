package cn.chengxin.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): random enough to be unguessable, ordered enough that primary-key
 * indexes of tables with hundreds of millions of rows stay compact when rows arrive in bulk.
 */
public final class Ids {

    /**
     * One strong generator per thread: a single shared one is read under a lock (and, as NativePRNG, mixes in a read
     * of /dev/urandom), which the check API's request threads, each making an id per check, queued for.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private Ids() {
    }

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        SecureRandom random = RANDOM.get();
        long randA = random.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
