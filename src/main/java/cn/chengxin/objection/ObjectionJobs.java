package cn.chengxin.objection;

import java.time.Clock;

import cn.chengxin.account.RightsRequests;
import cn.chengxin.subject.RequestedCorrections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the objections' deadlines every hour: reminders before, escalation after (see Objections#watchDeadlines);
 * with them the deadlines of the requests the credit office answers as it answers objections (review xlvi AA3, AA4
 * rest): the registry correction requests, due under the objection rules, and the personal-information requests.
 */
@Component
class ObjectionJobs {

    private static final Logger log = LoggerFactory.getLogger(ObjectionJobs.class);

    private final Objections objections;
    private final WatchedCorrections corrections;
    private final RightsRequests rightsRequests;
    private final Clock clock;

    ObjectionJobs(Objections objections, WatchedCorrections corrections, RightsRequests rightsRequests, Clock clock) {
        this.objections = objections;
        this.corrections = corrections;
        this.rightsRequests = rightsRequests;
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
        RequestedCorrections.Watch requests = corrections.watch(clock);
        if (!requests.reminded().isEmpty() || !requests.escalated().isEmpty()) {
            log.info("Correction request deadlines: {} reminded, {} escalated", requests.reminded().size(),
                    requests.escalated().size());
        }
        RightsRequests.Watch rights = rightsRequests.watchDeadlines(clock);
        if (!rights.reminded().isEmpty() || !rights.escalated().isEmpty()) {
            log.info("Personal information request deadlines: {} reminded, {} escalated", rights.reminded().size(),
                    rights.escalated().size());
        }
    }
}
