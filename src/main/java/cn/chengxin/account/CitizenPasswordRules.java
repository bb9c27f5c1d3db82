package cn.chengxin.account;

import java.util.List;

import cn.chengxin.account.domain.PasswordPolicy;
import cn.chengxin.account.domain.PasswordRule;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.subject.PersonalDataProtection;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import org.springframework.stereotype.Component;

/**
 * Registration's rules ({@link PasswordPolicy}) for a new password of an existing citizen account, whether recovered
 * (找回密码) or changed (修改密码): besides the policy, not the phone on file, not the end of the identity number.
 */
@Component
class CitizenPasswordRules {

    private final JdbcAccounts accounts;
    private final SubjectRegistry subjects;
    private final PersonalDataProtection protection;

    CitizenPasswordRules(JdbcAccounts accounts, SubjectRegistry subjects, PersonalDataProtection protection) {
        this.accounts = accounts;
        this.subjects = subjects;
        this.protection = protection;
    }

    /** The rules {@code wanted} breaks as the citizen's new password, in the policy's order; empty when none. */
    List<PasswordRule> broken(JdbcAccounts.CitizenCredentials citizen, String wanted) {
        String phone = accounts.phoneOf(citizen.subjectId()).map(s -> protection.open(s.cipher(), s.keyVersion(),
                CitizenAccounts.PHONE_PURPOSE)).orElse(null);
        String numberEnd = subjects.revealNumber(citizen.subjectId()).map(IdentityDocument::number)
                .map(n -> n.substring(Math.max(0, n.length() - 6))).orElse(null);
        return PasswordPolicy.violations(wanted, phone, numberEnd);
    }
}
