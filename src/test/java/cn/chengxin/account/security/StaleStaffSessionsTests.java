package cn.chengxin.account.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.shared.security.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** A console session from before staff carried their department's kind is ended; a current one is kept. */
class StaleStaffSessionsTests {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPrincipalWithoutItsDepartmentsKindIsSignedOut() throws Exception {
        MockHttpSession session = signedIn(null);

        new StaleStaffSessions().doFilter(request(session), new MockHttpServletResponse(), new MockFilterChain());

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aCurrentPrincipalStaysSignedIn() throws Exception {
        MockHttpSession session = signedIn(Department.Kind.CREDIT_OFFICE);

        new StaleStaffSessions().doFilter(request(session), new MockHttpServletResponse(), new MockFilterChain());

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
        assertThat(session.isInvalid()).isFalse();
    }

    private static MockHttpSession signedIn(Department.Kind kind) {
        StaffPrincipal staff = new StaffPrincipal(UUID.randomUUID(), "clerk", "办事员", UUID.randomUUID(),
                "CREDIT_OFFICE", "市信用办", kind, null, Set.of(Permission.SUBJECT_READ));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(staff,
                null, List.of()));
        return new MockHttpSession();
    }

    private static MockHttpServletRequest request(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/file");
        request.setSession(session);
        return request;
    }
}
