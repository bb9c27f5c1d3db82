package cn.chengxin.audit;

import java.time.Duration;

import cn.chengxin.shared.NightlyRunEnded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A PROCESSING entry for every nightly job's run (gaps review xlii W5 rest): the job, the instance, the outcome, what
 * it did (0: ran, nothing due) — the auditor finds in the tamper-evident log that the night's work ran, not only on
 * the 后台作业 page. Written on the job's thread at its end, waiting for durability as every entry does; one a job,
 * instance and night.
 */
@Component
class NightlyRunAudit {

    private final AuditLog audit;

    NightlyRunAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(NightlyRunEnded run) {
        AuditDetail detail = AuditDetail.of(run.failed() ? "NIGHTLY_RUN_FAILED" : "NIGHTLY_RUN")
                .with("job", run.job()).withLabel("name", "jobs.name." + run.job()).with("instance", run.instance())
                .with("amount", run.amount() == null ? "—" : run.amount())
                .with("startedAt", run.startedAt())
                .with("ms", Duration.between(run.startedAt(), run.endedAt()).toMillis());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "platform.nightly-run")
                .result(run.failed() ? AuditResult.ERROR : AuditResult.SUCCESS)
                .detail(run.failed() ? detail.with("failure", run.failureClass()) : detail));
    }
}
