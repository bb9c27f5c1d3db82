package cn.chengxin.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts approved catalogue versions in force on their effective day (gaps review xxxvii-api R4), every minute so that
 * the day's first rows are validated by the new version; an instance that was down catches up at its first run. Each
 * due version is locked while it is put in force, so two instances never do one twice.
 */
@Component
class CatalogueJobs {

    private static final Logger log = LoggerFactory.getLogger(CatalogueJobs.class);

    private final Catalogue catalogue;
    private final Clock clock;

    CatalogueJobs(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Scheduled(cron = "${chengxin.catalog.effective-cron:0 * * * * *}", zone = "Asia/Shanghai")
    void putDueInForce() {
        List<String> done = catalogue.putDueInForce(LocalDate.now(clock));
        if (!done.isEmpty()) {
            log.info("Catalogue versions in force from today: {}", done);
        }
    }
}
