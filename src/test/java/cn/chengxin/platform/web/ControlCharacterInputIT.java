package cn.chengxin.platform.web;

import java.util.List;

import cn.chengxin.account.DemoAccounts;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #2: a NUL typed into a console form or sent in an API body reaches PostgreSQL, which refuses it in any text.
 * That is the client's input: a 400 VALIDATION_FAILED saying so, never a 500, and nothing of it kept.
 */
@IntegrationTest
class ControlCharacterInputIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubjectRegistry subjects;

    @Test
    void aNulInAnApiBodyIsAValidationFailureAndNothingIsKept() throws Exception {
        String resident = TestCitizens.register(subjects, "宁若水").number();
        long before = jdbc.sql("SELECT count(*) FROM measures.check_made").query(Long.class).single();

        mvc.perform(api("/api/v1/checks").content("{\"subjectNumber\":\"" + resident + "\",\"scenario\":\"LICENSING\","
                        + "\"purpose\":\"许可审查\\u0000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("purpose"))
                .andExpect(jsonPath("$.errors[0].message", containsString("NUL")));

        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_made").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aNulInAConsoleFormIsAValidationFailureAndNothingIsKept() throws Exception {
        String code = "P_NUL_" + (System.nanoTime() % 100000);
        mvc.perform(post("/console/catalog/draft").with(user("clerk").authorities(List.of("STAFF", "console:home",
                                "catalog:edit").stream().map(SimpleGrantedAuthority::new).toList()))
                        .with(csrf()).param("creating", "true").param("code", code).param("name", "测试\u0000事项")
                        .param("subjectType", "PERSON").param("nature", "NEGATIVE")
                        .param("category", "ADMINISTRATIVE_PENALTY").param("domain", "GENERAL")
                        .param("sharing", "PUBLIC").param("severity", "GENERAL").param("updateCycle", "DAILY")
                        .param("usableForPunishment", "true").param("providers", "MARKET")
                        .param("legalBasis", "《测试法》第一条").param("fields", "facts|事实|TEXT|是|"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("NUL")));

        assertThat(jdbc.sql("SELECT count(*) FROM catalog.item WHERE code = ?").param(code).query(Long.class)
                .single()).isZero();
    }

    private static MockHttpServletRequestBuilder api(String path) {
        return post(path).header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                .contentType(MediaType.APPLICATION_JSON);
    }
}
