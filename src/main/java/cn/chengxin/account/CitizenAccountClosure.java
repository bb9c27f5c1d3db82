package cn.chengxin.account;

import java.time.Clock;
import java.util.Optional;

import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.City;
import cn.chengxin.subject.PersonalDataProtection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 注销账号 in the self-service pages (gaps review #13; RULES.md §10, PIPL Art. 47: personal information is deleted when
 * the person withdraws): with the current password, the account row and its sealed phone are deleted and every session
 * of the citizen ends. The credit file is the subject's, kept under its own rules, and is not touched; the person may
 * register again. The consents still open are withdrawn ({@link CitizenAccountClosed}). The phone is told, so that a closure by someone holding the password shows.
 */
@Service
public class CitizenAccountClosure {

    private final JdbcAccounts accounts;
    private final CitizenPasswordCheck check;
    private final PersonalDataProtection protection;
    private final SmsDispatch sms;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final City city;

    CitizenAccountClosure(JdbcAccounts accounts, CitizenPasswordCheck check, PersonalDataProtection protection,
                          SmsDispatch sms, AuditLog audit, ApplicationEventPublisher events, Clock clock, City city) {
        this.city = city;
        this.accounts = accounts;
        this.check = check;
        this.protection = protection;
        this.sms = sms;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Wrong passwords are counted although the answer is a refusal (noRollbackFor). */
    @Transactional(noRollbackFor = AccountProblem.class)
    public void close(CitizenPrincipal citizen, String current) {
        JdbcAccounts.CitizenCredentials c = check.check(citizen, current, CitizenPasswordCheck.Purpose.CLOSURE);
        Optional<JdbcAccounts.SealedPhone> phone = accounts.phoneOfAccount(c.id());
        accounts.deleteCitizen(c.id());
        // Without the account the person can no longer see or withdraw their consents: those still open end now.
        events.publishEvent(new CitizenAccountClosed(c.subjectId(), clock.instant()));
        int ended = accounts.endCitizenSessions(CitizenPrincipal.sessionIndexOf(c.id()), CurrentSession.id());
        // The request's own session ends once this commits (its row is written to as the request ends).
        CurrentSession.endAfterCommit();
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.close").subject(c.subjectPseudonym())
                .by(citizen).detail(AuditDetail.of("ACCOUNT_CLOSED").with("sessionsEnded", ended)));
        phone.ifPresent(sealed -> sms.send(() -> protection.open(sealed.cipher(), sealed.keyVersion(),
                        CitizenAccounts.PHONE_PURPOSE),
                "【信用平台】您的信用平台个人账号已注销，绑定的手机号码已删除；您的信用档案不受影响。"
                        + "如非本人操作，请携带本人身份证件到" + city.creditOffice() + "服务窗口办理。",
                e -> audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.notice")
                        .subject(c.subjectPseudonym()).by(citizen).result(AuditResult.ERROR)
                        .detail(AuditDetail.of("NOTICE_NOT_TEXTED")))));
    }
}
