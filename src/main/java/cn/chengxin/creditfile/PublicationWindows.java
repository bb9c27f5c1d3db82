package cn.chengxin.creditfile;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends publication and retention every night (RULES.md §4: after its period a record is not used for scoring, lists
 * or measures). A job of its own, calling {@link CreditFile#applyWindows} through its bean: called from within
 * CreditFile, its {@code @Transactional} would not apply, each state change would commit alone and the events
 * telling lists and scores of them would find no transaction — their listeners, which run after a commit, would
 * never run, and a person whose last negative record expired would stay refused the green channel.
 */
@Component
class PublicationWindows {

    private static final Logger log = LoggerFactory.getLogger(PublicationWindows.class);

    private final CreditFile creditFile;
    private final Clock clock;

    PublicationWindows(CreditFile creditFile, Clock clock) {
        this.creditFile = creditFile;
        this.clock = clock;
    }

    @Scheduled(cron = "${chengxin.creditfile.windows-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    void daily() {
        int changed = creditFile.applyWindows(LocalDate.now(clock));
        log.info("Publication windows applied: {} subjects changed", changed);
    }
}
