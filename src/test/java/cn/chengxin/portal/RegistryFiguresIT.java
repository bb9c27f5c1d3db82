package cn.chengxin.portal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.RegistryFigures;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
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
