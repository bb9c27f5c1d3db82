package cn.chengxin.platform.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login pages of the staff console and the citizens' self-service. */
@Controller
class LoginPages {

    @GetMapping("/console/login")
    String consoleLogin() {
        return "console/login";
    }

    @GetMapping("/me/login")
    String selfServiceLogin() {
        return "me/login";
    }
}
