package cn.chengxin.account.web;

import cn.chengxin.account.DevSmsGateway;
import cn.chengxin.shared.security.PublicEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Development only: the text messages the platform would have sent (there is no such page in production). */
@Controller
@ConditionalOnProperty(name = "chengxin.sms.gateway", havingValue = "dev")
@PublicEndpoint
class DevSmsPage {

    private final DevSmsGateway gateway;

    DevSmsPage(DevSmsGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/dev/sms")
    String messages(Model model) {
        model.addAttribute("messages", gateway.recent());
        return "dev/sms";
    }
}
