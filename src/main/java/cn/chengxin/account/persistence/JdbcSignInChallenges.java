package cn.chengxin.account.persistence;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sign-in question's key and the questions already tried (V241). */
@Repository
public class JdbcSignInChallenges {

    private static final String KEY = "sign-in-challenge";

    private final JdbcClient jdbc;

    public JdbcSignInChallenges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key, made by whichever instance asks first; every instance reads the same one. */
    public byte[] key() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO account.secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                .params(KEY, fresh).update();
        return jdbc.sql("SELECT value FROM account.secret WHERE name = ?").param(KEY).query(byte[].class).single();
    }

    /** Records a question as tried, answered rightly or not; false when it was tried before (a replay). */
    public boolean use(String nonce, Instant expiresAt, Instant now) {
        jdbc.sql("DELETE FROM account.challenge_used WHERE expires_at < ?").param(Timestamp.from(now)).update();
        return jdbc.sql("INSERT INTO account.challenge_used (nonce, expires_at) VALUES (?, ?) "
                        + "ON CONFLICT (nonce) DO NOTHING")
                .params(nonce, Timestamp.from(expiresAt)).update() == 1;
    }
}
