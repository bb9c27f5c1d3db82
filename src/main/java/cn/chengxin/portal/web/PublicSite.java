package cn.chengxin.portal.web;

import java.time.Clock;

import cn.chengxin.portal.ContentPublishing;
import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.shared.ratelimit.LimitCounters;
import cn.chengxin.shared.ratelimit.PerAddressLimit;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.subject.RegistryFigures;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 信用<city>: the public site. */
@PublicEndpoint
@Controller
class PublicSite {

    private final RegistryFigures figures;
    private final ContentPublishing content;
    private final Clock clock;
    private final PerAddressLimit limit;
    private final java.util.List<PolicyDocument> policies;

    PublicSite(RegistryFigures figures, ContentPublishing content, Clock clock, LimitCounters counters,
               @Value("${chengxin.portal.home-pages-per-minute:120}") long perMinute, cn.chengxin.shared.City city) {
        this.policies = PolicyDocument.of(city);
        this.figures = figures;
        this.content = content;
        this.clock = clock;
        this.limit = new PerAddressLimit(counters, perMinute, "HOME_RATE_LIMITED", "访问过于频繁");
    }

    /**
     * The registry's figures as last folded (gaps-review-xxxv P1: never a scan of the registry per view). The page
     * counts against a per-address limit as the public lists and disclosures do (P1, session xxxvi): a crawler or a
     * {@code curl} loop gets 429 after {@code chengxin.portal.home-pages-per-minute} views in a minute (120 by default:
     * a visitor opens it a few times, an office behind one address some dozens).
     */
    @GetMapping("/")
    String home(Model model, HttpServletRequest request) {
        limit.take(request.getRemoteAddr(), clock.instant());
        model.addAttribute("figures", figures.kept().orElse(null));
        return "portal/home";
    }

    /**
     * 政策法规: the national documents the platform rests on and the city's own plan ({@link PolicyDocument#of}), and the latest policy articles the credit office
     * published in the console, which a reader looks for here rather than among the cases.
     */
    @GetMapping("/policies")
    String policies(Model model) {
        model.addAttribute("policies", policies);
        model.addAttribute("articles", content.published(ArticleKind.POLICY, "", 0));
        return "portal/policies";
    }
}
