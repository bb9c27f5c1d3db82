package cn.chengxin.creditfile;

import java.time.Clock;
import java.time.LocalDate;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.JobAmount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends publication and retention every night (RULES.md §4: after its period a record is not used for scoring, lists
 * or measures), and once after each start: a night the application was down (a redeploy at midnight) would otherwise
 * leave the records whose window ended shown and used a whole day; and on demand, by the credit office in the console.
 * Applying the windows twice on a day changes nothing the second time. {@link CreditFile#applyWindows} moves the
 * records a chunk per transaction, each chunk publishing the events that tell lists and scores of it (gaps review xlii
 * W3); instances running it at once share the chunks.
 */
@Component
public class PublicationWindows {

    private static final Logger log = LoggerFactory.getLogger(PublicationWindows.class);

    private final CreditFile creditFile;
    private final Clock clock;
    private final TaskExecutor executor;
    private final AuditLog audit;
    private final boolean onStart;

    /**
     * @param onStart whether to apply the windows once the application is up (off in tests, which apply them with
     *                their own dates, and in commands, which decide themselves what changes in the database)
     */
    PublicationWindows(CreditFile creditFile, Clock clock,
                       @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
                       AuditLog audit, @Value("${chengxin.creditfile.windows-on-start:true}") boolean onStart) {
        this.creditFile = creditFile;
        this.audit = audit;
        this.clock = clock;
        this.executor = executor;
        this.onStart = onStart;
    }

    @Scheduled(cron = "${chengxin.creditfile.windows-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    void daily() {
        int changed = creditFile.applyWindows(LocalDate.now(clock));
        JobAmount.add(changed);
        log.info("Publication windows applied: {} subjects changed", changed);
    }

    /**
     * On demand (issue #4): the windows applied now rather than at the next night — after a nightly run that failed,
     * or to see a record leave display on the day its period ends. Audited with who asked, even when nothing changed.
     *
     * @return the number of subjects whose files changed
     */
    public int applyNow() {
        LocalDate today = LocalDate.now(clock);
        int changed = creditFile.applyWindows(today);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "creditfile.windows.demand")
                .detail(AuditDetail.of("WINDOWS_APPLIED").with("subjects", changed).with("day", today)));
        return changed;
    }

    /** In the background, so that a start is not held up by a day's worth of records to move. */
    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (onStart) {
            executor.execute(this::catchUp);
        }
    }

    private void catchUp() {
        try {
            int changed = creditFile.applyWindows(LocalDate.now(clock));
            log.info("Publication windows applied after start: {} subjects changed", changed);
        } catch (RuntimeException e) {
            // The nightly run applies them still; until then the records stay as they were, as before the start.
            log.warn("Publication windows not applied after start: {}", e.toString());
        }
    }
}
