package cn.chengxin.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether a refused request should get a page or a problem+json: a browser gets the site's page (sign-in, the 403
 * page), a program asking for JSON gets RFC 9457 with a stable {@code code}, as every API error does (ARCHITECTURE.md,
 * cross-cutting rules). Read only when a request is refused, so parsed with the framework rather than in place as
 * {@link AcceptHeader} does on the hot path.
 */
public final class HtmlClients {

    private HtmlClients() {
    }

    /**
     * A page unless the client wants none: no {@code Accept} (or an unreadable one), one naming HTML, or only wildcards
     * get a page, as before; a client that names JSON and reaches HTML only through a wildcard
     * ({@code application/json, text/plain, *}{@code /*}), or that accepts no HTML at all, gets problem+json.
     */
    public static boolean wantPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            return true;
        }
        List<MediaType> accepted = types.stream().filter(t -> t.getQualityValue() > 0).toList();
        if (accepted.stream().anyMatch(t -> !t.isWildcardType() && !t.isWildcardSubtype()
                && (MediaType.TEXT_HTML.equalsTypeAndSubtype(t)
                || MediaType.APPLICATION_XHTML_XML.equalsTypeAndSubtype(t)))) {
            return true;
        }
        if (accepted.stream().anyMatch(HtmlClients::isJson)) {
            return false;
        }
        return accepted.stream().anyMatch(t -> t.includes(MediaType.TEXT_HTML));
    }

    private static boolean isJson(MediaType type) {
        return !type.isWildcardType() && !type.isWildcardSubtype()
                && (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type) || "json".equals(type.getSubtypeSuffix()));
    }
}
