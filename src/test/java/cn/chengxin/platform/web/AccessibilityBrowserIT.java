package cn.chengxin.platform.web;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.account.CitizenAccounts;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.support.Axe;
import cn.chengxin.support.Chromium;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Gaps review xxxv O12: axe-core (WCAG 2.0/2.1 A and AA, as GB/T 37668-2019 asks) finds nothing on the public
 * site, the citizen's sign-in and registration and a signed-in citizen's self-service pages, in Chinese and English.
 * The footer's links failed {@code color-contrast} on every one of them before O4. What axe cannot see (a field's
 * name holding the question, O1; a focus ring's contrast, O4) is checked in {@code PublicSiteBrowserIT}.
 */
@IntegrationTest
class AccessibilityBrowserIT {

    private static final String PASSWORD = "Wu-Zhang-Ai-2026";

    @LocalServerPort
    int port;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CitizenAccounts citizens;

    @Test
    void axeFindsNothingOnThePublicSiteAndTheSignInPagesInBothLanguages() {
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            for (String path : List.of("/", "/lists", "/disclosures", "/cases", "/verify", "/tipoffs", "/privacy",
                    "/me/login", "/me/register", "/?lang=en", "/tipoffs", "/me/login")) {
                page.navigate(url(path));
                Axe.check(page);
            }
        }
    }

    @Test
    void axeFindsNothingOnACitizensSelfServicePages() {
        String number = TestCitizens.withCheckCharacter("411702" + "19790312"
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)));
        IdentityDocument document = subjects.validate(DocumentType.RESIDENT_ID, number);
        UUID id = subjects.registerPerson(new NewPerson(document, "吴障碍", null, null, List.of(), List.of(), false));
        String phone = TestCitizens.phoneOf(subjects, document);
        citizens.registerVerified(id, phone, PASSWORD);

        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(url("/me/login"));
            page.getByLabel("身份证号码或手机号码").fill(phone);
            page.getByLabel("密码").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            assertThat(page).hasURL(url("/me"));
            for (String path : List.of("/me", "/me/notices", "/me/access", "/me/lists", "/me/file", "/me/reports",
                    "/me/consents", "/me/password")) {
                page.navigate(url(path));
                Axe.check(page);
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
