package cn.chengxin.account.security;

import cn.chengxin.shared.web.HtmlClients;
import cn.chengxin.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * How the console and the self-service refuse a program (a client asking for JSON, {@link HtmlClients}): as the API
 * does, problem+json with the API's codes ({@code UNAUTHENTICATED}, {@code FORBIDDEN}), never the sign-in redirect, the
 * 403 page or the framework's own JSON error, which has no code (ARCHITECTURE.md: every API error has one). Browsers
 * keep their pages.
 */
final class ProgramRefusals {

    private ProgramRefusals() {
    }

    /** Not signed in: a browser is sent to {@code loginPage}, a program gets 401. */
    static AuthenticationEntryPoint signIn(String loginPage) {
        LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint(loginPage);
        return (request, response, exception) -> {
            if (HtmlClients.wantPage(request)) {
                page.commence(request, response, exception);
            } else {
                Problems.write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "需要先登录");
            }
        };
    }

    /** Signed in but refused (or a form without its token): a browser gets {@code page}'s answer, a program 403. */
    static AccessDeniedHandler forbidden(AccessDeniedHandler page) {
        return (request, response, denied) -> {
            if (HtmlClients.wantPage(request)) {
                page.handle(request, response, denied);
            } else {
                Problems.write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "无权访问该页面");
            }
        };
    }
}
