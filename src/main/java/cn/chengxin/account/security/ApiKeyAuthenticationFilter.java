package cn.chengxin.account.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.chengxin.account.ApiClientPrincipal;
import cn.chengxin.account.ApiClients;
import cn.chengxin.shared.ratelimit.InstanceShare;
import cn.chengxin.shared.ratelimit.TokenBucket;
import cn.chengxin.shared.web.BearerToken;
import cn.chengxin.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <key>} for the API. A presented key that is malformed, unknown or revoked is
 * answered 401 API_KEY_INVALID at once, and one past its expiry 401 API_KEY_EXPIRED (RULES.md §10), not treated as
 * anonymous; a key used from outside the networks it names gets 403 API_KEY_ADDRESS_REFUSED; a client over its rate
 * gets 429 with {@code Retry-After}; a key ending within 30 days is answered {@value #KEY_EXPIRES}. Every answer to a
 * key tells its rate and what is left of it ({@code RateLimit-Policy} and {@code RateLimit},
 * draft-ietf-httpapi-ratelimit-headers-11, policy {@code requests}: gaps review xxxvii R9), from the bucket in memory,
 * without a clock read or a database call. The rate is kept per instance, without a database round trip per request, as
 * this instance's share of it ({@link InstanceShare}: divided by {@code chengxin.cluster.instances},
 * gaps-review-xxxiii N7), so that the instances behind a balancer together allow about the rate the two
 * administrators set.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String API_CLIENT = "API_CLIENT";

    /**
     * On every answer to a key that stops being accepted within 30 days ({@code ApiKeyValidity.WARNING}): the instant
     * it does (ISO-8601, UTC), its expiry or the end of its rotation's overlap. A header of the platform's own rather
     * than {@code Warning} (obsoleted by RFC 9111, dropped by clients and proxies) or {@code Sunset} (RFC 8594: about
     * the resource, not the credential); its presence is the warning.
     */
    static final String KEY_EXPIRES = "Chengxin-Key-Expires";

    /** The key's request rate, and what is left of it (gaps review xxxvii R9). */
    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    static final String RATE_LIMIT = "RateLimit";

    private final ApiClients clients;
    private final Clock clock;
    private final InstanceShare share;
    private final Map<UUID, Rate> buckets = new ConcurrentHashMap<>();

    /** A client's bucket on this instance and its {@code RateLimit-Policy}, written once. */
    private record Rate(TokenBucket bucket, String policy) {

        Rate(long perMinute) {
            this(new TokenBucket(perMinute, perMinute / 60.0), "\"requests\";q=" + perMinute + ";w=60");
        }

        /** What is left ({@code RateLimit}, draft-ietf-httpapi-ratelimit-headers-11). */
        String left() {
            return "\"requests\";r=" + bucket.remaining() + ";t=" + bucket.secondsUntilFull();
        }
    }

    ApiKeyAuthenticationFilter(ApiClients clients, Clock clock, InstanceShare share) {
        this.clients = clients;
        this.clock = clock;
        this.share = share;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BearerToken presented = BearerToken.of(request);
        if (presented.absent()) {
            chain.doFilter(request, response);
            return;
        }
        if (!presented.bearer()) {
            Problems.write(response, HttpStatus.UNAUTHORIZED, "API_KEY_INVALID", "仅支持 Bearer 形式的接口密钥");
            return;
        }
        ApiClients.KeyCheck check = clients.check(presented.token().trim());
        Optional<ApiClientPrincipal> client = check.client();
        if (check.expired()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"expired\"");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "API_KEY_EXPIRED",
                    "接口密钥已过有效期，请联系平台系统管理员签发新密钥");
            return;
        }
        if (check.banned()) {
            // The violation register bans the key's institution from today; the night revokes the key (S7).
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"banned\"");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "API_KEY_INSTITUTION_BANNED",
                    "密钥所属机构在违规机构名单的禁入期内，密钥不再接受");
            return;
        }
        if (client.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "API_KEY_INVALID", "接口密钥无效或已吊销");
            return;
        }
        if (!check.addresses().permits(request.getRemoteAddr())) {
            Problems.write(response, HttpStatus.FORBIDDEN, "API_KEY_ADDRESS_REFUSED",
                    "接口密钥不允许从此地址使用，请从登记的网络访问或联系平台系统管理员");
            return;
        }
        ApiClientPrincipal principal = client.get();
        long own = share.of(principal.ratePerMinute());
        Rate rate = buckets.computeIfAbsent(principal.clientId(), id -> new Rate(own));
        Instant now = clock.instant();
        TokenBucket.Decision decision = rate.bucket().tryTake(now);
        response.setHeader(RATE_LIMIT_POLICY, rate.policy());
        response.setHeader(RATE_LIMIT, rate.left());
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(decision.retryAfter().toSeconds()));
            Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                    "请求过于频繁，请在 " + decision.retryAfter().toSeconds() + " 秒后重试");
            return;
        }
        // Warned ahead of the 401 (gaps review xxxvii-api R7): no query, the instant was read with the key.
        check.endingSoon(now).ifPresent(end -> response.setHeader(KEY_EXPIRES, end.toString()));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(API_CLIENT));
        principal.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.code())));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
