package cn.chengxin.inquiry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.chengxin.creditfile.RecordStatesChanged;
import cn.chengxin.inquiry.domain.ReportChanges;
import cn.chengxin.inquiry.persistence.JdbcReportCarries;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.Listing;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reports whose contents changed after they were issued (finding G5; {@link ReportChanges}: issue #7, RULES.md §4-§6).
 * Each report keeps the records and list entries it carries. A change of records — an objection's deletion, correction
 * or stop of display, a repair, a revocation, an expiry, a new version collected — marks the reports still valid that
 * carry one of them, synchronously in the change's transaction and in one statement per event (the ingestion path
 * stays cheap: an index look-up per changed record). The list entries and the publication ends are compared when a
 * report is verified, so an entry that exited or a record whose period ended shows from its own day. A report issued
 * before reports kept what they carry has nothing to compare: it verifies by its validity, as before.
 */
@Component
class SupersededReports {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcReportCarries store;
    private final Listing listing;
    private final Clock clock;

    SupersededReports(JdbcReportCarries store, Listing listing, Clock clock) {
        this.store = store;
        this.listing = listing;
        this.clock = clock;
    }

    @EventListener
    void on(RecordStatesChanged changed) {
        if (changed.records().isEmpty()) {
            return;
        }
        ReportChanges.kindOf(changed.cause()).ifPresent(kind -> {
            Set<UUID> keys = new HashSet<>();
            changed.records().forEach(r -> keys.add(r.recordKey()));
            store.supersede(keys, clock.instant(), kind);
        });
    }

    /** Keeps what the report carries, in the report's transaction. */
    void keep(UUID reportId, Instant validUntil, ReportCarries carries) {
        store.insert(reportId, validUntil, carries.records(), carries.entries());
    }

    /** The day from which the report's contents changed, if they did ({@link ReportChanges#changedOn}). */
    Optional<LocalDate> changedOn(UUID reportId, UUID subjectId) {
        LocalDate today = LocalDate.now(clock);
        JdbcReportCarries.Carried carried = store.changeOf(reportId);
        LocalDate entryEnded = null;
        if (!carried.entries().isEmpty()) {
            Map<UUID, ListEntry> now = listing.entriesOf(subjectId).stream()
                    .collect(Collectors.toMap(ListEntry::id, Function.identity(), (a, b) -> a));
            entryEnded = carried.entries().stream().map(e -> {
                ListEntry current = now.get(e.entryId());
                return current == null ? ReportChanges.entryEndedOn(false, null, e.validUntil(), today, CHINA)
                        : ReportChanges.entryEndedOn(current.inForce(today), current.exitedAt(),
                        current.validUntil(), today, CHINA);
            }).flatMap(Optional::stream).min(LocalDate::compareTo).orElse(null);
        }
        return ReportChanges.changedOn(carried.superseded().map(s -> LocalDate.ofInstant(s.at(), CHINA)).orElse(null),
                carried.earliestPublicationEnd(), entryEnded, today);
    }
}
