package cn.chengxin.portal.web;

import cn.chengxin.shared.security.PublicEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 个人信息保护 (personal-information processing rules, gaps review xxxi M6): what PIPL Art. 17, 30, 31, 50 and 52 ask a
 * processor to tell before it collects. The processor, its contact and the person in charge are configured
 * ({@code chengxin.privacy.*}); the providers and retention periods are read from the settings that govern them, so
 * that the page says what the platform does, not what someone once wrote.
 */
@PublicEndpoint
@Controller
class PrivacyNotice {

    private final Settings settings;

    PrivacyNotice(@Value("${chengxin.privacy.processor:}") String processor,
                  @Value("${chengxin.privacy.contact:}") String contact,
                  @Value("${chengxin.privacy.person-in-charge:}") String personInCharge,
                  @Value("${chengxin.realname.verifier:none}") String realNameProvider,
                  @Value("${chengxin.sms.gateway:none}") String smsProvider,
                  @Value("${chengxin.audit.retention.security:400d}") String securityLogRetention,
                  @Value("${chengxin.audit.retention.query:3660d}") String queryLogRetention,
                  @Value("${chengxin.tipoff.retention:P3Y}") String tipOffRetention,
                  @Value("${chengxin.objection.evidence-retention:P3Y}") String evidenceRetention,
                  @Value("${chengxin.repair.materials-retention:P3Y}") String repairMaterialsRetention,
                  @Value("${chengxin.inquiry.report-retention:P6M}") String reportRetention) {
        this.settings = new Settings(processor.trim(), contact.trim(), personInCharge.trim(),
                realNameProvider.trim(), smsProvider.trim(), securityLogRetention, queryLogRetention, tipOffRetention,
                new Attachments(evidenceRetention, repairMaterialsRetention, reportRetention));
    }

    @GetMapping("/privacy")
    String page(Model model) {
        model.addAttribute("privacy", settings);
        return "portal/privacy";
    }

    /** Blank texts are shown as "ask the credit office's window" by the page. */
    record Settings(String processor, String contact, String personInCharge, String realNameProvider,
                    String smsProvider, String securityLogRetention, String queryLogRetention,
                    String tipOffRetention, Attachments attachments) {
    }

    /** What people hand in and the reports issued about them: kept so long after the case or the validity ends (M4). */
    record Attachments(String evidenceRetention, String repairMaterialsRetention, String reportRetention) {
    }
}
