package cn.chengxin.account;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #3, RULES.md §10 (least privilege): a role holding the credit office's work across departments (reviewing
 * lists, keeping the catalogue, deciding repairs, …) is given only to the credit office's users; a department's role to
 * anyone. Grants made before the check are listed for the security administrator, never revoked silently.
 */
@IntegrationTest
class RoleGrantReachIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Autowired
    JdbcClient jdbc;

    private final RequestPostProcessor security = authentication(Principals.staff("reach-admin", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_ROLE_MANAGE));

    @Test
    void aCreditOfficeRoleIsRefusedToADepartmentsUserAndGrantedToTheCreditOffices() throws Exception {
        UUID bureauUser = user(bureau().id());
        UUID officeUser = user(department("CREDIT_OFFICE"));

        MvcResult refused = grant(bureauUser, role("CREDIT_OFFICE"));
        assertThat(refused.getFlashMap().get("failureCode")).isEqualTo("ROLE_NOT_FOR_DEPARTMENT_KIND");
        assertThat(rolesOf(bureauUser)).isEmpty();
        assertThat(page(refused, "zh")).contains("ROLE_NOT_FOR_DEPARTMENT_KIND", "只能授予信用办的用户");
        assertThat(page(grant(bureauUser, role("CREDIT_OFFICE")), "en"))
                .contains("may be granted only to users of the credit office");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.user.roles' AND result = "
                + "'DENIED' AND detail LIKE ?").param("reason=ROLE_NOT_FOR_DEPARTMENT_KIND; user=%; kind=#console.departments.kind.DATA_PROVIDER; "
                        + "role=CREDIT_OFFICE").query(Long.class).single())
                .isPositive();

        grant(bureauUser, role("DEPT_OPERATOR"));
        assertThat(rolesOf(bureauUser)).containsExactly(role("DEPT_OPERATOR"));
        MvcResult granted = grant(officeUser, role("CREDIT_OFFICE"));
        assertThat(granted.getFlashMap().get("successKey")).isEqualTo("console.saved");
        assertThat(rolesOf(officeUser)).containsExactly(role("CREDIT_OFFICE"));
    }

    @Test
    void theRolesPageSaysWhomEachRoleIsForAndListsGrantsMadeBeforeTheCheck() throws Exception {
        Department bureau = bureau();
        UUID bureauUser = user(bureau.id());
        String username = directory.users().stream().filter(u -> u.id().equals(bureauUser)).findFirst().orElseThrow()
                .username();
        Role reviewer = directory.createRole("REACH_" + System.nanoTime() % 1_000_000, "跨部门审核", "Cross review",
                Set.of(Permission.CONSOLE_HOME, Permission.LIST_REVIEW));
        // As a grant made before the rule was checked.
        jdbc.sql("INSERT INTO account.staff_user_role (user_id, role_id) VALUES (?, ?)").params(bureauUser,
                reviewer.id()).update();
        try {
            String page = mvc.perform(get("/console/roles").with(security)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            String misplaced = page.substring(page.indexOf("id=\"misplaced-grants\""));
            misplaced = misplaced.substring(0, misplaced.indexOf("</section>"));
            assertThat(misplaced).contains("data-misplaced=\"" + username + "\"", bureau.name(), "跨部门审核");
            assertThat(section(page, "data-role=\"CREDIT_OFFICE\"")).contains("可授予", "信用办")
                    .doesNotContain("数据提供单位");
            assertThat(section(page, "data-role=\"DEPT_OPERATOR\"")).contains("信用办", "数据提供单位", "联合奖惩实施单位");
            assertThat(rolesOf(bureauUser)).as("listed, not revoked").contains(reviewer.id());
        } finally {
            jdbc.sql("DELETE FROM account.staff_user_role WHERE user_id = ?").param(bureauUser).update();
        }
    }

    @Test
    void aRoleHeldInADepartmentDoesNotTakeOnTheCreditOfficesWork() throws Exception {
        UUID bureauUser = user(bureau().id());
        Role narrow = directory.createRole("NARROW_" + System.nanoTime() % 1_000_000, "部门查阅", "Department reader",
                Set.of(Permission.CONSOLE_HOME, Permission.SUBJECT_READ));
        grant(bureauUser, narrow.id());
        assertThat(rolesOf(bureauUser)).containsExactly(narrow.id());

        MvcResult refused = mvc.perform(post("/console/roles/" + narrow.id() + "/permissions")
                        .param("permission", "console:home", "subject:read", "list:review").with(security).with(csrf()))
                .andReturn();
        assertThat(refused.getFlashMap().get("failureCode")).isEqualTo("ROLE_HELD_OUTSIDE_CREDIT_OFFICE");
        assertThat(directory.roles().stream().filter(r -> r.id().equals(narrow.id())).findFirst().orElseThrow()
                .permissions()).doesNotContain(Permission.LIST_REVIEW);
    }

    private MvcResult grant(UUID user, UUID role) throws Exception {
        return mvc.perform(post("/console/users/" + user + "/roles").param("role", role.toString()).with(security)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
    }

    /** The roles page the refusal redirected to, in the same session, which holds the flash. */
    private String page(MvcResult redirect, String lang) throws Exception {
        var next = get("/console/roles").param("lang", lang)
                .session((MockHttpSession) redirect.getRequest().getSession()).with(security);
        // Spring Session keeps the session in the database, named by its cookie.
        java.util.Optional.ofNullable(redirect.getResponse().getCookie("JSESSIONID")).ifPresent(next::cookie);
        return mvc.perform(next)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String section(String page, String marker) {
        String rest = page.substring(page.indexOf(marker));
        return rest.substring(0, rest.indexOf("</section>"));
    }

    private Department bureau() {
        String code = "REACH-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        return directory.createDepartment(code, "授权范围测试局", Department.Kind.DATA_PROVIDER, List.of());
    }

    private UUID department(String code) {
        return directory.departments().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow().id();
    }

    private UUID user(UUID department) {
        String username = "reach" + Long.toString(System.nanoTime() % 10_000_000, 36);
        return directory.createUserWithSettledPassword(username, "授权测试", department, "Test-Passw0rd-2026");
    }

    private UUID role(String code) {
        return directory.roles().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow().id();
    }

    private List<UUID> rolesOf(UUID user) {
        return jdbc.sql("SELECT role_id FROM account.staff_user_role WHERE user_id = ?").param(user).query(UUID.class)
                .list();
    }
}
