package cn.chengxin.account;

import java.util.List;

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
 * 修改密码 in the self-service pages: a signed-in citizen replaces the password by giving the current one. A wrong
 * current password counts toward the lockout as a failed sign-in does (RULES.md §10, GB/T 22239 §8.1.4.1 b)):
 * otherwise a session left open would let anyone guess the password here without limit. The new password follows
 * registration's rules; once it is set, every other session of the citizen ends (whoever knew the old password is
 * signed out) and the one that changed it stays signed in.
 */
@Service
public class CitizenPasswords {

    private final JdbcAccounts accounts;
    private final CitizenPasswordCheck check;
    private final CitizenPasswordRules rules;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    CitizenPasswords(JdbcAccounts accounts, CitizenPasswordCheck check, CitizenPasswordRules rules,
                     PasswordEncoder passwords, AuditLog audit) {
        this.accounts = accounts;
        this.check = check;
        this.rules = rules;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** Wrong current passwords are counted although the answer is a refusal (noRollbackFor). */
    @Transactional(noRollbackFor = AccountProblem.class)
    public void change(CitizenPrincipal citizen, String current, String newPassword, String repeated) {
        JdbcAccounts.CitizenCredentials c = check.check(citizen, current, CitizenPasswordCheck.Purpose.PASSWORD);
        String wanted = newPassword == null ? "" : newPassword;
        if (!wanted.equals(repeated == null ? "" : repeated)) {
            refuse(citizen, AuditDetail.of("PASSWORDS_DIFFER"), "PASSWORDS_DIFFER", DomainProblem.Kind.INVALID_INPUT,
                    "两次输入的新密码不一致");
        }
        if (passwords.matches(wanted, c.passwordHash())) {
            refuse(citizen, AuditDetail.of("PASSWORD_UNCHANGED"), "PASSWORD_UNCHANGED", DomainProblem.Kind.INVALID_INPUT,
                    "新密码不能与当前密码相同");
        }
        List<PasswordRule> broken = rules.broken(c, wanted);
        if (!broken.isEmpty()) {
            refuse(citizen, AuditDetail.of("PASSWORD_POLICY").withLabel("rule", "problem." + broken.get(0).code()), broken.get(0).code(), DomainProblem.Kind.INVALID_INPUT,
                    String.join("；", broken.stream().map(PasswordRule::message).toList()));
        }
        // The right current password is a successful sign-in: it clears the failures counted so far.
        accounts.setCitizenPassword(c.id(), passwords.encode(wanted));
        int ended = accounts.endCitizenSessions(CitizenPrincipal.sessionIndexOf(c.id()), CurrentSession.id());
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.password")
                .subject(c.subjectPseudonym()).by(citizen)
                .detail(AuditDetail.of("PASSWORD_CHANGED").with("sessionsEnded", ended)));
    }

    private void refuse(CitizenPrincipal citizen, AuditDetail why, String code, DomainProblem.Kind kind, String message) {
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.password")
                .subject(citizen.subjectPseudonym()).by(citizen).result(AuditResult.DENIED).detail(why));
        throw new AccountProblem(code, kind, message);
    }
}
