package cn.chengxin.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A citizen's confirmation of electronic service (电子送达确认书, 《行政处罚法》第六十一条), as recorded: who signed it
 * ({@code agreedBy}: their account id, {@code counter} for a paper signed at the window, or {@code demo}), which text
 * ({@code termsVersion}), when it took effect, how it came ({@link Channel}), and when and by whom it was withdrawn
 * (null while in force; {@code withdrawnBy}: the account id, {@code closure}, {@code unbind} or {@code counter}). A paper
 * recorded at the window names the clerk who recorded it ({@code recordedBy}), the day written on it ({@code signedOn})
 * and where it is kept ({@code paperReference}); these are null for the other channels.
 */
public record ElectronicServiceAgreement(UUID id, UUID subjectId, String agreedBy, String termsVersion,
                                         Instant agreedAt, Instant withdrawnAt, String withdrawnBy, Channel channel,
                                         String recordedBy, LocalDate signedOn, String paperReference) {

    /** How an agreement came (V700 {@code channel}). */
    public enum Channel {
        /** Ticked on the page 个人中心 → 电子送达. */
        SELF_SERVICE,
        /** Ticked on the registration form, stored as the account was created. */
        REGISTRATION,
        /** A confirmation the person signed on paper, recorded at the window (窗口) by a clerk. */
        COUNTER,
        /** The synthetic demo citizen's. */
        DEMO;

        /** The column's value. */
        public String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Channel ofColumn(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public boolean inForce() {
        return withdrawnAt == null;
    }
}
