package cn.chengxin.portal;

import java.util.List;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.portal.tipoff.domain.ReporterMasking;
import cn.chengxin.portal.tipoff.persistence.JdbcTipOffs;
import cn.chengxin.portal.tipoff.persistence.JdbcTipOffs.Sealed;
import cn.chengxin.portal.tipoff.persistence.JdbcTipOffs.SealedReporter;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.subject.PersonalDataProtection;
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
 * A tip-off's reporter, sealed (I7; RULES.md §10, PIPL Art. 51): the name and the contact are kept SM4-sealed for the
 * purpose {@value #PURPOSE}, as citizens' phones are, with a masked form the console shows; any identity number typed
 * into them is masked before sealing. Those stored in clear before V244 are sealed by a pass taken up a minute after a
 * start, a chunk of rows per transaction, so that a crash is taken up where it stopped (a row still in clear is still
 * to do); what it sealed is audited as one processing event, no value logged.
 */
@Component
class TipOffReporters {

    static final String PURPOSE = "tipoff-reporter";

    private static final Logger log = LoggerFactory.getLogger(TipOffReporters.class);

    private final PersonalDataProtection protection;
    private final JdbcTipOffs tipOffs;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final TaskExecutor executor;
    private final int chunk;

    TipOffReporters(PersonalDataProtection protection, JdbcTipOffs tipOffs, AuditLog audit,
                    PlatformTransactionManager transactions,
                    @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
                    TaskExecutor executor, @Value("${chengxin.tipoff.sealing-chunk:500}") int chunk) {
        this.protection = protection;
        this.tipOffs = tipOffs;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.executor = executor;
        this.chunk = chunk;
    }

    /** The reporter's name as stored: masked and sealed; {@code null} when not given. */
    Sealed name(String name) {
        return seal(name, ReporterMasking.name(name));
    }

    /** The reporter's contact as stored: masked and sealed; {@code null} when not given. */
    Sealed contact(String contact) {
        return seal(contact, ReporterMasking.contact(contact));
    }

    private Sealed seal(String value, String masked) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        // Sealed, the contact keeps its phone number, which is what staff open it for; a resident number never.
        PersonalDataProtection.Sealed sealed = protection.seal(IdentityRedaction.redactResidentNumbers(value),
                PURPOSE);
        return new Sealed(masked, sealed.cipher(), sealed.keyVersion());
    }

    /** The reporter's name and contact opened; each empty when not given. */
    TipOffReporter open(SealedReporter sealed) {
        return new TipOffReporter(open(sealed.name()), open(sealed.contact()));
    }

    private String open(Sealed sealed) {
        return sealed == null ? "" : protection.open(sealed.cipher(), sealed.keyVersion(), PURPOSE);
    }

    /** The pass is taken up a minute after a start and again after a failure, off the scheduler's thread. */
    @Scheduled(fixedDelayString = "${chengxin.tipoff.sealing-tick:PT5M}",
            initialDelayString = "${chengxin.tipoff.sealing-delay:PT1M}")
    void tick() {
        if (transaction.execute(tx -> !tipOffs.reportersInClear(1).isEmpty())) {
            ResumablePasses.resume(executor, "Sealing tip-offs' reporters", this::sealStored);
        }
    }

    /** Seals every reporter still in clear, a chunk per transaction, and audits what it did; returns how many rows. */
    long sealStored() {
        long sealed = 0;
        int done;
        do {
            done = transaction.execute(tx -> {
                List<JdbcTipOffs.ClearReporter> clear = tipOffs.reportersInClear(chunk);
                clear.forEach(r -> tipOffs.sealReporter(r.id(), name(r.name()), contact(r.contact())));
                return clear.size();
            });
            sealed += done;
        } while (done == chunk);
        if (sealed > 0) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "privacy.seal-tipoff-reporters")
                    .detail(AuditDetail.of("TIPOFF_REPORTERS_SEALED").with("tipOffs", sealed)));
            log.info("Reporters of {} tip-offs stored in clear are sealed", sealed);
        }
        return sealed;
    }
}
