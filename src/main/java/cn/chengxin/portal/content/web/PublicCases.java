package cn.chengxin.portal.content.web;

import java.util.UUID;

import cn.chengxin.portal.ContentPublishing;
import cn.chengxin.portal.PublicInput;
import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.shared.security.PublicEndpoint;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** 典型案例 on the public site: published cases and articles, by kind, searchable by title. */
@PublicEndpoint
@Controller
class PublicCases {

    private final ContentPublishing content;

    PublicCases(ContentPublishing content) {
        this.content = content;
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) ArticleKind kind, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        String typed = PublicInput.clean(q);
        String query = typed.length() > 100 ? typed.substring(0, 100) : typed;
        model.addAttribute("kinds", ArticleKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("q", query);
        model.addAttribute("result", content.published(kind, query, page));
        return "portal/cases";
    }

    @GetMapping("/cases/{id}")
    String article(@PathVariable UUID id, Model model) {
        model.addAttribute("article", content.published(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "portal/case";
    }
}
