package cn.chengxin.account;

import java.util.Optional;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 新建角色: the security administrator creates a business role (e.g. a narrower set for a 区县信用办 clerk), which may
 * hold business permissions only (三员分立, RULES.md §10); every creation, and every refused one, is audited.
 */
@IntegrationTest
class RoleCreationIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Autowired
    JdbcClient jdbc;

    private final org.springframework.test.web.servlet.request.RequestPostProcessor security = authentication(
            Principals.staff("role-maker", "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.ACCOUNT_ROLE_MANAGE));

    @Test
    void theSecurityAdministratorCreatesABusinessRole() throws Exception {
        String code = "COUNTY_CLERK_" + System.nanoTime() % 100000;
        mvc.perform(create(code.toLowerCase(), "区县信用办业务人员", "County credit office clerk")
                        .param("permission", "console:home", "subject:read"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/console/roles"))
                .andExpect(flash().attribute("successKey", "console.roles.created"));

        Role role = role(code).orElseThrow();
        assertThat(role.name()).isEqualTo("区县信用办业务人员");
        assertThat(role.englishName()).isEqualTo("County credit office clerk");
        assertThat(role.adminKind()).isNull();
        assertThat(role.permissions()).containsExactlyInAnyOrder(Permission.CONSOLE_HOME, Permission.SUBJECT_READ);
        assertThat(audited("account.role.create", "reason=ROLE_CREATED; role=" + code + "; permissions=%", "SUCCESS")).isEqualTo(1L);

        assertThat(page(get("/console/roles").param("lang", "en"))).contains("<span>County credit office clerk</span>");
        assertThat(page(get("/console/roles"))).contains("<span>区县信用办业务人员</span>");

        mvc.perform(create(code, "重复", "Duplicate"))
                .andExpect(flash().attribute("failureCode", "ROLE_EXISTS"));
        assertThat(role(code).orElseThrow().name()).isEqualTo("区县信用办业务人员");
    }

    @Test
    void aCreatedRoleNeverHoldsAnAdministratorsPermission() throws Exception {
        for (String administrative : new String[] {"audit:read", "account:role:manage", "account:user:manage"}) {
            String code = "SNEAKY_" + System.nanoTime() % 100000;
            mvc.perform(create(code, "越权角色", "Overreaching role").param("permission", "subject:read", administrative))
                    .andExpect(flash().attribute("failureCode", "PERMISSION_NOT_ALLOWED_FOR_ROLE"));
            assertThat(role(code)).as(administrative).isEmpty();
            assertThat(audited("account.role.create",
                    "reason=ROLE_PERMISSION_NOT_ALLOWED; role=" + code + "; permission=" + administrative, "DENIED")).isEqualTo(1L);
        }
        String form = page(get("/console/roles"));
        form = form.substring(form.indexOf("id=\"new-role\""));
        form = form.substring(0, form.indexOf("</section>"));
        assertThat(form).contains("value=\"subject:read\"").doesNotContain("value=\"audit:read\"",
                "value=\"account:role:manage\"", "value=\"account:user:manage\"");
    }

    @Test
    void aRoleNeedsAWellFormedCodeAndBothNames() throws Exception {
        mvc.perform(create("1-BAD", "坏代码", "Bad code")).andExpect(flash().attribute("failureCode", "ROLE_INVALID"));
        mvc.perform(create("NO_ENGLISH", "无英文名", " ")).andExpect(flash().attribute("failureCode", "ROLE_INVALID"));
        assertThat(role("NO_ENGLISH")).isEmpty();
    }

    @Test
    void onlyTheSecurityAdministratorCreatesRoles() throws Exception {
        var system = authentication(Principals.staff("role-maker-sys", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_USER_MANAGE));
        int status = mvc.perform(post("/console/roles").param("code", "SYS_MADE").param("name", "系统建")
                        .param("englishName", "System made").with(system).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(role("SYS_MADE")).isEmpty();
        assertThat(status).isNotEqualTo(200);
    }

    private MockHttpServletRequestBuilder create(String code, String name, String englishName) {
        return post("/console/roles").param("code", code).param("name", name).param("englishName", englishName)
                .with(security).with(csrf());
    }

    private Optional<Role> role(String code) {
        return directory.roles().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    private long audited(String action, String detail, String result) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = ? AND detail LIKE ? AND result = ?")
                .params(action, detail, result).query(Long.class).single();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(security)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
