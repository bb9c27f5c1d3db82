package cn.chengxin.account;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password check a sign-in does when there is no password to check: an unknown login, or an account refused before
 * its password is looked at. Without it such a refusal answers in microseconds where a real check takes the hash's
 * full cost, and the response time would tell which logins name an account (RULES.md §10). The dummy hash is made
 * once by the same encoder, so its algorithm and cost are those of every stored password, and each refusal costs
 * exactly one verification, as a real one does.
 */
final class UnknownAccountWork {

    private final PasswordEncoder passwords;
    private volatile String dummyHash;

    UnknownAccountWork(PasswordEncoder passwords) {
        this.passwords = passwords;
    }

    /** Verifies the password against the dummy hash and ignores the answer. */
    void spendOnCheck(String password) {
        passwords.matches(password == null ? "" : password, dummyHash());
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = passwords.encode("no-such-account-" + java.util.UUID.randomUUID());
            dummyHash = hash;
        }
        return hash;
    }
}
