package cn.chengxin.portal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.RegistryFigures;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps-review-xxxv P1: the public home page and the console's 工作台 show the registry's figures as last counted, not a
 * count of the whole registry at each view. A person registered after the count is not in them until the next
 * refresh (called here directly; the scheduler's is an hour away in tests), and the pages say when they were counted.
 */
@IntegrationTest
class RegistryFiguresIT {

    private static final Pattern PERSONS = Pattern.compile("data-figure=\"persons\">([0-9,]+)<");

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    RegistryFigures figures;

    @Autowired
    JdbcClient jdbc;

    /**
     * P1 (session xxxvi): the kept figures follow what the registering statements changed (V431's triggers, folded by
     * {@code refresh()}), with no recount: after a person registered with a 常住 residence, given a 户籍 one, that one
     * ended and the other removed, each fold gives the registry's count made directly.
     */
    @Test
    void theKeptFiguresEqualTheDirectCountAfterEachRegistrationAndResidenceChange() {
        keptEqualsTheDirectCount();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String number = TestCitizens.withCheckCharacter("411702" + birth.toString().replace("-", "")
                + String.format("%03d", random.nextInt(1000)));
        UUID person = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number),
                "仇常住", null, null, List.of(new NewPerson.Residence(ResidencyKind.HABITUAL, "411702",
                LocalDate.of(2020, 1, 1))), List.of(), false));
        keptEqualsTheDirectCount();

        jdbc.sql("INSERT INTO subject.residency (person_id, kind, region_code, valid_from) "
                + "VALUES (?, 'HOUSEHOLD', '411702', DATE '2024-01-01')").param(person).update();
        keptEqualsTheDirectCount();
        jdbc.sql("UPDATE subject.residency SET valid_to = DATE '2026-01-01' WHERE person_id = ? AND kind = 'HOUSEHOLD'")
                .param(person).update();
        keptEqualsTheDirectCount();
        jdbc.sql("DELETE FROM subject.residency WHERE person_id = ? AND kind = 'HABITUAL'").param(person).update();
        keptEqualsTheDirectCount();
    }

    /**
     * P1 (session xxxvi): {@code /} counts against a per-address limit, as the public lists do: an address past
     * {@code chengxin.portal.home-pages-per-minute} (120) gets 429, another address does not. The limit's window
     * slides (the previous minute's count weighted by what is left of it), so the refusal comes after 120 views and,
     * when the views straddle a minute, somewhat later, never before.
     */
    @Test
    void theHomePageIsLimitedPerAddress() throws Exception {
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        int served = 0;
        while (served < 300 && mvc.perform(from(address)).andReturn().getResponse().getStatus() == 200) {
            served++;
        }
        assertThat(served).as("views served before the refusal").isBetween(120, 299);
        mvc.perform(from(address)).andExpect(status().isTooManyRequests());
        mvc.perform(from("203.0.113." + ThreadLocalRandom.current().nextInt(1, 255))).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder from(String address) {
        return get("/").with(request -> {
            request.setRemoteAddr(address);
            return request;
        });
    }

    /** Folded and counted until both agree (another test's reaction may register someone in between). */
    private void keptEqualsTheDirectCount() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            figures.refresh();
            assertThat(figures.kept().orElseThrow().counts()).isEqualTo(subjects.counts());
        });
    }

    @Test
    void homePageAndDashboardShowTheKeptFiguresUntilTheNextRefresh() throws Exception {
        figures.refresh();
        long counted = subjects.counts().persons();
        MockHttpServletRequestBuilder dashboard = get("/console").with(authentication(
                Principals.staff("p1-clerk", "CREDIT_OFFICE", Permission.CONSOLE_HOME)));
        assertThat(persons(page(get("/")))).isEqualTo(counted);
        assertThat(persons(page(dashboard))).isEqualTo(counted);

        TestCitizens.register(subjects, "仇概况");
        assertThat(subjects.counts().persons()).as("registered").isEqualTo(counted + 1);
        String home = page(get("/"));
        assertThat(persons(home)).as("the kept figure, not a count per view").isEqualTo(counted);
        assertThat(home).contains("data-figure=\"as-of\"").contains("截至 ");
        assertThat(persons(page(dashboard))).as("工作台 too").isEqualTo(counted);
        assertThat(page(get("/").param("lang", "en"))).contains("As of ");

        figures.refresh();
        assertThat(persons(page(get("/")))).as("after the refresh").isEqualTo(counted + 1);
        assertThat(persons(page(dashboard))).isEqualTo(counted + 1);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static long persons(String page) {
        Matcher m = PERSONS.matcher(page);
        assertThat(m.find()).as("the persons figure is shown").isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
