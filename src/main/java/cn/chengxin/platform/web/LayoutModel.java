package cn.chengxin.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import cn.chengxin.demo.DemoData;
import cn.chengxin.demo.DemoDataset;
import cn.chengxin.shared.City;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout shows: the city and, when the database holds a generated population, the
 * notice that the data is synthetic (no fake data shown as real).
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final City city;
    private final DemoData demoData;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    LayoutModel(City city, DemoData demoData) {
        this.city = city;
        this.demoData = demoData;
    }

    @ModelAttribute("city")
    City city() {
        return city;
    }

    /** The signed-in user's name for the console and self-service headers ({@code null} on public pages). */
    @ModelAttribute("currentUser")
    String currentUser(java.security.Principal principal) {
        return principal == null ? null : principal.getName();
    }

    /** The signed-in user's authorities, so that the console menu shows only what they may open. */
    @ModelAttribute("granted")
    java.util.Set<String> granted() {
        org.springframework.security.core.Authentication authentication =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return java.util.Set.of();
        }
        java.util.Set<String> codes = new java.util.HashSet<>();
        authentication.getAuthorities().forEach(a -> codes.add(a.getAuthority()));
        return codes;
    }

    @ModelAttribute("demoDataset")
    DemoDataset demoDataset() {
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
