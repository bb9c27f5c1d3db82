package cn.chengxin.exchange.domain;

import java.util.List;

/**
 * The versions of the batch format (docs/exchange-format.md, "Versioning of the format"; gaps review xxxvii R6).
 * Receivers refuse unknown fields, so a new field is a new version: {@value #V1} is the format as first published,
 * {@value #V2} adds {@code proceedings} to records and list entries (the pending administrative review or lawsuit,
 * RULES.md §5) and the batch member {@code test} ({@link Batch#test}). The envelope that carries either ({@code chengxin-sealed/1}) is versioned on its own.
 *
 * <p>A receiver accepts every format in {@link #ACCEPTED}, judged by the batch's declared {@code format}: a platform
 * is upgraded while its partners still speak the previous version. A {@value #V1} batch may still carry
 * {@code proceedings}: the releases of 2026-12 sent the field under {@value #V1} before the version was raised, and
 * their batches are read as they were meant. A sender writes the lowest version that carries its batch, and never a
 * version above the one the partner declares ({@link #forBatch}).
 */
public final class ExchangeFormats {

    public static final String V1 = "chengxin-exchange/1";
    public static final String V2 = "chengxin-exchange/2";

    /** The current format, the highest this platform writes. */
    public static final String CURRENT = V2;

    /** Every format this platform reads, oldest first (announced at {@code GET /api/v1/exchange/platform}). */
    public static final List<String> ACCEPTED = List.of(V1, V2);

    private ExchangeFormats() {
    }

    /** Whether a batch declaring {@code format} is read. */
    public static boolean accepted(String format) {
        return format != null && ACCEPTED.contains(format);
    }

    /**
     * The format a batch of these messages is written in for a partner that declares {@code partnerHighest} (null:
     * it declared nothing, so it is taken to speak the current version): {@value #V2} when a message carries
     * {@code proceedings} and the partner speaks it, else {@value #V1}. A partner declared {@value #V1} gets
     * {@value #V1} whatever the batch carries, as the releases before the version was raised sent it (they read
     * {@code proceedings} under {@value #V1}; a receiver older than the field refuses such a message as it always did).
     */
    public static String forBatch(List<ExchangeMessage> messages, String partnerHighest) {
        if (V1.equals(partnerHighest)) {
            return V1;
        }
        return messages.stream().anyMatch(m -> m.proceedings() != null) ? V2 : V1;
    }
}
