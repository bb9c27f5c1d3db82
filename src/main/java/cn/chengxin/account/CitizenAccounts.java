package cn.chengxin.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.domain.ElectronicServiceTerms;
import cn.chengxin.account.domain.Lockout;
import cn.chengxin.account.domain.PasswordPolicy;
import cn.chengxin.account.domain.PasswordRule;
import cn.chengxin.account.domain.SmsCodes;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.account.persistence.JdbcPendingRegistrations;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.City;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.PersonalDataProtection;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.GuardianConsent;
import cn.chengxin.subject.domain.IdentityRejection;
import cn.chengxin.subject.domain.InvalidIdentityException;
import cn.chengxin.subject.domain.NameSource;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.domain.SubjectNames;
import cn.chengxin.subject.domain.IdentityDocument;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens' accounts (RULES.md §9: self-query with real-name verification). Registration checks the
 * identity number and name against the credit subject registry, asks the real-name provider whether the phone is the
 * person's own ({@link RealNameVerifier}: without that anyone knowing a name and a number took the account, gaps review
 * #1), then proves the phone with a one-time code texted off the request thread ({@link SmsDispatch}); sign-in is by
 * identity number or phone number and password.
 */
@Service
public class CitizenAccounts {

    private static final Duration RESEND_AFTER = Duration.ofSeconds(60);
    /**
     * How long a registration whose code expired (or was mistyped five times) is kept for a new code from the code page
     * (gaps review xxxv O6): an old person who reads the text on one device and types on another, or asks a grandchild,
     * gets another code rather than the empty form. Then it goes, as before.
     */
    public static final Duration KEPT_AFTER_EXPIRY = Duration.ofMinutes(30);
    static final String PHONE_PURPOSE = "citizen-phone";

    private final JdbcAccounts accounts;
    private final SubjectRegistry subjects;
    private final PersonalDataProtection protection;
    private final PasswordEncoder passwords;
    private final UnknownAccountWork unknownAccountWork;
    private final SmsDispatch sms;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcPendingRegistrations pending;
    private final RealNameVerifier verifier;
    private final ElectronicServiceAgreements eservice;
    private final City city;
    private final SecureRandom random = new SecureRandom();

