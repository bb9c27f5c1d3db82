package cn.chengxin.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import cn.chengxin.account.domain.AdminKind;
import cn.chengxin.account.domain.Dormancy;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.jdbc.ClusterJobs;
import cn.chengxin.shared.jdbc.ScheduledDailyJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every night, disables the staff accounts unused for longer than {@link Dormancy#disableAfter} (等保 §8.1.4.2 c),
 * RULES.md §10): an account left behind by someone who moved on is a password and an authenticator nobody watches.
 * The last enabled account of an administrator kind is kept, marked on the users page, so that 三员分立 never leaves
 * a kind without anyone to act (only an administrator of the same kind may enable it again). Each disabling is
 * audited ({@code account.user.dormant}) and ends the account's sessions; an administrator enables it again.
 * <p>
 * A night missed — every instance down for a release or an outage at 02:40 — is run by the first instance starting
 * after it ({@link cn.chengxin.shared.jdbc.MissedDays}), not a day later: an account past its grace would otherwise
 * stay usable for another day, and one more on each night missed.
 */
@Component
class DormantAccounts extends ScheduledDailyJob {

    private static final Logger log = LoggerFactory.getLogger(DormantAccounts.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The job's row in shared.cluster_job. */
    static final String JOB = "account.dormant";
    /** When the night's run starts, Beijing time. */
    static final String CRON = "${chengxin.account.dormant-cron:0 40 2 * * *}";

    private final JdbcAccounts accounts;
    private final AuditLog audit;
    private final Dormancy dormancy;

    DormantAccounts(JdbcAccounts accounts, AuditLog audit, Clock clock, Dormancy dormancy, ClusterJobs jobs,
                    @Value(CRON) String cron) {
        super(JOB, cron, jobs, clock);
        this.accounts = accounts;
        this.audit = audit;
        this.dormancy = dormancy;
    }

    /**
     * Once a night across the instances (gaps review xxxiii N5): two instances disabling at once would both audit the
     * same accounts, and both could pass the last-of-its-kind test for two administrators of one kind. The night is
     * marked done in the transaction of the disabling ({@link ClusterJobs#runDaily}).
     */
    @Scheduled(cron = CRON, zone = "Asia/Shanghai")
    void nightly() {
        runDay(today());
    }

    /**
     * The night's disabling, unless another instance did it. Only the day itself: the disabling reads the accounts as
     * they are now, so one run does the nights missed before it as well.
     */
    @Override
    public void runDay(LocalDate day) {
        runDaily(day, 0, d -> log.info("Dormant staff accounts disabled for {}: {}", d, disableDormant()));
    }

    /** Disables the accounts now due; returns how many. */
    @Transactional
    int disableDormant() {
        Instant now = clock.instant();
        List<JdbcAccounts.UnusedAccount> due = accounts.enabledUnusedSince(dormancy.disableCutoff(now));
        int disabled = 0;
        for (JdbcAccounts.UnusedAccount account : due) {
            if (lastOfItsKind(account)) {
                continue;
            }
            accounts.setStaffEnabled(account.id(), false);
            accounts.endSessionsOf(List.of(account.username()), "");
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.user.dormant")
                    .detail(AuditDetail.of("ACCOUNT_DORMANT").with("user", account.username())
                            .with("since", LocalDate.ofInstant(account.lastUse(), BEIJING))));
            disabled++;
        }
        return disabled;
    }

    private boolean lastOfItsKind(JdbcAccounts.UnusedAccount account) {
        for (AdminKind kind : account.adminKinds()) {
            if (accounts.enabledHoldersOf(kind) <= 1) {
                log.warn("Dormant account {} kept: the last enabled {}", account.username(), kind);
                return true;
            }
        }
        return false;
    }
}
