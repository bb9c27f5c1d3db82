package cn.chengxin.support;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import static cn.chengxin.support.ConsoleStaff.staff;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 审计日志 as an auditor reads it (K7): the events of one action by one actor, in the language asked for, so that a test
 * sees a module's details named in words rather than as the stored reason codes.
 */
public final class AuditLogPages {

    private AuditLogPages() {
    }

    /** The page of {@code action}'s events by {@code actor}, in Chinese (the default) or, {@code english}, English. */
    public static String events(MockMvc mvc, String action, String actor, boolean english) throws Exception {
        UriComponentsBuilder address = UriComponentsBuilder.fromPath("/console/audit").queryParam("action", action)
                .queryParam("actor", actor);
        if (english) {
            address.queryParam("lang", "en");
        }
        return mvc.perform(get(address.encode().build().toUri()).with(staff("审计员-K7", "audit:read")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
