package cn.chengxin.inquiry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.account.InstitutionBanConfirmed;
import cn.chengxin.account.InstitutionViolation;
import cn.chengxin.account.InstitutionViolations;
import cn.chengxin.account.NoticeArg;
import cn.chengxin.account.Notices;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.inquiry.persistence.JdbcInquiry.WithdrawnForBan;
import cn.chengxin.shared.jdbc.ClusterJobs;
import cn.chengxin.shared.jdbc.ScheduledDailyJob;
import cn.chengxin.subject.SubjectRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consents people gave an institution the violation register bans (违规机构名单, 征信机构违规经营"黑名单", 国办发〔2016〕98号
 * 四(一); gaps review xxx L4) are withdrawn by the platform: the institution broke the rules on people's reports, its
 * keys are revoked ({@code account.BannedInstitutionKeys}), and a consent to it must not wait, live, for a key it
 * might be issued after the ban. Each consent still live ({@code Consent#live}: also one waiting for a second clerk)
 * is withdrawn as other withdrawals record it ({@code withdrawn_at}, {@code withdrawn_by} {@value #BY}), audited about
 * the person ({@code consent.withdraw.ban}, CONSENT_WITHDRAWN_FOR_BAN) and told to the person by a notice (消息通知,
 * texted as notices are) in Chinese and English.
 * <p>
 * The institutions are those the entry holds, by id, unified social credit code or name written alike
 * ({@link InstitutionViolations#institutionsHeld}). An institution may hold many consents: they are withdrawn after
 * the confirmation commits, a chunk per transaction, each chunk with its audit entries and notices. The pass is
 * idempotent — a chunk takes only consents still live — and resumable: the event publication registry resubmits a
 * reaction a stop interrupted, and the nightly pass takes up every ban in force, so a ban confirmed ahead of its first
 * day acts on that day, as the keys' revocation does. The nightly pass runs once across the instances, and an instance
 * starting after 00:10 on a day not done runs it at once ({@link cn.chengxin.shared.jdbc.MissedDays}); until it has,
 * a consent to an institution banned from that day is refused where it is used ({@code Consents#allowing}, gaps
 * review xxxviii S7).
 */
@Component
class BannedInstitutionConsents extends ScheduledDailyJob {

    /** The job's row in shared.cluster_job. */
    static final String JOB = "inquiry.banned-consents";
    /** When the night's withdrawal runs, Beijing time. */
    static final String CRON = "${chengxin.inquiry.banned-consents-cron:0 10 0 * * *}";

    /** The consent's {@code withdrawn_by}: withdrawn by the platform for the violation register. */
    static final String BY = "ban";
    private static final String ACTION = "consent.withdraw.ban";
    private static final String KIND = "CONSENT_WITHDRAWN_FOR_BAN";
    private static final Logger log = LoggerFactory.getLogger(BannedInstitutionConsents.class);

    private final JdbcInquiry store;
    private final InstitutionViolations violations;
    private final Notices notices;
    private final SubjectRegistry subjects;
    private final AuditLog audit;
    private final TransactionTemplate chunkTransaction;
    private final int chunk;

    BannedInstitutionConsents(JdbcInquiry store, InstitutionViolations violations, Notices notices,
                              SubjectRegistry subjects, AuditLog audit, Clock clock,
                              PlatformTransactionManager transactions,
                              @Value("${chengxin.inquiry.ban-withdrawal-chunk:500}") int chunk, ClusterJobs jobs,
                              @Value(CRON) String cron) {
        super(JOB, cron, jobs, clock);
        this.store = store;
        this.violations = violations;
        this.notices = notices;
        this.subjects = subjects;
        this.audit = audit;
        this.chunkTransaction = new TransactionTemplate(transactions);
        this.chunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.chunk = chunk;
    }

    /** After the confirmation committed: a ban in force withdraws now; one ahead of its first day, on that night. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(InstitutionBanConfirmed confirmed) {
        InstitutionViolation entry = confirmed.entry();
        if (entry.withinDays(today())) {
            withdraw(entry);
        }
    }

    @Scheduled(cron = CRON, zone = "Asia/Shanghai")
    void nightly() {
        runDay(today());
    }

    /**
     * The day's withdrawal, unless another instance did it; only the day itself: a ban withdraws while it holds (its
     * chunks commit as they go, so a pass stopped half-way is finished by the next one).
     */
    @Override
    public void runDay(LocalDate day) {
        List<LocalDate> done = runDaily(day, 0,
                d -> log.info("Consents to banned institutions withdrawn for {}: {}", d, withdrawBegun(d)));
        if (done.isEmpty()) {
            log.info("Consents to banned institutions: {} done by another instance", day);
        }
    }

    /** Withdraws the live consents to every institution a ban in force today holds; returns how many. */
    int withdrawBegun() {
        return withdrawBegun(today());
    }

    /** Withdraws the live consents to every institution a ban in force on {@code day} holds; returns how many. */
    int withdrawBegun(LocalDate day) {
        return violations.register().stream().filter(v -> v.inForce(day)).mapToInt(this::withdraw).sum();
    }

    /** Withdraws the live consents to the institutions the entry holds, a chunk per transaction; returns how many. */
    int withdraw(InstitutionViolation entry) {
        List<UUID> institutions = violations.institutionsHeld(entry);
        int total = 0;
        while (true) {
            Integer done = chunkTransaction.execute(tx -> withdrawChunk(entry, institutions));
            if (done == null || done == 0) {
                return total;
            }
            total += done;
        }
    }

    private int withdrawChunk(InstitutionViolation entry, List<UUID> institutions) {
        Instant now = clock.instant();
        List<WithdrawnForBan> withdrawn = store.withdrawLiveOf(institutions, now, BY, chunk);
        if (withdrawn.isEmpty()) {
            return 0;
        }
        Map<UUID, String> pseudonyms = new java.util.HashMap<>();
        for (WithdrawnForBan c : withdrawn) {
            String pseudonym = pseudonyms.computeIfAbsent(c.subjectId(), s -> subjects.pseudonymOf(s).orElseThrow());
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, ACTION).subject(pseudonym).consent(c.id().toString())
                    .detail(AuditDetail.of("CONSENT_WITHDRAWN_FOR_BAN").with("organisation", c.organisation())
                            .withLabel("purpose", "me.consent.purpose." + c.purpose().name())
                            .withLabel("ground", entry.ground().messageKey()).with("reference", entry.reference())
                            .with("from", entry.bannedFrom()).with("until", entry.bannedUntil())));
        }
        notices.notifyAll(KIND, "/me/consents", KIND, withdrawn.stream().map(c -> new Notices.Addressed(
                c.subjectId(), title(c.organisation()), body(c, entry.bannedUntil()),
                List.of(NoticeArg.text(c.organisation()), NoticeArg.date(entry.bannedUntil()),
                        NoticeArg.label("me.consent.purpose." + c.purpose().name(), c.purpose().label()))))
                .toList());
        return withdrawn.size();
    }

    static String title(String organisation) {
        return "您授权" + organisation + "查询信用报告的授权已撤回";
    }

    private static String body(WithdrawnForBan c, LocalDate until) {
        return c.organisation() + "已列入违规机构名单（禁入至 " + until + "），您此前给予它的查询授权（用途："
                + c.purpose().label() + "）已由平台撤回，它不能再凭该授权查询您的信用报告。可在“授权管理”查看。";
    }
}
