package cn.chengxin.account;

import java.time.Clock;
import java.time.LocalDate;

import cn.chengxin.account.domain.InstitutionBan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An institution on the violation register stops querying at once (征信机构违规经营"黑名单", 国办发〔2016〕98号 四(一);
 * gaps review xxx L4): its live keys are revoked, for the entry's ground and reference, when the entry is confirmed
 * within its days, or — for a ban confirmed ahead of its first day — on the night that day comes. Refusing new keys
 * alone ({@link ApiClients}, API_CLIENT_INSTITUTION_BANNED) would leave it querying with the keys it holds for up to a
 * year.
 */
@Component
class BannedInstitutionKeys {

    private static final Logger log = LoggerFactory.getLogger(BannedInstitutionKeys.class);

    private final ApiClients clients;
    private final InstitutionViolations violations;
    private final Clock clock;

    BannedInstitutionKeys(ApiClients clients, InstitutionViolations violations, Clock clock) {
        this.clients = clients;
        this.violations = violations;
        this.clock = clock;
    }

    /** In the confirmation's transaction: confirmed and revoked together (the entry as read before, still pending). */
    @EventListener
    void confirmed(InstitutionBanConfirmed event) {
        InstitutionViolation entry = event.entry();
        if (InstitutionBan.inForce(entry.bannedFrom(), entry.bannedUntil(), LocalDate.now(clock))) {
            clients.revokeForBan(event.entry());
        }
    }

    @Scheduled(cron = "${chengxin.account.banned-keys-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        log.info("Keys of banned institutions revoked: {}", revokeBegun());
    }

    /** Revokes the live keys of every institution whose ban holds today; returns how many. */
    @Transactional
    int revokeBegun() {
        LocalDate today = LocalDate.now(clock);
        return violations.register().stream().filter(v -> v.inForce(today)).mapToInt(clients::revokeForBan).sum();
    }
}
