package cn.chengxin.portal;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.listing.EntryProceedings;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Sessions;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.StringUtils;

import static cn.chengxin.support.AsStaff.as;
import static cn.chengxin.support.Pages.from;
import static cn.chengxin.support.Pages.links;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #5, the public lists (信用公示): a citizen who looks a person up by identity number posts the number and is
 * answered on the post, so the number never becomes part of an address — browser history, a server's or a proxy's
 * access log, the referrer of the next page. A name is still searched by an address whose pages can be linked.
 */
@IntegrationTest
class PublicListsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    cn.chengxin.subject.RenamingSubjects names;

    @Autowired
    EntryProceedings proceedings;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void aSearchByNumberIsAnsweredOnItsPostWithEveryEntryAndNoLinkCarriesTheNumber() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "骆清和");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        String pseudonym = subjects.pseudonymOf(subjects.validate(null, person.number()));
        // More entries than a page of the list: a number names one subject, its entries are answered at once.
        for (int i = 1; i <= 21; i++) {
            inPublicNotice(subject, "市级道德模范（第 " + i + " 届）");
        }

        String page = mvc.perform(post("/lists").param("type", "RED").param("notice", "true")
                        .param("q", person.number()).with(csrf()).with(from("198.51.100.61")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String masked = Masking.identityNumber(person.number());
        assertThat(page).contains("共 21 条", Masking.personName(person.name()))
                .doesNotContain(person.number()).doesNotContain(pseudonym);
        assertThat(StringUtils.countOccurrencesOf(page, "data-field=\"masked-number\">" + masked + "</span>"))
                .as("every entry on the one answer").isEqualTo(21);
        assertThat(links(page)).isNotEmpty()
                .noneMatch(l -> l.contains(person.number()) || l.contains(pseudonym) || l.contains(masked));
        assertThat(page).as("no pager: there is no other page of the answer").doesNotContain("下一页");
    }

    @Test
    void aSearchByNameIsSentToAnAddressWithTheNameAndItsPagesLinkAsBefore() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "骆明澈");
        inPublicNotice(subjects.find(subjects.validate(null, person.number())).orElseThrow(), "市级道德模范");

        String address = mvc.perform(post("/lists").param("type", "RED").param("notice", "true")
                        .param("q", " " + person.name() + " ").with(csrf()).with(from("198.51.100.62")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(address).startsWith("/lists?").contains("type=RED", "notice=true");
        assertThat(mvc.perform(get(java.net.URI.create(address)).with(from("198.51.100.62"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("共 1 条", Masking.personName(person.name())).doesNotContain(person.number());
        // Whatever a name holds, it is only the name in the address.
        String odd = mvc.perform(post("/lists").param("q", "{x}&type=GREY#").with(csrf())
                        .with(from("198.51.100.62")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(java.net.URI.create(odd)).with(from("198.51.100.62"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("共 0 条", "value=\"{x}&amp;type=GREY#\"");
    }

    /**
     * Issue #5: a name is published masked, so the answer to a name search cannot show whether an entry is the person
     * searched or a namesake; the answer says so and points to the search by number, which is exact. A search by number
     * and a name search without answer need no such word.
     */
    @Test
    void aNameSearchWithAnswersSaysThatNamesakesAreListedAndTheNumberTellsThemApart() throws Exception {
        TestCitizens.Person one = TestCitizens.register(subjects, "骆子和");
        TestCitizens.Person namesake = TestCitizens.register(subjects, "骆子和");
        for (TestCitizens.Person person : new TestCitizens.Person[] {one, namesake}) {
            inPublicNotice(subjects.find(subjects.validate(null, person.number())).orElseThrow(), "市级道德模范");
        }
        String notice = "姓名已脱敏显示，同名的其他人也会列出，仅凭姓名无法区分；按证件号码查询可准确对应到本人。";

        assertThat(redNotice("骆子和", "198.51.100.67")).contains("共 2 条", "id=\"name-search-notice\"", notice);
        assertThat(mvc.perform(get("/lists").param("type", "RED").param("notice", "true").param("q", "骆子和")
                        .param("lang", "en").with(from("198.51.100.67")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Names are shown masked").doesNotContain(notice);
        assertThat(redNotice("骆无此和", "198.51.100.67")).contains("共 0 条").doesNotContain("name-search-notice");
        assertThat(redNotice("", "198.51.100.67")).doesNotContain("name-search-notice");
        assertThat(mvc.perform(post("/lists").param("type", "RED").param("notice", "true").param("q", one.number())
                        .with(csrf()).with(from("198.51.100.67")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("共 1 条").doesNotContain("name-search-notice");
    }

    /**
     * An entry's period starts on the day it took effect in the city (Beijing time), as its notices say, whatever the
     * server's own zone: at 01:30 in Beijing it is still the day before in UTC.
     */
    @Test
    void anEntrysPeriodStartsOnTheCitysDayWhateverTheServersZone() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "骆晨曦");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        inPublicNotice(subject, "市级道德模范");
        jdbc.sql("UPDATE listing.entry SET effective_from = ? WHERE subject_id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.parse("2026-03-01T17:30:00Z")), subject).update();

        String page = redNotice(person.name(), "198.51.100.69");

        // In public notice the column is the period's last day; the entry took effect within it (approved before
        // periods ran in whole days), so that day is 2 March in Beijing, though 1 March in UTC.
        assertThat(page).contains("共 1 条", "公示期至", "<td>2026-03-02</td>").doesNotContain("2026-03-01");
        assertThat(page).as("how to object during the notice, and where").contains("id=\"notice-objection\"",
                "公示期届满前提出", "href=\"/tipoffs\"");
    }

    /** A candidate approved today with the red list's seven days of notice: the notice runs to the seventh day. */
    @Test
    void aCandidateInPublicNoticeShowsTheLastDayOfItsNotice() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "骆清和");
        inPublicNotice(subjects.find(subjects.validate(null, person.number())).orElseThrow(), "市级道德模范");

        String page = redNotice(person.name(), "198.51.100.70");

        // (the name finds other tests' candidates too, all approved today: each shows the same last day)
        assertThat(page).contains("<td>" + LocalDate.now(clock).plusDays(7) + "</td>")
                .doesNotContain("<td>" + LocalDate.now(clock).plusDays(8) + "</td>");
    }

    /**
     * RULES.md §6 and §10, PIPL Art. 28 and 31: a child rewarded with a red-list entry is not named on the public site,
     * neither on the list nor by a search by name or number, in public notice or in force; the entry stays in force and
     * staff see it. An adult's entry is listed and found as before.
     */
    @Test
    void aChildsRedListEntryIsInForceButNeitherListedNorFoundOnThePublicSite() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String childNumber = TestCitizens.withCheckCharacter("411702"
                + today.minusYears(12).minusDays(40).toString().replace("-", "")
                + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000)));
        UUID child = subjects.registerPerson(new cn.chengxin.subject.NewPerson(subjects.validate(
                cn.chengxin.subject.domain.DocumentType.RESIDENT_ID, childNumber), "骆小禾", null, null,
                java.util.List.of(), java.util.List.of(), false));
        TestCitizens.Person adult = TestCitizens.register(subjects, "骆大禾");
        UUID grownUp = subjects.find(subjects.validate(null, adult.number())).orElseThrow();
        UUID childEntry = inPublicNotice(child, "见义勇为少年");
        inPublicNotice(grownUp, "见义勇为");

        assertThat(redNotice("骆小禾", "198.51.100.71")).as("not in public notice either").contains("共 0 条")
                .doesNotContain(Masking.personName("骆小禾"));
        inForce(child);
        inForce(grownUp);

        assertThat(listing.entry(childEntry).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(mvc.perform(get("/console/lists").param("type", "RED").param("q", "骆小禾")
                        .with(cn.chengxin.support.ConsoleStaff.staff("office-r", "list:propose", "list:review")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .as("staff see the entry").contains("/console/lists/" + childEntry);
        String byName = redList("骆小禾", "198.51.100.71");
        assertThat(byName).contains("共 0 条").doesNotContain(Masking.personName("骆小禾"));
        String whole = mvc.perform(get("/lists").param("type", "RED").with(from("198.51.100.71")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(whole).doesNotContain(Masking.identityNumber(childNumber));
        String byNumber = mvc.perform(post("/lists").param("type", "RED").param("q", childNumber).with(csrf())
                        .with(from("198.51.100.71")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byNumber).contains("共 0 条").doesNotContain(Masking.personName("骆小禾"));

        assertThat(redList("骆大禾", "198.51.100.71")).contains(Masking.personName("骆大禾"),
                Masking.identityNumber(adult.number()));
        assertThat(mvc.perform(post("/lists").param("type", "RED").param("q", adult.number()).with(csrf())
                        .with(from("198.51.100.71")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("共 1 条", Masking.identityNumber(adult.number()));
    }

    /** A number written into the address by hand is not looked up: the page says to use the search box. */
    /**
     * RULES.md §5 (Shenzhen Art. 43): a pending 行政复议/诉讼 is flagged wherever the listing shows, so the public list
     * and 失信信息公示 agree; cleared with its outcome, the mark goes from the list.
     */
    @Test
    void aLawsuitPendingAgainstAnEntryShowsOnThePublicListUntilItIsCleared() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "骆启诉");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID entry = inPublicNotice(subject, "市级道德模范（诉讼标注）");
        inForce(subject);
        assertThat(redList(person.name(), "198.51.100.71")).contains("共 1 条")
                .doesNotContain("data-field=\"proceeding\"");

        UUID flag = as("office-p", () -> proceedings.flag(entry, RecordProceeding.Kind.LAWSUIT,
                "驻马店市中级人民法院 （2026）豫17行初9号"));

        assertThat(redList(person.name(), "198.51.100.71"))
                .contains("data-field=\"proceeding\">行政诉讼中<").doesNotContain("豫17行初9号");
        as("office-p", () -> {
            proceedings.clear(flag, "原告撤回起诉");
            return null;
        });
        assertThat(redList(person.name(), "198.51.100.71")).contains("共 1 条")
                .doesNotContain("data-field=\"proceeding\"");
    }

    @Test
    void aNumberInTheAddressIsNotLookedUpAndThePageSaysToUseTheSearchBox() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "骆知远");
        inPublicNotice(subjects.find(subjects.validate(null, person.number())).orElseThrow(), "市级道德模范");

        String page = redNotice(person.number(), "198.51.100.63");

        assertThat(page).contains("证件号码不从网址中查询", "共 0 条").doesNotContain(person.number())
                .doesNotContain(Masking.personName(person.name()));
    }

    @Test
    void anInvalidNumberIsRefusedOnThePostWithoutEchoingIt() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "骆思齐");
        String wrong = TestCitizens.withWrongCheckCharacter(person.number());

        String page = mvc.perform(post("/lists").param("q", wrong).with(csrf()).with(from("198.51.100.64")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("校验").doesNotContain(wrong.substring(0, 17));
    }

    /**
     * A passport number typed without choosing 护照, a resident identity number missing digits: names hold no
     * digits, so what holds one is a number, refused on the post as one, never sent on to an address as a name.
     */
    @Test
    void whatHoldsADigitIsNeverSearchedAsANameNorPutInAnAddress() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        String mistyped = TestCitizens.register(subjects, "骆错位").number().substring(0, 14);
        for (String typed : java.util.List.of(passport, mistyped, "骆" + passport.substring(1, 7))) {
            var answer = mvc.perform(post("/lists").param("type", "RED").param("q", typed).with(csrf())
                    .with(from("198.51.100.66"))).andReturn().getResponse();

            assertThat(answer.getStatus()).as(typed).isEqualTo(200);
            assertThat(answer.getHeader("Location")).as(typed).isNull();
            String page = answer.getContentAsString();
            assertThat(page).as(typed).contains("class=\"alert error\"", "请先选择证件类型").doesNotContain(typed);
            assertThat(links(page)).noneMatch(l -> l.contains(typed.substring(1, 6)));
        }
        assertThat(mvc.perform(get("/lists").param("q", passport).with(from("198.51.100.66")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("证件号码不从网址中查询").doesNotContain(passport);
    }

    @Test
    void aSearchPostedFromAnotherSiteIsRefused() throws Exception {
        mvc.perform(post("/lists").param("q", "骆某").with(from("198.51.100.65")))
                .andExpect(status().isForbidden());
    }

    /**
     * A citizen who left the list open past the session's 15 idle minutes and then searches: the search is not run
     * (its CSRF token is unknown), the same list is shown again and asks for the search again; the number typed is
     * neither looked up nor sent back. The page carries a fresh token, so the search sent again is answered.
     */
    @Test
    void aSearchFromAPageLeftOpenPastItsSessionShowsTheListAgainWithoutTheNumber() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "骆久候");
        inPublicNotice(subjects.find(subjects.validate(null, person.number())).orElseThrow(), "市级道德模范");
        WebClient web = new WebClient(port);
        web.get("/lists?type=RED&notice=true");
        Sessions.expire(context, web.sessionId().orElseThrow());
        Map<String, String> search = Map.of("type", "RED", "notice", "true", "q", person.number());

        WebClient.Page stale = web.postFrom("/lists?type=RED&notice=true", "/lists", search);

        assertThat(stale.status()).isEqualTo(403);
        assertThat(stale.location()).isNull();
        assertThat(stale.body()).contains("页面已过期，请重新提交", "name=\"type\" value=\"RED\"",
                "name=\"notice\" value=\"true\"").doesNotContain(person.number()).doesNotContain("id=\"by-number\"");
        assertThat(links(stale.body())).noneMatch(l -> l.contains(person.number()));

        WebClient.Page again = web.postFrom("/lists", "/lists", search);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("id=\"by-number\"", "共 1 条").doesNotContain("页面已过期");
    }

    /** Trying numbers one after another (enumerating the list) is scraping too: 429. */
    @Test
    void manySearchesByNumberFromOneAddressAreRefused() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "骆多次");
        int status = 200;
        for (int i = 0; i < 80 && status == 200; i++) {
            status = mvc.perform(post("/lists").param("q", person.number()).with(csrf()).with(from("203.0.113.78")))
                    .andReturn().getResponse().getStatus();
        }
        assertThat(status).isEqualTo(429);
    }

    /** Refused in English, the page reads English only, and says when to come back as its header does. */
    @Test
    void theRefusalOfTooManySearchesSpeaksTheReadersLanguageAndSaysWhenToComeBack() throws Exception {
        MockHttpServletResponse refused = null;
        for (int i = 0; i < 80 && (refused == null || refused.getStatus() == 200); i++) {
            refused = mvc.perform(get("/lists").param("type", "RED").param("lang", "en").with(from("203.0.113.79")))
                    .andReturn().getResponse();
        }
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        String main = refused.getContentAsString().replaceAll("(?s).*<main", "").replaceAll("(?s)</main>.*", "");
        assertThat(main).contains("Too many requests", "Too many list look-ups").doesNotMatch("(?s).*\\p{IsHan}.*");
    }

    /**
     * Tomcat's access log is off; an operator who turns it on gets the path without its query string, so that a
     * number written into an address by hand is not written to the log either.
     */
    @Test
    void theAccessLogIfTurnedOnLeavesOutQueryStrings() {
        assertThat(environment.getProperty("server.tomcat.accesslog.enabled", Boolean.class, false)).isFalse();
        assertThat(environment.getProperty("server.tomcat.accesslog.pattern")).isNotBlank().contains("%U")
                .doesNotContain("%r").doesNotContain("%q").doesNotContain("common").doesNotContain("combined");
    }

    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    /** The 红名单公示 tab, searched by {@code q} from {@code address} (each test its own, for the rate limit). */
    private String redNotice(String q, String address) throws Exception {
        return mvc.perform(get("/lists").param("type", "RED").param("notice", "true").param("q", q)
                        .with(from(address)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The 红名单 tab (entries in force), searched by {@code q} from {@code address}. */
    private String redList(String q, String address) throws Exception {
        return mvc.perform(get("/lists").param("type", "RED").param("q", q).with(from(address)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /**
     * Gaps review xxv H6: a subject renamed after being listed is shown under the current name, with the name the entry
     * was made under as 曾用名, masked alike, on the public list and on the console's entry page.
     */
    @Test
    void anEntryOfARenamedPersonShowsTheCurrentNameWithTheFormerOne() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "冉旧言");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID entry = inPublicNotice(subject, "市级道德模范");
        cn.chengxin.support.TestRenames.approved(names, subject, "蔺新言", LocalDate.now().minusDays(1));

        String page = mvc.perform(post("/lists").param("type", "RED").param("notice", "true")
                        .param("q", person.number()).with(csrf()).with(from("198.51.100.68")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("共 1 条", Masking.personName("蔺新言"), "曾用名：" + Masking.personName("冉旧言"))
                .doesNotContain("蔺新言", "冉旧言");

        String console = mvc.perform(get("/console/lists/{id}", entry).with(cn.chengxin.support.ConsoleStaff.staff(
                        "office-rn", "list:propose", "list:review")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // The notices shown below keep the name they were written with (sent to the person, staff-only page).
        assertThat(console).contains(Masking.personName("蔺新言"), "曾用名：" + Masking.personName("冉旧言"))
                .doesNotContain("蔺新言");
    }

    /**
     * Gaps review xxv H6: the search by name finds a renamed company's entries by its current name and by its former
     * name (曾用名), whichever of the two each entry was made under; a name typed with SQL or markup in it is searched
     * as text, finds nothing and is shown as text.
     */
    @Test
    void aRenamedCompanysEntriesAreFoundByItsCurrentNameAndByItsFormerName() throws Exception {
        String code = cn.chengxin.support.TestCreditCodes.next();
        // A name with a digit would be read as a number: the code's last characters as Chinese numerals.
        StringBuilder tag = new StringBuilder();
        code.substring(9).chars().forEach(c -> tag.append("零一二三四五六七八九".charAt(c % 10)));
        String former = "旧称" + tag + "商贸有限公司";
        String current = "新称" + tag + "科技有限公司";
        UUID company = subjects.registerOrganisation(new cn.chengxin.subject.NewOrganisation(
                subjects.validate(null, code), former, LocalDate.of(2015, 3, 1), java.util.List.of(), false));
        inPublicNotice(company, "守合同重信用企业");
        cn.chengxin.support.TestRenames.approved(names, company, current, LocalDate.now().minusDays(1));
        inPublicNotice(company, "守合同重信用企业（更名后）");

        // Each entry shows the current name; the one made under the former name shows it as 曾用名.
        for (String byName : java.util.List.of(current, former)) {
            String page = redNotice(byName, byName.equals(current) ? "203.0.113.141" : "203.0.113.142");
            assertThat(page).as("searched by " + byName).contains("共 2 条", "曾用名：" + former);
            assertThat(StringUtils.countOccurrencesOf(page, current)).as("both entries under the current name")
                    .isGreaterThanOrEqualTo(2);
        }
        String hostile = former + "' OR '1'='1<script>x</script>";
        assertThat(redNotice(hostile, "203.0.113.143")).contains("共 0 条").doesNotContain("<script>x");
    }

    private UUID inPublicNotice(UUID subject, String reasons) throws Exception {
        UUID entry = as("maker-p", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", reasons,
                LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1)));
        assertThat(as("checker-p", () -> listing.approve(entry, ""))).isEqualTo(EntryStatus.PUBLIC_NOTICE);
        return entry;
    }

    /** The subject's red-list entries in public notice take effect: their notice period is made to end now. */
    private void inForce(UUID subject) {
        jdbc.sql("UPDATE listing.entry SET effective_from = now() - interval '1 minute' "
                + "WHERE subject_id = ? AND status = 'PUBLIC_NOTICE'").param(subject).update();
        listing.activateDue();
    }
}
