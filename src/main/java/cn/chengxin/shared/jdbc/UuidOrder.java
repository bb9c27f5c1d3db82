package cn.chengxin.shared.jdbc;

import java.util.UUID;

/**
 * PostgreSQL's order of {@code uuid} values, in which its indexes and {@code ORDER BY} return them: bytes compared
 * unsigned, high bits first. {@link UUID#compareTo} compares the halves signed, another order for half of all ids.
 */
public final class UuidOrder {

    private UuidOrder() {
    }

    public static int compare(UUID a, UUID b) {
        int order = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return order != 0 ? order : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
