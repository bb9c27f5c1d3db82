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

    /** Random bits for this many ids drawn in one request to the thread's generator. */
    private static final int IDS_A_DRAW = 16;
    /** The bits of one id: 74 random bits (12 in {@code rand_a}, 62 in {@code rand_b}) in ten bytes. */
    private static final int ID_BYTES = 10;

    /** A thread's bits drawn and not yet used: each id takes the next ten bytes, each used once. */
    private static final class Drawn {
        final byte[] bytes = new byte[IDS_A_DRAW * ID_BYTES];
        int next = bytes.length;
    }

    private static final ThreadLocal<Drawn> DRAWN = ThreadLocal.withInitial(Drawn::new);

    /**
     * 74 random bits (12 in {@code rand_a}, 62 in {@code rand_b}), the next ten bytes of those the thread drew. A
     * DRBG's cost is per request (each one hashes its state forward, whatever it returns): {@code nextInt} and
     * {@code nextLong} made three an id (session xli), one {@code nextBytes} of ten bytes still one; the bits of
     * sixteen ids in one request cost about what one id's did (session xliii, thread CPU on a loaded machine:
     * ~380 → ~95 ns an id). The bytes come from the same generator either way, and none serves two ids.
     */
    public static UUID newId() {
        long millis = System.currentTimeMillis();
        Drawn drawn = DRAWN.get();
        if (drawn.next == drawn.bytes.length) {
            RANDOM.get().nextBytes(drawn.bytes);
            drawn.next = 0;
        }
        byte[] bits = drawn.bytes;
        int at = drawn.next;
        drawn.next = at + ID_BYTES;
        long randA = ((bits[at] & 0xFFL) << 4 | (bits[at + 1] & 0xFFL) >>> 4) & 0xFFF;
        long randB = 0;
        for (int i = at + 2; i < at + ID_BYTES; i++) {
            randB = randB << 8 | bits[i] & 0xFFL;
        }
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
