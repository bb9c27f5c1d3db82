package cn.chengxin.listing;

import java.time.Clock;
import java.time.LocalDate;

import cn.chengxin.listing.persistence.JdbcListing;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Gaps review xlii W4: a list entry ends on its last day (RULES.md §7: a 黑名单 entry is published only while valid),
 * but the tick that ends it guards each entry (gaps review xxxviii S4), so an entry whose end always fails stays in
 * effect — on 信用公示 if published — with a warning in the log as the only trace, while the tick itself succeeds and
 * its {@code chengxin_job_last_success_seconds} stays fresh. This gauge counts the open entries past their last day,
 * read when scraped by the index the tick reads them by (V427), up to {@value #BOUND}: anything above zero for longer
 * than a tick or two is a person listed past the end of their listing.
 */
@Component
class ListEntryAlarms implements MeterBinder {

    /** The count stops here: the alert needs "more than zero", never the exact size of a disaster. */
    static final int BOUND = 10_000;

    private final JdbcListing store;
    private final Clock clock;

    ListEntryAlarms(JdbcListing store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    long openPastValidity() {
        return store.countPastValidity(LocalDate.now(clock), BOUND);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("chengxin.listing.open.past.validity", this, ListEntryAlarms::openPastValidity)
                .description("Open list entries past their last day (their end failed): people listed past it")
                .register(registry);
    }
}
