package cn.chengxin.portal.web;

import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 信用<city>: the public site. */
@PublicEndpoint
@Controller
class PublicSite {

    private final SubjectRegistry registry;

    PublicSite(SubjectRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("counts", registry.counts());
        return "portal/home";
    }

    @GetMapping("/policies")
    String policies(Model model) {
        model.addAttribute("policies", PolicyDocument.ALL);
        return "portal/policies";
    }

    /** Sections that later issues fill: report verification. */
    @GetMapping("/{section:verify}")
    String section(@PathVariable String section, Model model) {
        model.addAttribute("section", section);
        return "portal/section";
    }
}
