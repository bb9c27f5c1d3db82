package cn.chengxin.portal.web;

import java.time.Duration;
import java.time.Period;
import java.util.Locale;

import cn.chengxin.account.RightsRequests;
import cn.chengxin.shared.PeriodWords;
import cn.chengxin.shared.security.PublicEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 个人信息保护 (personal-information processing rules, gaps review xxxi M6): what PIPL Art. 17, 30, 31, 50 and 52 ask a
 * processor to tell before it collects. The processor, its contact and the person in charge are configured
 * ({@code chengxin.privacy.*}); the providers and retention periods are read from the settings that govern them, so
 * that the page says what the platform does, not what someone once wrote. The periods are said in words in the page's
 * language (3年, "3 years": {@link PeriodWords}), not as the settings write them (P3Y, 3660d).
 */
@PublicEndpoint
@Controller
class PrivacyNotice {

    private final String processor;
    private final String contact;
    private final String personInCharge;
    private final String realNameProvider;
    private final String smsProvider;
    private final Periods periods;
    private final int requestWorkingDays;

    PrivacyNotice(@Value("${chengxin.privacy.processor:}") String processor,
                  @Value("${chengxin.privacy.contact:}") String contact,
                  @Value("${chengxin.privacy.person-in-charge:}") String personInCharge,
                  @Value("${chengxin.realname.verifier:none}") String realNameProvider,
                  @Value("${chengxin.sms.gateway:none}") String smsProvider,
                  @Value("${chengxin.audit.retention.security:400d}") Duration securityLogRetention,
                  @Value("${chengxin.audit.retention.query:3660d}") Duration queryLogRetention,
                  @Value("${chengxin.tipoff.retention:P3Y}") Period tipOffRetention,
                  @Value("${chengxin.objection.evidence-retention:P3Y}") Period evidenceRetention,
                  @Value("${chengxin.repair.materials-retention:P3Y}") Period repairMaterialsRetention,
                  @Value("${chengxin.inquiry.report-retention:P6M}") Period reportRetention,
                  @Value("${chengxin.account.notice-retention:P3Y}") Period noticeRetention,
                  @Value("${chengxin.inquiry.consent-retention:P10Y}") Period consentRetention,
                  RightsRequests rightsRequests) {
        // The deadline the register gives a request (AA4), as configured: the page promises what the office keeps.
        this.requestWorkingDays = rightsRequests.workingDays();
        this.processor = processor.trim();
        this.contact = contact.trim();
        this.personInCharge = personInCharge.trim();
        this.realNameProvider = realNameProvider.trim();
        this.smsProvider = smsProvider.trim();
        // The audit log's periods are durations in days (AuditRetention): said as days.
        this.periods = new Periods(Period.ofDays((int) securityLogRetention.toDays()),
                Period.ofDays((int) queryLogRetention.toDays()), tipOffRetention, evidenceRetention,
                repairMaterialsRetention, reportRetention, noticeRetention, consentRetention);
    }

    @GetMapping("/privacy")
    String page(Model model, Locale locale) {
        model.addAttribute("privacy", new Settings(processor, contact, personInCharge, realNameProvider, smsProvider,
                PeriodWords.of(periods.securityLog(), locale), PeriodWords.of(periods.queryLog(), locale),
                PeriodWords.of(periods.tipOffs(), locale), new Attachments(PeriodWords.of(periods.evidence(), locale),
                PeriodWords.of(periods.repairMaterials(), locale), PeriodWords.of(periods.reports(), locale)),
                PeriodWords.of(periods.notices(), locale), PeriodWords.of(periods.consents(), locale)));
        model.addAttribute("requestWorkingDays", requestWorkingDays);
        return "portal/privacy";
    }

    /** The periods as configured. */
    private record Periods(Period securityLog, Period queryLog, Period tipOffs, Period evidence,
                           Period repairMaterials, Period reports, Period notices, Period consents) {
    }

    /** Blank texts are shown as "ask the credit office's window" by the page; the periods are in words. */
    record Settings(String processor, String contact, String personInCharge, String realNameProvider,
                    String smsProvider, String securityLogRetention, String queryLogRetention,
                    String tipOffRetention, Attachments attachments, String noticeRetention,
                    String consentRetention) {
    }

    /** What people hand in and the reports issued about them: kept so long after the case or the validity ends (M4). */
    record Attachments(String evidenceRetention, String repairMaterialsRetention, String reportRetention) {
    }
}
