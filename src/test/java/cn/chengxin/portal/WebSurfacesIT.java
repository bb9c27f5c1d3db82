package cn.chengxin.portal;

import java.util.Map;

import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Sessions;
import cn.chengxin.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The three surfaces render in Chinese for the configured city, switch to English, and keep their doors shut. */
@IntegrationTest
class WebSurfacesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void thePublicHomePageNamesTheCityInChinese() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"zh-CN\""), containsString("信用驻马店"),
                        containsString("守信者处处受益，失信者处处受限"), containsString("href=\"/lists\""),
                        containsString("href=\"/cases\""), containsString("href=\"/policies\""),
                        containsString("href=\"/verify\""), containsString("href=\"/tipoffs\""))));
    }

    @Test
    void englishIsOneClickAway() throws Exception {
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"en\""),
                        containsString("Trust pays everywhere"))));
    }

    /** The tip-off form asks its sum in the reader's language: Chinese numerals are no question to an English reader. */
    @Test
    void theTipOffFormAsksItsSumInTheReadersLanguage() throws Exception {
        assertThat(page(get("/tipoffs").param("lang", "en")))
                .containsPattern("data-field=\"challenge-question\">What is [a-z]+ (plus|minus) [a-z]+\\?<");
        assertThat(page(get("/tipoffs"))).containsPattern("data-field=\"challenge-question\">[零一二三四五六七八九十]+[加减]");
    }

    /** An English page names the city in English in its title, footer and console bar, and labels its menus so. */
    @Test
    void anEnglishPageNamesTheCityInEnglishThroughout() throws Exception {
        assertThat(page(get("/lists").param("lang", "en")))
                .contains("<title>Lists - Credit Zhumadian</title>",
                        "Run by the Zhumadian Social Credit System Leading Group Office", "aria-label=\"Main navigation\"")
                .doesNotContain("信用驻马店", "驻马店市", "主导航");
        assertThat(page(get("/console/login").param("lang", "en"))).contains("Credit Zhumadian · Staff console")
                .doesNotContain("信用驻马店");
        assertThat(page(get("/console").param("lang", "en").with(user("clerk").authorities(staff("console:home")))))
                .contains("Credit Zhumadian · Staff console", "aria-label=\"Console navigation\"")
                .doesNotContain("信用驻马店", "后台导航");
        assertThat(page(get("/lists"))).contains("<title>信用公示 - 信用驻马店</title>", "主办：驻马店市社会信用体系建设领导小组办公室",
                "aria-label=\"主导航\"");
    }

    /** The public searches name document types in the reader's language; in Chinese, the default, as before. */
    @Test
    void thePublicSearchesNameDocumentTypesInTheReadersLanguage() throws Exception {
        for (String path : new String[] {"/lists", "/disclosures", "/licences", "/honours", "/tipoffs"}) {
            assertThat(page(get(path).param("lang", "en"))).as(path)
                    .contains(">Passport</option>", ">Mainland travel permit for Taiwan residents</option>")
                    .doesNotContain(">护照</option>", ">台湾居民来往大陆通行证</option>");
            assertThat(page(get(path))).as(path)
                    .contains("<option value=\"PASSPORT\">护照</option>", ">台湾居民来往大陆通行证</option>")
                    .doesNotContain(">Passport</option>");
        }
    }

    /** The console's look-ups name their purposes in the reader's language; in Chinese, the default, as before. */
    @Test
    void theConsoleLookUpsNameTheirPurposesInTheReadersLanguage() throws Exception {
        var clerk = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .authentication(cn.chengxin.support.Principals.staff("look-up-clerk", "CREDIT_OFFICE",
                        cn.chengxin.shared.security.Permission.SUBJECT_READ,
                        cn.chengxin.shared.security.Permission.INQUIRY_GOVERNMENT));
        for (String path : new String[] {"/console/subjects", "/console/file", "/console/reports"}) {
            assertThat(page(get(path).param("lang", "en").with(clerk))).as(path)
                    .contains("Data quality check", "Administrative licensing review", ">Passport</option>")
                    .doesNotContain("数据质量核查", "行政许可审查", ">护照</option>");
            assertThat(page(get(path).with(clerk))).as(path).contains("数据质量核查", "行政许可审查", ">护照</option>");
        }
        assertThat(page(get("/console/reports").param("lang", "en").with(clerk)))
                .contains(">Data quality check (公共信用信息归集管理规定)</option>");
        assertThat(page(get("/console/reports").with(clerk))).contains(">数据质量核查（公共信用信息归集管理规定）</option>");
    }

    /**
     * The tip-off form's question and the refusals of the public forms, read in English: no Chinese sum an English
     * reader cannot answer, no Chinese refusal; in Chinese, the default, as before.
     */
    @Test
    void thePublicFormsAskAndRefuseInTheReadersLanguage() throws Exception {
        String han = "(?s).*\\p{IsHan}.*";
        String form = page(get("/tipoffs").param("lang", "en"));
        assertThat(between(form, "data-field=\"challenge-question\">", "<"))
                .matches("What is [a-z]+ (plus|minus) [a-z]+\\?");
        assertThat(between(page(get("/tipoffs")), "data-field=\"challenge-question\">", "<")).endsWith("等于多少？");

        String refused = mvc.perform(post("/tipoffs").param("lang", "en").with(csrf()).with(r -> {
                    r.setRemoteAddr("198.51.100.61");
                    return r;
                }).param("subjectName", "X").param("facts", "too short").param("challengeToken", "1.a.b")
                        .param("challengeAnswer", "3"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(between(refused, "data-field=\"problem\">", "<")).startsWith("The check question has expired")
                .doesNotMatch(han);

        for (String path : new String[] {"/lists", "/disclosures", "/licences", "/honours"}) {
            String english = page(post(path).param("lang", "en").param("q", "110105194912310021").with(csrf()));
            assertThat(between(english, "data-field=\"query-problem\">", "<")).as(path)
                    .startsWith("Wrong check character").doesNotMatch(han);
            String chinese = page(post(path).param("q", "110105194912310021").with(csrf()));
            assertThat(between(chinese, "data-field=\"query-problem\">", "<")).as(path).startsWith("身份号码校验码不正确");
        }
    }

    private static String between(String page, String before, String after) {
        int start = page.indexOf(before);
        assertThat(start).as(before).isNotNegative();
        start += before.length();
        return page.substring(start, page.indexOf(after, start)).strip();
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void everyPublicSectionRenders() throws Exception {
        for (String path : new String[] {"/lists", "/cases", "/policies", "/verify", "/tipoffs"}) {
            mvc.perform(get(path)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("信用驻马店")));
        }
    }

    /**
     * A page key of a public list naming no entry (the lists page by key, gaps review xxxv P6) is an empty page, not
     * a 500 (issue #5).
     */
    @Test
    void aPageKeyNamingNoEntryIsAnEmptyPageNotAnError() throws Exception {
        for (String type : new String[] {"BLACK", "RED"}) {
            mvc.perform(get("/lists").param("type", type).param("after", java.util.UUID.randomUUID().toString())
                            .with(r -> {
                                r.setRemoteAddr("198.51.100.23");
                                return r;
                            }))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("没有符合条件")));
        }
    }

    @Test
    void theLoginPagesRenderInChinese() throws Exception {
        mvc.perform(get("/console/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("管理后台登录")));
        mvc.perform(get("/me/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("个人中心登录")));
    }

    @Test
    void theConsoleAndSelfServiceSendStrangersToTheirLoginPages() throws Exception {
        mvc.perform(get("/console")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/login"));
        mvc.perform(get("/me")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/me/login"));
    }

    @Test
    void aStaffMemberSignsInToTheConsole() throws Exception {
        // The password alone opens only the second-factor step, enrolment or code depending on whether
        // AccountsBrowserIT already enrolled the clerk (it goes all the way).
        mvc.perform(formLogin("/console/login").user("clerk").password("Chengxin@2026"))
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getResponse()
                        .getRedirectedUrl()).isIn("/console/mfa", "/console/mfa/enrol"));
        mvc.perform(formLogin("/console/login").user("clerk").password("wrong"))
                .andExpect(redirectedUrl("/console/login?error"));
        mvc.perform(get("/console").with(user("clerk").authorities(staff("console:home"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("管理后台")));
    }

    @Test
    void aCitizenCannotUseTheConsoleNorStaffTheSelfService() throws Exception {
        mvc.perform(formLogin("/console/login").user("citizen").password("Chengxin@2026"))
                .andExpect(redirectedUrl("/console/login?error"));
        mvc.perform(get("/console").with(user("citizen").authorities(citizen()))).andExpect(status().isForbidden());
        mvc.perform(get("/me").with(user("clerk").authorities(staff("console:home"))))
                .andExpect(status().isForbidden());
    }

    private static org.springframework.security.core.GrantedAuthority[] staff(String permission) {
        return new org.springframework.security.core.GrantedAuthority[] {
                new org.springframework.security.core.authority.SimpleGrantedAuthority("STAFF"),
                new org.springframework.security.core.authority.SimpleGrantedAuthority(permission)};
    }

    private static org.springframework.security.core.GrantedAuthority[] citizen() {
        return new org.springframework.security.core.GrantedAuthority[] {
                new org.springframework.security.core.authority.SimpleGrantedAuthority("CITIZEN"),
                new org.springframework.security.core.authority.SimpleGrantedAuthority("self:read")};
    }

    @Test
    void theConsoleSearchShowsASubjectOnlyMasked() throws Exception {
        mvc.perform(post("/console/subjects").param("number", "11010519491231002X")
                        .param("purpose", "DATA_QUALITY").with(user("clerk").authorities(staff("subject:read")))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("1101**********002X"),
                        not(containsString("11010519491231002X")))));
    }

    /**
     * A public form whose page does not show it again itself (here report verification) and whose page expired: not
     * acted on, and a page that says so and links back to the form's page to reload it, never a bare 403.
     */
    @Test
    void aPublicFormFromAnExpiredPageIsAnsweredWithAPageOfferingToReloadIt() {
        WebClient web = new WebClient(port);
        web.get("/verify?care=on");
        Sessions.expire(context, web.sessionId().orElseThrow());

        WebClient.Page answer = web.postFrom("/verify", "/verify", Map.of("number", "R-2026-0001", "code", "x"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("页面已过期", "href=\"/verify\"").doesNotContain("R-2026-0001");
        // Gaps review xlv Z8: in the public layout, with 关怀模式 kept (the page had no masthead nor care.css).
        assertThat(answer.body()).contains("class=\"site-header\"", "/css/care.css", "class=\"site-footer\"");
    }

    /**
     * Gaps review xlv Z8: the error page is in the layout of the surface it was met on — the public masthead with
     * 关怀模式 and the footer, or the console's bar under /console (never 关怀模式 there) — and says nothing of the request.
     */
    @Test
    void theErrorPageKeepsTheLayoutOfItsSurface() throws Exception {
        jakarta.servlet.http.Cookie care = new jakarta.servlet.http.Cookie("chengxin-care", "on");
        String missing = mvc.perform(get("/no-such-page").param("q", "11010519491231002X").cookie(care)
                        .accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("class=\"site-header\"", "/css/care.css", "class=\"site-footer\"", "信用驻马店",
                "href=\"/\"").doesNotContain("console-bar", "11010519491231002X", "no-such-page");

        String console = mvc.perform(get("/console/no-such-page").cookie(care)
                        .accept(org.springframework.http.MediaType.TEXT_HTML)
                        .with(user("clerk").authorities(staff("console:home"))))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(console).contains("class=\"console-bar\"", "href=\"/console\"")
                .doesNotContain("class=\"site-header\"", "/css/care.css", "no-such-page");
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/console/subjects").param("number", "11010519491231002X")
                        .param("purpose", "DATA_QUALITY").with(user("clerk").authorities(staff("subject:read"))))
                .andExpect(status().isForbidden());
    }
}
