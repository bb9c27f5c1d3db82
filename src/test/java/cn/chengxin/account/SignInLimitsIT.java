package cn.chengxin.account;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.support.App;
import cn.chengxin.support.ChallengeQuestions;
import cn.chengxin.support.TestStaff;
import cn.chengxin.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * I5, RULES.md §10: the sign-in forms count attempts per client address, whatever account each names. Every other
 * test signs in from 127.0.0.1 in the shared context, whose limit is set out of reach; this one starts an instance of
 * its own with the production defaults, so that its counts are its own; each test sends from its own address (through
 * the trusted proxy).
 */
class SignInLimitsIT {

    private static final Pattern TOKEN = Pattern.compile("name=\"challengeToken\" value=\"([^\"]+)\"");
    private static final Pattern QUESTION = Pattern.compile("data-field=\"challenge-question\">([^<]+)<");

    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void start() {
        Path dir = Path.of("target", "it-sign-in-limits").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir.toFile());
        app = App.start(dir, "test", "--chengxin.account.logins-per-minute=10",
                "--chengxin.account.login-failures-before-challenge=3");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theEleventhSelfServiceSignInOfAMinuteIsRefusedWhateverTheAccount() {
        WebClient web = new WebClient(port).from("203.0.113.11");
        web.get("/me/login");
        for (int i = 0; i < 10; i++) {
            // A spraying script: one password, a new phone number each time.
            assertThat(web.post("/me/login", Map.of("username", "1390000000" + i, "password", "Chengxin@2026!"))
                    .status()).as("refused, not limited").isEqualTo(302);
        }
        WebClient.Page refused = untilRefused(web, "/me/login", "13911111111", "Chengxin@2026!");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(web.lastHeader("Retry-After").map(Long::parseLong).orElseThrow()).isBetween(1L, 60L);
        assertThat(refused.body()).as("the sign-in page, saying how long to wait").contains("登录尝试过于频繁")
                .contains("name=\"password\"");
    }

    @Test
    void theStaffFormIsLimitedLikewiseAndTheRightPasswordWaitsToo() {
        String user = TestStaff.create(app.getBean(StaffDirectory.class), "CREDIT_OFFICE");
        WebClient web = new WebClient(port).from("203.0.113.12");
        web.get("/console/login");
        for (int i = 0; i < 10; i++) {
            assertThat(web.post("/console/login", Map.of("username", "nobody-" + i, "password", "Wrong-guess"))
                    .status()).as("refused, not limited").isEqualTo(302);
        }
        WebClient.Page refused = untilRefused(web, "/console/login", user, TestStaff.PASSWORD);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(web.lastHeader("Retry-After")).isPresent();
        assertThat(refused.body()).contains("登录尝试过于频繁");
    }

    @Test
    void afterFailuresFromAnAddressTheFormAsksTheQuestionBeforeAnyPassword() {
        String user = TestStaff.create(app.getBean(StaffDirectory.class), "CREDIT_OFFICE");
        WebClient web = new WebClient(port).from("203.0.113.21");
        assertThat(web.get("/console/login").body()).doesNotContain("challengeToken");
        for (int i = 0; i < 3; i++) {
            assertThat(web.post("/console/login", Map.of("username", "nobody-" + i, "password", "Wrong-guess"))
                    .redirectsTo("/console/login?error")).isTrue();
        }
        assertThat(web.get("/console/login?error").body()).as("asked after three failures").contains("challengeToken");
        long checked = passwordSteps(user);
        assertThat(web.post("/console/login", Map.of("username", user, "password", TestStaff.PASSWORD))
                .redirectsTo("/console/login?challengeFailed")).as("no answer, no password step").isTrue();
        assertThat(web.post("/console/login", Map.of("username", user, "password", TestStaff.PASSWORD,
                "challengeToken", "1.abc.def", "challengeAnswer", "3")).redirectsTo("/console/login?challengeFailed"))
                .isTrue();
        assertThat(passwordSteps(user)).as("the password was never checked").isEqualTo(checked);
        WebClient.Page answered = signIn(web, "/console/login", user, TestStaff.PASSWORD);
        assertThat(answered.redirectsTo("/console/mfa/enrol")).as("answered, the right password passes: " + answered)
                .isTrue();
        WebClient other = new WebClient(port).from("203.0.113.22");
        assertThat(other.get("/console/login").body()).as("another address is not asked").doesNotContain("challengeToken");
    }

