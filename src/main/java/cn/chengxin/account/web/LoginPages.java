package cn.chengxin.account.web;

import cn.chengxin.shared.security.AuthenticatedEndpoint;
import cn.chengxin.shared.security.PublicEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in pages of the staff console and the citizens' self-service, and the console's refusal page. */
@Controller
class LoginPages {

    @PublicEndpoint
    @GetMapping("/console/login")
    String consoleLogin() {
        return "console/login";
    }

    @PublicEndpoint
    @GetMapping("/me/login")
    String selfServiceLogin() {
        return "me/login";
    }

    /** Any method: security forwards the refused request here as it came, a form's POST included. */
    @AuthenticatedEndpoint("the page that says a permission is missing")
    @RequestMapping("/console/forbidden")
    String forbidden(jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(403);
        return "console/forbidden";
    }
}
