package cn.chengxin.repair;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.creditfile.RecordProceedings;
import cn.chengxin.repair.persistence.JdbcRepairs;
import cn.chengxin.shared.JobAmount;
import cn.chengxin.shared.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every night, empties the materials of repair applications closed (decided, ended or withdrawn) longer ago than
 * {@code chengxin.repair.materials-retention} (gaps-review-xxxi M4; PIPL Art. 19, 47): proof of performance, training
 * certificates and credit reports are kept while the decision may be contested, then deleted; each file's kind, name,
 * type and size stay on the application. An application whose record has a 行政复议/诉讼 flagged as pending keeps them
 * until it is cleared. Audited as one processing event, by count.
 */
@Component
class MaterialsRetention {

    private static final Logger log = LoggerFactory.getLogger(MaterialsRetention.class);

    private final JdbcRepairs store;
    private final RecordProceedings proceedings;
    private final AuditLog audit;
    private final Clock clock;
    private final Retention retention;

    MaterialsRetention(JdbcRepairs store, RecordProceedings proceedings, AuditLog audit, Clock clock,
                       @Value("${chengxin.repair.materials-retention:P3Y}") Period period) {
        this.store = store;
        this.proceedings = proceedings;
        this.audit = audit;
        this.clock = clock;
        this.retention = Retention.beyondAppeals("chengxin.repair.materials-retention", period);
    }

    @Scheduled(cron = "${chengxin.repair.materials-retention-cron:0 0 3 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        int emptied = purge();
        JobAmount.add(emptied);
        log.info("Repair materials emptied at the end of their retention: {}", emptied);
    }

    /** Empties the materials now past their period; returns how many files. */
    @Transactional
    int purge() {
        Instant now = clock.instant();
        List<JdbcRepairs.ClosedApplication> closed = store.materialsClosedBefore(retention.endedBefore(now));
        List<UUID> records = closed.stream().map(JdbcRepairs.ClosedApplication::recordKey).filter(Objects::nonNull)
                .toList();
        Set<UUID> underProceeding = records.isEmpty() ? Set.of() : proceedings.pendingOn(records).keySet();
        List<UUID> applications = closed.stream().filter(a -> !underProceeding.contains(a.recordKey()))
                .map(JdbcRepairs.ClosedApplication::applicationId).toList();
        if (applications.isEmpty()) {
            return 0;
        }
        int files = store.emptyMaterialsOf(applications, now);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "privacy.repair-materials-retention")
                .detail(AuditDetail.of("ATTACHMENTS_EMPTIED").with("files", files).with("cases", applications.size())
                        .with("period", retention.period())));
        return files;
    }
}
