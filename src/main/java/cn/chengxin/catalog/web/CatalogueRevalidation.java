package cn.chengxin.catalog.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The public catalogue's documents for departments' systems — the items ({@code /api/v1/catalog/items}), an item's
 * {@code schema.json} and {@code template.csv} — carry an {@code ETag} (a digest of the body), and a request whose
 * {@code If-None-Match} names it is answered 304 without the body (gaps review xxxvii-api R4): a system polling for a
 * catalogue change fetches the body only when it changed. The tag is of the body as answered, not of the version
 * number, so that anything changing the answer (a coming version, a withdrawal, a release changing the template's
 * columns) changes it. {@code Cache-Control: no-cache}: a cache may keep the answer but asks each time (the
 * catalogue changes when a second person approves, not on a schedule), instead of the {@code no-store} the site's
 * other answers carry.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueRevalidation {


    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> catalogueEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new Tagging());
        registration.addUrlPatterns("/api/v1/catalog/items", "/api/v1/catalog/items/*");
        // Around the security filters, whose cache headers then see this one's and leave it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static final class Tagging extends ShallowEtagHeaderFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                response.setHeader("Cache-Control", "no-cache");
            }
            super.doFilterInternal(request, response, chain);
        }
    }
}
