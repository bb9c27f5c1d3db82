package cn.chengxin.subject;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.shared.privacy.CitizensTexts;
import cn.chengxin.subject.persistence.JdbcMaskingPasses;
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
 * Masks the identity numbers in citizens' texts stored before they were masked on writing (RULES.md §10: ID numbers
 * masked on screens, encrypted at rest — a number in a text is neither): the one-time passes V117 starts, one per
 * column a module lends ({@link CitizensTexts}), a chunk of rows per transaction ({@link ResumablePasses}), so that a
 * crash or a failed chunk is taken up where it stopped. Masking is idempotent and leaves a text without a number as it
 * is. When every pass has finished, what they did is audited as one processing event with its counts (RULES.md §10:
 * every operation traceable); no text and no number is logged.
 */
@Component
class MaskingStoredTexts {

    private static final Logger log = LoggerFactory.getLogger(MaskingStoredTexts.class);

    private final JdbcMaskingPasses store;
    private final Map<String, CitizensTexts> texts;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final TaskExecutor executor;
    private final int chunk;

    MaskingStoredTexts(JdbcMaskingPasses store, List<CitizensTexts> texts, AuditLog audit,
                       PlatformTransactionManager transactions,
                       @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
                       TaskExecutor executor, @Value("${chengxin.privacy.masking-chunk:1000}") int chunk) {
        this.store = store;
        this.texts = texts.stream().collect(Collectors.toMap(CitizensTexts::code, Function.identity()));
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.executor = executor;
        this.chunk = chunk;
    }

    /** The passes are taken up a minute after a start and again after a failure, off the scheduler's thread. */
    @Scheduled(fixedDelayString = "${chengxin.privacy.masking-tick:PT5M}",
            initialDelayString = "${chengxin.privacy.masking-delay:PT1M}")
    void tick() {
        if (store.pending()) {
            ResumablePasses.resume(executor, "Masking stored citizens' texts", this::run);
        }
    }

    /**
     * Runs every unfinished pass to its end, or until another runner holds it, then audits the passes once all have
     * finished; returns the texts masked here.
     */
    long run() {
        long masked = 0;
        for (ResumablePasses.Pass pass : store.passes().unfinished()) {
            CitizensTexts column = texts.get(pass.code());
            if (column == null) {
                throw new IllegalStateException("No module lends the texts of masking pass " + pass.code());
            }
            long[] changed = {0};
            store.passes().run(pass.code(), pass.version(), chunk, (after, size) -> {
                CitizensTexts.Masked done = column.maskAfter(after, size);
                changed[0] += done.changed();
                return new ResumablePasses.Chunk(done.lastRow(), done.rows(), done.changed());
            });
            masked += changed[0];
        }
        transaction.executeWithoutResult(tx -> auditOnce(store.takeUnaudited()));
        return masked;
    }

    private void auditOnce(List<JdbcMaskingPasses.Counts> counts) {
        if (counts.isEmpty()) {
            return;
        }
        // K7: a reason code, the counts language-neutral (read/masked by column).
        AuditDetail detail = AuditDetail.of("STORED_TEXTS_MASKED").with("columns", counts.stream()
                .map(c -> c.code() + " " + c.masked() + "/" + c.read()).collect(Collectors.joining(", ")));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "privacy.mask-stored-texts").detail(detail));
        log.info("Identity numbers masked in stored citizens' texts: {}", counts.stream()
                .map(c -> c.code() + " " + c.masked() + "/" + c.read()).collect(Collectors.joining(", ")));
    }
}
