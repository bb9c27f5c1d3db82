package cn.chengxin.audit;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.ConsoleStaff.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit page offers 校验完整性 only to whoever may run it (audit:verify): a reader of the log (audit:read) was shown a
 * button answering 403.
 */
@IntegrationTest
class AuditConsoleIT {

    @Autowired
    MockMvc mvc;

    @Test
    void theVerifyButtonShowsOnlyToWhoeverMayVerify() throws Exception {
        mvc.perform(get("/console/audit").with(staff("审计员甲", "audit:read", "audit:verify")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/console/audit/verify")));
        mvc.perform(get("/console/audit").with(staff("审计读者乙", "audit:read")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("/console/audit/verify"))));
    }
}
