package cn.chengxin.exchange.domain;

import java.util.List;

/**
 * The versions of the batch format (docs/exchange-format.md, "Versioning of the format"; gaps review xxxvii R6).
 * Receivers refuse unknown fields, so a new field is a new version: {@value #V1} is the format as first published,
 * {@value #V2} adds {@code proceedings} to records and list entries (the pending administrative review or lawsuit,
 * RULES.md §5) and the batch member {@code test} ({@link Batch#test}), {@value #V3} adds {@code legacySourceId} to
 * records (the old platform's id of a back-loaded record, gaps review xliii X3). The envelope that carries either ({@code chengxin-sealed/1}) is versioned on its own.
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
    public static final String V3 = "chengxin-exchange/3";

    /** The current format, the highest this platform writes. */
    public static final String CURRENT = V3;

    /** Every format this platform reads, oldest first (announced at {@code GET /api/v1/exchange/platform}). */
    public static final List<String> ACCEPTED = List.of(V1, V2, V3);

    private ExchangeFormats() {
    }

    /** Whether a batch declaring {@code format} is read. */
    public static boolean accepted(String format) {
        return format != null && ACCEPTED.contains(format);
    }

    /**
     * The format a batch of these messages is written in for a partner that declares {@code partnerHighest} (null:
     * it declared nothing, so it is taken to speak the current version): {@value #V2} when a message carries
     * {@code proceedings} and the partner speaks it, else {@value #V1}; {@value #V3} when a message names an old
     * platform's id and the partner is declared neither {@value #V1} nor {@value #V2}. A partner declared {@value #V1} gets
     * {@value #V1} whatever the batch carries, as the releases before the version was raised sent it (they read
     * {@code proceedings} under {@value #V1}; a receiver older than the field refuses such a message as it always did).
     */
    public static String forBatch(List<ExchangeMessage> messages, String partnerHighest) {
        if (V1.equals(partnerHighest)) {
            return V1;
        }
        if (!V2.equals(partnerHighest) && messages.stream().anyMatch(m -> m.legacySourceId() != null)) {
            return V3;
        }
        return messages.stream().anyMatch(m -> m.proceedings() != null) ? V2 : V1;
    }

    /**
     * The messages as a batch of {@code format} carries them: below {@value #V3}, without {@code legacySourceId} (a
     * receiver reading no such member would refuse the batch; it gets the change under the record's id here, as before
     * the member existed, and so holds the old copy beside it — gaps review xliii X3).
     */
    public static List<ExchangeMessage> carried(List<ExchangeMessage> messages, String format) {
        return V3.equals(format) ? messages : messages.stream().map(ExchangeMessage::withoutLegacySourceId).toList();
    }
}
