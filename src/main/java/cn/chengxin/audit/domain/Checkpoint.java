package cn.chengxin.audit.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A tree head: the size of the log, its root, and when it was taken. {@link #signedBytes()} is what the SM2
 * signature covers, a documented text form anyone can rebuild:
 * {@code chengxin-audit-checkpoint/v1\n<size>\n<base64 root>\n<epoch milliseconds>\n} in UTF-8.
 */
public record Checkpoint(long treeSize, byte[] root, Instant at) {

    public byte[] signedBytes() {
        return ("chengxin-audit-checkpoint/v1\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(root) + "\n"
                + at.toEpochMilli() + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
