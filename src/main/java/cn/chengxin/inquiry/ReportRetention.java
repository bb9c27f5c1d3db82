package cn.chengxin.inquiry;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.shared.JobAmount;
import cn.chengxin.shared.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every night, empties the snapshot and PDF of reports whose validity ended longer ago than
 * {@code chengxin.inquiry.report-retention} (gaps-review-xxxi M4; PIPL Art. 19, 47): a report past its validity is
 * no longer downloadable by whoever obtained it, so its whole content (records later deleted as wrong included) serves
 * no purpose once the time to question it has passed. The number, kind, requester, purpose, SM3 and summary stay, so
 * that verification still answers, and the query itself stays in the audit log (RULES.md §9). Audited by count.
 */
@Component
class ReportRetention {

    private static final Logger log = LoggerFactory.getLogger(ReportRetention.class);

    private final JdbcInquiry store;
    private final AuditLog audit;
    private final Clock clock;
    private final Retention retention;

    ReportRetention(JdbcInquiry store, AuditLog audit, Clock clock,
                    @Value("${chengxin.inquiry.report-retention:P6M}") Period period) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.retention = new Retention("chengxin.inquiry.report-retention", period);
    }

    @Scheduled(cron = "${chengxin.inquiry.report-retention-cron:0 5 3 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        int emptied = purge();
        JobAmount.add(emptied);
        log.info("Credit reports emptied at the end of their retention: {}", emptied);
    }

    /** Empties the reports now past their period; returns how many. */
    @Transactional
    int purge() {
        Instant now = clock.instant();
        int reports = store.emptyReportsValidBefore(retention.endedBefore(now), now);
        if (reports > 0) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "privacy.report-retention")
                    .detail(AuditDetail.of("REPORTS_EMPTIED").with("reports", reports)
                            .with("period", retention.period())));
        }
        return reports;
    }
}
