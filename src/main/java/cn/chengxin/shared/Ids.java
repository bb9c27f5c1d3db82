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

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        SecureRandom random = RANDOM.get();
        long randA = random.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
