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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page's layout shows: the city, the signed-in user and what they may open, and, when the database holds
 * a generated population, the notice that the data is synthetic (no fake data shown as real). Added to the model of
 * pages only, once the handler has chosen its view: API answers and redirects have no layout, and computing it for
 * every API call was a measurable share of its cost (issue #5).
 */
@Component
class LayoutModel implements HandlerInterceptor {

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
        Map<String, Object> model = page.getModel();
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
        model.putIfAbsent("demoDataset", demoDataset());
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
