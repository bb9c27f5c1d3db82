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

    static StoreOutcome refused(String code, String message) {
        return new StoreOutcome(Kind.REFUSED, null, code, message);
    }
}
