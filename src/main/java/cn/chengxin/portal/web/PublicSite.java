package cn.chengxin.portal.web;

import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
}
