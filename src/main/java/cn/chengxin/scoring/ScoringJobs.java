package cn.chengxin.scoring;

import cn.chengxin.catalog.ItemVersionApproved;
import cn.chengxin.creditfile.RecordsChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps scores current: the subjects of every stored chunk at once, the holders of an item whose approved catalogue
 * version changes its weight; everyone nightly (recency decay moves on).
 */
@Component
class ScoringJobs {

    private final Scoring scoring;

    ScoringJobs(Scoring scoring) {
        this.scoring = scoring;
    }

    @ApplicationModuleListener
    void on(RecordsChanged changed) {
        scoring.rescore(changed.subjectIds());
    }

    /** Scores follow an approved catalogue change at once, not at the subject's next record or the nightly run. */
    @ApplicationModuleListener
    void on(ItemVersionApproved approved) {
        scoring.itemRevised(approved);
    }

    @Scheduled(cron = "${chengxin.scoring.nightly-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        scoring.startRecompute();
    }
}
