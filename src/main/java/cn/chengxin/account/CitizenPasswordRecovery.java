package cn.chengxin.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.domain.PasswordRule;
import cn.chengxin.account.domain.RecoveryRequests;
import cn.chengxin.account.domain.SmsCodes;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.account.persistence.JdbcPendingRecoveries;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.PersonalDataProtection;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.SubjectNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 找回密码: a citizen who forgot the password proves again what registration proved (RULES.md §9, real-name
 * verification): the identity number with the name the registry holds, then the phone on file (never one typed now) by
 * a one-time code; then sets a new password under the same rules. Every request is answered alike, whatever it found —
 * an unknown number, a wrong name, a locked account or no phone on file — so that the answer never tells whether a
 * number has an account (RULES.md §10: identity data is sensitive); a suspended account's phone is told why no code
 * comes. A code is valid 5 minutes, used once, and allows
 * 5 tries, as registration's; requests are limited per number ({@link RecoveryRequests}). A new password ends every
 * sign-in session of the citizen.
 */
@Service
public class CitizenPasswordRecovery {

    private static final Logger log = LoggerFactory.getLogger(CitizenPasswordRecovery.class);

    private final JdbcAccounts accounts;
    private final JdbcPendingRecoveries pending;
    private final SubjectRegistry subjects;
    private final PersonalDataProtection protection;
    private final CitizenPasswordRules rules;
    private final PasswordEncoder passwords;
    private final SmsDispatch sms;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CitizenPasswordRecovery(JdbcAccounts accounts, JdbcPendingRecoveries pending, SubjectRegistry subjects,
                            PersonalDataProtection protection, CitizenPasswordRules rules, PasswordEncoder passwords,
                            SmsDispatch sms, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.pending = pending;
        this.subjects = subjects;
        this.protection = protection;
        this.rules = rules;
        this.passwords = passwords;
        this.sms = sms;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Takes a request and, when the number has an account whose holder bears the name given and a phone on file,
     * texts a code to that phone. Refused only for what the person typing can see without any account: a malformed
     * number, or too many requests for the number.
     *
     * @return the recovery to complete with the code, whether or not a code was sent
     */
    @Transactional
    public UUID start(String documentType, String rawNumber, String name) {
        // Before the number is even read: without SMS every number gets this answer, and nothing is stored.
        sms.requireAvailable();
        IdentityDocument document = subjects.validate(CitizenAccounts.personal(documentType), rawNumber);
        String numberPseudonym = subjects.holderPseudonymOf(document);
        Instant now = clock.instant();
        Optional<String> tooMany = RecoveryRequests.refusal(
                pending.requestedSince(numberPseudonym, now.minus(RecoveryRequests.WINDOW)), now);
        if (tooMany.isPresent()) {
            throw new AccountProblem(tooMany.get(), DomainProblem.Kind.TOO_MANY,
                    tooMany.get().equals("SMS_TOO_FREQUENT") ? "验证码发送过于频繁，请一分钟后再试"
                            : "该证件号码一小时内找回密码次数过多，请一小时后再试");
        }
        UUID id = Ids.newId();
        String code = SmsCodes.next(random);
        Optional<Holder> holder = holderOf(document, name == null ? "" : name.trim(), numberPseudonym);
        pending.insert(new JdbcPendingRecoveries.Pending(id, numberPseudonym, holder.map(Holder::accountId),
                codeHash(id, code), 0, false, now, now.plus(SmsCodes.VALIDITY)));
        holder.ifPresent(h -> text(h, code, numberPseudonym));
        return id;
    }

    /** Whom a code goes to: the account and the phone registered with it. */
    private record Holder(UUID accountId, JdbcAccounts.SealedPhone phone) {
    }

    private Optional<Holder> holderOf(IdentityDocument document, String name, String numberPseudonym) {
        Optional<SubjectProfile> profile = subjects.find(document).flatMap(subjects::profile);
        Optional<JdbcAccounts.CitizenCredentials> account = accounts.citizenBySubjectPseudonym(numberPseudonym);
        AuditDetail refused = profile.isEmpty() || account.isEmpty() ? AuditDetail.of("NO_CODE_NO_ACCOUNT")
                : !SubjectNames.same(profile.get().name(), name) ? AuditDetail.of("NO_CODE_NAME_MISMATCH")
                : account.get().suspended() ? AuditDetail.of("NO_CODE_SUSPENDED") : null;
        Optional<JdbcAccounts.SealedPhone> phone = refused == null ? accounts.phoneOf(account.get().subjectId())
                : Optional.empty();
        if (refused == null && phone.isEmpty()) {
            refused = AuditDetail.of("NO_CODE_NO_PHONE");
        }
        if (refused != null) {
            boolean toldSuspended = "NO_CODE_SUSPENDED".equals(refused.code())
                    && tellSuspended(account.get(), numberPseudonym);
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.recover").subject(numberPseudonym)
                    .by(AuditLog.currentActor()).result(AuditResult.DENIED)
                    .detail(toldSuspended ? AuditDetail.of("NO_CODE_SUSPENDED_TOLD") : refused));
            return Optional.empty();
        }
        return Optional.of(new Holder(account.get().id(), phone.get()));
    }

