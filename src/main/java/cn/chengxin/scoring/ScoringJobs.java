package cn.chengxin.scoring;

import cn.chengxin.creditfile.RecordsChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps scores current: the subjects of every stored chunk at once; everyone nightly (recency decay moves on). */
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

    @Scheduled(cron = "${chengxin.scoring.nightly-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        scoring.startRecompute();
    }
}
