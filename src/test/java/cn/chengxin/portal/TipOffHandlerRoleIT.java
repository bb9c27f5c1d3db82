package cn.chengxin.portal;

import java.util.EnumSet;
import java.util.Set;

import cn.chengxin.account.Department;
import cn.chengxin.account.Role;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.account.StaffUser;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding I7 of gaps review xxvii (RULES.md §10: least privilege): a tip-off is an unverified allegation against a
 * named person. The base 信用办 role no longer reads them; 举报受理员 (TIPOFF_HANDLER), a credit-office role the
 * security administrator grants, does. Each user holds what the roles grant after the migrations.
 */
@IntegrationTest
class TipOffHandlerRoleIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Test
    void aBaseClerkIsRefusedTheTipOffConsoleAndTheHandlerIsNot() throws Exception {
        mvc.perform(get("/console/tipoffs").with(authentication(member("tip-clerk", "CREDIT_OFFICE"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/tipoffs").with(authentication(member("tip-handler", "CREDIT_OFFICE",
                "TIPOFF_HANDLER")))).andExpect(status().isOk());

        assertThat(role("CREDIT_OFFICE").permissions()).doesNotContain(Permission.TIPOFF_HANDLE);
        assertThat(role("TIPOFF_HANDLER").permissions()).containsExactlyInAnyOrder(Permission.CONSOLE_HOME,
                Permission.TIPOFF_HANDLE);
        assertThat(role("TIPOFF_HANDLER").name()).isEqualTo("举报受理员");
    }

    /** The demo data gives the role to one clerk, not to the second person of the office. */
    @Test
    void theDemoClerkHandlesTipOffsTheDemoReviewerDoesNot() {
        assertThat(user("clerk").roleNames()).contains("举报受理员");
        assertThat(user("reviewer").roleNames()).doesNotContain("举报受理员");
    }

    private UsernamePasswordAuthenticationToken member(String username, String... roles) {
        Department office = directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE"))
                .findFirst().orElseThrow();
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String code : roles) {
            permissions.addAll(role(code).permissions());
        }
        return Principals.member(username, office, permissions.toArray(Permission[]::new));
    }

    private Role role(String code) {
        return directory.roles().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    private StaffUser user(String username) {
        return directory.users().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }
}
