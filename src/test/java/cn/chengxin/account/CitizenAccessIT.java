package cn.chengxin.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.account.domain.Lockout;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.Checkpoints;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Sessions;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestStaff;
import cn.chengxin.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A citizen registers with real-name verification, signs in, and sees who looked at their data, each
 * access with a proof; another person's record is answered 404 and the attempt is recorded.
 */
@IntegrationTest
class CitizenAccessIT {

    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");
    private static final Pattern SEQ = Pattern.compile("data-seq=\"(\\d+)\"");
    private static final Pattern OLDER = Pattern.compile("before=(\\d+)");
    private static final Pattern REGISTRATION = Pattern.compile("name=\"registration\" value=\"([0-9a-f-]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    DevSmsGateway sms;

    @Autowired
    NoticeTexts noticeTexts;

    @Autowired
    SmsDispatch dispatch;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AuditLog audit;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Autowired
    ApplicationContext context;

    @Test
    void aCitizenSeesEveryLookUpOfTheirDataWithAProofThatVerifies() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "周晓梅");
        WebClient web = register(person, "Zhou-Xiaomei-2026");

        WebClient.Page wrongName = new WebClient(port).post("/me/register", Map.of());
        assertThat(wrongName.status()).isEqualTo(403); // no CSRF token: refused before anything else
        assertThat(wrongName.body()).contains("页面已过期").doesNotContain("出错了");

        assertThat(web.post("/me/login", Map.of("username", person.phone(), "password", "Zhou-Xiaomei-2026"))
                .redirectsTo("/me")).isTrue();
        WebClient.Page home = web.get("/me");
        assertThat(home.body()).contains("周*梅").doesNotContain(person.number())
                .contains(person.number().substring(0, 4) + "**********" + person.number().substring(14));

        // A clerk looks the person up for licensing; then a checkpoint is published.
        mvc.perform(post("/console/subjects").param("number", person.number()).param("purpose",
                "ADMINISTRATIVE_LICENSING").with(user("clerk").authorities(
                        new org.springframework.security.core.authority.SimpleGrantedAuthority("STAFF"),
                        new org.springframework.security.core.authority.SimpleGrantedAuthority("subject:read")))
                .with(csrf()));
        checkpoints.checkpointNow();

        WebClient.Page access = web.get("/me/access");
        assertThat(access.status()).isEqualTo(200);
        assertThat(access.body()).contains("查询信用主体信息").contains("行政许可审查").contains("✓ 已验证")
                .doesNotContain("✗");
        long seq = jdbc.sql("SELECT max(seq) FROM audit.event WHERE action = 'subject.view' AND subject_pseudonym = ?")
                .param(subjects.pseudonymOf(subjects.validate(null, person.number()))).query(Long.class).single();
        WebClient.Page proof = web.get("/me/access/" + seq);
        assertThat(proof.body()).contains("证明有效");

