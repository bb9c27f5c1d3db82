package cn.chengxin.platform.web;

import cn.chengxin.support.ClearIdentityNumbers;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A caller's request id is kept in the audit event, sealed in the tree for years: one holding an identity number is
 * replaced, never stored (RULES.md §10).
 */
@IntegrationTest
class RequestIdsIT {

    private static final String NUMBER = "411722199003077770";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequestIdHoldingAnIdentityNumberIsNotStored() throws Exception {
        String answered = mvc.perform(post("/console/login").with(csrf()).header(RequestIdFilter.HEADER, NUMBER)
                        .param("username", "request-id-caller").param("password", "Wrong-guess-1"))
                .andReturn().getResponse().getHeader(RequestIdFilter.HEADER);

        assertThat(answered).isNotEqualTo(NUMBER);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.login.password' "
                + "AND actor_name = 'request-id-caller' AND request_id = ?").param(answered)
                .query(Long.class).single()).as("the refusal is audited with the id answered").isOne();
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).noneMatch(found -> found.endsWith(NUMBER));
    }
}
