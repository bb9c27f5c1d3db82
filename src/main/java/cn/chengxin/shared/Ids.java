package cn.chengxin.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): random enough to be unguessable, ordered enough that primary-key
 * indexes of tables with hundreds of millions of rows stay compact when rows arrive in bulk.
 */
public final class Ids {

    /**
     * One DRBG (NIST SP 800-90A, seeded from the operating system) per thread: the default NativePRNG reads under one
     * lock shared by all its instances, which the check API's request threads, each making an id per check, queued
     * for; a DRBG instance has its own state and lock.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::strongGenerator);

    private static SecureRandom strongGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException absent) {
            return new SecureRandom();
        }
    }

    private Ids() {
    }

    /**
     * 74 random bits (12 in {@code rand_a}, 62 in {@code rand_b}) drawn in one request to the generator: a DRBG's
     * cost is per request (each one hashes its state forward), and {@code nextInt} and {@code nextLong} made three
     * (a {@code SecureRandom} serves every {@code next(bits)} with a request of its own), some 3 µs of a check's id.
     */
    public static UUID newId() {
        long millis = System.currentTimeMillis();
        byte[] bits = new byte[10];
        RANDOM.get().nextBytes(bits);
        long randA = ((bits[0] & 0xFFL) << 4 | (bits[1] & 0xFFL) >>> 4) & 0xFFF;
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = randB << 8 | bits[i] & 0xFFL;
        }
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
