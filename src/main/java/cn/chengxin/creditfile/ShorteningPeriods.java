package cn.chengxin.creditfile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.ItemVersionApproved;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.RecordPeriods;
import cn.chengxin.creditfile.persistence.JdbcRecords;
import cn.chengxin.shared.jdbc.ResumablePasses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;

/**
 * Brings the records already collected under an item to a catalogue version that shortens its maximum publication
 * period or its retention period (RULES.md §4: all periods are set per catalogue item, and after the period a record
 * is not shown and not used; finding H5 of gaps review xxv). Each current record not yet archived gets the earlier of
 * its stored last day and the one the new version gives it ({@link RecordPeriods}); a lengthening reaches no record.
 * The records of a decision are then published until the longest own last day among them again
 * ({@link CreditFile#alignDecisions}), and the windows are applied at once ({@link CreditFile#applyWindows}): a record
 * whose shortened period is over leaves display and use now, telling lists, scores, reports and the exchange as any
 * expiry does; the others are told their new last days ({@link RecordsChanged}, {@link RecordStatesChanged} with
 * cause {@value #CAUSE}), each with a state event in its history saying why.
 * <p>
 * An item may have hundreds of thousands of records: they are passed after the approval, a chunk per transaction
 * ({@link ResumablePasses}, creditfile.period_shortening_pass, V208), as {@link WithdrawingRecords} passes them. The pass
 * starts in the approval's own transaction, so that an approval committed always has its pass; a pass a stop
 * interrupted is taken up again by the tick. Taking the earlier day is idempotent: a chunk passed twice moves nothing
 * more. When the pass ends, one audit entry names the item version and how many records it shortened.
 */
@Component
class ShorteningPeriods {

    private static final Logger log = LoggerFactory.getLogger(ShorteningPeriods.class);
    /** The cause of the events telling of last days a catalogue version took earlier. */
    static final String CAUSE = RecordStatesChanged.PERIODS;

    private final ResumablePasses passes;
    private final JdbcClient jdbc;
    private final JdbcRecords records;
    private final Catalogue catalogue;
    private final CreditFile creditFile;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final TaskExecutor executor;
    private final int chunk;

    ShorteningPeriods(JdbcClient jdbc, PlatformTransactionManager transactions, JdbcRecords records,
                      Catalogue catalogue, CreditFile creditFile, ApplicationEventPublisher events, AuditLog audit,
                      Clock clock,
                      @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
                      @Value("${chengxin.creditfile.shortening-chunk:500}") int chunk) {
        this.passes = new ResumablePasses(jdbc, transactions, clock, "creditfile.period_shortening_pass", "item_code",
                "item_version");
        this.jdbc = jdbc;
        this.records = records;
        this.catalogue = catalogue;
        this.creditFile = creditFile;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.executor = executor;
        this.chunk = chunk;
    }

    /**
     * In the approval's transaction: the pass commits with it, or neither does; only for a version that shortens. The
     * item's lock waits for the chunks storing versions under it to commit, which the pass then finds; a chunk after it
     * reads the approved version and counts its records' ends under it ({@link CreditFile#store}), so no version stored
     * with ends counted before the approval escapes the shorter ones.
     */
    @EventListener
    void start(ItemVersionApproved approved) {
        if (catalogue.revision(approved).filter(r -> RecordPeriods.shortens(r.before(), r.now())).isPresent()) {
            records.lockItemExclusively(approved.code());
            passes.start(approved.code(), approved.version());
        }
    }

    /** After the approval committed, at once: the pass runs to its end, a chunk per transaction. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ItemVersionApproved approved) {
        ran(approved.code(), approved.version(), run(approved.code(), approved.version()));
    }

    /** A pass a stop or a failed chunk left unfinished goes on, off the scheduler's thread. */
    @Scheduled(fixedDelayString = "${chengxin.creditfile.shortening-tick:PT30S}",
            initialDelayString = "${chengxin.creditfile.shortening-tick:PT30S}")
    void tick() {
        passes.resumeStalled(executor, "Shortened periods of item",
                p -> ran(p.code(), p.version(), run(p.code(), p.version())));
    }

    /** Runs the pass to its end, or until another runner holds it; returns how many chunks were passed here. */
    int run(String item, int version) {
        return passes.run(item, version, chunk, (after, size) -> shortenChunk(item, version, after, size));
    }

