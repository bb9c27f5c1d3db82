package cn.chengxin.measures;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import cn.chengxin.measures.persistence.JdbcMeasures;
import org.springframework.stereotype.Component;

/**
 * The measures catalogue as last read ({@link MeasureCatalogue#all}, whose cache this is), which the check path reads
 * on every call. Kept apart from the catalogue, a transactional proxy for its changes, so that a check's reads pass no
 * proxy's interceptor and reflective call where there is no transaction to open (docs/performance-log.md, checks,
 * session xlviii). Read again by the catalogue's refresh, and at once after a change approved here.
 */
@Component
class CachedMeasures {

    private final JdbcMeasures store;
    /** Changes approved on this instance, counted once committed: a list read before one is not kept after it. */
    private final AtomicLong approvedHere = new AtomicLong();
    private volatile Snapshot cached;

    /** The catalogue as read, and how many changes had been approved here when the read began. */
    private record Snapshot(long approved, List<Measure> measures) {
    }

    CachedMeasures(JdbcMeasures store) {
        this.store = store;
    }

    List<Measure> all() {
        Snapshot snapshot = cached;
        if (snapshot != null && snapshot.approved() == approvedHere.get()) {
            return snapshot.measures();
        }
        return read();
    }

    /**
     * Counted before the read: a read begun before an approval here committed (a check's, or the refresh's) is kept
     * only until the count moves, never in place of the approved change.
     */
    List<Measure> read() {
        long approved = approvedHere.get();
        List<Measure> measures = store.measures();
        cached = new Snapshot(approved, measures);
        return measures;
    }

    /** A change approved on this instance has committed: the catalogue is read again before it is next answered. */
    void approved() {
        approvedHere.incrementAndGet();
    }

    /** Whether the department may check in this scenario: some enabled measure there is implemented by it. */
    boolean mayCheck(String department, Scenario scenario) {
        for (Measure m : all()) {
            if (m.enabled() && m.scenarios().contains(scenario) && m.implementedBy(department)) {
                return true;
            }
        }
        return false;
    }
}
