package cn.chengxin.account.security;

import java.util.List;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An endpoint naming several permissions lets through whoever holds any one of them, and no one else. */
class PermissionInterceptorTests {

    private final PermissionInterceptor interceptor = new PermissionInterceptor();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anyOneOfTheNamedPermissionsLetsThrough() throws Exception {
        signIn("measure:approve");
        assertThat(call("rulesPage")).isTrue();
        signIn("measure:edit");
        assertThat(call("rulesPage")).isTrue();
    }

    @Test
    void holdingNoneOfThemIsRefused() {
        signIn("measure:cases");
        assertThatThrownBy(() -> call("rulesPage")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("measure:edit or measure:approve");
    }

    @Test
    void aSinglePermissionIsRequiredAsBefore() throws Exception {
        signIn("measure:approve");
        assertThatThrownBy(() -> call("saveRule")).isInstanceOf(AccessDeniedException.class);
        signIn("measure:edit");
        assertThat(call("saveRule")).isTrue();
    }

    private boolean call(String endpoint) throws Exception {
        HandlerMethod handler = new HandlerMethod(new RulesPages(), RulesPages.class.getDeclaredMethod(endpoint));
        return interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), handler);
    }

    private static void signIn(String permission) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "office-staff", null, List.of(new SimpleGrantedAuthority("STAFF"),
                        new SimpleGrantedAuthority(permission))));
    }

    static class RulesPages {

        @RequiresPermission({Permission.MEASURE_EDIT, Permission.MEASURE_APPROVE})
        void rulesPage() {
        }

        @RequiresPermission(Permission.MEASURE_EDIT)
        void saveRule() {
        }
    }
}
