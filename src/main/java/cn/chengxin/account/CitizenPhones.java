package cn.chengxin.account;

import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.domain.SmsCodes;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.City;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.PersonalDataProtection;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 更换手机号码 in the self-service pages (gaps review #13): a citizen whose number changed could never recover a
 * password again, as recovery texts the phone on file. The current password first (counted toward the lockout,
 * {@link CitizenPasswordCheck}); the new phone must be the person's own as the real-name provider knows it
 * ({@link RealNameVerifier}, RULES.md §9: what registration proves is not skipped here) and is proved by a code texted
 * to it; the old phone is told of the change, so that a stolen password shows. The change waiting for its code is kept
 * in the citizen's session (in the database, as every session): the phone sealed, the code as a keyed hash.
 */
@Service
public class CitizenPhones {

    private final JdbcAccounts accounts;
    private final CitizenPasswordCheck check;
    private final CitizenAccounts citizens;
    private final SubjectRegistry subjects;
    private final PersonalDataProtection protection;
    private final RealNameVerifier verifier;
    private final SmsDispatch sms;
    private final AuditLog audit;
    private final Clock clock;
    private final City city;
    private final SecureRandom random = new SecureRandom();

    CitizenPhones(JdbcAccounts accounts, CitizenPasswordCheck check, CitizenAccounts citizens, SubjectRegistry subjects,
                  PersonalDataProtection protection, RealNameVerifier verifier, SmsDispatch sms, AuditLog audit,
                  Clock clock, City city) {
        this.city = city;
        this.accounts = accounts;
        this.check = check;
        this.citizens = citizens;
        this.subjects = subjects;
        this.protection = protection;
        this.verifier = verifier;
        this.sms = sms;
        this.audit = audit;
        this.clock = clock;
    }

    /** A change waiting for its code: nothing in it is the phone in clear, nor the code. */
    public static final class PendingPhone implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        private final UUID id;
        private final UUID accountId;
        private final String phonePseudonym;
        private final String phoneMasked;
        private final byte[] phoneCipher;
        private final int phoneKeyVersion;
        private final String codeHash;
        private final Instant sentAt;
        private final Instant expiresAt;
        private int attempts;

        PendingPhone(UUID id, UUID accountId, String phonePseudonym, String phoneMasked, byte[] phoneCipher,
                     int phoneKeyVersion, String codeHash, Instant sentAt, Instant expiresAt) {
            this.id = id;
            this.accountId = accountId;
            this.phonePseudonym = phonePseudonym;
            this.phoneMasked = phoneMasked;
            this.phoneCipher = phoneCipher;
            this.phoneKeyVersion = phoneKeyVersion;
            this.codeHash = codeHash;
            this.sentAt = sentAt;
            this.expiresAt = expiresAt;
        }

        public String phoneMasked() {
            return phoneMasked;
        }

        Instant sentAt() {
            return sentAt;
        }

        /** When the code texted to the new number runs out, said on the code page. */
        public Instant expiresAt() {
            return expiresAt;
        }

        UUID accountId() {
            return accountId;
        }

        JdbcAccounts.NewPhone newPhone() {
            return new JdbcAccounts.NewPhone(phonePseudonym, phoneMasked,
                    new JdbcAccounts.SealedPhone(phoneCipher, phoneKeyVersion));
        }
    }

    /**
     * Checks the password and the new phone, and texts a code to it.
     *
     * @param previous the change already waiting in the session, if any: a new code waits out the resend limit
     */
    @Transactional(noRollbackFor = AccountProblem.class)
    public PendingPhone start(CitizenPrincipal citizen, String current, String rawPhone, PendingPhone previous) {
        sms.requireAvailable();
        citizens.requireVerifier();
        JdbcAccounts.CitizenCredentials c = check.check(citizen, current, CitizenPasswordCheck.Purpose.PHONE);
        return sendCode(c, rawPhone, previous, citizen,
                code -> "【信用平台】您正在更换绑定的手机号码，验证码为 " + code + "，5 分钟内有效。如非本人操作请忽略。");
    }

    /**
     * Checks a new phone for the account (not the one it has; a minute since the last code; the holder's own, and no
     * other account's) and texts a code to it in {@code text}, here or at the window ({@link CitizenAccountDesk}).
     */
    PendingPhone sendCode(JdbcAccounts.CitizenCredentials c, String rawPhone, PendingPhone previous, Actor by,
                          java.util.function.UnaryOperator<String> text) {
        String phone = CitizenAccounts.normalisePhone(rawPhone);
        String phonePseudonym = protection.pseudonym("phone", phone);
        if (accounts.citizenByPhonePseudonym(phonePseudonym).map(o -> o.id().equals(c.id())).orElse(false)) {
            throw new AccountProblem("PHONE_UNCHANGED", DomainProblem.Kind.INVALID_INPUT, "新手机号码与当前绑定的号码相同");
        }
        Instant now = clock.instant();
        if (previous != null && previous.sentAt().plus(java.time.Duration.ofSeconds(60)).isAfter(now)) {
            throw new AccountProblem("SMS_TOO_FREQUENT", DomainProblem.Kind.TOO_MANY, "验证码发送过于频繁，请一分钟后再试");
        }
        requireOwnPhone(c, phone, phonePseudonym, by);
        String code = SmsCodes.next(random);
        UUID id = Ids.newId();
        PersonalDataProtection.Sealed sealed = protection.seal(phone, CitizenAccounts.PHONE_PURPOSE);
        sms.send(() -> phone, text.apply(code), e -> audit.record(AuditEntry.of(AuditCategory.SECURITY,
                "account.citizen.phone").subject(c.subjectPseudonym()).by(by).result(AuditResult.ERROR)
                .detail(AuditDetail.of("CODE_NOT_TEXTED"))));
        return new PendingPhone(id, c.id(), phonePseudonym, CitizenAccounts.maskPhone(phone),
                sealed.cipher(), sealed.keyVersion(), codeHash(id, code), now, now.plus(SmsCodes.VALIDITY));
    }

    /**
     * Refuses a phone that is not the account holder's as the real-name provider knows it, or that another account
     * holds. The number goes to the provider, as at registration: the disclosure is recorded (SubjectRegistry).
     */
    private void requireOwnPhone(JdbcAccounts.CitizenCredentials c, String phone, String phonePseudonym, Actor by) {
        SubjectProfile person = subjects.profile(c.subjectId()).orElseThrow();
        IdentityDocument document = subjects.revealNumber(c.subjectId()).orElseThrow();
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.phone").subject(c.subjectPseudonym())
                .by(by).detail(AuditDetail.of("NEW_PHONE_CHECKED")));
        switch (verifier.verify(person.name(), document, phone)) {
            case MATCH -> { }
            case UNAVAILABLE -> throw citizens.realNameUnavailable();
            case MISMATCH -> {
                audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.phone")
                        .subject(c.subjectPseudonym()).by(by).result(AuditResult.DENIED)
                        .detail(AuditDetail.of("REAL_NAME_PHONE_NOT_OWN")));
                throw new AccountProblem("REAL_NAME_MISMATCH", DomainProblem.Kind.INVALID_INPUT,
                        "该手机号码未通过实名核验：须是登记在您本人名下的号码");
            }
        }
        if (accounts.citizenByPhonePseudonym(phonePseudonym).isPresent()) {
            // Told only once the phone proved to be the person's: someone else's account holds their number.
            throw new AccountProblem("PHONE_TAKEN", DomainProblem.Kind.CONFLICT,
                    "该手机号码已绑定其他账号：请携带本人身份证件到" + city.creditOffice() + "服务窗口办理");
        }
    }

    /**
     * Refuses a change that is not the account's, has expired or has spent its attempts ({@code CODE_EXPIRED}), or
     * a wrong code ({@code CODE_WRONG}, counted in {@code pending}); a right code spends the change.
     */
    void requireCode(PendingPhone pending, UUID accountId, String code) {
        if (pending == null || !pending.accountId.equals(accountId) || !pending.expiresAt.isAfter(clock.instant())
                || pending.attempts >= SmsCodes.ATTEMPTS) {
            throw new AccountProblem("CODE_EXPIRED", DomainProblem.Kind.INVALID_INPUT, "验证码已过期，请重新获取");
        }
        if (!SmsCodes.same(pending.codeHash, codeHash(pending.id, code == null ? "" : code.trim()))) {
            pending.attempts++;
            throw new AccountProblem("CODE_WRONG", DomainProblem.Kind.INVALID_INPUT, "验证码不正确");
        }
        pending.attempts = SmsCodes.ATTEMPTS;
    }

    /**
     * Binds the new phone once the code is right, and tells the old one. A wrong code counts in {@code pending}
     * (the caller keeps it in the session again); five spend it. A code that expired or spent its attempts is refused
     * as this page's ({@code PHONE_CHANGE_CODE_EXPIRED}): the person sends a new one, where {@code CODE_EXPIRED}
     * would tell them to register again (K4 of gaps-review-xxix).
     */
    @Transactional(noRollbackFor = AccountProblem.class)
    public void complete(CitizenPrincipal citizen, PendingPhone pending, String code) {
        Instant now = clock.instant();
        try {
            requireCode(pending, citizen.accountId(), code);
        } catch (AccountProblem e) {
            if ("CODE_EXPIRED".equals(e.code())) {
                throw new AccountProblem("PHONE_CHANGE_CODE_EXPIRED", DomainProblem.Kind.INVALID_INPUT,
                        "短信验证码已过期或输错次数过多：请重新输入当前密码和新手机号码，点击“获取验证码”发送新的验证码");
            }
            throw e;
        }
        JdbcAccounts.CitizenCredentials c = accounts.lockCitizen(citizen.accountId()).orElseThrow(() ->
                new AccountProblem("USER_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "账号不存在"));
        Optional<JdbcAccounts.SealedPhone> old = accounts.phoneOfAccount(c.id());
        JdbcAccounts.NewPhone phone = pending.newPhone();
        if (!accounts.setCitizenPhone(c.id(), phone.pseudonym(), phone.masked(), phone.sealed(), now)) {
            throw new AccountProblem("PHONE_TAKEN", DomainProblem.Kind.CONFLICT,
                    "该手机号码已绑定其他账号：请携带本人身份证件到" + city.creditOffice() + "服务窗口办理");
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.phone").subject(c.subjectPseudonym())
                .by(citizen).detail(AuditDetail.of("PHONE_CHANGED").with("from", c.phoneMasked()).with("to", pending.phoneMasked)));
        old.ifPresent(sealed -> sms.send(() -> protection.open(sealed.cipher(), sealed.keyVersion(),
                        CitizenAccounts.PHONE_PURPOSE),
                "【信用平台】您的信用平台个人账号绑定的手机号码已更换为 " + pending.phoneMasked
                        + "。如非本人操作，请携带本人身份证件到" + city.creditOffice() + "服务窗口办理。",
                e -> audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.notice")
                        .subject(c.subjectPseudonym()).by(citizen).result(AuditResult.ERROR)
                        .detail(AuditDetail.of("NOTICE_NOT_TEXTED")))));
    }

    private String codeHash(UUID id, String code) {
        return protection.pseudonym("phone-change-code", id + ":" + code);
    }
}
