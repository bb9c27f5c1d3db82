package cn.chengxin.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.chengxin.account.domain.InstitutionBan;
import cn.chengxin.shared.jdbc.ClusterJobs;
import cn.chengxin.shared.jdbc.ScheduledDailyJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An institution on the violation register stops querying at once (征信机构违规经营"黑名单", 国办发〔2016〕98号 四(一);
 * gaps review xxx L4): its live keys are revoked, for the entry's ground and reference, when the entry is confirmed
 * within its days, or — for a ban confirmed ahead of its first day — on the night that day comes. Refusing new keys
 * alone ({@link ApiClients}, API_CLIENT_INSTITUTION_BANNED) would leave it querying with the keys it holds for up to a
 * year.
 * <p>
 * The night's revocation is the durable record; the key check refuses the keys from the ban's first minute whether or
 * not it ran ({@link BannedInstitutions}, gaps review xxxviii S7). It runs once across the instances, and an instance
 * starting after 00:05 on a day not done runs it at once ({@link cn.chengxin.shared.jdbc.MissedDays}).
 */
@Component
class BannedInstitutionKeys extends ScheduledDailyJob {

    /** The job's row in shared.cluster_job. */
    static final String JOB = "account.banned-keys";
    /** When the night's revocation runs, Beijing time. */
    static final String CRON = "${chengxin.account.banned-keys-cron:0 5 0 * * *}";

    private static final Logger log = LoggerFactory.getLogger(BannedInstitutionKeys.class);

    private final ApiClients clients;
    private final InstitutionViolations violations;

    BannedInstitutionKeys(ApiClients clients, InstitutionViolations violations, Clock clock, ClusterJobs jobs,
                          @Value(CRON) String cron) {
        super(JOB, cron, jobs, clock);
        this.clients = clients;
        this.violations = violations;
    }

    /**
     * In the confirmation's transaction: confirmed and revoked together (the entry as read before, still pending);
     * a ban ahead is seen by this instance's key check at once.
     */
    @EventListener
    void confirmed(InstitutionBanConfirmed event) {
        InstitutionViolation entry = event.entry();
        clients.banConfirmed();
        if (InstitutionBan.inForce(entry.bannedFrom(), entry.bannedUntil(), today())) {
            clients.revokeForBan(event.entry());
        }
    }

    @Scheduled(cron = CRON, zone = "Asia/Shanghai")
    void nightly() {
        runDay(today());
    }

    /** The day's revocation, unless another instance did it; only the day itself: a ban is revoked while it holds. */
    @Override
    public void runDay(LocalDate day) {
        List<LocalDate> done = runDaily(day, 0,
                d -> log.info("Keys of banned institutions revoked for {}: {}", d, revokeBegun(d)));
        if (done.isEmpty()) {
            log.info("Keys of banned institutions: {} done by another instance", day);
        }
    }

    /** Revokes the live keys of every institution whose ban holds on {@code day}; returns how many. */
    int revokeBegun(LocalDate day) {
        return violations.register().stream().filter(v -> v.inForce(day)).mapToInt(clients::revokeForBan).sum();
    }
}
