package cn.chengxin.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a request's {@code Authorization} header presents, read alike by every filter that takes a bearer token — the
 * API keys' ({@code account}) and the operations token's ({@code platform}) (gaps review xxxiii N8, session xxxv): no
 * header (or a blank one), another scheme than {@code Bearer} (its name matched in any case, RFC 9110 §11.1), or a
 * bearer token as sent after {@code "Bearer "} — left as it came, each filter trims or compares it as it always has
 * (the operations token in constant time).
 */
public record BearerToken(Presented presented, String token) {

    public enum Presented {
        /** No {@code Authorization} header, or a blank one: the caller is anonymous. */
        NONE,
        /** An {@code Authorization} header of another scheme (Basic, …). */
        OTHER_SCHEME,
        /** {@code Authorization: Bearer <token>}. */
        BEARER
    }

    private static final String SCHEME = "Bearer ";

    public static BearerToken of(HttpServletRequest request) {
        return of(request.getHeader("Authorization"));
    }

    public static BearerToken of(String header) {
        if (header == null || header.isBlank()) {
            return new BearerToken(Presented.NONE, null);
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return new BearerToken(Presented.OTHER_SCHEME, null);
        }
        return new BearerToken(Presented.BEARER, header.substring(SCHEME.length()));
    }

    public boolean absent() {
        return presented == Presented.NONE;
    }

    public boolean bearer() {
        return presented == Presented.BEARER;
    }
}
