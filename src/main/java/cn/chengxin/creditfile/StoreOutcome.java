package cn.chengxin.creditfile;

import java.util.UUID;

/** What storing one record did: stored (with its record key), a replay (nothing written), or refused. */
public record StoreOutcome(Kind kind, UUID recordKey, String code, String message) {

    public enum Kind {
        STORED, DUPLICATE, REFUSED
    }

    static StoreOutcome stored(UUID key) {
        return new StoreOutcome(Kind.STORED, key, null, null);
    }

    static StoreOutcome duplicate(UUID key) {
        return new StoreOutcome(Kind.DUPLICATE, key, null, null);
    }

    /**
     * The refusal of a correction or revocation of a record its department never sent under that item for that
     * subject: the one problem of such a row, whether found before it is stored or when it is (issue #4).
     */
    public static StoreOutcome unknownRecord() {
        return refused("RECORD_UNKNOWN", "本部门未报送过该事项下该主体的这条记录（部门记录编号不存在）："
                + "更正（UPDATE）或撤销（REVOKE）须针对已报送的记录，新记录请以 ADD 报送");
    }

    static StoreOutcome refused(String code, String message) {
        return new StoreOutcome(Kind.REFUSED, null, code, message);
    }
}
