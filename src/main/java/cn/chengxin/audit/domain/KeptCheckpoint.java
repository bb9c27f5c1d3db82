package cn.chengxin.audit.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A checkpoint that an auditor kept from the public page (/audit/checkpoints) and brings back, as text, to check
 * the log against it: the platform could rewrite its own log and sign new checkpoints for it, but it cannot make
 * the rewritten log give the root it signed before (RULES.md §10: audit records protected against change and
 * deletion). The fields are read as the page shows them: the size in decimal, the root in hex (Base64 is taken
 * too, as the signed bytes spell it), the time in ISO-8601 and the signature in Base64.
 */
public record KeptCheckpoint(Checkpoint checkpoint, byte[] signature) {

    /** SM3 roots are 32 bytes. */
    private static final int ROOT_LENGTH = 32;

    /** Which of the four fields could not be read. */
    public enum Field {
        SIZE, ROOT, TIME, SIGNATURE
    }

    /** A field that does not read as the page shows it. */
    public static final class Malformed extends IllegalArgumentException {

        private final Field field;

        Malformed(Field field, String message) {
            super(message);
            this.field = field;
        }

        public Field field() {
            return field;
        }
    }

    public KeptCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public long treeSize() {
        return checkpoint.treeSize();
    }

    /**
     * Reads a checkpoint as pasted back.
     *
     * @throws Malformed naming the first field that does not read
     */
    public static KeptCheckpoint parse(String size, String root, String at, String signature) {
        return new KeptCheckpoint(new Checkpoint(size(size), root(root), time(at)), signatureOf(signature));
    }

    private static long size(String text) {
        try {
            long size = Long.parseLong(compact(text));
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Malformed(Field.SIZE, "the tree size is not a whole number of events of at least 1");
    }

    private static byte[] root(String text) {
        String root = compact(text);
        byte[] bytes = null;
        if (root.length() == 2 * ROOT_LENGTH && root.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            bytes = HexFormat.of().parseHex(root);
        } else {
            try {
                bytes = Base64.getDecoder().decode(root);
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        if (bytes == null || bytes.length != ROOT_LENGTH) {
            throw new Malformed(Field.ROOT, "the root hash is not 64 hexadecimal digits (or the Base64 of 32 bytes)");
        }
        return bytes;
    }

    private static Instant time(String text) {
        String at = text == null ? "" : text.strip();
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(at).toInstant();
            } catch (DateTimeParseException again) {
                throw new Malformed(Field.TIME, "the time is not an ISO-8601 instant such as 2026-12-04T13:27:35.123Z");
            }
        }
    }

    private static byte[] signatureOf(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(compact(text));
            if (bytes.length > 0) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new Malformed(Field.SIGNATURE, "the signature is not Base64");
    }

    /** Pasted text may carry line breaks and spaces from the page's wrapping. */
    private static String compact(String text) {
        return text == null ? "" : text.replaceAll("\\s", "");
    }
}