    CitizenAccounts(JdbcAccounts accounts, JdbcPendingRegistrations pending, SubjectRegistry subjects,
                    PersonalDataProtection protection, PasswordEncoder passwords, SmsDispatch sms,
                    RealNameVerifier verifier, ElectronicServiceAgreements eservice, AuditLog audit, Clock clock,
                    City city) {
        this.city = city;
        this.accounts = accounts;
        this.eservice = eservice;
        this.verifier = verifier;
        this.pending = pending;
        this.subjects = subjects;
        this.protection = protection;
        this.passwords = passwords;
        this.unknownAccountWork = new UnknownAccountWork(passwords);
        this.sms = sms;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks an applicant who holds a resident identity card and sends the code. */
    public UUID startRegistration(String rawNumber, String name, String rawPhone, String password) {
        return startRegistration(null, rawNumber, name, rawPhone, password);
    }

    /**
     * Checks the applicant and sends the code. Persons known by a passport or a travel permit register with that
     * document, named as the console names it ({@link DocumentType#named}); none named: a resident identity card.
     *
     * @return the registration id to complete with the code
     */
    public UUID startRegistration(String documentType, String rawNumber, String name, String rawPhone,
                                  String password) {
        return startRegistration(documentType, rawNumber, name, rawPhone, password, null);
    }

    /**
     * As {@link #startRegistration(String, String, String, String, String)}, with the registration form's optional box
     * of the confirmation of electronic service (电子送达确认书, 《行政处罚法》第六十一条; gaps review xl U13 rest):
     * {@code eserviceVersion} is the version of the text the form showed when the box was ticked, null when it was not.
     * Ticked, it must be the current text (refused {@code ESERVICE_TERMS_CHANGED} before anything is checked); the
     * agreement is kept with the registration and stored when the code creates the account.
     */
    public UUID startRegistration(String documentType, String rawNumber, String name, String rawPhone,
                                  String password, String eserviceVersion) {
        if (eserviceVersion != null) {
            ElectronicServiceTerms.problem(true, eserviceVersion).ifPresent(p -> {
                throw new AccountProblem("ESERVICE_TERMS_CHANGED", DomainProblem.Kind.CONFLICT, p);
            });
        }
        // Before the number is even read: without SMS or a real-name provider every applicant gets this answer, and
        // nothing is stored.
        sms.requireAvailable();
        requireVerifier();
        IdentityDocument document = subjects.validate(personal(documentType), rawNumber);
        String phone = normalisePhone(rawPhone);
        String trimmedName = name == null ? "" : name.trim();
        String number = document.number();
        List<PasswordRule> broken = PasswordPolicy.violations(password == null ? "" : password, phone,
                number.substring(Math.max(0, number.length() - 6)));
        if (!broken.isEmpty()) {
            throw new AccountProblem(broken.get(0).code(), DomainProblem.Kind.INVALID_INPUT,
                    String.join("；", broken.stream().map(PasswordRule::message).toList()));
        }
        String subjectPseudonym = subjects.holderPseudonymOf(document);
        Optional<UUID> subjectId = subjects.find(document);
        Optional<SubjectProfile> profile = subjectId.flatMap(subjects::profile);
        // The name as the registry holds it, however written (SubjectNames: middle dots, full-width forms, spaces;
        // gaps review xxvii I6): a department's spelling is no other name than the one on the person's card. A name
        // only a relayed message gave (provisional, I9) is no test: the real-name provider's answer below is.
        boolean provisional = profile.isPresent() && profile.get().nameProvisional();
        boolean unknown = profile.isEmpty();
        if (unknown && trimmedName.isEmpty()
                || !unknown && !provisional && !SubjectNames.same(profile.get().name(), trimmedName)) {
            throw mismatch(subjectPseudonym, AuditDetail.of("NAME_MISMATCH"));
        }
        // RULES.md §9 real-name verification: the phone must be the person's own (gaps review #1), asked before the
        // account is looked for, so that only the person learns that their number is taken, and before any code goes.
        // The provider gets the name as the person typed it, the spelling of their card, not the registry's. Gaps
        // review xxix K3: for a number the register does not know (a person with no records) the provider alone
        // decides, with the one answer for wrong and unknown until it matches.
        requireRealName(trimmedName, document, phone, subjectPseudonym);
        // RULES.md §6: a child under 14 cannot consent alone, and no guardian can be verified here. Asked only once the
        // provider matched name, number and phone (gaps review xxxi M8; PIPL Art. 28, 31): before, a child's right name
        // with any phone drew this answer, and whoever held the number learnt the child's name by trying names. An
        // unknown birth date is let through (see GuardianConsent).
        LocalDate birthDate = unknown
                ? new NewPerson(document, trimmedName, null, null, List.of(), List.of(), false).birthDate()
                : profile.get().birthDate();
        if (GuardianConsent.required(birthDate, LocalDate.now(clock))) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.register").subject(subjectPseudonym)
                    .by(AuditLog.currentActor()).result(AuditResult.DENIED).detail(AuditDetail.of("UNDER_14")));
            throw new AccountProblem("REGISTRATION_GUARDIAN_REQUIRED", DomainProblem.Kind.FORBIDDEN,
                    "未满十四周岁的未成年人不能自行注册，请由监护人携带身份证明到信用管理部门窗口办理");
        }
        if (provisional) {
            // The provider matched this name with the number: the register takes it (gaps review xxvii I9).
            subjects.settleNames(java.util.Map.of(subjectId.get(), trimmedName), NameSource.CITIZEN,
                    "real-name registration");
        }
        String phonePseudonym = protection.pseudonym("phone", phone);
        if (accounts.citizenExists(subjectPseudonym, phonePseudonym)) {
            throw new AccountProblem("CITIZEN_EXISTS", DomainProblem.Kind.CONFLICT,
                    "该身份号码或手机号码已注册，请直接登录");
        }
        Instant now = clock.instant();
        Optional<Instant> previous = pending.lastSentTo(phonePseudonym);
        if (previous.isPresent() && previous.get().plus(RESEND_AFTER).isAfter(now)) {
            throw new AccountProblem("SMS_TOO_FREQUENT", DomainProblem.Kind.TOO_MANY, "验证码发送过于频繁，请一分钟后再试");
        }
        if (unknown) {
            // The provider confirmed name, number and phone: the person is registered with no records (K3).
            subjectId = Optional.of(subjects.registerVerifiedPerson(document, trimmedName,
                    AuditDetail.of("VERIFIED_ONLINE_REAL_NAME")));
        }
        String code = SmsCodes.next(random);
        UUID id = Ids.newId();
        // In the database, not this instance's memory: a restart, or the code typed on a page another instance serves,
        // must not lose the registration. No identity number in it, only the subject's id and pseudonym (V141).
        pending.insert(new JdbcPendingRegistrations.Pending(id, subjectId.get(), subjectPseudonym, phonePseudonym,
                maskPhone(phone), seal(phone), passwords.encode(password), codeHash(id, code), 0, now,
                now.plus(SmsCodes.VALIDITY), eserviceVersion));
        textCode(() -> phone, code, subjectPseudonym);
        return id;
    }

    /**
     * Off this thread (SmsDispatch): the answer does not wait for the provider. A text that fails is recorded; the
     * applicant asks for another code from the code page after the resend limit.
     */
    private void textCode(java.util.function.Supplier<String> phone, String code, String subjectPseudonym) {
        Actor by = AuditLog.currentActor();
        sms.send(phone, "【信用平台】您的实名注册验证码为 " + code + "，5 分钟内有效。如非本人操作请忽略。",
                e -> audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.register")
                        .subject(subjectPseudonym).by(by).result(AuditResult.ERROR).detail(AuditDetail.of("CODE_NOT_TEXTED"))));
    }

    /**
     * Where a registration's code stands, for its code page: when the code sent expires, whether it can still be
     * answered (not expired, attempts left), and when another may be sent (RESEND_AFTER from the last text to the
     * phone). Empty once the registration is gone (completed, or removed after {@link #KEPT_AFTER_EXPIRY}).
     */
    public Optional<RegistrationCode> registrationCode(UUID registrationId) {
        Instant now = clock.instant();
        return pending.find(registrationId).map(p -> new RegistrationCode(p.expiresAt(),
                p.expiresAt().isAfter(now) && p.attempts() < SmsCodes.ATTEMPTS, p.phoneMasked(),
                resendWait(p.phonePseudonym(), now)));
    }

    /**
     * @param expiresAt     when the code last texted expires
     * @param answerable    whether that code may still be typed (not expired, attempts left)
     * @param phoneMasked   the phone it went to, masked
     * @param resendWait    how long until another code may be sent; zero: now
     */
    public record RegistrationCode(Instant expiresAt, boolean answerable, String phoneMasked, Duration resendWait) {
    }

    private Duration resendWait(String phonePseudonym, Instant now) {
        return pending.lastSentTo(phonePseudonym).map(at -> at.plus(RESEND_AFTER))
                .filter(until -> until.isAfter(now)).map(until -> Duration.between(now, until))
                .orElse(Duration.ZERO);
    }

    /**
     * Gaps review xxxv O6: sends a new code to a pending registration's phone from the code page, so that a code that
     * expired or was mistyped five times does not send the person back to an empty form. Nothing typed is asked again:
     * the registration kept the checked applicant, the sealed phone and the password's hash. The new code replaces
     * the old one with fresh attempts and validity; it counts against the one limit of a text a minute to a phone
     * (RESEND_AFTER, as a new registration does), refused with the wait in seconds ({@link TextTooSoon}).
     */
    @Transactional(noRollbackFor = AccountProblem.class)
    public void resendRegistrationCode(UUID registrationId) {
        sms.requireAvailable();
        JdbcPendingRegistrations.Pending p = pending.lock(registrationId).orElseThrow(() -> new AccountProblem(
                "REGISTRATION_EXPIRED", DomainProblem.Kind.INVALID_INPUT, "注册申请已过期，请重新填写注册信息"));
        Instant now = clock.instant();
        Duration wait = resendWait(p.phonePseudonym(), now);
        if (!wait.isZero()) {
            throw new TextTooSoon(wait);
        }
        String code = SmsCodes.next(random);
        pending.replaceCode(registrationId, codeHash(registrationId, code), now, now.plus(SmsCodes.VALIDITY));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.register").subject(p.subjectPseudonym())
                .by(AuditLog.currentActor()).detail(AuditDetail.of("REGISTRATION_CODE_RESENT")));
        JdbcAccounts.SealedPhone sealed = p.phone();
        textCode(() -> protection.open(sealed.cipher(), sealed.keyVersion(), PHONE_PURPOSE), code,
                p.subjectPseudonym());
    }

    /** {@code SMS_TOO_FREQUENT} with the wait, in whole seconds rounded up, for the page to say. */
    public static final class TextTooSoon extends AccountProblem {

        private final long waitSeconds;

        TextTooSoon(Duration wait) {
            this(Math.max(1, (wait.toMillis() + 999) / 1000));
        }

        private TextTooSoon(long seconds) {
            super("SMS_TOO_FREQUENT", DomainProblem.Kind.TOO_MANY, "验证码发送过于频繁，请 " + seconds + " 秒后再试");
            this.waitSeconds = seconds;
        }

        public long waitSeconds() {
            return waitSeconds;
        }
    }

    /** Wrong codes are counted although the answer is a refusal (noRollbackFor): otherwise the limit never bites. */
    @Transactional(noRollbackFor = AccountProblem.class)
    public void completeRegistration(UUID registrationId, String code) {
        // Before the registration's row is locked: a join approved meanwhile moves that row (JoinedAccounts).
        subjects.holdJoinsOff();
        Optional<JdbcPendingRegistrations.Pending> found = pending.lock(registrationId);
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().expiresAt().isAfter(now) || found.get().attempts() >= SmsCodes.ATTEMPTS) {
            // Kept until it expires when its attempts are spent: the resend limit still reads when its code was sent.
            throw new AccountProblem("CODE_EXPIRED", DomainProblem.Kind.INVALID_INPUT, "验证码已过期或输错次数过多，请重新发送验证码");
        }
        JdbcPendingRegistrations.Pending p = found.get();
        if (!SmsCodes.same(p.codeHash(), codeHash(registrationId, code == null ? "" : code.trim()))) {
            pending.countFailure(registrationId);
            throw new AccountProblem("CODE_WRONG", DomainProblem.Kind.INVALID_INPUT, "验证码不正确");
        }
        pending.delete(registrationId);
        // The person was found when the code was sent, before this transaction: a join approved since has moved the
        // joined subject's account rows already, so the account is bound to the kept subject (its pseudonym with it),
        // and a join approving now waits for it (98号 三(一); RULES.md §1). Where the kept subject holds an account
        // already, the person has one: CITIZEN_EXISTS, as the join itself refuses two (JoinedAccounts).
        UUID subjectId = subjects.keptSubjectHoldingJoins(p.subjectId());
        String subjectPseudonym = subjectId.equals(p.subjectId()) ? p.subjectPseudonym()
                : subjects.pseudonymOf(subjectId).orElseThrow();
        UUID id = Ids.newId();
        if (!accounts.insertCitizen(id, subjectId, subjectPseudonym, p.phonePseudonym(), p.phoneMasked(),
                p.phone(), p.passwordHash(), now)) {
            throw new AccountProblem("CITIZEN_EXISTS", DomainProblem.Kind.CONFLICT, "该身份号码或手机号码已注册");
        }
        CitizenPrincipal citizen = citizenActor(id, subjectId, subjectPseudonym);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.register")
                .subject(subjectPseudonym).by(citizen));
        if (p.eserviceTermsVersion() != null) {
            // The box ticked on the form: agreed by the account as it is created, in this transaction.
            eservice.agreeAtRegistration(citizen, p.eserviceTermsVersion());
        }
    }

    /** Refuses at once, for every applicant alike, when no real-name provider is configured. */
    void requireVerifier() {
        if (!verifier.available()) {
            throw realNameUnavailable();
        }
    }

    /** Whether registration and a change of phone can be offered online at all (SMS and real-name provider). */
    public boolean onlineVerificationAvailable() {
        return sms.available() && verifier.available();
    }

    /**
     * Asks the provider whether name, number and phone belong to one person. A mismatch gets the answer a wrong name
     * gets, whichever of the three was wrong; an unavailable provider sends the applicant to the window.
     */
    void requireRealName(String name, IdentityDocument document, String phone, String subjectPseudonym) {
        RealNameVerifier.Verdict verdict = verifier.verify(name, document, phone);
        if (verdict == RealNameVerifier.Verdict.UNAVAILABLE) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.register").subject(subjectPseudonym)
                    .by(AuditLog.currentActor()).result(AuditResult.ERROR).detail(AuditDetail.of("REAL_NAME_UNAVAILABLE")));
            throw realNameUnavailable();
        }
        if (verdict != RealNameVerifier.Verdict.MATCH) {
            throw mismatch(subjectPseudonym, AuditDetail.of("REAL_NAME_PHONE_NOT_OWN"));
        }
    }

    private AccountProblem mismatch(String subjectPseudonym, AuditDetail why) {
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.register").subject(subjectPseudonym)
                .by(AuditLog.currentActor()).result(AuditResult.DENIED).detail(why));
        return new AccountProblem("REAL_NAME_MISMATCH", DomainProblem.Kind.INVALID_INPUT,
                "姓名、证件号码与手机号码未通过实名核验：请核对后重新填写，手机号码须是登记在本人名下的号码；"
                        + "仍无法注册的，请携带本人身份证件到" + city.creditOffice() + "服务窗口办理");
    }

    AccountProblem realNameUnavailable() {
        return new AccountProblem("REAL_NAME_UNAVAILABLE", DomainProblem.Kind.UNAVAILABLE,
                "实名核验服务暂不可用，暂时不能在线注册或更换手机号码：请携带本人身份证件到" + city.creditOffice() + "服务窗口办理");
    }

    /** For demo data and migration from an older platform: an account whose real name was verified elsewhere. */
    @Transactional
    public Optional<UUID> registerVerified(UUID found, String phone, String password) {
        // Found before: bound to the subject kept by a join approved since, joins held off until it is (as above).
        UUID subjectId = subjects.keptSubjectHoldingJoins(found);
        String pseudonym = subjects.pseudonymOf(subjectId).orElseThrow();
        String normalised = normalisePhone(phone);
        String phonePseudonym = protection.pseudonym("phone", normalised);
        UUID id = Ids.newId();
        boolean inserted = accounts.insertCitizen(id, subjectId, pseudonym, phonePseudonym, maskPhone(normalised),
                seal(normalised), passwords.encode(password), clock.instant());
        return inserted ? Optional.of(id) : Optional.empty();
    }

    public sealed interface LoginOutcome {
        record Passed(CitizenPrincipal principal) implements LoginOutcome {
        }

        record Locked() implements LoginOutcome {
        }

        record Refused() implements LoginOutcome {
        }
    }

    /** As the form's sign-in without its question; transactional itself, since a call within the class is not proxied. */
    @Transactional(noRollbackFor = RuntimeException.class)
    public LoginOutcome login(String username, String password) {
        return login(username, password, false);
    }

    /**
     * @param challengeSolved whether the sign-in answered the form's question first ({@link SignInGuard}): then a
     *                        locked account checks the password too ({@link Lockout#refusesUnchecked})
     */
    @Transactional(noRollbackFor = RuntimeException.class)
    public LoginOutcome login(String username, String password, boolean challengeSolved) {
        Optional<JdbcAccounts.CitizenCredentials> found = lookUp(username == null ? "" : username.trim());
        if (found.isEmpty()) {
            // One verification, as for a known login: hashing a fresh dummy as well cost twice as long (RULES.md §10).
            unknownAccountWork.spendOnCheck(password);
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.login").result(AuditResult.DENIED)
                    .detail(AuditDetail.of("UNKNOWN_ACCOUNT")));
            return new LoginOutcome.Refused();
        }
        // Read again under the row's lock: failures counted from a stale read would overwrite each other, and a burst of
        // concurrent guesses would never reach the lockout (RULES.md §10).
        JdbcAccounts.CitizenCredentials c = accounts.lockCitizen(found.get().id()).orElseThrow();
        Instant now = clock.instant();
        Lockout lockout = new Lockout(c.failedAttempts(), c.lockedUntil());
        CitizenPrincipal principal = citizenActor(c.id(), c.subjectId(), c.subjectPseudonym());
        if (lockout.refusesUnchecked(now, challengeSolved)) {
            // As long as a wrong password takes: the sign-in page answers both alike, so timing must not tell them apart.
            unknownAccountWork.spendOnCheck(password);
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.login").by(principal)
                    .result(AuditResult.DENIED).detail(AuditDetail.of("LOCKED")));
            return new LoginOutcome.Locked();
        }
        if (!passwords.matches(password, c.passwordHash())) {
            Lockout after = lockout.afterFailure(now);
            accounts.updateCitizenLockout(c.id(), after.failures(), after.lockedUntil());
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.login").by(principal)
                    .result(AuditResult.DENIED).detail(AuditDetail.of(lockout.isLocked(now) ? "LOCKED_BAD_PASSWORD_AFTER_CHALLENGE"
                            : after.isLocked(now) ? "BAD_PASSWORD_LOCKED" : "BAD_PASSWORD")));
            return after.isLocked(now) ? new LoginOutcome.Locked() : new LoginOutcome.Refused();
        }
        if (c.suspended()) {
            // Suspended by the credit office (CitizenAccountDesk): refused as a wrong password is, so that the page
            // tells no stranger; its holder was texted the suspension and is sent to the window.
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.login").by(principal)
                    .result(AuditResult.DENIED).detail(AuditDetail.of("SUSPENDED")));
            return new LoginOutcome.Refused();
        }
        accounts.citizenLoggedIn(c.id(), now);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.login").by(principal)
                .detail(lockout.isLocked(now) ? AuditDetail.of("LOCKED_CHALLENGE_SOLVED").toString() : null));
        return new LoginOutcome.Passed(principal);
    }

    /** A person's document type: an organisation's credit code names no one who could hold an account. */
    static DocumentType personal(String documentType) {
        DocumentType type = DocumentType.named(documentType);
        if (type == null) {
            return DocumentType.RESIDENT_ID;
        }
        if (type.kind() != SubjectKind.PERSON) {
            throw new InvalidIdentityException(IdentityRejection.DOCUMENT_TYPE_UNKNOWN);
        }
        return type;
    }

    private Optional<JdbcAccounts.CitizenCredentials> lookUp(String username) {
        if (username.matches("1[3-9]\\d{9}")) {
            return accounts.citizenByPhonePseudonym(protection.pseudonym("phone", username));
        }
        try {
            IdentityDocument document = subjects.validate(DocumentType.RESIDENT_ID, username);
            return accounts.citizenBySubjectPseudonym(subjects.holderPseudonymOf(document));
        } catch (RuntimeException invalid) {
            return Optional.empty();
        }
    }

    /** Kept sealed so that notices can be texted to the citizen (issue #8); opened only by {@link Notices}. */
    private JdbcAccounts.SealedPhone seal(String phone) {
        PersonalDataProtection.Sealed sealed = protection.seal(phone, PHONE_PURPOSE);
        return new JdbcAccounts.SealedPhone(sealed.cipher(), sealed.keyVersion());
    }

    private CitizenPrincipal citizenActor(UUID accountId, UUID subjectId, String pseudonym) {
        String masked = subjects.profile(subjectId).map(SubjectProfile::maskedName).orElse("*");
        return new CitizenPrincipal(accountId, subjectId, pseudonym, masked);
    }

    static String normalisePhone(String raw) {
        String phone = raw == null ? "" : raw.replaceAll("[\\s-]", "");
        if (phone.startsWith("+86")) {
            phone = phone.substring(3);
        }
        if (!phone.matches("1[3-9]\\d{9}")) {
            throw new AccountProblem("PHONE_FORMAT", DomainProblem.Kind.INVALID_INPUT, "手机号码应为 11 位中国大陆手机号");
        }
        return phone;
    }

    static String maskPhone(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }

    /**
     * Keyed (HMAC-SM3) and bound to its registration: whoever reads the table cannot try the million six-digit codes
     * against it, as they could against a plain hash, nor carry one registration's code to another.
     */
    private String codeHash(UUID registrationId, String code) {
        return protection.pseudonym("registration-code", registrationId + ":" + code);
    }

    /**
     * Registrations whose code expired {@link #KEPT_AFTER_EXPIRY} ago are of no use to anyone: their personal data goes
     * (PIPL: kept no longer). Until then the code page can send a new code without the form typed again (O6).
     */
    @Scheduled(fixedDelayString = "${chengxin.account.pending-registration-cleanup:PT5M}",
            initialDelayString = "${chengxin.account.pending-registration-cleanup:PT5M}")
    public int removeExpiredRegistrations() {
        return pending.deleteExpired(clock.instant().minus(KEPT_AFTER_EXPIRY));
    }
}
