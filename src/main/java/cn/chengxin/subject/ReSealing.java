package cn.chengxin.subject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.subject.persistence.JdbcReSealing;
import cn.chengxin.subject.protection.IdentityProtection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals every value sealed under an older identity-protection key version under the current one, so that the old
 * key file can be destroyed (RULES.md §10: identity numbers encrypted at rest with SM4; GB/T 39786-2021: keys are
 * replaced and destroyed over their life). Every column sealed with these keys is declared as a {@link SealedColumn}
 * bean, the registry's identity numbers here and the other modules' in their own modules. The security administrator
 * starts the passes on 密钥管理 once a new key file {@code identity-encryption.v<N+1>.key} is in place (a person
 * decides, not a timer: every value is opened in memory, and the start is audited under his name); a pass per column,
 * a chunk of rows per transaction ({@link ResumablePasses}): each chunk locks the rows it reads and writes them back
 * sealed under the current version in the same transaction, so a stop or a crash loses no value, and a pass taken up
 * again goes on after its last committed chunk. When all have finished, what they did is audited as one processing
 * event with its counts; no value is logged. The figures ({@link #sealedByVersion()}) tell when nothing is sealed
 * under a version any more, and so when its key file may be deleted.
 */
@Service
public class ReSealing {

    private static final Logger log = LoggerFactory.getLogger(ReSealing.class);

    private final JdbcReSealing store;
    private final List<SealedColumn> columns;
    private final IdentityProtection protection;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final TaskExecutor executor;
    private final int chunk;

    @Autowired
    ReSealing(JdbcReSealing store, List<SealedColumn> columns, IdentityProtection protection, AuditLog audit,
              PlatformTransactionManager transactions,
              @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
              @Value("${chengxin.keys.resealing-chunk:500}") int chunk) {
        List<SealedColumn> all = new ArrayList<>(columns);
        all.add(0, SealedColumn.identityNumbers());
        this.store = store;
        this.columns = List.copyOf(all);
        this.protection = protection;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.executor = executor;
        this.chunk = chunk;
    }

    /** The version new values are sealed under, and old ones re-sealed to. */
    public int currentVersion() {
        return protection.currentKeyVersion();
    }

    /** Every sealed column, its code first: the values sealed under each version (ascending). */
    public Map<String, Map<Integer, Long>> sealedByColumn() {
        Map<String, Map<Integer, Long>> byColumn = new LinkedHashMap<>();
        for (SealedColumn c : columns) {
            byColumn.put(c.code(), store.countByVersion(c.table(), c.cipherColumn(), c.versionColumn()));
        }
        return byColumn;
    }

    /** The values sealed under each version, all columns together: a version at 0 no longer needs its key. */
    public Map<Integer, Long> sealedByVersion() {
        Map<Integer, Long> total = new TreeMap<>();
        sealedByColumn().values().forEach(counts -> counts.forEach((v, n) -> total.merge(v, n, Long::sum)));
        return total;
    }

    /** The passes towards the current version (empty before the first start). */
    public List<ResumablePasses.Pass> passes() {
        return columns.stream().flatMap(c -> store.passes().pass(c.code(), currentVersion()).stream()).toList();
    }

    /**
     * Starts a pass per column towards the current version, unless already started (a finished one is started
     * again: values sealed under an old version since, e.g. by an instance still on the old key, are passed too),
     * in the caller's transaction, audited; the passes run after the commit. Returns the values to re-seal.
     */
    public long start() {
        int version = currentVersion();
        long toReseal = sealedByVersion().entrySet().stream().filter(e -> e.getKey() != version)
                .mapToLong(Map.Entry::getValue).sum();
        for (SealedColumn c : columns) {
            if (!store.passes().startSuperseding(c.code(), version)) {
                store.restart(c.code(), version);
            }
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "subject.keys.reseal").detail(AuditDetail.of(
                "KEYS_RESEAL_STARTED").with("version", version).with("values", toReseal)
                .with("sealed", describe(sealedByVersion()))));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    ResumablePasses.resume(executor, "Re-sealing under key v" + version, () -> run());
                }
            });
        } else {
            ResumablePasses.resume(executor, "Re-sealing under key v" + version, () -> run());
        }
        return toReseal;
    }

    /** Takes up the passes no chunk has moved for a while (a stop, a crash, a failed chunk), off the scheduler. */
    @Scheduled(fixedDelayString = "${chengxin.keys.resealing-tick:PT5M}",
            initialDelayString = "${chengxin.keys.resealing-tick:PT5M}")
    void tick() {
        if (store.pending()) {
            ResumablePasses.resume(executor, "Re-sealing stored personal data", this::run);
        }
    }

    /**
     * Runs every unfinished pass towards the current version to its end, or until another runner holds it, then
     * audits the passes once all have finished; returns the values re-sealed here.
     */
    long run() {
        int version = currentVersion();
        long[] resealed = {0};
        for (SealedColumn column : columns) {
            store.passes().run(column.code(), version, chunk, (after, size) -> {
                ResumablePasses.Chunk done = chunk(column, version, after, size);
                resealed[0] += done.records();
                return done;
            });
        }
        for (ResumablePasses.Pass pass : store.passes().unfinished()) {
            if (pass.version() != version) {
                // A pass towards a version that is no longer current cannot finish here; the current one takes over.
                store.passes().supersedeBefore(pass.code(), version);
            }
        }
        transaction.executeWithoutResult(tx -> auditOnce(store.takeUnaudited()));
        return resealed[0];
    }

    /** One chunk of a pass, in the chunk's transaction: the rows read are written back sealed under {@code version}. */
    ResumablePasses.Chunk chunk(SealedColumn column, int version, java.util.UUID after, int size) {
        List<JdbcReSealing.SealedRow> rows = store.nextSealedOtherwise(column.table(), column.cipherColumn(),
                column.versionColumn(), column.associatedDataColumn(), version, after, size);
        for (JdbcReSealing.SealedRow row : rows) {
            byte[] resealed = protection.reseal(row.cipher(), row.keyVersion(),
                    column.associatedData(row.id(), row.associatedData()));
            store.write(column.table(), column.cipherColumn(), column.versionColumn(), row.id(), resealed, version);
        }
        return new ResumablePasses.Chunk(rows.isEmpty() ? null : rows.get(rows.size() - 1).id(), rows.size(),
                rows.size());
    }

    private void auditOnce(List<JdbcReSealing.Counts> counts) {
        if (counts.isEmpty()) {
            return;
        }
        AuditDetail detail = AuditDetail.of("KEYS_RESEALED").with("version", counts.get(0).version())
                .with("columns", counts.stream().map(c -> c.code() + ": " + c.resealed())
                        .collect(Collectors.joining(", "))).with("sealed", describe(sealedByVersion()));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "subject.keys.resealed").detail(detail));
        log.info("Re-sealed under the current key: {}", counts.stream()
                .map(c -> c.code() + " " + c.resealed()).collect(Collectors.joining(", ")));
    }

    /** The values sealed by key version, language-neutral for the audit detail (K7): {@code v0: 4, v1: 2}. */
    private static String describe(Map<Integer, Long> byVersion) {
        return byVersion.entrySet().stream().map(e -> "v" + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
