package cn.chengxin.catalog;

import java.time.Instant;

/**
 * A department's notice of an approved change of an item it provides (gaps review xxxvii-api R4): which change, when
 * told, and who of the department read it (知悉) and when ({@code null} while unread).
 */
public record ChangeNotice(long changeSeq, String departmentCode, String code, int version, Instant notifiedAt,
                           String acknowledgedBy, Instant acknowledgedAt) {

    public boolean read() {
        return acknowledgedAt != null;
    }
}
