package cn.chengxin.portal.web;

import cn.chengxin.portal.ContentPublishing;
import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.subject.RegistryFigures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 信用<city>: the public site. */
@PublicEndpoint
@Controller
class PublicSite {

    private final RegistryFigures figures;
    private final ContentPublishing content;

    PublicSite(RegistryFigures figures, ContentPublishing content) {
        this.figures = figures;
        this.content = content;
    }

    /** The registry's figures as last counted (gaps-review-xxxv P1: never a scan of the registry per view). */
    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("figures", figures.kept().orElse(null));
        return "portal/home";
    }

    /**
     * 政策法规: the national documents the platform rests on, and the latest policy articles the credit office
     * published in the console, which a reader looks for here rather than among the cases.
     */
    @GetMapping("/policies")
    String policies(Model model) {
        model.addAttribute("policies", PolicyDocument.ALL);
        model.addAttribute("articles", content.published(ArticleKind.POLICY, "", 0));
        return "portal/policies";
    }
}
