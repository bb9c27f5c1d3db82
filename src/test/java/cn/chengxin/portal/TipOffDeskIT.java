package cn.chengxin.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.audit.AccessHistory;
import cn.chengxin.audit.Checkpoints;
import cn.chengxin.shared.ratelimit.HumanCheck;
import cn.chengxin.portal.tipoff.domain.TipOffStatus;
import cn.chengxin.portal.tipoff.persistence.JdbcTipOffs;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.ChallengeQuestions;
import cn.chengxin.support.ClearIdentityNumbers;
import cn.chengxin.support.ConsoleStaff;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.Sessions;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestCreditCodes;
import cn.chengxin.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Tip-offs from the public on the real database: the limit, the challenge, the number never kept in clear. */
@IntegrationTest
class TipOffDeskIT {

    private static final java.util.regex.Pattern RECEIPT =
            java.util.regex.Pattern.compile("data-field=\"receipt-code\">([A-Z2-7]{12})<");
    private static final java.util.regex.Pattern QUESTION =
            java.util.regex.Pattern.compile("data-field=\"challenge-question\">([^<]+)<");
    private static final java.util.regex.Pattern CHALLENGE_TOKEN =
            java.util.regex.Pattern.compile("name=\"challengeToken\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TipOffDesk desk;

    @Autowired
    JdbcTipOffs tipOffs;

    @Autowired
    TipOffReporters reporters;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    AccessHistory accessHistory;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void anAddressThatFilesTooManyIsAnswered429UntilTheWindowPasses() throws Exception {
        String address = "203.0.113." + (1 + (int) (System.nanoTime() % 200));
        for (int i = 0; i < desk.settings().limit(); i++) {
            file(address, "某培训机构", "", "收取学费后停业，拒不退费，涉及学员众多。").andExpect(status().isOk());
        }
        file(address, "某培训机构", "", "收取学费后停业，拒不退费，涉及学员众多。")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("\\d+")))
                .andExpect(content().string(containsString("TOO_MANY_TIPOFFS")));
        file("198.51.100." + (1 + (int) (System.nanoTime() % 200)), "某培训机构", "", "收取学费后停业，拒不退费。")
                .andExpect(status().isOk());
    }

    @Test
    void aWrongOrReplayedAnswerIsRefusedAndTheFormIsShownAgain() throws Exception {
        HumanCheck.Challenge challenge = desk.challenge();
        String right = Integer.toString(ChallengeQuestions.solve(challenge.question()));
        send(address(), challenge, right, "某公司", "", "长期拖欠供应商货款，拒不履行判决。").andExpect(status().isOk());
        send(address(), challenge, right, "某公司", "", "长期拖欠供应商货款，拒不履行判决。")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("CHALLENGE_USED")));
    }

    /**
     * Issue #5: a challenge's token is tried once. A wrong answer uses it up, so its question cannot be answered again
     * and again until one answer is right; the form comes back with a new question and what the reporter wrote.
     */
    @Test
    void aWrongAnswerUsesTheTokenUpAndTheFormComesBackWithANewQuestionAndTheInput() throws Exception {
        HumanCheck.Challenge challenge = desk.challenge();
        int answer = ChallengeQuestions.solve(challenge.question());
        String facts = "收取预付卡费用后闭店，拒不退款，涉及会员三百余人。";
        long filed = jdbc.sql("SELECT count(*) FROM portal.tipoff").query(Long.class).single();

        String refused = send(address(), challenge, Integer.toString(answer + 1), "某健身会所", "", facts)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("CHALLENGE_FAILED")))
                .andReturn().getResponse().getContentAsString();

        assertThat(refused).contains(facts, "某健身会所").doesNotContain(challenge.token());
        assertThat(token(refused)).as("a new question").isNotEqualTo(challenge.token());
        for (String other : List.of(Integer.toString(answer - 1), Integer.toString(answer))) {
            send(address(), challenge, other, "某健身会所", "", facts)
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString("CHALLENGE_USED")));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM portal.tipoff").query(Long.class).single()).isEqualTo(filed);

        java.util.regex.Matcher question = QUESTION.matcher(refused);
        assertThat(question.find()).isTrue();
        mvc.perform(post("/tipoffs").with(csrf()).with(from(address())).param("subjectName", "某健身会所")
                        .param("documentType", "").param("subjectNumber", "").param("facts", facts)
                        .param("challengeToken", token(refused))
                        .param("challengeAnswer", Integer.toString(ChallengeQuestions.solve(question.group(1)))))
                .andExpect(status().isOk()).andExpect(content().string(matchesPattern("(?s).*" + RECEIPT + ".*")));
        assertThat(jdbc.sql("SELECT count(*) FROM portal.tipoff").query(Long.class).single()).isEqualTo(filed + 1);
    }

    /**
     * Issue #5: the status page looks receipt codes up for one client a few times a minute, as the public lists are
     * guarded against scraping; then 429 with a page saying when to come back (a page, as the lists' is: the status is
     * no API). Another client is answered as before.
     */
    @Test
    void manyReceiptCodeLookUpsFromOneClientAreRefused() throws Exception {
        String address = "203.0.113." + (201 + Math.floorMod(UUID.randomUUID().hashCode(), 50));
        int limit = desk.settings().statusLooksPerMinute();
        org.springframework.mock.web.MockHttpServletResponse page = null;
        int answered = 0;
        // The bucket refills a little while the look-ups run: a slow machine may be answered a few more times.
        for (int i = 0; i < 3 * limit && (page == null || page.getStatus() == 404); i++) {
            page = mvc.perform(post("/tipoffs/status").param("code", "AAAAAAAAAAAA").with(csrf()).with(from(address))
                    .accept(org.springframework.http.MediaType.TEXT_HTML)).andReturn().getResponse();
            answered += page.getStatus() == 404 ? 1 : 0;
        }
        assertThat(page.getStatus()).isEqualTo(429);
        assertThat(answered).isGreaterThanOrEqualTo(limit);
        assertThat(Long.parseLong(page.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString()).contains("举报办理情况查询过于频繁");
        mvc.perform(post("/tipoffs/status").param("code", "AAAAAAAAAAAA").with(csrf()).with(from(address())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aReportedIdentityNumberIsKeptOnlyAsPseudonymAndMaskedAndNeverEchoed() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "冯国强");
        // The reporter writes the number into the facts as well: kept there masked only (RULES.md §10).
        String page = file(address(), "冯国强", person.number(), "冯国强（" + person.number() + "）冒用他人名义骗取补贴。")
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(person.number()))))
                .andReturn().getResponse().getContentAsString();
        String receipt = receiptOn(page);
        assertThat(page).as("the receipt's way to its status carries the code in a form, not in an address")
                .doesNotContain("status?code=").contains("name=\"code\" value=\"" + receipt + "\"");

        String pseudonym = subjects.pseudonymOf(subjects.validate(null, person.number()));
        TipOff stored = received(pseudonym);
        assertThat(stored.subjectMasked()).isEqualTo(person.number().substring(0, 4) + "**********"
                + person.number().substring(14));
        assertThat(stored.subjectId()).isNotNull();
        assertThat(stored.anonymous()).isTrue();
        assertThat(stored.facts()).isEqualTo("冯国强（" + stored.subjectMasked() + "）冒用他人名义骗取补贴。");

        // A malformed number is refused with its code, and sent back only into its own field to be corrected (O2).
        String bad = TestCitizens.withWrongCheckCharacter(person.number());
        file(address(), "冯国强", bad, "冒用他人名义骗取补贴，金额较大。")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("ID_CHECKSUM")))
                .andExpect(content().string(onlyInItsField(bad)));

        // The office answers; the reporter sees status and answer with the receipt code, nothing else.
        mvc.perform(get("/console/tipoffs/{id}", stored.id()).with(handler()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(stored.subjectMasked())))
                .andExpect(content().string(not(containsString(person.number()))));
        mvc.perform(post("/console/tipoffs/{id}", stored.id()).with(handler()).with(csrf())
                        .param("version", Integer.toString(stored.version())).param("status", "RESOLVED")
                        .param("reply", "x"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("TIPOFF_STATE")));
        assertThat(desk.progress(receipt).orElseThrow().status()).as("RECEIVED cannot jump to RESOLVED")
                .isEqualTo(TipOffStatus.RECEIVED);
        mvc.perform(post("/console/tipoffs/{id}", stored.id()).with(handler()).with(csrf())
                        .param("version", Integer.toString(stored.version())).param("status", "ACCEPTED")
                        .param("reply", "已受理，<b>正在核查</b>。"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/tipoffs/status").param("code", receipt.toLowerCase()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已受理")))
                .andExpect(content().string(containsString("&lt;b&gt;正在核查&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("冒用他人名义"))))
                .andExpect(content().string(not(containsString(stored.subjectMasked()))));
        mvc.perform(post("/tipoffs/status").param("code", "' OR 1=1 --").with(csrf())).andExpect(status().isNotFound());
        // A code written into the address is not looked up: it would stay in the history and the next Referer.
        assertThat(page(get("/tipoffs/status").param("code", receipt))).doesNotContain("已受理")
                .doesNotContain("未找到");
        // The page read, and read again with the refused decision: each showing of the tip-off is recorded.
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'tipoff.view' AND subject_pseudonym = ?")
                .param(pseudonym).query(Long.class).single()).isEqualTo(2);
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).isEmpty();
    }

    /**
     * The console's 举报处理 and the reporter's 举报办理情况 name the states of a tip-off in the reader's language
     * (issues #5, #7); Chinese as before, the reported number masked in both.
     */
    @Test
    void theStatesOfATipOffAreNamedInTheReadersLanguage() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "蒋明远");
        String page = file(address(), "蒋明远", person.number(), "虚构交易骗取补贴，金额较大。")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String receipt = receiptOn(page);
        TipOff stored = received(subjects.pseudonymOf(subjects.validate(null, person.number())));

        assertThat(page(get("/console/tipoffs").param("status", "RECEIVED").param("lang", "en").with(handler())))
                .contains("<span class=\"badge\">Received</span>", "<option value=\"RESOLVED\">Resolved</option>",
                        stored.subjectMasked())
                .doesNotContain(">已收到</span>", person.number());
        assertThat(page(get("/console/tipoffs/{id}", stored.id()).param("lang", "en").with(handler())))
                .contains("data-field=\"status\">Received</span>", "<option value=\"ACCEPTED\">Accepted</option>",
                        "<option value=\"REJECTED\">Not accepted</option>", stored.subjectMasked())
                .doesNotContain(">已收到</span>", ">不予受理</option>", person.number());
        assertThat(page(post("/tipoffs/status").param("code", receipt).param("lang", "en").with(csrf())))
                .contains("data-field=\"status\">Received</dd>").doesNotContain(">已收到</dd>");

        assertThat(page(get("/console/tipoffs").param("status", "RECEIVED").with(handler())))
                .contains("<span class=\"badge\">已收到</span>", "<option value=\"RESOLVED\">已办结</option>");
        assertThat(page(get("/console/tipoffs/{id}", stored.id()).with(handler())))
                .contains("data-field=\"status\">已收到</span>", "<option value=\"REJECTED\">不予受理</option>");
        assertThat(page(post("/tipoffs/status").param("code", receipt).with(csrf())))
                .contains("data-field=\"status\">已收到</dd>");
    }

    /**
     * A passport holder is reported by naming the document type: the tip-off is tied to their subject, the number kept
     * masked; an unknown type is refused with its code, and without a type the number is refused as before. A refused
     * form keeps the type the reporter chose, never the number (issue #5).
     */
    @Test
    void aPassportHolderIsReportedByNamingTheDocumentType() throws Exception {
        String passport = "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport), "史密斯",
                LocalDate.of(1983, 8, 8), null, List.of(), List.of(), false));
        String facts = "以虚假材料骗取创业补贴，金额较大。";

        file(address(), "史密斯", "PASSPORT", passport, facts).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(passport))));
        TipOff stored = about("subject_id", holder).get(0);
        assertThat(stored.subjectMasked()).isEqualTo(Masking.identityNumber(passport));

        file(address(), "史密斯", "驾驶证", passport, facts).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("DOCUMENT_TYPE_UNKNOWN")))
                .andExpect(content().string(onlyInItsField(passport)));
        file(address(), "史密斯", "", passport, facts).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("ID_FORMAT")))
                .andExpect(content().string(onlyInItsField(passport)));
        HumanCheck.Challenge challenge = desk.challenge();
        String wrong = Integer.toString(ChallengeQuestions.solve(challenge.question()) + 1);
        send(address(), challenge, wrong, "史密斯", "HK_MACAO_PERMIT", "H12345678", facts)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(matchesPattern("(?s).*value=\"HK_MACAO_PERMIT\" selected.*")))
                .andExpect(content().string(containsString(facts)))
                .andExpect(content().string(onlyInItsField("H12345678")));
        assertThat(about("subject_id", holder)).hasSize(1);
        // The database scan reads resident numbers only: a passport or permit number is looked for where it was sent.
        assertThat(jdbc.sql("SELECT count(*) FROM portal.tipoff t WHERE strpos(row_to_json(t)::text, ?) > 0 "
                + "OR strpos(row_to_json(t)::text, 'H12345678') > 0").param(passport).query(Long.class).single())
                .as("a passport or permit number kept in clear").isZero();
    }

    /**
     * Issue #5: a reporter who spent longer writing than the session lasts (15 idle minutes) does not lose the text
     * behind a 403. Nothing is filed (the form's CSRF token is unknown) and no attempt is counted; the form comes back
     * with what they wrote, except the challenge's answer (the identity number only into its own field, gaps review
     * xxxv O6), with a new challenge and a fresh token, and is filed when sent again.
     */
    @Test
    void aTipOffWrittenPastTheSessionComesBackWithWhatWasWrittenAndIsFiledWhenSentAgain() {
        TestCitizens.Person person = TestCitizens.register(subjects, "冯久候");
        WebClient web = new WebClient(port);
        String form = web.get("/tipoffs").body();
        Sessions.expire(context, web.sessionId().orElseThrow());
        String facts = "该培训机构收取学费后突然停业，拒不退费，涉及学员两百余人，相关经过如下：……";
        long filed = jdbc.sql("SELECT count(*) FROM portal.tipoff").query(Long.class).single();

        WebClient.Page stale = web.postFrom("/tipoffs", "/tipoffs", tipOff(form, person.number(), facts));

        assertThat(stale.status()).isEqualTo(403);
        assertThat(stale.body()).contains("页面已过期，请重新提交", "某培训机构", facts, "冯报告", "13900001111")
                .containsPattern("id=\"subjectNumber\"[^>]*value=\"" + person.number() + "\"");
        assertThat(stale.body().indexOf(person.number())).as("the number only in its field (O6)")
                .isEqualTo(stale.body().lastIndexOf(person.number()));
        assertThat(stale.body()).as("a new challenge, its answer to give again")
                .doesNotContain(token(form)).doesNotContainPattern("name=\"challengeAnswer\"[^>]*value=");
        assertThat(jdbc.sql("SELECT count(*) FROM portal.tipoff").query(Long.class).single()).isEqualTo(filed);

        WebClient.Page sent = web.postFrom("/tipoffs", "/tipoffs", tipOff(stale.body(), person.number(), facts));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).containsPattern(RECEIPT);
        assertThat(jdbc.sql("SELECT count(*) FROM portal.tipoff").query(Long.class).single()).isEqualTo(filed + 1);
    }

    /**
     * Issue #5: a credit office with thousands of tip-offs pages through them, newest first, fifty a page with the
     * count shown, and narrows them by status and by whether a person or an organisation is reported; numbers stay
     * masked.
     */
    @Test
    void theConsolePagesTheTipOffsNewestFirstAndFiltersThemByStatusAndKind() throws Exception {
        String accepted = "SELECT count(*) FROM portal.tipoff WHERE status = 'ACCEPTED' AND subject_document = ?";
        long others = jdbc.sql(accepted).param(DocumentType.UNIFIED_SOCIAL_CREDIT_CODE.name()).query(Long.class)
                .single();
        // In the past: tip-offs other tests file after this one (the browser test's, say) stay the newest, on page 1.
        Instant start = Instant.now().minus(java.time.Duration.ofHours(1));
        List<IdentityDocument> codes = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            IdentityDocument code = subjects.validate(null, TestCreditCodes.next());
            codes.add(code);
            store(code, String.format("翻页商贸有限公司%02d", i), TipOffStatus.ACCEPTED, start.plusSeconds(i));
        }
        TestCitizens.Person person = TestCitizens.register(subjects, "翻页人");
        IdentityDocument personal = subjects.validate(null, person.number());
        store(personal, "翻页人", TipOffStatus.ACCEPTED, start.plusSeconds(61));
        IdentityDocument received = subjects.validate(null, TestCreditCodes.next());
        store(received, "翻页未受理有限公司", TipOffStatus.RECEIVED, start.plusSeconds(62));
        long total = others + 60;

        String first = page(get("/console/tipoffs").param("status", "ACCEPTED").param("kind", "ORGANISATION")
                .with(handler()));
        assertThat(first).contains("共 " + total + " 条，第 1 / 2 页", codes.get(59).masked())
                .doesNotContain("翻页商贸有限公司01", "翻页人", "翻页未受理有限公司", personal.masked())
                .contains("<option value=\"ORGANISATION\" selected=\"selected\">")
                .contains("kind=ORGANISATION&amp;page=1");
        assertThat(rows(first)).isEqualTo(50);
        assertThat(first.indexOf("翻页商贸有限公司60")).as("newest first")
                .isLessThan(first.indexOf("翻页商贸有限公司59"));
        String second = page(get("/console/tipoffs").param("status", "ACCEPTED").param("kind", "ORGANISATION")
                .param("page", "1").with(handler()));
        assertThat(second).contains("共 " + total + " 条，第 2 / 2 页", "翻页商贸有限公司01", codes.get(0).masked())
                .doesNotContain("翻页商贸有限公司60", "翻页人", "翻页未受理有限公司");
        assertThat(rows(second)).isEqualTo(total - 50);

        assertThat(page(get("/console/tipoffs").param("status", "ACCEPTED").param("kind", "PERSON").with(handler())))
                .contains("翻页人", personal.masked()).doesNotContain("翻页商贸有限公司", person.number());
        assertThat(page(get("/console/tipoffs").param("status", "RECEIVED").param("kind", "ORGANISATION")
                .with(handler())))
                .contains("翻页未受理有限公司").doesNotContain("翻页商贸有限公司", "翻页人");
    }

    /** Issue #5: a tip-off giving a name only is found under a filter of its own, not only under 全部. */
    @Test
    void tipOffsGivenWithoutANumberHaveAFilterOfTheirOwn() throws Exception {
        String name = "无号码线索" + ThreadLocalRandom.current().nextInt(1_000_000);
        UUID id = UUID.randomUUID();
        byte[] receipt = new byte[32];
        ThreadLocalRandom.current().nextBytes(receipt);
        tipOffs.insert(new JdbcTipOffs.NewTipOff(id, receipt, name, null, null, null, null, "拖欠工资。", null, null,
                Instant.now().minus(java.time.Duration.ofMinutes(30))));
        IdentityDocument code = subjects.validate(null, TestCreditCodes.next());
        store(code, "有号码线索有限公司", TipOffStatus.RECEIVED, Instant.now().minus(java.time.Duration.ofMinutes(29)));

        String none = page(get("/console/tipoffs").param("status", "RECEIVED").param("kind", "NO_NUMBER")
                .with(handler()));
        assertThat(none).contains(name, "<option value=\"NO_NUMBER\" selected=\"selected\">未填写证件号码</option>")
                .doesNotContain("有号码线索有限公司");
        assertThat(page(get("/console/tipoffs").param("status", "RECEIVED").param("kind", "ORGANISATION")
                .with(handler()))).contains("有号码线索有限公司").doesNotContain(name);
    }

    /**
     * Issue #5: a reporter may write the reported person's number into the facts; kept as written, it is masked where
     * the office reads it. The office's reply, read by whoever holds the receipt code, may hold none and is refused.
     */
    @Test
    void aNumberInTheFactsIsMaskedForTheOfficeAndOneInTheReplyIsRefused() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "鲍文静");
        UUID id = UUID.randomUUID();
        byte[] receipt = new byte[32];
        ThreadLocalRandom.current().nextBytes(receipt);
        tipOffs.insert(new JdbcTipOffs.NewTipOff(id, receipt, "鲍文静", null, null, null, null,
                "身份证号 " + person.number() + " 的人冒领补贴。", null, null, Instant.now()));
        try {
            assertThat(page(get("/console/tipoffs/{id}", id).with(handler())))
                    .contains("身份证号 " + Masking.identityNumber(person.number()) + " 的人冒领补贴。")
                    .doesNotContain(person.number());

            int version = jdbc.sql("SELECT version FROM portal.tipoff WHERE id = ?").param(id).query(Integer.class)
                    .single();
            // Refused, the form comes back with what was typed, masked, and the refusal beside the reply (issue #5).
            String refused = page(post("/console/tipoffs/{id}", id).with(handler()).with(csrf())
                    .param("version", Integer.toString(version)).param("status", "ACCEPTED")
                    .param("reply", "已受理，被举报人 " + person.number() + " 正在核查"), 422);
            String form = refused.substring(refused.indexOf("action=\"/console/tipoffs/" + id));
            form = form.substring(0, form.indexOf("</form>"));
            assertThat(form).contains("id=\"reply-refused\"", "「答复」", "value=\"ACCEPTED\" selected",
                    "已受理，被举报人 " + Masking.identityNumber(person.number()) + " 正在核查</textarea>");
            assertThat(refused).contains("FREE_TEXT_HOLDS_IDENTITY_NUMBER").doesNotContain(person.number());
            assertThat(jdbc.sql("SELECT status FROM portal.tipoff WHERE id = ?").param(id).query(String.class)
                    .single()).isEqualTo("RECEIVED");
        } finally {
            // The scans of the whole database for clear numbers run on this database after this test.
            jdbc.sql("UPDATE portal.tipoff SET facts = '（测试完毕）' WHERE id = ?").param(id).update();
        }
    }

    /**
     * The reported person is not told of a tip-off while it is checked, nor after (F7): 谁查询了我 shows neither the
     * filing nor the office's look nor its decision, their proofs are refused to him and his report's 查询记录 leaves
     * the look out; the audit administrator's search by the person's number finds all of them, and the citizen who
     * filed it, signed in, only in the event that names no subject.
     */
    @Test
    void theReportedPersonIsNotShownTheTipOffButTheAuditorFindsIt() throws Exception {
        TestCitizens.Person reporter = TestCitizens.register(subjects, "钱举报");
        IdentityDocument reporterDocument = subjects.validate(null, reporter.number());
        CitizenPrincipal signedIn = new CitizenPrincipal(UUID.randomUUID(),
                subjects.find(reporterDocument).orElseThrow(), subjects.pseudonymOf(reporterDocument), "钱*报");
        TestCitizens.Person reported = TestCitizens.register(subjects, "孙被举");
        IdentityDocument reportedDocument = subjects.validate(null, reported.number());
        String pseudonym = subjects.pseudonymOf(reportedDocument);
        HumanCheck.Challenge challenge = desk.challenge();

        mvc.perform(post("/tipoffs").with(csrf()).with(from(address()))
                        .with(authentication(UsernamePasswordAuthenticationToken.authenticated(signedIn, null,
                                List.of(new SimpleGrantedAuthority("CITIZEN"),
                                        new SimpleGrantedAuthority(Permission.SELF_SERVICE.code())))))
                        .param("subjectName", "孙被举").param("documentType", "").param("subjectNumber", reported.number())
                        .param("facts", "冒用他人名义骗取补贴，金额较大。").param("challengeToken", challenge.token())
                        .param("challengeAnswer", Integer.toString(ChallengeQuestions.solve(challenge.question()))))
                .andExpect(status().isOk());
        TipOff open = received(pseudonym);
        page(get("/console/tipoffs/{id}", open.id()).with(handler()));
        checkpoints.checkpointNow();

        List<Long> seqs = jdbc.sql("SELECT seq FROM audit.event WHERE action LIKE 'tipoff.%' AND subject_pseudonym = ? "
                + "ORDER BY seq").param(pseudonym).query(Long.class).list();
        assertThat(seqs).as("filed and looked at, under the reported person").hasSize(2);
        RequestPostProcessor asReported = authentication(Principals.citizen(subjects,
                subjects.find(reportedDocument).orElseThrow()));
        String history = page(get("/me/access").with(asReported));
        assertThat(history).doesNotContain("受理举报", "查看举报", "处理举报", signedIn.actorName());
        for (long seq : seqs) {
            assertThat(history).doesNotContain("data-seq=\"" + seq + "\"");
            page(get("/me/access/{seq}.json", seq).with(asReported), 404);
        }
        assertThat(accessHistory.queriesOf(pseudonym, 20)).as("the 查询记录 of his reports")
                .noneMatch(a -> a.action().startsWith("tipoff."));

        RequestPostProcessor session = Sessions.of(context);
        String search = mvc.perform(post("/console/audit/subject").param("number", reported.number())
                        .with(session).with(ConsoleStaff.staff("审计员丙", "audit:read")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(java.net.URI.create(search)).with(session)
                        .with(ConsoleStaff.staff("审计员丙", "audit:read")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .as("the auditor's search by subject (PIPL Art. 54)").contains("tipoff.file", "tipoff.view");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'tipoff.file.reporter' AND actor_id = ? "
                        + "AND subject_pseudonym IS NULL").param(signedIn.actorId()).query(Long.class).single())
                .as("the filer, for the audit administrator").isOne();
    }

    /**
     * A number typed into the reported name or the reporter's own fields is kept masked, as one in the facts is; and
     * one stored before that is masked where the office reads the tip-off.
     */
    @Test
    void aNumberTypedIntoANameOrTheReportersContactIsKeptMasked() throws Exception {
        String number = "411702198505050025";
        String masked = Masking.identityNumber(number);
        String name = "张三" + ThreadLocalRandom.current().nextInt(1_000_000);
        HumanCheck.Challenge challenge = desk.challenge();

        mvc.perform(post("/tipoffs").with(csrf()).with(from(address()))
                        .param("subjectName", name + " " + number).param("documentType", "").param("subjectNumber", "")
                        .param("facts", "冒用他人名义骗取补贴，金额较大。").param("reporterName", "李四 " + number)
                        .param("reporterContact", "身份证 " + number).param("challengeToken", challenge.token())
                        .param("challengeAnswer", Integer.toString(ChallengeQuestions.solve(challenge.question()))))
                .andExpect(status().isOk());

        TipOff stored = about("subject_name", name + " " + masked).get(0);
        assertThat(reporterShown(stored.id())).contains("李四 " + masked, "身份证 " + masked).doesNotContain(number);
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).isEmpty();

        // Stored before reporters were sealed (V244), and before numbers were masked on filing: in clear.
        UUID earlier = UUID.randomUUID();
        byte[] receipt = new byte[32];
        ThreadLocalRandom.current().nextBytes(receipt);
        tipOffs.insert(new JdbcTipOffs.NewTipOff(earlier, receipt, name + "旧 " + number, null, null, null, null,
                "拖欠工资，拒不支付。", null, null, Instant.now()));
        jdbc.sql("UPDATE portal.tipoff SET reporter_name = ?, reporter_contact = ? WHERE id = ?")
                .params("李四 " + number, "身份证 " + number, earlier).update();
        try {
            assertThat(page(get("/console/tipoffs/{id}", earlier).with(handler())))
                    .as("masked on reading until the pass seals it").contains(name + "旧 " + masked, "身份证*")
                    .doesNotContain(number, "李四");
            assertThat(page(get("/console/tipoffs").param("status", "RECEIVED").param("kind", "NO_NUMBER")
                    .with(handler()))).contains(name + "旧 " + masked).doesNotContain(number);

            assertThat(reporters.sealStored()).isGreaterThanOrEqualTo(1);
            assertThat(row(earlier)).contains("reporter_name_cipher").doesNotContain("李四", "身份证 " + number);
            assertThat(reporterShown(earlier)).contains("李四 " + masked, "身份证 " + masked).doesNotContain(number);
            assertThat(reporters.sealStored()).as("nothing left in clear").isZero();
        } finally {
            // The scans of the whole database for clear numbers run on this database after this test.
            jdbc.sql("UPDATE portal.tipoff SET subject_name = '（测试完毕）', reporter_name = NULL, "
                    + "reporter_contact = NULL WHERE id = ?").param(earlier).update();
        }
    }

    /**
     * I7: the reporter's name and contact are kept sealed (no column of the row reads them with plain SQL) and shown
     * masked; the console opens them only with a purpose, each look audited under the reported subject; an anonymous
     * tip-off has none to open. The reporter's receipt code still answers.
     */
    @Test
    void theReportersContactIsSealedAndOpenedOnlyOnAnAuditedLookWithAPurpose() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "邵被举");
        String contact = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        HumanCheck.Challenge challenge = desk.challenge();
        String page = mvc.perform(post("/tipoffs").with(csrf()).with(from(address()))
                        .param("subjectName", "邵被举").param("documentType", "").param("subjectNumber", person.number())
                        .param("facts", "虚开发票骗取补贴，金额较大。").param("reporterName", "冯报告")
                        .param("reporterContact", contact).param("challengeToken", challenge.token())
                        .param("challengeAnswer", Integer.toString(ChallengeQuestions.solve(challenge.question()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String receipt = receiptOn(page);
        String pseudonym = subjects.pseudonymOf(subjects.validate(null, person.number()));
        TipOff stored = received(pseudonym);

        assertThat(row(stored.id())).as("the row read with plain SQL").doesNotContain(contact, "冯报告")
                .contains("\"reporter_contact\":\"139****" + contact.substring(7) + "\"");
        assertThat(stored.reporterNameMasked()).isEqualTo("冯*告");
        String detail = page(get("/console/tipoffs/{id}", stored.id()).with(handler()));
        assertThat(detail).contains("冯*告 139****" + contact.substring(7), "id=\"reveal-reporter\"", "查看举报人联系方式")
                .doesNotContain(contact, "冯报告");
        assertThat(reporterViews(pseudonym)).isZero();

        String shown = page(post("/console/tipoffs/{id}/reporter", stored.id()).param("purpose", "VERIFY_FACTS")
                .with(handler()).with(csrf()));
        assertThat(shown).contains("data-field=\"reporter-revealed\"", "冯报告", contact, "向举报人核实举报情况")
                .doesNotContain("id=\"reveal-reporter\"");
        assertThat(reporterViews(pseudonym)).isOne();
        assertThat(jdbc.sql("SELECT purpose || ' ' || legal_basis || ' ' || actor_id || ' ' || detail FROM audit.event "
                        + "WHERE action = 'tipoff.reporter.view' AND subject_pseudonym = ?").param(pseudonym)
                .query(String.class).single())
                .isEqualTo("向举报人核实举报情况 国办发〔2016〕98号 社会监督与举报 handler " + stored.id());
        mvc.perform(post("/console/tipoffs/{id}/reporter", stored.id()).with(handler()).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(reporterViews(pseudonym)).as("no purpose, no look").isOne();

        assertThat(desk.progress(receipt).orElseThrow().status()).isEqualTo(TipOffStatus.RECEIVED);
        mvc.perform(post("/console/tipoffs/{id}", stored.id()).with(handler()).with(csrf())
                        .param("version", Integer.toString(stored.version())).param("status", "ACCEPTED")
                        .param("reply", "已受理，正在核查。"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(post("/tipoffs/status").param("code", receipt).with(csrf())))
                .contains("已受理，正在核查。").doesNotContain(contact);

        String unnamed = "匿名被举报单位" + ThreadLocalRandom.current().nextInt(1_000_000);
        file(address(), unnamed, "", "收取学费后停业，拒不退费，涉及学员众多。").andExpect(status().isOk());
        TipOff anonymous = about("subject_name", unnamed).get(0);
        assertThat(page(get("/console/tipoffs/{id}", anonymous.id()).with(handler())))
                .doesNotContain("id=\"reveal-reporter\"");
        mvc.perform(post("/console/tipoffs/{id}/reporter", anonymous.id()).param("purpose", "REFER")
                        .with(handler()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("failureCode", "TIPOFF_NO_REPORTER"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'tipoff.reporter.view' AND detail = ?")
                .param(anonymous.id().toString()).query(Long.class).single()).isZero();
    }

    /** The reporter as the console shows it once opened for a purpose. */
    private String reporterShown(UUID id) throws Exception {
        String shown = page(post("/console/tipoffs/{id}/reporter", id).param("purpose", "VERIFY_FACTS")
                .with(handler()).with(csrf()));
        int at = shown.indexOf("data-field=\"reporter-revealed\"");
        assertThat(at).as(shown).isPositive();
        return shown.substring(at, shown.indexOf("</dd>", at));
    }

    /** A tip-off's row as plain SQL reads it. */
    private String row(UUID id) {
        return jdbc.sql("SELECT row_to_json(t)::text FROM portal.tipoff t WHERE id = ?").param(id)
                .query(String.class).single();
    }

    private long reporterViews(String pseudonym) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'tipoff.reporter.view' "
                + "AND subject_pseudonym = ?").param(pseudonym).query(Long.class).single();
    }

    /** A tip-off about the subject of {@code document} as the desk stores one, in the status given. */
    private void store(IdentityDocument document, String name, TipOffStatus status, Instant receivedAt) {
        byte[] receipt = new byte[32];
        ThreadLocalRandom.current().nextBytes(receipt);
        UUID id = UUID.randomUUID();
        tipOffs.insert(new JdbcTipOffs.NewTipOff(id, receipt, name, document.type().name(),
                subjects.pseudonymOf(document), document.masked(), null, "拒不履行法院判决，拖欠货款。", null, null,
                receivedAt));
        jdbc.sql("UPDATE portal.tipoff SET status = ? WHERE id = ?").params(status.name(), id).update();
    }

    /** The tip-offs listed on a page of the console's 举报处理. */
    private static long rows(String page) {
        return java.util.regex.Pattern.compile("<td><a href=\"/console/tipoffs/[0-9a-f-]{36}\"").matcher(page)
                .results().count();
    }

    /** The tip-off form of the page given filled in, its challenge answered. */
    private static Map<String, String> tipOff(String page, String number, String facts) {
        java.util.regex.Matcher question = QUESTION.matcher(page);
        assertThat(question.find()).as(page).isTrue();
        return Map.of("subjectName", "某培训机构", "subjectNumber", number, "facts", facts, "reporterName", "冯报告",
                "reporterContact", "13900001111", "challengeToken", token(page),
                "challengeAnswer", Integer.toString(ChallengeQuestions.solve(question.group(1))));
    }

    private static String token(String page) {
        java.util.regex.Matcher token = CHALLENGE_TOKEN.matcher(page);
        assertThat(token.find()).as(page).isTrue();
        return token.group(1);
    }

    private ResultActions file(String address, String subjectName, String number, String facts) throws Exception {
        return file(address, subjectName, "", number, facts);
    }

    private ResultActions file(String address, String subjectName, String documentType, String number, String facts)
            throws Exception {
        HumanCheck.Challenge challenge = desk.challenge();
        return send(address, challenge, Integer.toString(ChallengeQuestions.solve(challenge.question())),
                subjectName, documentType, number, facts);
    }

    private ResultActions send(String address, HumanCheck.Challenge challenge, String answer, String subjectName,
                               String number, String facts) throws Exception {
        return send(address, challenge, answer, subjectName, "", number, facts);
    }

    private ResultActions send(String address, HumanCheck.Challenge challenge, String answer, String subjectName,
                               String documentType, String number, String facts) throws Exception {
        return mvc.perform(post("/tipoffs")
                .with(csrf()).with(from(address)).param("subjectName", subjectName)
                .param("documentType", documentType).param("subjectNumber", number)
                .param("facts", facts).param("challengeToken", challenge.token()).param("challengeAnswer", answer));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The receipt code the page shows the reporter. */
    private static String receiptOn(String page) {
        java.util.regex.Matcher m = RECEIPT.matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The tip-off just received about the subject of the pseudonym. */
    private TipOff received(String pseudonym) {
        return about("subject_pseudonym", pseudonym).stream().filter(t -> t.status() == TipOffStatus.RECEIVED)
                .findFirst().orElseThrow();
    }

    /** The tip-offs whose column has the value, read as the desk reads them (without auditing a look). */
    private List<TipOff> about(String column, Object value) {
        return jdbc.sql("SELECT id FROM portal.tipoff WHERE " + column + " = ?").param(value).query(UUID.class)
                .list().stream().map(id -> tipOffs.find(id).orElseThrow()).toList();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return page(request, 200);
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    private static String address() {
        return "192.0.2." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
    }

    private static RequestPostProcessor handler() {
        return user("handler").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("tipoff:handle"));
    }

    /**
     * Gaps review xxxv O2/O6: a typed number comes back into its own field of the refused form, to be corrected rather
     * than typed again, and nowhere else on the page.
     */
    private static org.hamcrest.Matcher<String> onlyInItsField(String number) {
        String quoted = java.util.regex.Pattern.quote(number);
        return matchesPattern("(?s)(?!.*" + quoted + ".*" + quoted + ").*id=\"subjectNumber\"[^>]*value=\"" + quoted
                + "\".*");
    }
}
