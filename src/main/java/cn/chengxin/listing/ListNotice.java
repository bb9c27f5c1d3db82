package cn.chengxin.listing;

import java.time.Instant;
import java.util.UUID;

/**
 * A written notice to the subject (事先告知书, 公示, 生效告知, 移出告知书, 有效期变更告知书), kept as issued;
 * {@code selfServiceNotice}: its copy among the subject's 消息通知, which keeps its wording and arguments (V233), null
 * for a notice of before V160.
 */
public record ListNotice(UUID id, UUID entryId, Kind kind, String title, String body, Instant issuedAt,
                         UUID selfServiceNotice) {

    public enum Kind {
        PRIOR("信用惩戒事先告知书"), PUBLIC("守信激励对象公示"), EFFECTIVE("列入名单告知书"), EXIT("移出名单告知书"),
        PERIOD_CHANGED("名单有效期变更告知书");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
