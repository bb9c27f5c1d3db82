package cn.chengxin.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.domain.Lockout;
import cn.chengxin.account.domain.PasswordAge;
import cn.chengxin.account.domain.PasswordPolicy;
import cn.chengxin.account.domain.PasswordRule;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.DomainProblem;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member changes their own password, and must when an administrator set it (RULES.md §10): the current
 * password proves it is them, so a wrong one counts towards the same lockout as a failed sign-in, and a session left
 * open cannot be used to guess it. The change ends the user's other sessions, which signed in with the old password.
 * A password also ages ({@link PasswordAge}): once it is too old, the next sign-in asks for a new one.
 */
@Service
public class StaffPasswords {

    private final JdbcAccounts accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordAge age;

    StaffPasswords(JdbcAccounts accounts, PasswordEncoder passwords, AuditLog audit, Clock clock, PasswordAge age) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.age = age;
    }

    /** Why the user must change their password before anything else, if they must. */
    public enum ChangeRequired {
        NONE,
        /** Set by an administrator and not changed since. */
        TEMPORARY,
        /** Chosen by the user, and now older than the longest a password serves. */
        AGED
    }

    public ChangeRequired changeRequired(UUID userId) {
        return accounts.staffCredentials(userId).map(u -> u.passwordTemporary() ? ChangeRequired.TEMPORARY
                        : age.changeDue(u.passwordSetAt(), clock.instant()) ? ChangeRequired.AGED : ChangeRequired.NONE)
                .orElse(ChangeRequired.NONE);
    }

    @Transactional(noRollbackFor = AccountProblem.class)
    public void change(UUID userId, String current, String newPassword, String repeated) {
        JdbcAccounts.StaffCredentials user = accounts.lockStaffUser(userId).orElseThrow(() ->
                new AccountProblem("USER_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "用户不存在"));
        Instant now = clock.instant();
        Lockout lockout = new Lockout(user.failedAttempts(), user.lockedUntil());
        if (lockout.isLocked(now)) {
            refuse(user, AuditDetail.of("LOCKED"), "PASSWORD_CHANGE_LOCKED", DomainProblem.Kind.TOO_MANY,
                    "当前密码错误次数过多，账号已临时锁定，请稍后再试");
        }
        if (!passwords.matches(current == null ? "" : current, user.passwordHash())) {
            // Kept although the change is refused (noRollbackFor): otherwise guesses here would never lock the account.
            Lockout after = lockout.afterFailure(now);
            accounts.updateStaffLockout(user.id(), after.failures(), after.lockedUntil());
            if (after.isLocked(now)) {
                refuse(user, AuditDetail.of("BAD_CURRENT_PASSWORD_LOCKED"), "PASSWORD_CHANGE_LOCKED", DomainProblem.Kind.TOO_MANY,
                        "当前密码错误次数过多，账号已临时锁定，请稍后再试");
            }
            refuse(user, AuditDetail.of("BAD_CURRENT_PASSWORD"), "CURRENT_PASSWORD_WRONG", DomainProblem.Kind.INVALID_INPUT,
                    "当前密码不正确");
        }
        String wanted = newPassword == null ? "" : newPassword;
        if (!wanted.equals(repeated == null ? "" : repeated)) {
            refuse(user, AuditDetail.of("PASSWORDS_DIFFER"), "PASSWORDS_DIFFER", DomainProblem.Kind.INVALID_INPUT,
                    "两次输入的新密码不一致");
        }
        if (passwords.matches(wanted, user.passwordHash())) {
            refuse(user, AuditDetail.of("PASSWORD_UNCHANGED"), "PASSWORD_UNCHANGED", DomainProblem.Kind.INVALID_INPUT,
                    "新密码不能与当前密码相同");
        }
        List<PasswordRule> broken = PasswordPolicy.violations(wanted, user.username(), null);
        if (!broken.isEmpty()) {
            refuse(user, AuditDetail.of("PASSWORD_POLICY").withLabel("rule", "problem." + broken.get(0).code()), broken.get(0).code(), DomainProblem.Kind.INVALID_INPUT,
                    String.join("；", broken.stream().map(PasswordRule::message).toList()));
        }
        accounts.setStaffPassword(user.id(), passwords.encode(wanted), false, null);
        accounts.endSessionsOf(List.of(user.username()), CurrentSession.id());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.password.change")
                .detail(AuditDetail.of(user.passwordTemporary() ? "TEMPORARY_PASSWORD_REPLACED" : "OWN_PASSWORD_CHANGED")
                        .with("user", user.username())));
    }

    private void refuse(JdbcAccounts.StaffCredentials user, AuditDetail why, String code, DomainProblem.Kind kind,
                        String message) {
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.password.change").result(AuditResult.DENIED)
                .detail(why.with("user", user.username())));
        throw new AccountProblem(code, kind, message);
    }
}
