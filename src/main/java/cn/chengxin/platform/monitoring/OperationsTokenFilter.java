package cn.chengxin.platform.monitoring;

import java.io.IOException;
import java.util.List;

import cn.chengxin.shared.web.BearerToken;
import cn.chengxin.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <operations token>} on the actuator: the caller gets the operations role. Any other
 * bearer (an API key included) is answered 401 MONITORING_TOKEN_INVALID at once; no header: anonymous, who reads the
 * health status only.
 */
class OperationsTokenFilter extends OncePerRequestFilter {

    private final OperationsToken token;

    OperationsTokenFilter(OperationsToken token) {
        this.token = token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BearerToken presented = BearerToken.of(request);
        if (presented.absent()) {
            chain.doFilter(request, response);
            return;
        }
        if (!presented.bearer() || !token.matches(presented.token())) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "MONITORING_TOKEN_INVALID", "运维监控令牌无效");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "operations", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + MonitoringSecurityConfiguration.OPERATIONS))));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