    @Test
    void aStrangerCannotKeepTheHolderOutTheHolderAnswersTheQuestionAndSignsIn() {
        String user = TestStaff.create(app.getBean(StaffDirectory.class), "CREDIT_OFFICE");
        WebClient stranger = new WebClient(port).from("203.0.113.31");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(stranger, "/console/login", user, "Wrong-guess-" + i).redirectsTo("/console/login?error"))
                    .isTrue();
        }
        assertThat(lockedUntil(user)).as("five failures still lock the account").isAfter(Instant.now());

        WebClient holder = new WebClient(port).from("198.51.100.9");
        assertThat(signIn(holder, "/console/login", user, TestStaff.PASSWORD).redirectsTo("/console/login?error"))
                .as("locked: without the question the right password is refused, as before").isTrue();
        for (int i = 0; i < 2; i++) {
            signIn(holder, "/console/login", user, TestStaff.PASSWORD);
        }
        assertThat(holder.get("/console/login?error").body()).contains("challengeToken");
        assertThat(signIn(holder, "/console/login", user, "Wrong-again").redirectsTo("/console/login?error"))
                .as("answered, a wrong password is still refused").isTrue();
        assertThat(lockedUntil(user)).as("and the lock stays").isAfter(Instant.now());
        WebClient.Page opened = signIn(holder, "/console/login", user, TestStaff.PASSWORD);
        assertThat(opened.redirectsTo("/console/mfa/enrol"))
                .as("answered, the holder's right password opens the locked account: " + opened).isTrue();
        assertThat(app.getBean(JdbcClient.class).sql("SELECT count(*) FROM audit.event WHERE action = "
                        + "'account.login.password' AND actor_name = ? AND result = 'SUCCESS' AND detail = ?")
                .params(user, "reason=LOCKED_CHALLENGE_SOLVED").query(Long.class).single()).as("audited").isEqualTo(1);
    }

    /**
     * The 11th attempt, or the first refused after it: the bucket earns one attempt back every 6 seconds, which a slow
     * machine may have spent on the first ten.
     */
    private static WebClient.Page untilRefused(WebClient web, String page, String username, String password) {
        WebClient.Page answer = web.post(page, Map.of("username", username, "password", password));
        for (int i = 0; i < 5 && answer.status() != 429; i++) {
            answer = web.post(page, Map.of("username", username, "password", password));
        }
        return answer;
    }

    /** Signs in from the page as a person would, answering the question when the page asks it. */
    private static WebClient.Page signIn(WebClient web, String page, String username, String password) {
        String body = web.get(page).body();
        Map<String, String> form = new java.util.HashMap<>(Map.of("username", username, "password", password));
        Matcher token = TOKEN.matcher(body);
        if (token.find()) {
            Matcher question = QUESTION.matcher(body);
            assertThat(question.find()).isTrue();
            form.put("challengeToken", token.group(1));
            form.put("challengeAnswer", Integer.toString(ChallengeQuestions.solve(question.group(1))));
        }
        return web.post(page, form);
    }

    private static long passwordSteps(String user) {
        return app.getBean(JdbcClient.class).sql("SELECT count(*) FROM audit.event WHERE action = "
                + "'account.login.password' AND actor_name = ?").param(user).query(Long.class).single();
    }

    private static Instant lockedUntil(String user) {
        java.sql.Timestamp until = app.getBean(JdbcClient.class)
                .sql("SELECT locked_until FROM account.staff_user WHERE username = ?").param(user)
                .query(java.sql.Timestamp.class).single();
        return until == null ? Instant.EPOCH : until.toInstant();
    }
}
