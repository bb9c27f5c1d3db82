package cn.chengxin.account.web;

import cn.chengxin.account.DevSmsGateway;
import cn.chengxin.account.SmsDispatch;
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
    private final SmsDispatch dispatch;

    DevSmsPage(DevSmsGateway gateway, SmsDispatch dispatch) {
        this.gateway = gateway;
        this.dispatch = dispatch;
    }

    @GetMapping("/dev/sms")
    String messages(Model model) {
        // Texts are sent off the request thread: those handed over before this page was asked for are shown.
        dispatch.awaitIdle(java.time.Duration.ofSeconds(5));
        model.addAttribute("messages", gateway.recent());
        return "dev/sms";
    }
}
