package cn.chengxin.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.portal.tipoff.domain.TipOffKeeping;
import cn.chengxin.portal.tipoff.persistence.JdbcTipOffs;
import cn.chengxin.shared.JobAmount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every night, empties the tip-offs closed longer ago than {@code chengxin.tipoff.retention} ({@link TipOffKeeping},
 * PIPL Art. 19 and Art. 47): the facts, the reported subject and the reporter go; the status, the dates and the reply
 * the reporter reads with the receipt code stay. What it emptied is audited as one processing event, by count.
 */
@Component
class TipOffRetention {

    private static final Logger log = LoggerFactory.getLogger(TipOffRetention.class);

    private final JdbcTipOffs tipOffs;
    private final AuditLog audit;
    private final Clock clock;
    private final TipOffKeeping keeping;

    TipOffRetention(JdbcTipOffs tipOffs, AuditLog audit, Clock clock,
                    @Value("${chengxin.tipoff.retention:P3Y}") Period retention) {
        this.tipOffs = tipOffs;
        this.audit = audit;
        this.clock = clock;
        this.keeping = new TipOffKeeping(retention);
    }

    @Scheduled(cron = "${chengxin.tipoff.retention-cron:0 50 2 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        int emptied = purge();
        JobAmount.add(emptied);
        log.info("Tip-offs emptied at the end of their retention: {}", emptied);
    }

    /** Empties the tip-offs now past their period; returns how many. */
    @Transactional
    int purge() {
        Instant now = clock.instant();
        int purged = tipOffs.purgeClosedBefore(keeping.closedBefore(now), now);
        if (purged > 0) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "privacy.tipoff-retention")
                    .detail(AuditDetail.of("TIPOFFS_PURGED").with("period", keeping.period())
                            .with("tipOffs", purged)));
        }
        return purged;
    }
}
