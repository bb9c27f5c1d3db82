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
 *
 * <p>The checkpoint key can be replaced (I4; GB/T 39786-2021: keys are updated over their life, and the log is to be
 * verifiable for the ten years its events are kept, RULES.md §9): each checkpoint names its key ({@code key_id}), and
 * is verified with that key. The public halves of the keys that signed before are kept in the key directory as
 * {@code audit-checkpoint-sm2.<key id>.pub} (base64): the platform writes the current key's there when it starts, so
 * that it stays once the private key file is replaced, and reads them again at each verification, so that a public half
 * put back by hand counts without a restart. The directory is as trusted as the private key: a public half there
 * vouches for the checkpoints it verifies.
 *
 * <p>The row-sealing key has versions too (I4, session xxxv), as the SM4 sealing key has: {@code audit-row-mac.key} is
 * version 1, {@code audit-row-mac.v<N>.key} version N ({@code generate-keys --next-row-mac-key}). New rows are sealed
 * under the highest version, each row names its version ({@code audit.event.mac_version}, V408), and a row is verified
 * with the key its version names; older versions are kept for verification only. A version missing from the directory
 * when the platform started is read when a row first names it (a retired key put back by hand counts without a
 * restart); a row naming a version that no file holds does not verify.
 */
public final class AuditKeys {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);
    static final String MAC_FILE = "audit-row-mac.key";
    private static final java.util.regex.Pattern MAC_VERSION_FILE =
            java.util.regex.Pattern.compile("audit-row-mac\\.v([1-9][0-9]{0,3})\\.key");
    static final String SIGNING_FILE = "audit-checkpoint-sm2.key";
    private static final java.util.regex.Pattern PUBLIC_FILE =
            java.util.regex.Pattern.compile("audit-checkpoint-sm2\\.([0-9a-f]{16})\\.pub");

    /** Row-sealing keys by version; versions read later (put back by hand) are added. */
    private final java.util.concurrent.ConcurrentMap<Integer, byte[]> macKeys;
    /** The version that seals new rows: the highest known at start. */
    private final int macVersion;
    /** Each thread's keyed HMACs of the older versions, made when a row first names one (verification). */
    private final ThreadLocal<java.util.Map<Integer, HMac>> olderMacs =
            ThreadLocal.withInitial(java.util.HashMap::new);
    /**
     * Each thread's HMAC, keyed once: keying computes the padded key's two SM3 blocks, which {@code doFinal} then
     * restores instead of computing again (BouncyCastle keeps the digest's state), so a row MAC costs two SM3 blocks
     * and no allocation fewer. The audit writer is one thread; the verifier another. Of the current version: the
     * writer's hot path looks up nothing else.
     */
    private final ThreadLocal<HMac> rowMacs;
    private final CheckpointSigner signer;
    private final Path dir;

    AuditKeys(byte[] macKey, CheckpointSigner signer, Path dir) {
        this(java.util.Map.of(1, macKey), signer, dir);
    }

    AuditKeys(java.util.Map<Integer, byte[]> macKeys, CheckpointSigner signer, Path dir) {
        if (macKeys.isEmpty()) {
            throw new IllegalArgumentException("no row-sealing key");
        }
        this.macKeys = new java.util.concurrent.ConcurrentHashMap<>();
        macKeys.forEach((version, key) -> this.macKeys.put(version, key.clone()));
        this.macVersion = java.util.Collections.max(macKeys.keySet());
        byte[] current = this.macKeys.get(macVersion);
        this.rowMacs = ThreadLocal.withInitial(() -> keyed(current));
        this.signer = signer;
        this.dir = dir;
    }

    private static HMac keyed(byte[] key) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(key));
        return hmac;
    }

    /**
     * Keys of another signer over the same row-sealing keys and key directory: a checkpoint key replaced (tests; the
     * key directory's public halves are read as for the platform's own keys).
     */
    public AuditKeys withSigner(CheckpointSigner other) {
        return new AuditKeys(macKeys, other, dir);
    }

    /**
     * These keys with {@code key} as the next row-sealing version, which then seals new rows: the key directory after
     * {@code generate-keys --next-row-mac-key} and a restart (tests rotate so without restarting the platform).
     */
    public AuditKeys withNextRowMacKey(byte[] key) {
        java.util.Map<Integer, byte[]> next = new java.util.HashMap<>(macKeys);
        next.put(macVersion + 1, key);
        return new AuditKeys(next, signer, dir);
    }

    public static AuditKeys load(Path dir, boolean generateMissing) throws IOException {
        java.util.Map<Integer, byte[]> macs = rowMacKeys(dir);
        if (macs.isEmpty()) {
            macs.put(1, read(dir.resolve(MAC_FILE), generateMissing, () -> {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                return Base64.getEncoder().encodeToString(key);
            }));
        }
        byte[] signing = read(dir.resolve(SIGNING_FILE), generateMissing, () -> Sm2Keys.generate().privateKey());
        AuditKeys keys = new AuditKeys(macs, new CheckpointSigner(Base64.getEncoder().encodeToString(signing)), dir);
        keys.keepPublicHalf();
        return keys;
    }

    /** The row-sealing key files of {@code dir} by version: {@code audit-row-mac.key} is 1. */
    public static java.util.Map<Integer, byte[]> rowMacKeys(Path dir) throws IOException {
        java.util.Map<Integer, byte[]> keys = new java.util.TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                java.util.regex.Matcher m = MAC_VERSION_FILE.matcher(name);
                if (name.equals(MAC_FILE) || m.matches()) {
                    keys.put(name.equals(MAC_FILE) ? 1 : Integer.parseInt(m.group(1)),
                            Base64.getDecoder().decode(Files.readString(file).trim()));
                }
            }
        }
        return keys;
    }

    /** The file name of row-sealing key {@code version}. */
    public static String rowMacFile(int version) {
        return version == 1 ? MAC_FILE : "audit-row-mac.v" + version + ".key";
    }

    /** The row-sealing key version that seals new rows. */
    public int macVersion() {
        return macVersion;
    }

    /** Short id of a checkpoint key: the first 16 hex digits of SM3 of its public key (base64). */
    public static String keyIdOf(String publicKey) {
        byte[] digest = cn.chengxin.audit.domain.MerkleHash.sm3().hash(Base64.getDecoder().decode(publicKey.strip()));
        return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
    }

    /** The id of the key that signs checkpoints now. */
    public String keyId() {
        return keyIdOf(signer.publicKey());
    }

    /**
     * The public halves of every checkpoint key known, by key id: the current one first, then those kept in the key
     * directory, in id order. A file whose content does not give its name's id is left out (and logged).
     */
    public java.util.Map<String, String> publicKeys() {
        java.util.Map<String, String> known = new java.util.LinkedHashMap<>();
        known.put(keyId(), signer.publicKey());
        if (dir == null || !Files.isDirectory(dir)) {
            return known;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                java.util.regex.Matcher m = PUBLIC_FILE.matcher(file.getFileName().toString());
                if (m.matches() && !known.containsKey(m.group(1))) {
                    String publicKey = Files.readString(file).strip();
                    if (m.group(1).equals(keyIdOf(publicKey))) {
                        known.put(m.group(1), publicKey);
                    } else {
                        log.warn("Key file {} does not hold the key its name gives: left out", file.getFileName());
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Cannot read the retired checkpoint keys in {}", dir, e);
        }
        return known;
    }

    /** The public half of the checkpoint key {@code keyId}, current or retired; empty when not known. */
    public java.util.Optional<String> publicKey(String keyId) {
        return java.util.Optional.ofNullable(keyId == null ? null : publicKeys().get(keyId));
    }

    /**
     * Writes the current key's public half beside it unless already there: when the private key is replaced, the
     * checkpoints it signed still verify. A directory that cannot be written (keys supplied read-only) is logged: the
     * operator then keeps the public half himself (README: replacing a key).
     */
    private void keepPublicHalf() {
        Path file = dir.resolve("audit-checkpoint-sm2." + keyId() + ".pub");
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.writeString(file, signer.publicKey());
        } catch (IOException e) {
            log.warn("Cannot keep the public half of the checkpoint key as {}: save it before the key is replaced",
                    file, e);
        }
    }

    /**
     * HMAC-SM3 over the row's position, leaf hash, time and category: what stays of a row after its content
     * is pruned at the end of its retention period, so pruning cannot be faked on a younger row either. The pruning
     * mark itself ({@code pruned_at}) is not covered, to keep the seals written before pruning valid; the verifier
     * instead accepts a mark only where the retention job could have set it.
     */
    public byte[] rowMac(long seq, byte[] leafHash, java.time.Instant at, String category) {
        return rowMac(rowMacs.get(), seq, leafHash, at, category);
    }

    /**
     * As {@link #rowMac(long, byte[], java.time.Instant, String)} under row-sealing key {@code version}, the one a
     * stored row names; empty when no key of that version is held (the row then does not verify).
     */
    public java.util.Optional<byte[]> rowMac(int version, long seq, byte[] leafHash, java.time.Instant at,
                                             String category) {
        if (version == macVersion) {
            return java.util.Optional.of(rowMac(seq, leafHash, at, category));
        }
        HMac hmac = olderMacs.get().get(version);
        if (hmac == null) {
            byte[] key = macKeys.computeIfAbsent(version, this::readRetired);
            if (key == null) {
                return java.util.Optional.empty();
            }
            hmac = keyed(key);
            olderMacs.get().put(version, hmac);
        }
        return java.util.Optional.of(rowMac(hmac, seq, leafHash, at, category));
    }

    /** A version not held at start, read from the key directory (put back by hand); null when no file holds it. */
    private byte[] readRetired(int version) {
        if (dir == null || version < 1) {
            return null;
        }
        Path file = dir.resolve(rowMacFile(version));
        try {
            return Files.exists(file) ? Base64.getDecoder().decode(Files.readString(file).trim()) : null;
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Cannot read row-sealing key {}", file, e);
            return null;
        }
    }

    private static byte[] rowMac(HMac hmac, long seq, byte[] leafHash, java.time.Instant at, String category) {
        hmac.reset(); // back to the keyed state (a copy, no SM3 block), whatever an earlier call left
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
