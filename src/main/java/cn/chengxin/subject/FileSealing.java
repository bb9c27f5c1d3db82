package cn.chengxin.subject;

import java.util.List;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.subject.persistence.JdbcReSealing;
import cn.chengxin.subject.protection.IdentityProtection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals in place the files stored in clear before their table was sealed (gaps review xxxi M4; PIPL Art. 51, RULES.md
 * §10): every column declared by {@link SealedColumn#ofFiles} (an objection's evidence, a repair material, an issued
 * report's snapshot and PDF). The keys live outside the database, so a migration cannot do it; the pass is taken up a
 * minute after a start and again after a failure, off the scheduler's thread, a chunk of rows per transaction, so that
 * a crash is taken up where it stopped (a row without a key version is still to do). What it sealed is audited per
 * column as one processing event; no content is logged.
 */
@Component
class FileSealing {

    private static final Logger log = LoggerFactory.getLogger(FileSealing.class);

    private final JdbcReSealing store;
    private final List<SealedColumn> columns;
    private final IdentityProtection protection;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final TaskExecutor executor;
    private final int chunk;

    FileSealing(JdbcReSealing store, List<SealedColumn> columns, IdentityProtection protection, AuditLog audit,
                PlatformTransactionManager transactions,
                @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
                @Value("${chengxin.keys.file-sealing-chunk:50}") int chunk) {
        this.store = store;
        this.columns = columns.stream().filter(SealedColumn::clearFiles).toList();
        this.protection = protection;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.executor = executor;
        this.chunk = chunk;
    }

    @Scheduled(fixedDelayString = "${chengxin.keys.file-sealing-tick:PT5M}",
            initialDelayString = "${chengxin.keys.file-sealing-delay:PT1M}")
    void tick() {
        if (columns.stream().anyMatch(c -> store.anyInClear(c.table(), c.cipherColumn(), c.versionColumn()))) {
            ResumablePasses.resume(executor, "Sealing files stored in clear", this::sealStored);
        }
    }

    /** Seals every file still in clear, column by column; returns how many. */
    long sealStored() {
        long total = 0;
        for (SealedColumn column : columns) {
            total += seal(column);
        }
        return total;
    }

    private long seal(SealedColumn column) {
        long sealed = 0;
        int done;
        do {
            done = transaction.execute(tx -> {
                List<JdbcReSealing.ClearFile> clear = store.nextInClear(column.table(), column.cipherColumn(),
                        column.versionColumn(), chunk);
                for (JdbcReSealing.ClearFile file : clear) {
                    byte[] cipher = protection.encryptBytes(file.content(), column.associatedData(file.id(), null));
                    store.write(column.table(), column.cipherColumn(), column.versionColumn(), file.id(), cipher,
                            protection.currentKeyVersion());
                }
                return clear.size();
            });
            sealed += done;
        } while (done == chunk);
        if (sealed > 0) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "privacy.seal-files").detail(
                    AuditDetail.of("FILES_SEALED").with("column", column.code()).with("files", sealed)));
            log.info("{} files of {} stored in clear are sealed", sealed, column.code());
        }
        return sealed;
    }
}
