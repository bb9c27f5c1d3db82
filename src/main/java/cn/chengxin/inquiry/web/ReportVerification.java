package cn.chengxin.inquiry.web;

import java.time.Clock;

import cn.chengxin.inquiry.InquirySettings;
import cn.chengxin.inquiry.LegacyReports;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.shared.ratelimit.LimitCounters;
import cn.chengxin.shared.ratelimit.PerAddressLimit;
import cn.chengxin.shared.security.PublicEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 报告核验: anyone holding a report enters its number and verification code (or scans its QR code) and learns whether
 * it is authentic and still valid, with a summary. A wrong code and an unknown number get the same answer, so the
 * page reveals nothing without the code; attempts are limited per client address against guessing. A report's QR code
 * carries the code in the URL's fragment ({@link cn.chengxin.inquiry.domain.VerificationLink}), which the page's script
 * ({@code verify.js}) posts in the form: the check is a POST, and the code never sits in a request line. A report the
 * older platform issued before the move ({@link LegacyReports}) is answered as that platform's, with its days only.
 */
@Controller
class ReportVerification {

    private static final String OLD_LINK_NUMBER = "oldLinkNumber";
    private static final String OLD_LINK_CODE = "oldLinkCode";

    private final Reports reports;
    private final LegacyReports legacy;
    private final Clock clock;
    private final PerAddressLimit limit;

    ReportVerification(Reports reports, LegacyReports legacy, Clock clock, InquirySettings settings,
                       LimitCounters counters) {
        this.reports = reports;
        this.legacy = legacy;
        this.clock = clock;
        this.limit = limit(settings, counters);
    }

    /**
     * The limit per client address against guessing, under the page's code: counted together for the page and the
     * API ({@link ReportVerificationApi}), so that neither is a way round the other.
     */
    static PerAddressLimit limit(InquirySettings settings, LimitCounters counters) {
        return new PerAddressLimit(counters, settings.verifyPerMinute(), "VERIFY_RATE_LIMITED", "核验过于频繁");
    }

    /**
     * The page, or a report printed before its code moved to the fragment ({@code ?n=…&c=…}): that link is still
     * answered, counted against the limit here, but through a redirect to the bare page, so that the code stays out of
     * the address bar, the history and any later referrer; it waits for that next request in the session's flash.
     */
    @PublicEndpoint
    @GetMapping("/verify")
    String verify(@RequestParam(required = false) String n, @RequestParam(required = false) String c,
                  @RequestParam(required = false) String lang, HttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        if (n != null && c != null) {
            limit.take(request.getRemoteAddr(), clock.instant());
            redirect.addFlashAttribute(OLD_LINK_NUMBER, n);
            redirect.addFlashAttribute(OLD_LINK_CODE, c);
            return "redirect:/verify" + ("en".equals(lang) ? "?lang=en" : "");
        }
        if (model.getAttribute(OLD_LINK_NUMBER) instanceof String number
                && model.getAttribute(OLD_LINK_CODE) instanceof String code) {
            answer(number, code, model);
        }
        return "portal/verify";
    }

    /** The form, filled by hand or from a QR code's fragment by the page's script. */
    @PublicEndpoint
    @PostMapping("/verify")
    String check(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String code,
                 HttpServletRequest request, Model model) {
        limit.take(request.getRemoteAddr(), clock.instant());
        answer(number, code, model);
        return "portal/verify";
    }

    private void answer(String number, String code, Model model) {
        model.addAttribute("number", number.length() > 40 ? number.substring(0, 40) : number);
        model.addAttribute("checked", true);
        var verified = reports.verify(number, code);
        model.addAttribute("verified", verified.orElse(null));
        // Gaps review xliii X6 (a): a report the older platform issued, when this platform issued none by the number.
        model.addAttribute("legacy", verified.isPresent() ? null : legacy.verify(number, code).orElse(null));
    }
}
