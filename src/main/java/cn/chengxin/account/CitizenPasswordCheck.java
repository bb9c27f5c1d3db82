package cn.chengxin.account;

import java.time.Clock;
import java.time.Instant;

import cn.chengxin.account.domain.Lockout;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.DomainProblem;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The current password asked again before a signed-in citizen changes what guards the account (password, phone) or
 * closes it. A wrong one counts toward the lockout as a failed sign-in does (RULES.md §10, GB/T 22239 §8.1.4.1 b)):
 * otherwise a session left open would let anyone guess the password without limit. Run inside the caller's
 * transaction, which must not roll back on its refusals (the failures are counted).
 */
@Component
class CitizenPasswordCheck {

    private final JdbcAccounts accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    CitizenPasswordCheck(JdbcAccounts accounts, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the password is asked for: its refusals are recorded under that change's audit action. */
    enum Purpose {
        PASSWORD, PHONE, CLOSURE
    }

    /** The citizen's row, locked for the rest of the transaction, once {@code current} is right. */
    JdbcAccounts.CitizenCredentials check(CitizenPrincipal citizen, String current, Purpose action) {
        // Under the row's lock, as a sign-in reads it: concurrent guesses must not overwrite each other's count.
        JdbcAccounts.CitizenCredentials c = accounts.lockCitizen(citizen.accountId()).orElseThrow(() ->
                new AccountProblem("USER_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "账号不存在"));
        Instant now = clock.instant();
        Lockout lockout = new Lockout(c.failedAttempts(), c.lockedUntil());
        if (lockout.isLocked(now)) {
            throw refused(citizen, action, AuditDetail.of("LOCKED"), locked());
        }
        if (!passwords.matches(current == null ? "" : current, c.passwordHash())) {
            Lockout after = lockout.afterFailure(now);
            accounts.updateCitizenLockout(c.id(), after.failures(), after.lockedUntil());
            if (after.isLocked(now)) {
                throw refused(citizen, action, AuditDetail.of("BAD_CURRENT_PASSWORD_LOCKED"), locked());
            }
            throw refused(citizen, action, AuditDetail.of("BAD_CURRENT_PASSWORD"), new AccountProblem("CURRENT_PASSWORD_WRONG",
                    DomainProblem.Kind.INVALID_INPUT, "当前密码不正确"));
        }
        if (c.failedAttempts() > 0) {
            // The right current password is a successful sign-in: it clears the failures counted so far.
            accounts.updateCitizenLockout(c.id(), 0, null);
        }
        return c;
    }

    private static AccountProblem locked() {
        return new AccountProblem("PASSWORD_CHANGE_LOCKED", DomainProblem.Kind.TOO_MANY,
                "当前密码错误次数过多，账号已临时锁定，请稍后再试");
    }

    private AccountProblem refused(CitizenPrincipal citizen, Purpose purpose, AuditDetail why, AccountProblem problem) {
        AuditEntry entry = switch (purpose) {
            case PASSWORD -> AuditEntry.of(AuditCategory.SECURITY, "account.citizen.password");
            case PHONE -> AuditEntry.of(AuditCategory.SECURITY, "account.citizen.phone");
            case CLOSURE -> AuditEntry.of(AuditCategory.SECURITY, "account.citizen.close");
        };
        audit.record(entry.subject(citizen.subjectPseudonym()).by(citizen).result(AuditResult.DENIED).detail(why));
        return problem;
    }
}
