package cn.chengxin.subject;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.listing.Listing;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.Chromium;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.SignIn;
import cn.chengxin.support.TestRecords;
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
 * In Chromium, with the credit office's own role: a clerk finds a passport holder, reads why the birth date matters
 * and proposes it; a second staff member approves it from the queue. The passport number shows masked throughout.
 */
@IntegrationTest
class BirthDatesBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Listing listing;

    @Test
    void aClerkProposesAPassportHoldersBirthDateAndASecondPersonApprovesIt() {
        String passport = "G" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport),
                "MÜLLER ANNA", null, null, List.of(), List.of(), false));
        String masked = Masking.identityNumber(passport);
        String clerk = TestStaff.create(directory, "CREDIT_OFFICE");
        String reviewer = TestStaff.create(directory, "CREDIT_OFFICE");
        try (BrowserContext clerkContext = Chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN"));
             BrowserContext reviewerContext = Chromium.browser().newContext(new Browser.NewContextOptions()
                     .setLocale("zh-CN"))) {
            Page page = clerkContext.newPage();
            SignIn.newStaff(page, url(""), clerk);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("信用主体").setExact(true)).click();
            page.locator("#documentType").selectOption("PASSPORT");
            page.locator("#number").fill(passport);
            page.locator(".search-form button[type=submit]").click();
            assertThat(page.locator("[data-field=masked-number]")).hasText(masked);
            assertThat(page.locator("#birth-date")).containsText("不能列入严重失信主体名单");
            page.locator("#birthDate").fill("1984-02-29");
            page.locator("#evidence").selectOption("PASSPORT_DATA_PAGE");
            page.locator("#reference").fill("护照 " + passport);
            page.locator("#reason").fill("本人到窗口提供护照原件");
            page.locator("#birth-date-form button[type=submit]").click();
            // Refused on the subject page itself, what was typed kept, except the texts that carried the number.
            assertThat(page.locator(".flash")).containsText("BIRTH_DATE_NUMBER_IN_TEXT");
            assertThat(page.locator("[data-field=masked-number]")).hasText(masked);
            assertThat(page.locator("#birthDate")).hasValue("1984-02-29");
            assertThat(page.locator("#evidence")).hasValue("PASSPORT_DATA_PAGE");
            assertThat(page.locator("#reference")).hasValue("");
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(passport);
            page.locator("#reference").fill("窗口收件 2026-131 号");
            page.locator("#reason").fill("本人到窗口提供护照原件");
            page.locator("#birth-date-form button[type=submit]").click();
            assertThat(page.locator(".flash")).containsText("等待另一名工作人员审核");
            assertThat(page.locator("#pending-birth-dates")).containsText(masked);
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(passport);

            Page review = reviewerContext.newPage();
            SignIn.newStaff(review, url(""), reviewer);
            review.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("出生日期补全").setExact(true)).click();
            var row = review.locator("#pending-birth-dates tr", new Page.LocatorOptions().setHasText(masked));
            assertThat(row).containsText("1984-02-29");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("同意补全")).click();
            assertThat(review.locator(".flash")).containsText("已同意补全出生日期");
            assertThat(review.locator("#decided-birth-dates")).containsText(masked);
            org.assertj.core.api.Assertions.assertThat(review.content()).doesNotContain(passport);
        }
        org.assertj.core.api.Assertions.assertThat(subjects.profile(holder).orElseThrow().birthDate())
                .isEqualTo(LocalDate.of(1984, 2, 29));
    }

    /**
     * A clerk finds a court defaulter kept off the black list for want of a birth date on 待补全出生日期, opens the
     * person's page from there (no number typed, none in the address) and proposes the date.
     */
    @Test
    void aClerkReachesAPersonAwaitingABirthDateFromTheListWithoutTypingTheNumber() {
        String passport = "H" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport),
                "OKAFOR CHIDI", null, null, List.of(), List.of(), false));
        TestRecords.courtDefaulter(creditFile, catalogue, holder, "PP-" + UUID.randomUUID(), 1, RecordAction.ADD);
        listing.evaluate(Set.of(holder));
        String masked = Masking.identityNumber(passport);
        String pseudonym = subjects.pseudonymOf(holder).orElseThrow();
        String clerk = TestStaff.create(directory, "CREDIT_OFFICE");
        List<String> addresses = new CopyOnWriteArrayList<>();
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.onRequest(request -> addresses.add(request.url()));
            SignIn.newStaff(page, url(""), clerk);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("待补全出生日期").setExact(true)).click();
            var row = page.locator("#awaiting-birth-dates tr", new Page.LocatorOptions().setHasText(masked));
            assertThat(row).containsText("失信被执行人");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("打开主体页补全出生日期")).click();
            assertThat(page.locator("[data-field=masked-number]")).hasText(masked);
            page.locator("#birthDate").fill("1975-08-03");
            page.locator("#evidence").selectOption("PASSPORT_DATA_PAGE");
            page.locator("#reference").fill("法院执行卷宗 2026-55 号");
            page.locator("#reason").fill("执行卷宗所附护照资料页");
            page.locator("#birth-date-form button[type=submit]").click();
            assertThat(page.locator(".flash")).containsText("等待另一名工作人员审核");
            org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(passport);
        }
        org.assertj.core.api.Assertions.assertThat(addresses)
                .as("no address the clerk went through carries the number or the pseudonym")
                .isNotEmpty().noneMatch(u -> u.contains(passport) || u.contains(pseudonym));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
