package cn.chengxin.audit.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A naive transcription of RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 over the leaf inputs themselves (recursive,
 * reads every leaf), to check the production code against the RFC text. It uses only the plain hash of
 * {@link MerkleHash#hash} and writes the 0x00 / 0x01 prefixes itself, so it does not share code with
 * {@link MerkleHash#leaf} or {@link MerkleHash#node}.
 */
final class RfcReference {

    private final MerkleHash hash;

    RfcReference(MerkleHash hash) {
        this.hash = hash;
    }

    /** MTH({d(0)}) = HASH(0x00 || d(0)). */
    byte[] leafHash(byte[] input) {
        return hash.hash(concat(new byte[] {0x00}, input));
    }

    /** MTH(D[n]). */
    byte[] mth(List<byte[]> inputs) {
        int n = inputs.size();
        if (n == 0) {
            return hash.hash(new byte[0]);
        }
        if (n == 1) {
            return leafHash(inputs.get(0));
        }
        int k = largestPowerOfTwoSmallerThan(n);
        return hash.hash(concat(new byte[] {0x01}, mth(inputs.subList(0, k)), mth(inputs.subList(k, n))));
    }

    /** PATH(m, D[n]). */
    List<byte[]> path(int m, List<byte[]> inputs) {
        int n = inputs.size();
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        int k = largestPowerOfTwoSmallerThan(n);
        if (m < k) {
            result.addAll(path(m, inputs.subList(0, k)));
            result.add(mth(inputs.subList(k, n)));
        } else {
            result.addAll(path(m - k, inputs.subList(k, n)));
            result.add(mth(inputs.subList(0, k)));
        }
        return result;
    }

    /** For each element of PATH(m, D[n]), whether that sibling sits to the right of the path (m < k). */
    static List<Boolean> siblingsOnTheRight(long m, long n) {
        List<Boolean> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        long k = largestPowerOfTwoSmallerThan(n);
        if (m < k) {
            result.addAll(siblingsOnTheRight(m, k));
            result.add(true);
        } else {
            result.addAll(siblingsOnTheRight(m - k, n - k));
            result.add(false);
        }
        return result;
    }

    /**
     * The steps SUBPROOF(m, D[n], true) takes, one per proof element: "node" for the terminal MTH(D[m]) added
     * when b is false, "right" for an MTH(D[k:n]) that only the new tree has, "left" for an MTH(D[0:k]) that
     * both trees share.
     */
    static List<String> consistencySteps(long m, long n) {
        return steps(m, n, true);
    }

    private static List<String> steps(long m, long n, boolean b) {
        List<String> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add("node");
            }
            return result;
        }
        long k = largestPowerOfTwoSmallerThan(n);
        if (m <= k) {
            result.addAll(steps(m, k, b));
            result.add("right");
        } else {
            result.addAll(steps(m - k, n - k, false));
            result.add("left");
        }
        return result;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
    List<byte[]> proof(int m, List<byte[]> inputs) {
        return subproof(m, inputs, true);
    }

    private List<byte[]> subproof(int m, List<byte[]> inputs, boolean b) {
        int n = inputs.size();
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(inputs));
            }
            return result;
        }
        int k = largestPowerOfTwoSmallerThan(n);
        if (m <= k) {
            result.addAll(subproof(m, inputs.subList(0, k), b));
            result.add(mth(inputs.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, inputs.subList(k, n), false));
            result.add(mth(inputs.subList(0, k)));
        }
        return result;
    }

    /** "k be the largest power of two smaller than n (i.e., k < n <= 2k)". */
    static int largestPowerOfTwoSmallerThan(long n) {
        int k = 1;
        while (2L * k < n) {
            k *= 2;
        }
        return k;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] result = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, result, at, part.length);
            at += part.length;
        }
        return result;
    }
}
