package cn.chengxin.catalog.web;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.catalog.Catalogue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public catalogue's documents for departments' systems — the items ({@code /api/v1/catalog/items}), an item's
 * {@code schema.json}, {@code template.csv} and {@code template.xlsx} — carry an {@code ETag} (a digest of the body;
 * of the titles for the workbook, whose bytes carry the time it was written),
 * and a request whose {@code If-None-Match} names it is answered 304 without the body (gaps review xxxvii-api R4): a
 * system polling for a catalogue change fetches the body only when it changed. The tag is of the body as answered, not
 * of the version number, so that anything changing the answer (a coming version, a withdrawal, a release changing the
 * template's columns) changes it. {@code Cache-Control: no-cache}: a cache may keep the answer but asks each time (the
 * catalogue changes when a second person approves, not on a schedule), instead of the {@code no-store} the site's
 * other answers carry.
 * <p>
 * They also carry {@code Last-Modified}, for clients and caches that revalidate by date (session xl): the time of the
 * latest change that shaped the body ({@link Catalogue#lastChanged}: an approval, a version put in force, a
 * cancellation proposed, sent back or approved), or the release's build time when that is later (a release may
 * change the columns). {@code If-Modified-Since} at or after it is answered 304, but only without
 * {@code If-None-Match}, which takes precedence (RFC 9110 §13.2.2); the body is still made, so that the 304 carries
 * the {@code ETag} a 200 would.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueRevalidation {

    /** The documents of one item; the code is the first group. */
    private static final Pattern ITEM_DOCUMENT =
            Pattern.compile("/api/v1/catalog/items/([^/]+)/(?:schema\\.json|template\\.csv|template\\.xlsx)");
    private static final String ITEMS = "/api/v1/catalog/items";

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> catalogueEtags(Catalogue catalogue,
                                                                   ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        Instant release = properties != null && properties.getTime() != null ? properties.getTime() : Instant.now();
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new Tagging(catalogue, release));
        registration.addUrlPatterns(ITEMS, ITEMS + "/*");
        // Around the security filters, whose cache headers then see this one's and leave it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static final class Tagging extends ShallowEtagHeaderFilter {

        private final Catalogue catalogue;
        private final Instant release;

        Tagging(Catalogue catalogue, Instant release) {
            this.catalogue = catalogue;
            this.release = release;
        }

        /**
         * The body is held, then tagged and dated; the tag and the date are checked as RFC 9110 §13.2.2 orders
         * ({@link ServletWebRequest#checkNotModified(String, long)}: If-None-Match first, If-Modified-Since only
         * without it). Both headers are set after the controller has answered, so that Spring MVC's own check of a
         * {@code ResponseEntity} sees neither and leaves the decision here.
         */
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, held);
            if (held.getStatus() / 100 == 2) {
                // A controller's own tag is kept (a workbook's bytes differ on every download: TemplatesApi).
                String tag = response.getHeader(HttpHeaders.ETAG) != null ? response.getHeader(HttpHeaders.ETAG)
                        : generateETagHeaderValue(held.getContentInputStream(), false);
                response.setHeader(HttpHeaders.ETAG, tag);
                long changed = lastModified(request).map(c -> c.getEpochSecond() * 1000).orElse(-1L);
                if (changed >= 0) {
                    response.setDateHeader(HttpHeaders.LAST_MODIFIED, changed);
                }
                if (new ServletWebRequest(request, response).checkNotModified(tag, changed)) {
                    return;
                }
            }
            held.copyBodyToResponse();
        }

        /** The latest change shaping the document asked for; empty for a path or version that answers no document. */
        private Optional<Instant> lastModified(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            Optional<Instant> changed;
            if (ITEMS.equals(path)) {
                changed = catalogue.lastChanged();
            } else {
                Matcher item = ITEM_DOCUMENT.matcher(path);
                String version = request.getParameter("version");
                if (!item.matches() || version != null && !version.matches("\\d{1,9}")) {
                    return Optional.empty();
                }
                changed = catalogue.lastChanged(item.group(1), version == null ? null : Integer.valueOf(version));
            }
            return changed.map(c -> c.isAfter(release) ? c : release);
        }
    }
}
