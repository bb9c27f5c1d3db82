package cn.chengxin.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.account.domain.Base32;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestStaff;
import cn.chengxin.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While a staff member enrols an authenticator, the new secret waits in the HTTP session, which is kept in the
 * database: sealed there (RULES.md §10), so a dump of the sessions does not give the second factor. Enrolment works as
 * before with it.
 */
@IntegrationTest
class EnrolmentSecretIT {

    private static final String PENDING_SECRET = "chengxin.totp.pending-secret";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory directory;

    @Autowired
    EnrolmentSecrets secrets;

    @Autowired
    SessionRepository<? extends Session> sessions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecretBeingEnrolledIsSealedInTheSessionAndEnrolmentStillWorks() {
        String user = TestStaff.create(directory, "CREDIT_OFFICE");
        WebClient web = new WebClient(port);
        web.get("/console/login");
        assertThat(web.post("/console/login", Map.of("username", user, "password", TestStaff.PASSWORD))
                .redirectsTo("/console/mfa/enrol")).isTrue();
        String base32 = TestStaff.secretFrom(web.get("/console/mfa/enrol").body());
        byte[] secret = Base32.decode(base32);
        String sessionId = new String(Base64.getDecoder().decode(web.sessionId().orElseThrow()),
                StandardCharsets.UTF_8);

        Object kept = sessions.findById(sessionId).getAttribute(PENDING_SECRET);
        assertThat(kept).isInstanceOf(EnrolmentSecrets.Sealed.class).isNotInstanceOf(byte[].class);
        EnrolmentSecrets.Sealed sealed = (EnrolmentSecrets.Sealed) kept;
        assertThat(contains(sealed.cipher(), secret)).isFalse();
        UUID id = directory.users().stream().filter(u -> u.username().equals(user)).findFirst().orElseThrow().id();
        assertThat(secrets.open(id, sealed)).hasValueSatisfying(opened -> assertThat(opened).isEqualTo(secret));
        assertThat(secrets.open(UUID.randomUUID(), sealed)).as("sealed for this account only").isEmpty();

        byte[] stored = jdbc.sql("""
                        SELECT a.attribute_bytes FROM account.http_session_attributes a
                        JOIN account.http_session s ON s.primary_id = a.session_primary_id
                        WHERE s.session_id = ? AND a.attribute_name = ?""")
                .params(sessionId, PENDING_SECRET).query(byte[].class).single();
        assertThat(contains(stored, secret)).as("the raw secret in the stored session").isFalse();
        assertThat(contains(stored, base32.getBytes(StandardCharsets.UTF_8))).as("the Base32 secret").isFalse();
        assertThat(contains(stored, Base64.getEncoder().encode(secret))).as("the Base64 secret").isFalse();

        assertThat(TestStaff.secretFrom(web.get("/console/mfa/enrol").body())).as("the same secret on a reload")
                .isEqualTo(base32);
        assertThat(web.post("/console/mfa/enrol", Map.of("code", TestStaff.code(base32, Instant.now())))
                .redirectsTo("/console")).isTrue();
        assertThat(web.get("/console").status()).isEqualTo(200);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
