package cn.chengxin.account;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A program asking a console or self-service page for JSON that it may not see is refused as the API refuses:
 * problem+json with a stable code (issue #3), not the framework's JSON error without one, nor a sign-in redirect;
 * a browser still gets the sign-in page and the 403 page.
 */
@IntegrationTest
class ProgramRefusalsIT {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

    @Autowired
    MockMvc mvc;

    @Test
    void aProgramNotSignedInGets401ProblemJson() throws Exception {
        for (String page : List.of("/console", "/console/subjects", "/me", "/me/notices")) {
            mvc.perform(get(page).header("Accept", JSON)).andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                    .andExpect(jsonPath("$.status").value(401));
        }
        mvc.perform(get("/me").header("Accept", "application/json, text/plain, */*"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void aProgramSignedInWithoutTheRightGets403ProblemJson() throws Exception {
        mvc.perform(get("/console/subjects").header("Accept", JSON).with(authentication(staff())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(get("/console").header("Accept", JSON).with(authentication(citizen())))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(get("/me/notices").header("Accept", JSON).with(authentication(staff())))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void aBrowserKeepsTheSignInRedirectAndThe403Page() throws Exception {
        mvc.perform(get("/console/subjects").header("Accept", BROWSER))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/console/login"));
        mvc.perform(get("/me/notices")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/me/login"));
        mvc.perform(get("/console/subjects").header("Accept", BROWSER).with(authentication(staff())))
                .andExpect(status().isForbidden()).andExpect(forwardedUrl("/console/forbidden"));
        mvc.perform(get("/me/notices").header("Accept", BROWSER).with(authentication(staff())))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("\"code\""))));
    }

    /** A staff member who may open the console home and nothing else. */
    private static UsernamePasswordAuthenticationToken staff() {
        EnumSet<Permission> permissions = EnumSet.of(Permission.CONSOLE_HOME);
        StaffPrincipal principal = new StaffPrincipal(UUID.randomUUID(), "program-refusals", "接口测试",
                UUID.randomUUID(), "CREDIT_OFFICE", "信用办", Department.Kind.CREDIT_OFFICE, List.of(), permissions);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(
                new SimpleGrantedAuthority("STAFF"), new SimpleGrantedAuthority(Permission.CONSOLE_HOME.code())));
    }

    private static UsernamePasswordAuthenticationToken citizen() {
        CitizenPrincipal principal = new CitizenPrincipal(UUID.randomUUID(), UUID.randomUUID(), "pseudonym", "程*");
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(
                new SimpleGrantedAuthority("CITIZEN"), new SimpleGrantedAuthority(Permission.SELF_SERVICE.code())));
    }
}
