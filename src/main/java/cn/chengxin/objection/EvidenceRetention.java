package cn.chengxin.objection;

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
import cn.chengxin.objection.persistence.JdbcObjections;
import cn.chengxin.shared.JobAmount;
import cn.chengxin.shared.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every night, empties the evidence of objections decided longer ago than {@code chengxin.objection.evidence-retention}
 * (gaps-review-xxxi M4; PIPL Art. 19, 47): copies of identity cards, bank slips and reports are kept while the case
 * may still be reviewed or contested, then deleted; the file's name, type and size stay on the case. A case whose
 * 复核 is open or recent, or whose record has a 行政复议/诉讼 flagged as pending, keeps its evidence until that ends
 * (RULES.md §5). What it emptied is audited as one processing event, by count.
 */
@Component
class EvidenceRetention {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRetention.class);

    private final JdbcObjections store;
    private final RecordProceedings proceedings;
    private final AuditLog audit;
    private final Clock clock;
    private final Retention retention;

    EvidenceRetention(JdbcObjections store, RecordProceedings proceedings, AuditLog audit, Clock clock,
                      @Value("${chengxin.objection.evidence-retention:P3Y}") Period period) {
        this.store = store;
        this.proceedings = proceedings;
        this.audit = audit;
        this.clock = clock;
        this.retention = Retention.beyondAppeals("chengxin.objection.evidence-retention", period);
    }

    @Scheduled(cron = "${chengxin.objection.evidence-retention-cron:0 55 2 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        int emptied = purge();
        JobAmount.add(emptied);
        log.info("Objection evidence files emptied at the end of their retention: {}", emptied);
    }

    /** Empties the evidence now past its period; returns how many files. */
    @Transactional
    int purge() {
        Instant now = clock.instant();
        List<JdbcObjections.CaseToEmpty> due = store.evidenceDecidedBefore(retention.endedBefore(now));
        Set<UUID> contested = proceedings.pendingOn(due.stream().map(JdbcObjections.CaseToEmpty::recordKey)
                .filter(Objects::nonNull).toList()).keySet();
        List<UUID> cases = due.stream().filter(c -> !contested.contains(c.recordKey()))
                .map(JdbcObjections.CaseToEmpty::objectionId).toList();
        int files = cases.isEmpty() ? 0 : store.emptyEvidenceOf(cases, now);
        if (files > 0) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "privacy.evidence-retention")
                    .detail(AuditDetail.of("ATTACHMENTS_EMPTIED").with("files", files).with("cases", cases.size())
                            .with("period", retention.period())));
        }
        return files;
    }
}
