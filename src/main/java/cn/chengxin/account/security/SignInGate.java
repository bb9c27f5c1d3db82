package cn.chengxin.account.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import cn.chengxin.account.SignInGuard;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.ratelimit.LimitCounters;
import cn.chengxin.shared.ratelimit.PerAddressLimit;
import cn.chengxin.shared.web.HtmlClients;
import cn.chengxin.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in form's per-address guards, before the password step. First its limit (RULES.md §10, GB/T 22239-2019 8.1.4.1 b: 限制非法登录次数): the lockout counts
 * per account, so without this one client could try one password against any number of identity numbers, phones or
 * staff names, and keep the server's cores busy with password hashes. Taken before the password step, so that a
 * client over its limit costs no hash and learns nothing: it reads the sign-in page again, 429 with
 * {@code Retry-After} and how long to wait in the reader's language; a program (no HTML in its Accept) reads
 * problem+json {@value #CODE}. Then, once the address has failed sign-ins ({@link SignInGuard}), the question: a form
 * without its right answer is refused as {@code ?challengeFailed}, again without any hash, and one with it is marked
 * ({@link SignInDetails}) so that a locked account checks its password.
 */
final class SignInGate extends OncePerRequestFilter {

    static final String CODE = "LOGIN_RATE_LIMITED";
    /** The request attribute the sign-in page reads: whole seconds to wait. */
    static final String WAIT = "signInWait";
    private static final String SOLVED = SignInGate.class.getName() + ".solved";

    private final String loginPage;
    private final PerAddressLimit limit;
    private final Clock clock;
    private final SignInGuard guard;

    SignInGate(String loginPage, LimitCounters counters, long perMinute, Clock clock, SignInGuard guard) {
        this.loginPage = loginPage;
        this.guard = guard;
        this.limit = new PerAddressLimit(counters, perMinute, CODE, "登录尝试过于频繁");
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + loginPage);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            limit.take(request.getRemoteAddr(), clock.instant());
        } catch (CodedProblem refused) {
            refuse(request, response, refused);
            return;
        }
        if (guard.challengeNeeded(request.getRemoteAddr())) {
            if (!guard.solved(request.getParameter("challengeToken"), request.getParameter("challengeAnswer"))) {
                guard.failed(request.getRemoteAddr());
                TypedUsername.keep(request);
                response.sendRedirect(request.getContextPath() + loginPage + "?challengeFailed");
                return;
            }
            request.setAttribute(SOLVED, Boolean.TRUE);
        }
        chain.doFilter(request, response);
    }

    /**
     * What the password step learns of the form besides the name and password. Kept with the signed-in token in the
     * session, which the database stores serialized.
     */
    record SignInDetails(boolean challengeSolved) implements java.io.Serializable {
    }

    /** The form login's details: whether this request answered the question here. */
    static SignInDetails details(HttpServletRequest request) {
        return new SignInDetails(Boolean.TRUE.equals(request.getAttribute(SOLVED)));
    }

    static boolean challengeSolved(Authentication authentication) {
        return authentication.getDetails() instanceof SignInDetails details && details.challengeSolved();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, CodedProblem refused)
            throws ServletException, IOException {
        long seconds = Math.max(1, refused.retryAfter().orElse(Duration.ofMinutes(1)).toSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (!HtmlClients.wantPage(request)) {
            Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, CODE, refused.getMessage());
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        request.setAttribute(WAIT, seconds);
        // The sign-in page itself, as its GET shows it, with the refusal: the form is there to try again later.
        request.getRequestDispatcher(loginPage).forward(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        }, response);
    }
}
