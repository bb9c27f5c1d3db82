package cn.chengxin.audit.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed tree head: the log had {@code treeSize} leaves with root {@code root} at {@code at} (RFC 9162 §4.10
 * in spirit). Signing the root commits the log to every leaf before it; two checkpoints are then tied together
 * by a consistency proof.
 *
 * <p>The time is kept to the millisecond, the precision that {@link #signedBytes()} signs, so that a checkpoint
 * never claims more than its signature covers.
 */
public record Checkpoint(long treeSize, byte[] root, Instant at) {

    /** First line of {@link #signedBytes()}: names the format so a signature can never be reused for another. */
    public static final String FORMAT = "chengxin-audit-checkpoint/v1";

    public Checkpoint {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size is negative: " + treeSize);
        }
        root = Objects.requireNonNull(root, "root").clone();
        if (root.length == 0) {
            throw new IllegalArgumentException("root is empty");
        }
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /**
     * The exact bytes that are signed, UTF-8 text of four lines each ending in {@code \n}:
     * <pre>
     * chengxin-audit-checkpoint/v1
     * &lt;tree size, decimal&gt;
     * &lt;root, standard Base64 with padding (RFC 4648 §4)&gt;
     * &lt;time, decimal milliseconds since 1970-01-01T00:00:00Z&gt;
     * </pre>
     * Text so that anyone can rebuild it by hand; stable because every field has exactly one spelling.
     */
    public byte[] signedBytes() {
        String text = FORMAT + "\n"
                + treeSize + "\n"
                + Base64.getEncoder().encodeToString(root) + "\n"
                + at.toEpochMilli() + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint checkpoint && treeSize == checkpoint.treeSize
                && Arrays.equals(root, checkpoint.root) && at.equals(checkpoint.at);
    }

    @Override
    public int hashCode() {
        return Objects.hash(treeSize, Arrays.hashCode(root), at);
    }

    @Override
    public String toString() {
        return "Checkpoint[treeSize=" + treeSize + ", root=" + HexFormat.of().formatHex(root) + ", at=" + at + "]";
    }
}
