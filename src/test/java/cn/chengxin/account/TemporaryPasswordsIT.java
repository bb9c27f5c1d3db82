package cn.chengxin.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestStaff;
import cn.chengxin.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords an administrator sets are temporary (RULES.md §10): their holder changes them before doing anything else,
 * and one administrator may not reset both factors of an account. Every staff member changes their own password at
 * {@code /console/password}.
 */
@IntegrationTest
class TemporaryPasswordsIT {

    private static final String TEMPORARY = "Temp-Passw0rd-2026";
    private static final String CHOSEN = "Chosen-Passw0rd-2027";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oneAdministratorMayNotResetBothFactorsOfTheSameUser() {
        WebClient adminA = signedIn(TestStaff.create(directory, "SYSTEM_ADMIN")).web();
        WebClient adminB = signedIn(TestStaff.create(directory, "SYSTEM_ADMIN")).web();
        UUID clerk = userId(signedIn(TestStaff.create(directory, "CREDIT_OFFICE")).user());

        adminA.get("/console/users");
        adminA.follow(adminA.post("/console/users/" + clerk + "/password", Map.of("password", TEMPORARY)));
        assertThat(temporary(clerk)).isTrue();
        assertThat(adminA.follow(adminA.post("/console/users/" + clerk + "/second-factor/reset", Map.of())).body())
                .contains("BOTH_FACTORS_ONE_ADMIN");
        assertThat(enrolled(clerk)).as("the authenticator stays").isTrue();
        adminB.get("/console/users");
        assertThat(adminB.follow(adminB.post("/console/users/" + clerk + "/second-factor/reset", Map.of())).body())
                .doesNotContain("BOTH_FACTORS_ONE_ADMIN");
        assertThat(enrolled(clerk)).as("a different administrator may").isFalse();

        // The other way round: the authenticator first, then the password.
        UUID other = userId(signedIn(TestStaff.create(directory, "CREDIT_OFFICE")).user());
        adminA.follow(adminA.post("/console/users/" + other + "/second-factor/reset", Map.of()));
        assertThat(adminA.follow(adminA.post("/console/users/" + other + "/password", Map.of("password", TEMPORARY)))
                .body()).contains("BOTH_FACTORS_ONE_ADMIN");
        assertThat(temporary(other)).isFalse();
        adminB.follow(adminB.post("/console/users/" + other + "/password", Map.of("password", TEMPORARY)));
        assertThat(temporary(other)).isTrue();

        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action IN ('account.user.reset-password', "
                + "'account.user.reset-second-factor') AND result = 'DENIED' AND detail LIKE 'reason=BOTH_FACTORS_ONE_ADMIN;%'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTemporaryPasswordMustBeChangedBeforeAnythingElse() {
        SignedIn clerk = signedIn(TestStaff.create(directory, "CREDIT_OFFICE"));
        WebClient admin = signedIn(TestStaff.create(directory, "SYSTEM_ADMIN")).web();
        admin.get("/console/users");
        admin.post("/console/users/" + userId(clerk.user()) + "/password", Map.of("password", TEMPORARY));

        WebClient web = new WebClient(port);
        web.get("/console/login");
        assertThat(web.post("/console/login", Map.of("username", clerk.user(), "password", TEMPORARY))
                .redirectsTo("/console/mfa")).isTrue();
        web.get("/console/mfa");
        WebClient.Page signedIn = web.post("/console/mfa",
                Map.of("code", TestStaff.code(clerk.secret(), Instant.now().plusSeconds(30))));
        assertThat(signedIn.redirectsTo("/console/password")).as(signedIn.toString()).isTrue();
        assertThat(web.get("/console").redirectsTo("/console/password")).as("nothing else until changed").isTrue();
        assertThat(web.get("/console/subjects").redirectsTo("/console/password")).isTrue();
        WebClient.Page form = web.get("/console/password");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("临时密码");

        assertThat(web.post("/console/password", Map.of("current", TEMPORARY, "password", TEMPORARY,
                "repeat", TEMPORARY)).body()).contains("PASSWORD_UNCHANGED");
        assertThat(web.post("/console/password", Map.of("current", TEMPORARY, "password", CHOSEN,
                "repeat", CHOSEN + "x")).body()).contains("PASSWORDS_DIFFER");
        assertThat(web.post("/console/password", Map.of("current", TEMPORARY, "password", "short",
                "repeat", "short")).status()).isEqualTo(422);
        WebClient.Page changed = web.post("/console/password", Map.of("current", TEMPORARY, "password", CHOSEN,
                "repeat", CHOSEN));
        assertThat(changed.redirectsTo("/console")).as(changed.toString()).isTrue();
        assertThat(web.get("/console").status()).isEqualTo(200);
        assertThat(temporary(userId(clerk.user()))).isFalse();
    }

    /**
     * The mark lives in the session, so no session may escape it: one open when the password is reset ends, every
     * sign-in with the temporary password is held to the change page, and the API knows no staff session at all.
     */
    @Test
    void noSessionEscapesTheChangeOfATemporaryPassword() {
        SignedIn clerk = signedIn(TestStaff.create(directory, "CREDIT_OFFICE"));
        WebClient admin = signedIn(TestStaff.create(directory, "SYSTEM_ADMIN")).web();
        admin.get("/console/users");
        admin.post("/console/users/" + userId(clerk.user()) + "/password", Map.of("password", TEMPORARY));
        assertThat(clerk.web().get("/console").redirectsTo("/console/login")).as("open before the reset: ended")
                .isTrue();

        WebClient first = signedInWithTemporary(clerk);
        WebClient second = signedInWithTemporary(clerk);
        for (WebClient session : List.of(first, second)) {
            assertThat(session.get("/console").redirectsTo("/console/password")).isTrue();
            assertThat(session.get("/console/users").redirectsTo("/console/password")).isTrue();
            assertThat(session.get("/api/v1/whoami").status()).as("a console session opens no API").isEqualTo(401);
        }
        assertThat(first.post("/console/password", Map.of("current", TEMPORARY, "password", CHOSEN,
                "repeat", CHOSEN)).redirectsTo("/console")).isTrue();
        assertThat(second.get("/console").redirectsTo("/console/login")).as("changed elsewhere: ended").isTrue();
    }

    private WebClient signedInWithTemporary(SignedIn clerk) {
        // Each code is used once: the test forgets the last one so that two sign-ins fit in one 30-second step.
        jdbc.sql("UPDATE account.staff_user SET totp_last_step = 0 WHERE username = ?").param(clerk.user()).update();
        WebClient web = new WebClient(port);
        web.get("/console/login");
        assertThat(web.post("/console/login", Map.of("username", clerk.user(), "password", TEMPORARY))
                .redirectsTo("/console/mfa")).isTrue();
        web.get("/console/mfa");
        assertThat(web.post("/console/mfa", Map.of("code", TestStaff.code(clerk.secret(),
                Instant.now()))).redirectsTo("/console/password")).isTrue();
        return web;
    }

    @Test
    void aStaffMemberChangesTheirOwnPasswordAndTheirOtherSessionsEnd() {
        SignedIn clerk = signedIn(TestStaff.create(directory, "DEPT_OPERATOR"));
        WebClient elsewhere = new WebClient(port);
        elsewhere.get("/console/login");
        elsewhere.post("/console/login", Map.of("username", clerk.user(), "password", TestStaff.PASSWORD));
        elsewhere.get("/console/mfa");
        elsewhere.post("/console/mfa", Map.of("code", TestStaff.code(clerk.secret(), Instant.now().plusSeconds(30))));
        assertThat(elsewhere.get("/console").status()).isEqualTo(200);

        WebClient web = clerk.web();
        assertThat(web.get("/console").body()).as("linked in the header").contains("/console/password");
        WebClient.Page wrong = web.post("/console/password", Map.of("current", "Wrong-Passw0rd-1",
                "password", CHOSEN, "repeat", CHOSEN));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("CURRENT_PASSWORD_WRONG");
        assertThat(web.post("/console/password", Map.of("current", TestStaff.PASSWORD, "password", CHOSEN,
                "repeat", CHOSEN)).redirectsTo("/console")).isTrue();
        assertThat(web.get("/console").status()).as("this session stays").isEqualTo(200);
        assertThat(elsewhere.get("/console").redirectsTo("/console/login")).as("the other one ends").isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.password.change' "
                + "AND result = 'SUCCESS' AND detail = ?").param("reason=OWN_PASSWORD_CHANGED; user=" + clerk.user())
                .query(Long.class).single()).isEqualTo(1);
    }

    /** Guessing the current password in an open session locks the account, as guessing at the sign-in does. */
    @Test
    void wrongCurrentPasswordsCountTowardsTheLockout() {
        SignedIn clerk = signedIn(TestStaff.create(directory, "DEPT_OPERATOR"));
        WebClient web = clerk.web();
        for (int i = 1; i <= 4; i++) {
            assertThat(web.post("/console/password", Map.of("current", "Wrong-Passw0rd-" + i, "password", CHOSEN,
                    "repeat", CHOSEN)).body()).contains("CURRENT_PASSWORD_WRONG");
        }
        assertThat(web.post("/console/password", Map.of("current", "Wrong-Passw0rd-5", "password", CHOSEN,
                "repeat", CHOSEN)).redirectsTo("/console/login?locked")).isTrue();
        WebClient again = new WebClient(port);
        again.get("/console/login");
        assertThat(again.post("/console/login", Map.of("username", clerk.user(), "password", TestStaff.PASSWORD))
                .redirectsTo("/console/login?error")).as("locked, answered as a wrong password").isTrue();
    }

    @Test
    void aUserCreatedByAnAdministratorStartsWithATemporaryPassword() {
        WebClient admin = signedIn(TestStaff.create(directory, "SYSTEM_ADMIN")).web();
        UUID office = directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE")).findFirst()
                .orElseThrow().id();
        String username = "tnew" + Long.toString(System.nanoTime() % 1_000_000, 36);
        admin.get("/console/users");
        admin.post("/console/users", Map.of("username", username, "displayName", "新用户",
                "departmentId", office.toString(), "password", TEMPORARY));
        assertThat(temporary(userId(username))).isTrue();
    }

    /** The users page offers the reset where it may, shows a generated password once, and marks temporary ones. */
    @Test
    void theUsersPageResetsToAGeneratedPasswordShownOnceAndMarksItTemporary() {
        SignedIn admin = signedIn(TestStaff.create(directory, "SYSTEM_ADMIN"));
        SignedIn clerk = signedIn(TestStaff.create(directory, "CREDIT_OFFICE"));
        UUID clerkId = userId(clerk.user());
        String page = admin.web().get("/console/users").body();
        assertThat(page).contains("/console/users/" + clerkId + "/password")
                .as("not for one's own account").doesNotContain("/console/users/" + userId(admin.user()) + "/password");

        String answer = admin.web().follow(admin.web().post("/console/users/" + clerkId + "/password",
                Map.of("generate", "true"))).body();
        java.util.regex.Matcher shown = java.util.regex.Pattern
                .compile("data-field=\"generated-password\"[^>]*>([^<]+)<").matcher(answer);
        assertThat(shown.find()).as(answer).isTrue();
        String generated = shown.group(1);
        assertThat(temporary(clerkId)).isTrue();
        String again = admin.web().get("/console/users").body();
        assertThat(again).as("shown once").doesNotContain(generated);
        assertThat(again.substring(again.indexOf("data-user=\"" + clerk.user() + "\"")))
                .contains("data-field=\"temporary-password\"");

        WebClient web = new WebClient(port);
        web.get("/console/login");
        assertThat(web.post("/console/login", Map.of("username", clerk.user(), "password", generated
                .replace("&amp;", "&"))).redirectsTo("/console/mfa")).as("the generated password signs in").isTrue();
    }

    /**
     * GB/T 22239-2019 §8.1.4.1 a): a temporary password serves 72 hours; after that even the right one opens nothing,
     * and its holder is told to ask for another (only they, knowing it, get this answer).
     */
    @Test
    void aTemporaryPasswordUnusedForSeventyTwoHoursNoLongerSignsIn() {
        SignedIn clerk = signedIn(TestStaff.create(directory, "CREDIT_OFFICE"));
        WebClient admin = signedIn(TestStaff.create(directory, "SYSTEM_ADMIN")).web();
        admin.get("/console/users");
        admin.post("/console/users/" + userId(clerk.user()) + "/password", Map.of("password", TEMPORARY));
        jdbc.sql("UPDATE account.staff_user SET password_set_at = now() - interval '73 hours' WHERE username = ?")
                .param(clerk.user()).update();

        WebClient web = new WebClient(port);
        web.get("/console/login");
        WebClient.Page refused = web.post("/console/login", Map.of("username", clerk.user(), "password", TEMPORARY));
        assertThat(refused.redirectsTo("/console/login?temporaryExpired")).as(refused.toString()).isTrue();
        assertThat(web.get("/console/login?temporaryExpired").body()).contains("临时密码已过期");
        assertThat(web.post("/console/login", Map.of("username", clerk.user(), "password", "Wrong-Passw0rd-1"))
                .redirectsTo("/console/login?error")).as("a wrong password is answered as before").isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.login.password' "
                + "AND result = 'DENIED' AND detail = 'reason=TEMPORARY_PASSWORD_EXPIRED'").query(Long.class).single())
                .isGreaterThanOrEqualTo(1);

        // A new temporary password, set now, signs in again.
        admin.post("/console/users/" + userId(clerk.user()) + "/password", Map.of("password", TEMPORARY));
        web.get("/console/login");
        assertThat(web.post("/console/login", Map.of("username", clerk.user(), "password", TEMPORARY))
                .redirectsTo("/console/mfa")).isTrue();
    }

    /**
     * GB/T 22239-2019 §8.1.4.1 a) 定期更换: a password the holder chose, 90 days old, must be replaced at the next
     * sign-in before anything else; the new one serves again.
     */
    @Test
    void aPasswordNinetyDaysOldMustBeChangedAtTheNextSignIn() {
        SignedIn clerk = signedIn(TestStaff.create(directory, "CREDIT_OFFICE"));
        jdbc.sql("UPDATE account.staff_user SET password_set_at = now() - interval '91 days', totp_last_step = 0 "
                + "WHERE username = ?").param(clerk.user()).update();

        WebClient web = new WebClient(port);
        web.get("/console/login");
        assertThat(web.post("/console/login", Map.of("username", clerk.user(), "password", TestStaff.PASSWORD))
                .redirectsTo("/console/mfa")).isTrue();
        web.get("/console/mfa");
        assertThat(web.post("/console/mfa", Map.of("code", TestStaff.code(clerk.secret(), Instant.now())))
                .redirectsTo("/console/password")).isTrue();
        assertThat(web.get("/console/subjects").redirectsTo("/console/password")).isTrue();
        assertThat(web.get("/console/password").body()).contains("id=\"password-aged\"", "超过 90 天")
                .doesNotContain("由管理员设置");

        assertThat(web.post("/console/password", Map.of("current", TestStaff.PASSWORD, "password", CHOSEN,
                "repeat", CHOSEN)).redirectsTo("/console")).isTrue();
        assertThat(web.get("/console").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT password_set_at > now() - interval '1 minute' FROM account.staff_user "
                + "WHERE username = ?").param(clerk.user()).query(Boolean.class).single()).isTrue();
    }

    /** GB/T 22239-2019 §8.1.4.2 c): the users page shows each account's last sign-in and marks one long unused. */
    @Test
    void theUsersPageShowsTheLastSignInAndMarksAccountsLongUnused() {
        SignedIn admin = signedIn(TestStaff.create(directory, "SYSTEM_ADMIN"));
        String idle = TestStaff.create(directory, "CREDIT_OFFICE");
        String never = TestStaff.create(directory, "CREDIT_OFFICE");
        jdbc.sql("UPDATE account.staff_user SET last_login_at = now() - interval '120 days' WHERE username = ?")
                .param(idle).update();

        String page = admin.web().get("/console/users").body();
        assertThat(row(page, idle)).contains("data-field=\"dormant\"");
        assertThat(row(page, never)).contains("从未登录").doesNotContain("data-field=\"dormant\"");
        assertThat(row(page, admin.user())).doesNotContain("data-field=\"dormant\"", "从未登录");
    }

    private static String row(String page, String user) {
        String from = page.substring(page.indexOf("data-user=\"" + user + "\""));
        return from.substring(0, from.indexOf("</tr>"));
    }

    private record SignedIn(String user, WebClient web, String secret) {
    }

    private SignedIn signedIn(String user) {
        WebClient web = new WebClient(port);
        web.get("/console/login");
        web.post("/console/login", Map.of("username", user, "password", TestStaff.PASSWORD));
        String secret = TestStaff.secretFrom(web.get("/console/mfa/enrol").body());
        assertThat(web.post("/console/mfa/enrol", Map.of("code", TestStaff.code(secret, Instant.now())))
                .redirectsTo("/console")).isTrue();
        return new SignedIn(user, web, secret);
    }

    private UUID userId(String username) {
        return jdbc.sql("SELECT id FROM account.staff_user WHERE username = ?").param(username).query(UUID.class)
                .single();
    }

    private boolean temporary(UUID id) {
        return jdbc.sql("SELECT password_temporary FROM account.staff_user WHERE id = ?").param(id)
                .query(Boolean.class).single();
    }

    private boolean enrolled(UUID id) {
        return jdbc.sql("SELECT totp_cipher IS NOT NULL FROM account.staff_user WHERE id = ?").param(id)
                .query(Boolean.class).single();
    }
}
