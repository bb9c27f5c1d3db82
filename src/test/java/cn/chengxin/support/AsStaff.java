package cn.chengxin.support;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs a facade call as a named staff member, as the console would (maker-checker tests need two people). */
public final class AsStaff {

    private AsStaff() {
    }

    public static <T> T as(String name, Callable<T> action) throws Exception {
        return as(new UsernamePasswordAuthenticationToken(name, "n/a", List.of(new SimpleGrantedAuthority("STAFF"))),
                action);
    }

    /** As a signed-in staff member ({@link Principals}), whose id the maker-checker rules compare. */
    public static <T> T as(Authentication who, Callable<T> action) throws Exception {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(who);
        SecurityContextHolder.setContext(context);
        try {
            return action.call();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
