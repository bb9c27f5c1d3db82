package cn.chengxin.inquiry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.CitizenAccounts;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.inquiry.domain.ConsentReview;
import cn.chengxin.inquiry.domain.CounterIdentityCheck;
import cn.chengxin.inquiry.domain.CounterPaper;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.SeenDocument;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.Chromium;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.SignIn;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestStaff;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In Chromium, with the credit office's own role (gaps review xxxi M2): a year's consent of multiple use recorded at
 * the window by one clerk waits on 窗口授权复核, where a second clerk finds it with the person's number masked and the
 * papers scanned at the window, and approves it; it then takes effect.
 */
@IntegrationTest
class CounterConsentsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    ApiClients apiClients;

    @Autowired
    Consents consents;

    @Test
    void aSecondClerkApprovesAYearsCounterConsentFromTheQueue() {
        TestCitizens.Person person = TestCitizens.register(subjects, "柏浏览");
        UUID subjectId = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        // The person's account has a phone: the notice reaches it, no phone is typed at the window.
        citizens.registerVerified(subjectId, "13907551301", "Citizen-Passw0rd-2026");
        UUID bank = apiClients.issue("信贷系统览", "巳银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000).clientId();
        Department office = directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE"))
                .findFirst().orElseThrow();
        Actor recorder = (Actor) Principals.member("counter-b1", office, Permission.INQUIRY_COUNTER).getPrincipal();
        UUID consentId = consents.grantAtCounter(recorder, new CounterRequest(person.number(), "", person.name(),
                CounterIdentityCheck.of(SeenDocument.RESIDENT_ID_CARD, false, null, null, null, null),
                List.of(new CounterPaper(CounterPaper.Kind.AUTHORISATION, "授权书.pdf",
                        "%PDF-1.4 signed".getBytes(StandardCharsets.US_ASCII))), "", null, ""),
                bank, Purpose.LENDING, 365, false).id();
        String masked = Masking.identityNumber(person.number());
        String reviewer = TestStaff.create(directory, "CREDIT_OFFICE");

        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            SignIn.newStaff(page, url(""), reviewer);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("窗口授权复核").setExact(true)).click();
            Locator row = page.locator("#waiting-consents tr[data-consent='" + consentId + "']");
            assertThat(row).containsText(masked);
            assertThat(row).containsText("巳银行");
            assertThat(row).containsText("365 天");
            assertThat(row).containsText("counter-b1");
            assertThat(row.locator("[data-field=papers] a")).containsText("授权书.pdf");
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(person.number());
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("复核通过")).click();
            assertThat(page.locator(".flash")).containsText("已复核通过");
            assertThat(page.locator("#waiting-consents tr[data-consent='" + consentId + "']")).hasCount(0);
        }
        org.assertj.core.api.Assertions.assertThat(consents.of(subjectId).get(0).review())
                .isEqualTo(ConsentReview.APPROVED);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