    /**
     * A suspended account's holder who asks for a code is told why none comes, on the phone on file, which only the
     * holder reads: the page still answers alike (nothing there tells a stranger that the number has an account), and
     * the holder learns where to go instead of waiting for a code (the credit office suspends after a proof of identity
     * at the window, and resumes there).
     */
    private boolean tellSuspended(JdbcAccounts.CitizenCredentials account, String numberPseudonym) {
        Optional<JdbcAccounts.SealedPhone> phone = accounts.phoneOf(account.subjectId());
        if (phone.isEmpty()) {
            return false;
        }
        Actor by = AuditLog.currentActor();
        sms.send(() -> protection.open(phone.get().cipher(), phone.get().keyVersion(), CitizenAccounts.PHONE_PURPOSE),
                "【信用平台】有人为您的账号申请找回密码。您的账号已暂停使用，无法在线找回密码，请携带有效身份证件到信用管理部门窗口办理。",
                e -> {
                    log.warn("Suspension notice not texted: {}", e.getClass().getSimpleName());
                    audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.recover")
                            .subject(numberPseudonym).by(by).result(AuditResult.ERROR)
                            .detail(AuditDetail.of("SUSPENSION_NOTICE_NOT_TEXTED")));
                });
        return true;
    }

    /**
     * Hands the code over to be texted off this thread ({@link SmsDispatch}): this answer then takes as long as one for
     * a number with no account, which records one event too ({@link #holderOf}). A text that fails is recorded then.
     */
    private void text(Holder holder, String code, String numberPseudonym) {
        Actor by = AuditLog.currentActor();
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.recover").subject(numberPseudonym)
                .by(by).detail(AuditDetail.of("CODE_HANDED_OVER")));
        sms.send(() -> protection.open(holder.phone().cipher(), holder.phone().keyVersion(),
                        CitizenAccounts.PHONE_PURPOSE),
                "【信用平台】您正在找回密码，验证码为 " + code + "，5 分钟内有效。如非本人操作请忽略，您的密码不会改变。",
                e -> {
                    // The page was answered as for a sent code already. Neither the phone nor the text is logged.
                    log.warn("Recovery code not texted: {}", e.getClass().getSimpleName());
                    audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.recover")
                            .subject(numberPseudonym).by(by).result(AuditResult.ERROR).detail(AuditDetail.of("CODE_NOT_TEXTED")));
                });
    }

    /**
     * Until when the recovery's code may be typed, for its page (gaps review xxxv O6); empty once used or out of tries.
     * The same for a request that sent no code, so the page still tells nothing of the account.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> codeExpiresAt(UUID recoveryId) {
        return pending.answerableUntil(recoveryId, SmsCodes.ATTEMPTS);
    }

    /**
     * Sets the new password once the code is right, and ends every sign-in session of the citizen. A wrong code is
     * counted although the answer is a refusal (noRollbackFor): otherwise the limit of tries never bites. A new password
     * that breaks a rule uses no try: whoever sees that refusal has already given the right code.
     */
    @Transactional(noRollbackFor = AccountProblem.class)
    public void complete(UUID recoveryId, String code, String password, String repeated) {
        Optional<JdbcPendingRecoveries.Pending> found = pending.lock(recoveryId);
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().used() || !found.get().expiresAt().isAfter(now)
                || found.get().attempts() >= SmsCodes.ATTEMPTS) {
            throw new AccountProblem("RECOVERY_EXPIRED", DomainProblem.Kind.INVALID_INPUT,
                    "验证码已过期或已使用，请重新找回密码");
        }
        JdbcPendingRecoveries.Pending p = found.get();
        boolean right = SmsCodes.same(p.codeHash(), codeHash(recoveryId, code == null ? "" : code.trim()));
        Optional<JdbcAccounts.CitizenCredentials> citizen = p.citizenId().flatMap(accounts::lockCitizen);
        if (!right || citizen.isEmpty()) {
            pending.countFailure(recoveryId);
            throw new AccountProblem("CODE_WRONG", DomainProblem.Kind.INVALID_INPUT, "验证码不正确");
        }
        JdbcAccounts.CitizenCredentials c = citizen.get();
        String wanted = password == null ? "" : password;
        if (!wanted.equals(repeated == null ? "" : repeated)) {
            throw new AccountProblem("PASSWORDS_DIFFER", DomainProblem.Kind.INVALID_INPUT, "两次输入的新密码不一致");
        }
        List<PasswordRule> broken = rules.broken(c, wanted);
        if (!broken.isEmpty()) {
            throw new AccountProblem(broken.get(0).code(), DomainProblem.Kind.INVALID_INPUT,
                    String.join("；", broken.stream().map(PasswordRule::message).toList()));
        }
        pending.useAllOf(p.numberPseudonym());
        accounts.setCitizenPassword(c.id(), passwords.encode(wanted));
        endSessionsOf(c.id());
        String masked = subjects.profile(c.subjectId()).map(SubjectProfile::maskedName).orElse("*");
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.recover").subject(c.subjectPseudonym())
                .by(new CitizenPrincipal(c.id(), c.subjectId(), c.subjectPseudonym(), masked))
                .detail(AuditDetail.of("PASSWORD_SET_SESSIONS_ENDED")));
    }

    /**
     * Whoever knew the old password is signed out everywhere. The request's own session, when it is the citizen's, is
     * ended once this commits, not deleted under it (see {@link CurrentSession}).
     */
    private void endSessionsOf(UUID accountId) {
        accounts.endCitizenSessions(CitizenPrincipal.sessionIndexOf(accountId), CurrentSession.id());
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who != null && who.getPrincipal() instanceof CitizenPrincipal signedIn
                && signedIn.accountId().equals(accountId)) {
            CurrentSession.endAfterCommit();
        }
    }

    /** Keyed (HMAC-SM3) and bound to its recovery, as registration's codes are. */
    private String codeHash(UUID recoveryId, String code) {
        return protection.pseudonym("recovery-code", recoveryId + ":" + code);
    }

    /** Recoveries older than the hourly limit's window are of no further use. */
    @Scheduled(fixedDelayString = "${chengxin.account.pending-registration-cleanup:PT5M}",
            initialDelayString = "${chengxin.account.pending-registration-cleanup:PT5M}")
    public int removeOldRecoveries() {
        return pending.deleteMadeBefore(clock.instant().minus(RecoveryRequests.WINDOW));
    }
}
