package cn.chengxin.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import cn.chengxin.account.domain.Lockout;
import cn.chengxin.account.domain.PasswordAge;
import cn.chengxin.account.domain.Totp;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.web.ControlCharacters;
import cn.chengxin.subject.PersonalDataProtection;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two steps of a staff login (RULES.md §10: two-factor login, lockout after failed attempts): the
 * password, then a TOTP code from the authenticator enrolled at the first login. Failures of either step
 * count towards the same lockout (5 failures → 15 minutes), so the six-digit code cannot be guessed either.
 */
@Service
public class StaffLogin {

    static final String TOTP_PURPOSE = "staff-totp";

    private final JdbcAccounts accounts;
    private final PasswordEncoder passwords;
    private final UnknownAccountWork unknownAccountWork;
    private final PersonalDataProtection protection;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordAge age;

    StaffLogin(JdbcAccounts accounts, PasswordEncoder passwords, PersonalDataProtection protection, AuditLog audit,
               Clock clock, PasswordAge age) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.unknownAccountWork = new UnknownAccountWork(passwords);
        this.protection = protection;
        this.audit = audit;
        this.clock = clock;
        this.age = age;
    }

    /** The outcome of the password step. */
    public sealed interface PasswordOutcome {
        record Passed(UUID userId, String username, boolean secondFactorEnrolled) implements PasswordOutcome {
        }

        record Refused(Reason reason) implements PasswordOutcome {
        }
    }

    public enum Reason {
        BAD_CREDENTIALS, LOCKED, DISABLED,
        /** The right temporary password, past its life ({@link PasswordAge}): an administrator sets another. */
        TEMPORARY_EXPIRED
    }

    /** As the form's sign-in without its question; transactional itself, since a call within the class is not proxied. */
    @Transactional(noRollbackFor = RuntimeException.class)
    public PasswordOutcome checkPassword(String username, String password) {
        return checkPassword(username, password, false);
    }

    /**
     * @param challengeSolved whether the sign-in answered the form's question first ({@link SignInGuard}): then a
     *                        locked account checks the password too ({@link Lockout#refusesUnchecked})
     */
    @Transactional(noRollbackFor = RuntimeException.class)
    public PasswordOutcome checkPassword(String username, String password, boolean challengeSolved) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        // A name holding a control character names no account, and PostgreSQL refuses a NUL in the look-up (a server
        // error at the sign-in): it is answered as an unknown name, and audited as typed (issue #3).
        Optional<JdbcAccounts.StaffCredentials> found = ControlCharacters.in(name) ? Optional.empty()
                : accounts.staffCredentials(name);
        if (found.isEmpty()) {
            // Same work as for a real user, so response time does not tell which user names exist.
            unknownAccountWork.spendOnCheck(password);
            record(name, "account.login.password", AuditResult.DENIED, AuditDetail.of("UNKNOWN_USER"));
            return new PasswordOutcome.Refused(Reason.BAD_CREDENTIALS);
        }
        JdbcAccounts.StaffCredentials user = accounts.lockStaffUser(found.get().id()).orElseThrow();
        Instant now = clock.instant();
        Lockout lockout = new Lockout(user.failedAttempts(), user.lockedUntil());
        if (lockout.refusesUnchecked(now, challengeSolved)) {
            // Answered like a wrong password, after as much work: a distinct or quicker answer would tell a stranger
            // that the name exists and is locked (RULES.md §10). No real check: the lock stops guessing meanwhile.
            unknownAccountWork.spendOnCheck(password);
            record(user.username(), "account.login.password", AuditResult.DENIED, AuditDetail.of("LOCKED"));
            return new PasswordOutcome.Refused(Reason.LOCKED);
        }
        if (!user.enabled()) {
            // Refused as an unknown user is ("?error"), so it must take as long: a quick answer would tell the name exists.
            unknownAccountWork.spendOnCheck(password);
            record(user.username(), "account.login.password", AuditResult.DENIED, AuditDetail.of("DISABLED"));
            return new PasswordOutcome.Refused(Reason.DISABLED);
        }
        if (!passwords.matches(password == null ? "" : password, user.passwordHash())) {
            Lockout after = lockout.afterFailure(now);
            accounts.updateStaffLockout(user.id(), after.failures(), after.lockedUntil());
            record(user.username(), "account.login.password", AuditResult.DENIED, lockout.isLocked(now)
                    ? AuditDetail.of("LOCKED_BAD_PASSWORD_AFTER_CHALLENGE")
                    : AuditDetail.of(after.isLocked(now) ? "BAD_PASSWORD_LOCKED" : "BAD_PASSWORD"));
            return new PasswordOutcome.Refused(after.isLocked(now) ? Reason.LOCKED : Reason.BAD_CREDENTIALS);
        }
        if (user.passwordTemporary() && age.temporaryExpired(user.passwordSetAt(), now)) {
            // Told as such: only someone who knows the password gets this far, and the holder must ask for another.
            record(user.username(), "account.login.password", AuditResult.DENIED, AuditDetail.of("TEMPORARY_PASSWORD_EXPIRED"));
            return new PasswordOutcome.Refused(Reason.TEMPORARY_EXPIRED);
        }
        if (lockout.isLocked(now)) {
            // The holder, past the question: the second step may follow, with one code's margin (Lockout).
            Lockout lifted = lockout.afterChallengeSolved();
            accounts.updateStaffLockout(user.id(), lifted.failures(), lifted.lockedUntil());
        }
        record(user.username(), "account.login.password", AuditResult.SUCCESS,
                lockout.isLocked(now) ? AuditDetail.of("LOCKED_CHALLENGE_SOLVED") : null);
        return new PasswordOutcome.Passed(user.id(), user.username(), user.totpCipher() != null);
    }

    /**
     * Completes enrolment: the code proves the authenticator holds the secret; only then is it stored. Only an account
     * without an authenticator enrols one: the sign-in that asks may have passed its password step before another
     * enrolled one, and replacing it would let a password alone take the second factor over (RULES.md §10).
     *
     * @return the signed-in principal, or empty when the code is wrong (counts as a failure) or an authenticator is
     *         enrolled already ({@link #isEnrolled})
     */
    @Transactional(noRollbackFor = RuntimeException.class)
    public Optional<StaffPrincipal> enrol(UUID userId, byte[] secret, String code) {
        JdbcAccounts.StaffCredentials user = accounts.lockStaffUser(userId).orElseThrow();
        Instant now = clock.instant();
        if (user.totpCipher() != null) {
            record(user.username(), "account.login.enrol", AuditResult.DENIED, AuditDetail.of("ALREADY_ENROLLED"));
            return Optional.empty();
        }
        if (refusedBeforeCheck(user, now)) {
            return Optional.empty();
        }
        OptionalLong step = Totp.verify(secret, code == null ? "" : code.trim(), now, 0);
        if (step.isEmpty()) {
            fail(user, now, "account.login.enrol");
            return Optional.empty();
        }
        PersonalDataProtection.Sealed sealed = protection.seal(java.util.Base64.getEncoder().encodeToString(secret),
                TOTP_PURPOSE + ":" + userId);
        accounts.enrolSecondFactor(userId, sealed.cipher(), sealed.keyVersion(), step.getAsLong());
        accounts.staffLoggedIn(userId, now);
        record(user.username(), "account.login.enrol", AuditResult.SUCCESS, null);
        return Optional.of(principal(user));
    }

    /** @return the signed-in principal, or empty when the code is wrong, reused or the account locked */
    @Transactional(noRollbackFor = RuntimeException.class)
    public Optional<StaffPrincipal> verify(UUID userId, String code) {
        JdbcAccounts.StaffCredentials user = accounts.lockStaffUser(userId).orElseThrow();
        Instant now = clock.instant();
        if (user.totpCipher() == null || refusedBeforeCheck(user, now)) {
            return Optional.empty();
        }
        byte[] secret = java.util.Base64.getDecoder().decode(protection.open(user.totpCipher(),
                user.totpKeyVersion(), TOTP_PURPOSE + ":" + userId));
        OptionalLong step = Totp.verify(secret, code == null ? "" : code.trim(), now, user.totpLastStep());
        if (step.isEmpty() || !accounts.useTotpStep(userId, step.getAsLong())) {
            fail(user, now, "account.login.totp");
            return Optional.empty();
        }
        accounts.staffLoggedIn(userId, now);
        record(user.username(), "account.login.totp", AuditResult.SUCCESS, null);
        return Optional.of(principal(user));
    }

    public boolean isEnrolled(UUID userId) {
        return accounts.staffCredentials(userId).map(u -> u.totpCipher() != null).orElse(false);
    }

    public boolean isLocked(UUID userId) {
        return accounts.staffCredentials(userId)
                .map(u -> new Lockout(u.failedAttempts(), u.lockedUntil()).isLocked(clock.instant())).orElse(true);
    }

    private boolean refusedBeforeCheck(JdbcAccounts.StaffCredentials user, Instant now) {
        if (!user.enabled() || new Lockout(user.failedAttempts(), user.lockedUntil()).isLocked(now)) {
            record(user.username(), "account.login.totp", AuditResult.DENIED, AuditDetail.of("LOCKED_OR_DISABLED"));
            return true;
        }
        return false;
    }

    private void fail(JdbcAccounts.StaffCredentials user, Instant now, String action) {
        Lockout after = new Lockout(user.failedAttempts(), user.lockedUntil()).afterFailure(now);
        accounts.updateStaffLockout(user.id(), after.failures(), after.lockedUntil());
        record(user.username(), action, AuditResult.DENIED,
                AuditDetail.of(after.isLocked(now) ? "BAD_CODE_LOCKED" : "BAD_CODE"));
    }

    private StaffPrincipal principal(JdbcAccounts.StaffCredentials user) {
        return new StaffPrincipal(user.id(), user.username(), user.displayName(), user.departmentId(),
                user.departmentCode(), user.departmentName(), user.departmentKind(), user.dataScope(),
                accounts.permissionsOf(user.id()), user.sharedReadScope());
    }

    private void record(String username, String action, AuditResult result, AuditDetail detail) {
        audit.record(AuditEntry.of(AuditCategory.SECURITY, action)
                .by(new LoginActor(username)).result(result).detail(detail == null ? null : detail.toString()));
    }

    /** Before the login completes the actor is only the name typed. */
    private record LoginActor(String actorName) implements cn.chengxin.shared.security.Actor {
        @Override
        public ActorKind actorKind() {
            return ActorKind.STAFF;
        }

        @Override
        public String actorId() {
            return "login:" + actorName;
        }

        @Override
        public String organisation() {
            return "";
        }
    }
}
