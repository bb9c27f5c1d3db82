package cn.chengxin.creditfile;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.ItemBasisRevoked;
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
 * Withdraws the records of an item whose legal basis was revoked (RULES.md §5, Henan Art. 42: within 1 working day of
 * the notice), once the withdrawal of the item is approved ({@link ItemBasisRevoked}). Each record is revoked
 * (已撤销) with the revoking document as its reason, which its subject reads on their file, and with a state event
 * naming the approver; what follows a revoked record follows: lists end the entries resting on it and scores are
 * redone ({@link RecordsChanged}), the exchange tells the other platforms, and the public pages and reports, which show
 * only records in use, no longer show it.
 * <p>
 * An item may have hundreds of thousands of records: they are withdrawn after the approval, a chunk per transaction,
 * each chunk with its events, its audit entry and its count on the catalogue's withdrawal ({@link ResumablePasses},
 * creditfile.basis_revocation_pass, V150). The pass starts in the approval's own transaction, so that an approval
 * committed always has its pass; a pass a stop interrupted is taken up again by the tick. Revoking is idempotent: a
 * chunk takes only records not yet withdrawn, so a chunk passed twice withdraws nothing more.
 */
@Component
class WithdrawingRecords {

    private static final Logger log = LoggerFactory.getLogger(WithdrawingRecords.class);
    /**
     * The records withdrawn: all that are still kept and may still be shown, disclosed or used — in use (有效, 异议中),
     * past their window but kept (公示期满), repaired (已修复) or declined by their person (本人拒绝记录, who may take
     * the refusal back). A record already revoked keeps its own reason, an
     * archived one is past its retention and is not rewritten.
     */
    static final Set<RecordStatus> WITHDRAWN = EnumSet.of(RecordStatus.ACTIVE, RecordStatus.IN_DISPUTE,
            RecordStatus.EXPIRED, RecordStatus.REPAIRED, RecordStatus.DECLINED);

    private final ResumablePasses passes;
    private final JdbcRecords records;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final TaskExecutor executor;
    private final int chunk;

    WithdrawingRecords(JdbcClient jdbc, PlatformTransactionManager transactions, JdbcRecords records,
                       Catalogue catalogue, ApplicationEventPublisher events, AuditLog audit, Clock clock,
                       @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
                       @Value("${chengxin.creditfile.withdrawal-chunk:2000}") int chunk) {
        this.passes = new ResumablePasses(jdbc, transactions, clock, "creditfile.basis_revocation_pass", "item_code",
                "item_version");
        this.records = records;
        this.catalogue = catalogue;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.executor = executor;
        this.chunk = chunk;
    }

    /**
     * In the approval's transaction: the pass commits with it, or neither does. The item's lock waits for the chunks
     * storing versions under it to commit, which the pass then finds; a chunk after it reads the pass and stores nothing
     * under the item ({@link CreditFile#store}), so no version escapes the pass.
     */
    @EventListener
    void start(ItemBasisRevoked revoked) {
        records.lockItemExclusively(revoked.code());
        passes.start(revoked.code(), revoked.version());
    }

    /** After the approval committed, at once: the pass runs to its end, a chunk per transaction. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ItemBasisRevoked revoked) {
        withdrawn(revoked.code(), revoked.version(), run(revoked.code(), revoked.version()));
    }

    /** A pass a stop or a failed chunk left unfinished goes on, off the scheduler's thread. */
    @Scheduled(fixedDelayString = "${chengxin.creditfile.withdrawal-tick:PT30S}",
            initialDelayString = "${chengxin.creditfile.withdrawal-tick:PT30S}")
    void tick() {
        passes.resumeStalled(executor, "Withdrawal of item",
                p -> withdrawn(p.code(), p.version(), run(p.code(), p.version())));
    }

    /** Runs the pass to its end, or until another runner holds it; returns how many chunks were passed here. */
    int run(String item, int version) {
        return passes.run(item, version, chunk, (after, size) -> withdrawChunk(item, version, size));
    }

    /** The pass of the withdrawal, if it started. */
    java.util.Optional<ResumablePasses.Pass> pass(String item, int version) {
        return passes.pass(item, version);
    }

    private ResumablePasses.Chunk withdrawChunk(String item, int version, int size) {
        Catalogue.BasisRevocation revocation = catalogue.basisRevocation(item, version)
                .orElseThrow(() -> new IllegalStateException(item + " v" + version + " revokes no basis"));
        Instant now = clock.instant();
        List<RecordStatesChanged.ChangedRecord> moved = records.revokeOfItem(item, WITHDRAWN, size, now,
                revocation.approvedBy(), revocation.recordReason());
        boolean last = moved.size() < size;
        catalogue.countRecordsWithdrawn(item, version, moved.size(), last ? now : null);
        Set<UUID> subjects = new HashSet<>();
        moved.forEach(r -> subjects.add(r.subjectId()));
        if (!moved.isEmpty()) {
            String cause = "status:" + RecordStatus.REVOKED.name();
            events.publishEvent(new RecordsChanged(null, subjects, cause));
            events.publishEvent(new RecordStatesChanged(moved, cause));
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "creditfile.basis-revoked")
                    .detail(AuditDetail.of("BASIS_REVOKED_WITHDRAWN").with("item", item).with("version", version)
                            .with("records", moved.size()).with("subjects", subjects.size())));
        }
        return new ResumablePasses.Chunk(moved.isEmpty() ? null : moved.get(moved.size() - 1).recordKey(),
                moved.size(), subjects.size());
    }

    private static void withdrawn(String item, int version, int chunks) {
        if (chunks > 0) {
            log.info("Records of item {} v{} withdrawn, its legal basis revoked: {} chunks", item, version, chunks);
        }
    }
}