        // Someone else's record: 404, and the attempt is on the record.
        TestCitizens.Person other = TestCitizens.register(subjects, "吴国强");
        mvc.perform(post("/console/subjects").param("number", other.number()).param("purpose", "JOINT_MEASURES")
                .with(user("clerk").authorities(
                        new org.springframework.security.core.authority.SimpleGrantedAuthority("STAFF"),
                        new org.springframework.security.core.authority.SimpleGrantedAuthority("subject:read")))
                .with(csrf()));
        long othersSeq = jdbc.sql("SELECT max(seq) FROM audit.event WHERE action = 'subject.view'")
                .query(Long.class).single();
        checkpoints.checkpointNow();
        long deniedBefore = denied();
        assertThat(web.get("/me/access/" + othersSeq).status()).isEqualTo(404);
        assertThat(web.get("/me/access/" + othersSeq + ".json").status()).isEqualTo(404);
        assertThat(denied()).isEqualTo(deniedBefore + 2);
    }

    /** An action the bundles do not name yet is shown as 其他处理, never as a message key in question marks. */
    @Test
    void anActionWithNoLabelYetIsShownAsOtherProcessing() {
        TestCitizens.Person person = TestCitizens.register(subjects, "冯无名");
        WebClient web = signedIn(person, "Feng-Wuming-2026");
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "test.unlabelled").subject(pseudonymOf(person)));

        WebClient.Page access = web.get("/me/access");

        assertThat(access.body()).contains("其他处理").doesNotContain("??");
    }

    /**
     * The citizen's own page views would push the looks by others off 谁查询了我: they are left out unless asked for,
     * and the history is paged by seq, every event on exactly one page.
     */
    @Test
    void ownPageViewsAreLeftOutUnlessAskedForAndTheHistoryIsPaged() {
        TestCitizens.Person person = TestCitizens.register(subjects, "冯翻页");
        WebClient web = signedIn(person, "Feng-Fanye-2026");
        String pseudonym = pseudonymOf(person);
        for (int i = 0; i < 60; i++) {
            audit.record(AuditEntry.of(AuditCategory.QUERY, "subject.view").subject(pseudonym)
                    .purpose("行政许可审查", "测试依据"));
        }
        for (int i = 0; i < 3; i++) {
            web.get("/me");
        }
        List<Long> byOthers = jdbc.sql("SELECT seq FROM audit.event WHERE subject_pseudonym = ? "
                + "AND action NOT LIKE 'self.%' ORDER BY seq DESC").param(pseudonym).query(Long.class).list();

        WebClient.Page first = web.get("/me/access");
        assertThat(first.body()).doesNotContain("查看本人信用信息");
        assertThat(seqs(first)).containsExactlyElementsOf(byOthers.subList(0, 50));
        Matcher older = OLDER.matcher(first.body());
        assertThat(older.find()).as("a link to older events").isTrue();
        WebClient.Page second = web.get("/me/access?before=" + older.group(1));
        assertThat(seqs(second)).containsExactlyElementsOf(byOthers.subList(50, byOthers.size()));
        assertThat(OLDER.matcher(second.body()).find()).as("nothing older").isFalse();

        assertThat(web.get("/me/access?own=true").body()).contains("查看本人信用信息");
    }

    /** A passport holder registers by choosing the document type, and signs in with the phone number proved. */
    @Test
    void aPassportHolderRegistersByChoosingTheDocumentType() {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport), "史密斯安娜", null,
                null, List.of(), List.of(), false));
        String phone = TestCitizens.phoneOf(subjects, subjects.validate(DocumentType.PASSPORT, passport));
        WebClient web = new WebClient(port);
        assertThat(web.get("/me/register").body()).contains("name=\"documentType\"", "护照");

        WebClient.Page verify = web.post("/me/register", Map.of("documentType", "PASSPORT", "number", passport,
                "name", "史密斯安娜", "phone", phone, "password", "Smith-Anna-2026", "privacyConsent", "true"));
        Matcher registration = REGISTRATION.matcher(verify.body());
        assertThat(registration.find()).as(verify.body()).isTrue();
        Matcher code = CODE.matcher(sent().get(0).text());
        assertThat(code.find()).isTrue();
        assertThat(web.post("/me/register/verify", Map.of("registration", registration.group(1),
                "code", code.group(1))).redirectsTo("/me/login?registered")).isTrue();

        assertThat(web.post("/me/login", Map.of("username", phone, "password", "Smith-Anna-2026"))
                .redirectsTo("/me")).isTrue();
        assertThat(web.get("/me").body()).contains("史*").doesNotContain(passport);
    }

    /**
     * Gaps review xxxi M6 (PIPL Art. 17, 29): the form links the processing rules and asks a separate consent for the
     * identity number; without it nothing is checked and no code is texted.
     */
    @Test
    void registrationWithoutConsentToThePrivacyRulesIsRefused() {
        TestCitizens.Person person = TestCitizens.register(subjects, "钱知情");
        WebClient web = new WebClient(port);
        assertThat(web.get("/me/register").body()).contains("name=\"privacyConsent\"", "href=\"/privacy\"");
        var before = sent();

        WebClient.Page page = web.post("/me/register", Map.of("number", person.number(), "name", person.name(),
                "phone", person.phone(), "password", "Qian-Zhiqing-2026"));

        assertThat(page.body()).contains("PRIVACY_CONSENT_REQUIRED", "个人信息保护规则")
                .doesNotContain("name=\"registration\"");
        // Gaps review xxxv O2: the number typed comes back into its own field only, not into the refusal.
        assertThat(page.body()).containsOnlyOnce(person.number()).contains("value=\"" + person.number() + "\"")
                .containsPattern("id=\"privacyConsent\"[^>]*aria-invalid=\"true\"");
        assertThat(sent()).as("no code texted").isEqualTo(before);
    }

    @Test
    void registrationChecksTheNameAgainstTheRegistry() {
        TestCitizens.Person person = TestCitizens.register(subjects, "钱多多");
        WebClient web = new WebClient(port);
        web.get("/me/register");
        WebClient.Page page = web.post("/me/register", Map.of("number", person.number(), "name", "钱少少",
                "phone", person.phone(), "password", "Qian-Duoduo-2026", "privacyConsent", "true"));
        assertThat(page.body()).contains("REAL_NAME_MISMATCH").containsOnlyOnce(person.number())
                .contains("value=\"" + person.number() + "\"").doesNotContain("aria-invalid");
    }

    /**
     * Issue #3, RULES.md §6: a child under 14 needs a guardian's consent, which no one can give here; the child is sent
     * to the window and no code is texted. A wrong name still gets the answer an unknown number gets.
     */
    @Test
    void aChildUnder14CannotRegisterAlone() throws Exception {
        TestCitizens.Person child = TestCitizens.register(subjects, "钱小童",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusYears(14).plusDays(1));
        var before = sent();

        mvc.perform(registration(child, "钱小错", "198.51.100.81")).andExpect(status().isOk())
                .andExpect(content().string(containsString("REAL_NAME_MISMATCH")));
        // Gaps review xxxi M8: the right name with a phone that is not the child's tells nothing more than a wrong name.
        mvc.perform(registration(new TestCitizens.Person(child.number(), child.name(), otherPhone(child.phone())), child.name(),
                        "198.51.100.81")).andExpect(status().isOk())
                .andExpect(content().string(containsString("REAL_NAME_MISMATCH")))
                .andExpect(content().string(not(containsString("REGISTRATION_GUARDIAN_REQUIRED"))));
        mvc.perform(registration(child, child.name(), "198.51.100.81")).andExpect(status().isOk())
                .andExpect(content().string(containsString("REGISTRATION_GUARDIAN_REQUIRED")))
                .andExpect(content().string(containsString("窗口")))
                .andExpect(content().string(not(containsString("name=\"registration\""))));
        assertThat(sent()).as("no code texted").isEqualTo(before);

        TestCitizens.Person fourteen = TestCitizens.register(subjects, "钱十四",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusYears(14));
        mvc.perform(registration(fourteen, fourteen.name(), "198.51.100.82")).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"registration\"")));
    }

    /**
     * Registration says whether a name goes with an identity number: one client trying pairs is stopped after the
     * limit (10 a minute by default), a right pair included, while another client registers as before.
     */
    @Test
    void manyWrongNameRegistrationsFromOneClientEndInTooManyRequests() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "赵试探");
        for (int i = 0; i < 10; i++) {
            mvc.perform(registration(person, "赵试" + i, "198.51.100.71")).andExpect(status().isOk())
                    .andExpect(content().string(containsString("REAL_NAME_MISMATCH")));
        }
        mvc.perform(registration(person, "赵试错", "198.51.100.71")).andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("秒后再试")))
                .andExpect(content().string(not(containsString("REAL_NAME_MISMATCH"))));
        var sent = sent();
        mvc.perform(registration(person, person.name(), "198.51.100.71")).andExpect(status().isTooManyRequests());
        assertThat(sent()).as("no code sent for the right pair over the limit").isEqualTo(sent);
        mvc.perform(registration(person, person.name(), "198.51.100.72")).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"registration\"")));
    }

    private static String otherPhone(String phone) {
        return phone.substring(0, phone.length() - 1) + (char) ('0' + (phone.charAt(phone.length() - 1) - '0' + 1) % 10);
    }

    private static MockHttpServletRequestBuilder registration(TestCitizens.Person person, String name,
                                                              String address) {
        return post("/me/register").with(csrf()).param("number", person.number()).param("name", name)
                .param("phone", person.phone()).param("password", "Zhao-Shitan-2026").param("privacyConsent", "true")
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
    }

    /** Issue #5: a citizen back at a self-service page after the session idled out signs in again, told why. */
    @Test
    void aFormSentAfterTheSessionExpiredLeadsToTheSignInPageSayingSo() {
        WebClient web = signedIn(TestCitizens.register(subjects, "孙久候"), "Sun-Jiuhou-2026");
        web.get("/me/notices");
        Sessions.expire(context, web.sessionId().orElseThrow());

        WebClient.Page answer = web.postFrom("/me/notices", "/me/logout", Map.of());

        assertThat(answer.redirectsTo("/me/login?expired")).as(answer.toString()).isTrue();
        assertThat(web.follow(answer).body()).contains("会话已过期，请重新登录");
    }

    /** A page from before the citizen signed in again: refused, with a page that offers to reload the one it was. */
    @Test
    void aFormWithAStaleTokenInALiveSessionIsRefusedWithAPageOfferingToReloadIt() {
        WebClient web = signedIn(TestCitizens.register(subjects, "孙旧页"), "Sun-Jiuye-2026");
        web.get("/me/notices");

        WebClient.Page answer = web.postFrom("/me/notices", "/me/logout", Map.of("_csrf", "token-of-an-older-page"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("页面已过期", "href=\"/me/notices\"").doesNotContain("出错了");
        assertThat(answer.body()).as("the public layout (review xlv Z8)")
                .contains("class=\"site-header\"", "class=\"site-footer\"").doesNotContain("console-bar");
        assertThat(web.get("/me/notices").status()).as("not acted on: still signed in").isEqualTo(200);
    }

    /**
     * Issue #3: guesses sent at once are each counted. Counted from a read without the row's lock, they overwrote one
     * another and a burst of any size left the account open to the next guess.
     */
    @Test
    void wrongPasswordsSentAtOnceStillLockTheAccount() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "郑同时");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        citizens.registerVerified(subject, person.phone(), "Zheng-Tongshi-2026");
        int guesses = Lockout.MAX_FAILURES + 3; // each holds a connection: the pool has 12
        CyclicBarrier start = new CyclicBarrier(guesses);
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<CitizenAccounts.LoginOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = "Wrong-Guess-" + i;
                outcomes.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return citizens.login(person.phone(), guess);
                }));
            }
            for (Future<CitizenAccounts.LoginOutcome> outcome : outcomes) {
                assertThat(outcome.get(60, TimeUnit.SECONDS)).isNotInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(citizens.login(person.phone(), "Zheng-Tongshi-2026"))
                .as("locked even with the right password").isInstanceOf(CitizenAccounts.LoginOutcome.Locked.class);
    }

    /** A locked account answers as a wrong password does: a distinct answer told a stranger the login exists. */
    @Test
    void aLockedAccountIsAnsweredAsAWrongPassword() {
        TestCitizens.Person person = TestCitizens.register(subjects, "郑锁定");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        citizens.registerVerified(subject, person.phone(), "Zheng-Suoding-2026");
        WebClient web = new WebClient(port);
        web.get("/me/login");
        for (int i = 1; i <= Lockout.MAX_FAILURES; i++) {
            assertThat(web.post("/me/login", Map.of("username", person.phone(), "password", "Wrong-Guess-" + i))
                    .redirectsTo("/me/login?error")).isTrue();
        }
        assertThat(citizens.login(person.phone(), "Zheng-Suoding-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Locked.class);
        assertThat(web.post("/me/login", Map.of("username", person.phone(), "password", "Zheng-Suoding-2026"))
                .redirectsTo("/me/login?error")).as("locked, even the right password is answered alike").isTrue();
        assertThat(web.get("/me/login?error").body()).as("the owner is told how the lockout works")
                .contains("连续 5 次失败后账户将锁定 15 分钟");
    }

    private WebClient signedIn(TestCitizens.Person person, String password) {
        WebClient web = register(person, password);
        assertThat(web.post("/me/login", Map.of("username", person.phone(), "password", password))
                .redirectsTo("/me")).isTrue();
        return web;
    }

    private String pseudonymOf(TestCitizens.Person person) {
        return subjects.pseudonymOf(subjects.validate(DocumentType.RESIDENT_ID, person.number()));
    }

    private static List<Long> seqs(WebClient.Page page) {
        List<Long> seqs = new ArrayList<>();
        Matcher seq = SEQ.matcher(page.body());
        while (seq.find()) {
            seqs.add(Long.parseLong(seq.group(1)));
        }
        return seqs;
    }

    private long denied() {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'self.access.proof' AND result = 'DENIED'")
                .query(Long.class).single();
    }

    /**
     * Issue #2: a citizen signed in to 个人中心 who follows 管理后台, or staff signed in to the console who follow
     * 个人中心, are refused with a page that says which account the page needs and links to its sign-in page, and
     * that page signs them in there; no bare 403.
     */
    @Test
    void aPageOfTheOtherSurfaceSaysWhichAccountItNeedsAndItsSignInAcceptsIt() {
        TestCitizens.Person person = TestCitizens.register(subjects, "孙两门");
        WebClient web = register(person, "Sun-Liangmen-2026");
        assertThat(web.post("/me/login", Map.of("username", person.phone(), "password", "Sun-Liangmen-2026"))
                .redirectsTo("/me")).isTrue();

        WebClient.Page console = web.browse("/console");
        assertThat(console.status()).isEqualTo(403);
        assertThat(console.body()).contains("此页面需以工作人员账号登录", "href=\"/console/login\"")
                .doesNotContain("此页面需以个人账号登录");
        // Gaps review xlv Z8: the console's layout for someone not its staff: its sign-in header, no user named.
        assertThat(console.body()).contains("console-login-header")
                .doesNotContain("class=\"site-header\"", "class=\"console-bar\"", person.phone(), person.number());
        assertThat(web.get("/console/login").status()).isEqualTo(200);
        String user = TestStaff.create(directory, "CREDIT_OFFICE");
        assertThat(web.post("/console/login", Map.of("username", user, "password", TestStaff.PASSWORD))
                .redirectsTo("/console/mfa/enrol")).isTrue();
        String secret = TestStaff.secretFrom(web.get("/console/mfa/enrol").body());
        assertThat(web.post("/console/mfa/enrol", Map.of("code", TestStaff.code(secret, java.time.Instant.now())))
                .redirectsTo("/console")).isTrue();
        assertThat(web.get("/console").status()).isEqualTo(200);

        WebClient.Page self = web.browse("/me/objections");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.body()).contains("此页面需以个人账号登录", "href=\"/me/login\"")
                .doesNotContain("此页面需以工作人员账号登录", person.number());
        assertThat(self.body()).contains("class=\"site-header\"").doesNotContain("class=\"console-bar\"");
        assertThat(web.get("/me/login").status()).isEqualTo(200);
        assertThat(web.post("/me/login", Map.of("username", person.phone(), "password", "Sun-Liangmen-2026"))
                .redirectsTo("/me")).isTrue();
        assertThat(web.get("/me").status()).isEqualTo(200);
    }

    private WebClient register(TestCitizens.Person person, String password) {
        WebClient web = new WebClient(port);
        web.get("/me/register");
        WebClient.Page verify = web.post("/me/register", Map.of("number", person.number(), "name", person.name(),
                "phone", person.phone(), "password", password, "privacyConsent", "true"));
        Matcher registration = REGISTRATION.matcher(verify.body());
        assertThat(registration.find()).as(verify.body()).isTrue();
        String text = sent().get(0).text();
        Matcher code = CODE.matcher(text);
        assertThat(code.find()).isTrue();
        WebClient.Page done = web.post("/me/register/verify", Map.of("registration", registration.group(1),
                "code", code.group(1)));
        assertThat(done.redirectsTo("/me/login?registered")).as(done.toString()).isTrue();
        web.get("/me/login");
        return web;
    }

    /** The texts sent so far, once those handed over to be sent off the request thread are (SmsDispatch). */
    private List<DevSmsGateway.Message> sent() {
        assertThat(dispatch.awaitIdle(java.time.Duration.ofSeconds(10))).as("texts handed over are sent").isTrue();
        noticeTexts.sendDue(); // notices' texts wait in the outbox (N6)
        return sms.recent();
    }
}
