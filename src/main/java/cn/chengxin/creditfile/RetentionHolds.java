package cn.chengxin.creditfile;

import java.util.Set;
import java.util.UUID;

/**
 * Whoever extends the retention of records beyond its end (RULES.md §4: negative information is kept longer while the
 * subject remains on a serious-dishonesty list). The nightly archiving asks every bean implementing this which
 * records to leave where they are; a record no longer held is archived by the first run after, its retention being
 * over. The module that knows why (listing) implements it, so that the credit file depends on nothing above it.
 */
public interface RetentionHolds {

    /** The keys of the records whose retention is extended today. */
    Set<UUID> heldRecords();
}
