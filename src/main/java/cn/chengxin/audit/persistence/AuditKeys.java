package cn.chengxin.audit.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import cn.chengxin.audit.domain.CheckpointSigner;
import cn.chengxin.audit.domain.Sm2Keys;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log's two keys, kept in the key directory beside the identity keys: the HMAC-SM3 key that
 * seals each row (a row changed in the database no longer matches) and the SM2 key that signs checkpoints
 * (whose public half is published). Generated on first start only where keys may be generated (dev).
 */
public final class AuditKeys {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);
    static final String MAC_FILE = "audit-row-mac.key";
    static final String SIGNING_FILE = "audit-checkpoint-sm2.key";

    private final byte[] macKey;
    private final CheckpointSigner signer;

    AuditKeys(byte[] macKey, CheckpointSigner signer) {
        this.macKey = macKey.clone();
        this.signer = signer;
    }

    public static AuditKeys load(Path dir, boolean generateMissing) throws IOException {
        byte[] mac = read(dir.resolve(MAC_FILE), generateMissing, () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
        byte[] signing = read(dir.resolve(SIGNING_FILE), generateMissing, () -> Sm2Keys.generate().privateKey());
        return new AuditKeys(mac, new CheckpointSigner(Base64.getEncoder().encodeToString(signing)));
    }

    /**
     * HMAC-SM3 over the row's position, leaf hash, time and category: what stays of a row after its content
     * is pruned at the end of its retention period, so pruning cannot be faked on a younger row either. The pruning
     * mark itself ({@code pruned_at}) is not covered, to keep the seals written before pruning valid; the verifier
     * instead accepts a mark only where the retention job could have set it.
     */
    public byte[] rowMac(long seq, byte[] leafHash, java.time.Instant at, String category) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(macKey));
        byte[] fixed = java.nio.ByteBuffer.allocate(16).putLong(seq)
                .putLong(at.getEpochSecond() * 1_000_000 + at.getNano() / 1000).array();
        byte[] kind = category.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        hmac.update(fixed, 0, fixed.length);
        hmac.update(leafHash, 0, leafHash.length);
        hmac.update(kind, 0, kind.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    public CheckpointSigner signer() {
        return signer;
    }

    /**
     * Reads a Base64 key file of the key directory; a missing one is generated (and kept owner-readable only) where
     * keys may be generated, and refused elsewhere. Shared with {@link cn.chengxin.audit.SigningKeys}.
     */
    public static byte[] read(Path file, boolean generate, java.util.function.Supplier<String> generator)
            throws IOException {
        if (!Files.exists(file)) {
            if (!generate) {
                throw new IllegalStateException("Missing key " + file.getFileName() + " in " + file.getParent()
                        + "; keys are generated only in development");
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, generator.get());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("Cannot restrict permissions of {} on this file system", file);
            }
            log.info("Generated key {}", file);
        }
        return Base64.getDecoder().decode(Files.readString(file).trim());
    }
}
