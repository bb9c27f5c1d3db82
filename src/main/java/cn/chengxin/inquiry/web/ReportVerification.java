package cn.chengxin.inquiry.web;

import java.time.Clock;

import cn.chengxin.inquiry.InquirySettings;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.shared.ratelimit.PerAddressLimit;
import cn.chengxin.shared.security.PublicEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 报告核验: anyone holding a report enters its number and verification code (or scans its QR code) and learns whether
 * it is authentic and still valid, with a summary. A wrong code and an unknown number get the same answer, so the
 * page reveals nothing without the code; attempts are limited per client address against guessing.
 */
@Controller
class ReportVerification {

    private final Reports reports;
    private final Clock clock;
    private final PerAddressLimit limit;

    ReportVerification(Reports reports, Clock clock, InquirySettings settings) {
        this.reports = reports;
        this.clock = clock;
        this.limit = new PerAddressLimit(settings.verifyPerMinute(), "VERIFY_RATE_LIMITED", "核验过于频繁");
    }

    @PublicEndpoint
    @GetMapping("/verify")
    String verify(@RequestParam(required = false) String n, @RequestParam(required = false) String c,
                  HttpServletRequest request, Model model) {
        if (n != null && c != null) {
            return check(n, c, request, model);
        }
        return "portal/verify";
    }

    @PublicEndpoint
    @PostMapping("/verify")
    String check(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String code,
                 HttpServletRequest request, Model model) {
        limit.take(request.getRemoteAddr(), clock.instant());
        model.addAttribute("number", number.length() > 40 ? number.substring(0, 40) : number);
        model.addAttribute("checked", true);
        model.addAttribute("verified", reports.verify(number, code).orElse(null));
        return "portal/verify";
    }
}
