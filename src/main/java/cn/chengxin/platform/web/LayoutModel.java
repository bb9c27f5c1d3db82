package cn.chengxin.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import cn.chengxin.demo.DemoData;
import cn.chengxin.demo.DemoDataset;
import cn.chengxin.shared.City;
import cn.chengxin.shared.web.PageViews;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What every page's layout shows: the city, the signed-in user and what they may open, and, when the database holds
 * a generated population, the notice that the data is synthetic (no fake data shown as real). Added to the model of
 * pages only, once the handler has chosen its view: API answers and redirects have no layout, and computing it for
 * every API call was a measurable share of its cost (issue #5).
 */
@Component
class LayoutModel implements HandlerInterceptor, ErrorPageLayout {

    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final City city;
    private final DemoData demoData;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    LayoutModel(City city, DemoData demoData) {
        this.city = city;
        this.demoData = demoData;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (!PageViews.rendersPage(page)) {
            return;
        }
        fill(request, page.getModel(), request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null);
    }

    /** The error may be the database's: the demo notice is then left out, not the page. */
    @Override
    public void fill(HttpServletRequest request, Map<String, Object> model) {
        fill(request, model, true);
    }

    private void fill(HttpServletRequest request, Map<String, Object> model, boolean errorPage) {
        model.putIfAbsent("city", city);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // The signed-in user's name for the console and self-service headers (null on public pages).
        model.putIfAbsent("currentUser", request.getUserPrincipal() == null ? null
                : request.getUserPrincipal().getName());
        // The signed-in user's authorities, so that the console menu shows only what they may open.
        Set<String> granted = new HashSet<>();
        if (authentication != null) {
            authentication.getAuthorities().forEach(a -> granted.add(a.getAuthority()));
        }
        model.putIfAbsent("granted", granted);
        model.putIfAbsent("demoDataset", errorPage ? demoDatasetIfReadable() : demoDataset());
        // The public navigation marks the section shown (gaps review xxxv O11): "page" on the section's own page,
        // "true" on a page within it (a case, a tab of 信用公示).
        String path = shownPath(request);
        String section = publicSection(path);
        model.putIfAbsent("publicSection", section);
        model.putIfAbsent("publicSectionCurrent", section == null ? null
                : path.equals(section) ? "page" : "true");
        // On English pages, what is shown as recorded (names, items, decisions, notice bodies) is Chinese: marked so,
        // that a screen reader reads it with a Chinese voice (gaps review xxxv O10, WCAG 3.1.2). Null on Chinese pages.
        model.putIfAbsent("recordedLang",
                "zh".equals(RequestContextUtils.getLocale(request).getLanguage()) ? null : "zh-CN");
        // 关怀模式 (O8): larger type and higher contrast on the public and self-service pages, chosen by the person.
        // The error and expired pages keep the layout of the surface they were met on (gaps review xlv Z8): the
        // console's under /console, else the public site's with 关怀模式.
        boolean console = path.equals("/console") || path.startsWith("/console/");
        model.putIfAbsent("consoleSurface", console);
        model.putIfAbsent("careMode", !console && CareMode.on(request));
    }

    /**
     * The path the person asked for: on the container's error dispatch (Spring Boot's {@code /error}) the address
     * that failed, not {@code /error}.
     */
    private static String shownPath(HttpServletRequest request) {
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed ? failed
                : request.getRequestURI();
        return uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
    }

    /** {@code ?care=on|off} switches 关怀模式 and a cookie remembers it, as {@code ?lang=} does the language. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        CareMode.switchIfAsked(request, response);
        return true;
    }

    /** The public navigation's entry a path belongs to (its own path), or null: /disclosures is one of 信用公示's tabs. */
    static String publicSection(String path) {
        if (path.equals("/")) {
            return "/";
        }
        for (String[] section : SECTIONS) {
            for (String prefix : section) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return section[0];
                }
            }
        }
        return null;
    }

    private static final String[][] SECTIONS = {
            {"/lists", "/disclosures", "/licences", "/honours"}, {"/cases"}, {"/policies"}, {"/verify"},
            {"/tipoffs"}, {"/catalog"}};

    private DemoDataset demoDatasetIfReadable() {
        try {
            return demoDataset();
        } catch (DataAccessException unreadable) {
            return null; // the error page says what failed; the notice waits for the database
        }
    }

    private DemoDataset demoDataset() {
        Cached current = cached.get();
        if (current == null || current.at().plus(REFRESH).isBefore(Instant.now())) {
            current = new Cached(demoData.dataset(), Instant.now());
            cached.set(current);
        }
        return current.dataset().orElse(null);
    }

    private record Cached(Optional<DemoDataset> dataset, Instant at) {
    }
}
