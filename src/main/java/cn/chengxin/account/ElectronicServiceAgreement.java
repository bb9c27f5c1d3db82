package cn.chengxin.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A citizen's confirmation of electronic service (电子送达确认书, 《行政处罚法》第六十一条), as recorded: who signed it
 * ({@code agreedBy}: their account id, or {@code demo}), which text ({@code termsVersion}), when, and when and by whom it
 * was withdrawn (null while in force; {@code withdrawnBy}: the account id, {@code closure} or {@code unbind}).
 */
public record ElectronicServiceAgreement(UUID id, UUID subjectId, String agreedBy, String termsVersion,
                                         Instant agreedAt, Instant withdrawnAt, String withdrawnBy) {

    public boolean inForce() {
        return withdrawnAt == null;
    }
}
