package cn.chengxin.audit;

import java.time.Clock;
import java.time.Duration;

import cn.chengxin.audit.persistence.AuditWriter;

/**
 * An audit log whose events are stamped {@code ago} before {@code clock}'s time, sealed and chained as any other: the
 * database judges retention by its own clock (V570, gaps review xli V1), so a test of retention makes its events old
 * instead of moving the clock ahead.
 */
final class PastAuditLog {

    private PastAuditLog() {
    }

    static AuditLog ago(AuditWriter writer, Clock clock, Duration ago) {
        return new AuditLog(writer, Clock.offset(clock, ago.negated()));
    }
}
