package cn.chengxin.support;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two clerks unbind, at the window, the account registered with a person's number (市民账号, finding G1): one finds it
 * by the number and proposes, the other approves.
 */
public final class WindowUnbinding {

    private static final Pattern PROPOSE = Pattern.compile("/console/citizen-accounts/([0-9a-f-]{36})/propose");

    private WindowUnbinding() {
    }

    public static void unbind(MockMvc mvc, JdbcClient jdbc, String number, RequestPostProcessor maker,
                              RequestPostProcessor checker) throws Exception {
        String page = mvc.perform(post("/console/citizen-accounts/find").param("number", number)
                .with(maker).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher id = PROPOSE.matcher(page);
        assertThat(id.find()).as(page).isTrue();
        UUID account = UUID.fromString(id.group(1));
        mvc.perform(post("/console/citizen-accounts/{id}/propose", account).param("action", "UNBIND")
                .param("reason", "本人持居民身份证原件到窗口核验，确认该账号非本人注册").with(maker).with(csrf()));
        UUID proposal = jdbc.sql("SELECT id FROM account.citizen_account_proposal WHERE citizen_id = ? "
                + "AND status = 'PENDING'").param(account).query(UUID.class).single();
        mvc.perform(post("/console/citizen-accounts/proposals/{id}/approve", proposal).with(checker).with(csrf()))
                .andExpect(flash().attribute("successKey", "console.citizenAccounts.approved"));
    }
}