    /** The pass of the version, if it started (only a version that shortens a period has one). */
    Optional<ResumablePasses.Pass> pass(String item, int version) {
        return passes.pass(item, version);
    }

    private ResumablePasses.Chunk shortenChunk(String item, int version, UUID after, int size) {
        ItemDefinition now = catalogue.history(item).stream().filter(i -> i.version() == version).findFirst()
                .map(CatalogueItem::definition)
                .orElseThrow(() -> new IllegalStateException(item + " v" + version + " is not in the catalogue"));
        Instant at = clock.instant();
        List<JdbcRecords.Ends> read = records.endsOfItem(item, after, size);
        List<RecordStatesChanged.ChangedRecord> moved = new ArrayList<>();
        Set<UUID> keys = new HashSet<>();
        Set<UUID> shortenedOf = new HashSet<>();
        for (JdbcRecords.Ends r : read) {
            LocalDate own = r.ownPublicationEnd() != null ? r.ownPublicationEnd() : r.publicationEnd();
            LocalDate publication = RecordPeriods.earlier(own, RecordPeriods.publicationEnd(now, r.decisionDate(), r.content()));
            LocalDate retention = RecordPeriods.earlier(r.retentionEnd(),
                    RecordPeriods.retentionEnd(now, r.decisionDate(), r.content()));
            if (Objects.equals(publication, own) && Objects.equals(retention, r.retentionEnd())) {
                continue;
            }
            records.shortenEnds(r.id(), publication, retention);
            shortenedOf.add(r.subjectId());
            records.event(r.id(), at, r.status(), r.status(), CreditFile.WINDOWS, "目录事项第 " + version
                    + " 版缩短期限（RULES.md §4）：公示截止日 " + dayOf(own) + " → " + dayOf(publication) + "，保存期限至 "
                    + dayOf(r.retentionEnd()) + " → " + dayOf(retention));
            keys.add(r.recordKey());
            if (r.status().shown()) { // a closed record's new days matter only to the windows, which apply them below
                moved.add(new RecordStatesChanged.ChangedRecord(r.subjectId(), r.recordKey(), r.itemCode()));
            }
        }
        for (JdbcRecords.OutOfStep r : CreditFile.alignDecisions(records, keys, at)) {
            if (!keys.contains(r.recordKey())) {
                moved.add(new RecordStatesChanged.ChangedRecord(r.subjectId(), r.recordKey(), r.itemCode()));
            }
        }
        Set<UUID> subjects = new HashSet<>();
        moved.forEach(r -> subjects.add(r.subjectId()));
        if (!moved.isEmpty()) {
            events.publishEvent(new RecordsChanged(null, subjects, CAUSE));
            events.publishEvent(new RecordStatesChanged(moved, CAUSE));
        }
        if (!keys.isEmpty()) {
            // Those now past their period leave display and use in this transaction, as the night's job moves them:
            // the windows of this chunk's subjects only (those shortened and those aligned with them), so that the
            // chunk's transaction stays the size of the chunk; records of other subjects due meanwhile are the
            // night's, not this chunk's to lock and tell of.
            shortenedOf.addAll(subjects);
            creditFile.applyWindows(LocalDate.ofInstant(at, clock.getZone()), shortenedOf);
        }
        long shortened = jdbc.sql("""
                        UPDATE creditfile.period_shortening_pass SET records_shortened = records_shortened + ?
                        WHERE item_code = ? AND item_version = ? RETURNING records_shortened""")
                .params(keys.size(), item, version).query(Long.class).single();
        if (read.size() < size) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "creditfile.periods-shortened")
                    .detail(AuditDetail.of("PERIODS_SHORTENED").with("item", item).with("version", version)
                            .with("records", shortened)));
        }
        return new ResumablePasses.Chunk(read.isEmpty() ? null : read.get(read.size() - 1).recordKey(), read.size(),
                subjects.size());
    }

    private static String dayOf(LocalDate day) {
        return day == null ? "长期" : day.toString();
    }

    private static void ran(String item, int version, int chunks) {
        if (chunks > 0) {
            log.info("Records of item {} v{} brought to its shortened periods: {} chunks", item, version, chunks);
        }
    }
}
