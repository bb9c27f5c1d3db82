package cn.chengxin.account;

import java.util.Optional;

import cn.chengxin.account.persistence.JdbcAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in citizen's own account as the person's copy holds it ({@link OwnAccount}; PIPL Art. 45, gaps review
 * xlvi AA1): what the platform keeps about the account besides the credit file, read without any secret column.
 */
@Service
public class OwnAccounts {

    private final JdbcAccounts accounts;

    OwnAccounts(JdbcAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * The citizen's account with the window's decisions about the person's accounts; empty when the account is gone
     * (closed or unbound while the session lasted).
     */
    @Transactional(readOnly = true)
    public Optional<OwnAccount> of(CitizenPrincipal citizen) {
        return accounts.ownAccount(citizen.accountId()).map(a -> new OwnAccount(a.phoneMasked(), a.registeredAt(),
                a.realNameCheckedAt(), a.realNameChecked(), a.lastSignInAt(), a.suspendedAt(),
                accounts.windowDecisionsAbout(citizen.subjectId())));
    }
}
