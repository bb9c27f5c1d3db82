package cn.chengxin.repair;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every morning, tells the people whose negative records became repairable today (Repairs#notifyEligible). */
@Component
class RepairJobs {

    private static final Logger log = LoggerFactory.getLogger(RepairJobs.class);

    private final Repairs repairs;
    private final Clock clock;

    RepairJobs(Repairs repairs, Clock clock) {
        this.repairs = repairs;
        this.clock = clock;
    }

    @Scheduled(cron = "${chengxin.repair.eligible-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    void eligible() {
        log.info("Told of repairable records: {} subjects", repairs.notifyEligible(LocalDate.now(clock)));
    }
}
