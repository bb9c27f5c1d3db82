package cn.chengxin.portal.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 个人中心: the citizen's own pages. */
@Controller
class SelfService {

    @GetMapping("/me")
    String home(Principal principal, Model model) {
        model.addAttribute("username", principal.getName());
        return "me/home";
    }
}
