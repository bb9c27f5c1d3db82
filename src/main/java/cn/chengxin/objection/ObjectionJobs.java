package cn.chengxin.objection;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Watches the objections' deadlines every hour: reminders before, escalation after (see Objections#watchDeadlines). */
@Component
class ObjectionJobs {

    private static final Logger log = LoggerFactory.getLogger(ObjectionJobs.class);

    private final Objections objections;
    private final Clock clock;

    ObjectionJobs(Objections objections, Clock clock) {
        this.objections = objections;
        this.clock = clock;
    }

    @Scheduled(cron = "${chengxin.objection.watch-cron:0 10 * * * *}", zone = "Asia/Shanghai")
    void watch() {
        Objections.Watch done = objections.watchDeadlines(clock);
        if (!done.reminded().isEmpty() || !done.escalated().isEmpty() || !done.correctionsEscalated().isEmpty()
                || !done.revoked().isEmpty()) {
            log.info("Objection deadlines: {} reminded, {} escalated, {} overdue corrections escalated, "
                            + "{} ended on revoked records", done.reminded().size(), done.escalated().size(),
                    done.correctionsEscalated().size(), done.revoked().size());
        }
    }
}
