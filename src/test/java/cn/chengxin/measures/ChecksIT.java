package cn.chengxin.measures;

import cn.chengxin.account.DemoAccounts;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The check API on the real embedded PostgreSQL. */
@IntegrationTest
class ChecksIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSubjectOnNoListIsAnsweredAndTheCheckIsStoredWithNoMeasures() throws Exception {
        String id = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/checks")
                        .header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumber\":\"11010519491231002X\",\"scenario\":\"INSPECTION\","
                                + "\"purpose\":\"企业设立登记审查\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries").isEmpty())
                .andExpect(jsonPath("$.measures").isEmpty())
                .andExpect(jsonPath("$.feedbackRequired").value(false))
                .andReturn().getResponse().getContentAsString(), "$.checkId");

        assertThat(jdbc.sql("SELECT cardinality(measure_codes) FROM measures.check_made WHERE id = ?::uuid")
                .param(id).query(Integer.class).single()).isZero();
    }
}
