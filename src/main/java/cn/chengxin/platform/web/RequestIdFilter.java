package cn.chengxin.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import cn.chengxin.shared.privacy.IdentityRedaction;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} if it is a plain token, else a new one),
 * puts it in the logging context and the response, so a log line, an audit event and a department's own
 * log can be matched up. A caller's id that could hold an identity number is replaced too: the audit event keeps
 * the id unmasked, sealed in the tree, for years (RULES.md §10: no clear number is stored).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // inside the deferred answers' filter (WebConfiguration)
class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Pattern SEPARATORS = Pattern.compile("[._-]");

    /**
     * A random (version 4) UUID from a per-thread generator: the id only correlates log lines and is never a
     * secret, so it need not come from the shared SecureRandom every request would otherwise queue for.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /**
     * Whether masking would change the id, written as it is or without its separators ("110105.19491231.002X"): a
     * department's own ids rarely hold such a run, and one that does is simply given a fresh id.
     */
    static boolean mayHoldIdentityNumber(String id) {
        String joined = SEPARATORS.matcher(id).replaceAll("");
        return !IdentityRedaction.redact(id).equals(id) || !IdentityRedaction.redact(joined).equals(joined);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && ACCEPTABLE.matcher(given).matches() && !mayHoldIdentityNumber(given) ? given
                : newId();
        MDC.put("requestId", id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }
}
