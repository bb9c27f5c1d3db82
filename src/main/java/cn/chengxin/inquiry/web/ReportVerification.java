package cn.chengxin.inquiry.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.chengxin.inquiry.InquirySettings;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.ratelimit.TokenBucket;
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
    private final InquirySettings settings;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    ReportVerification(Reports reports, Clock clock, InquirySettings settings) {
        this.reports = reports;
        this.clock = clock;
        this.settings = settings;
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
        limit(request.getRemoteAddr());
        model.addAttribute("number", number.length() > 40 ? number.substring(0, 40) : number);
        model.addAttribute("checked", true);
        model.addAttribute("verified", reports.verify(number, code).orElse(null));
        return "portal/verify";
    }

    private void limit(String address) {
        if (buckets.size() > 100_000) {
            buckets.clear(); // bounded memory under a flood of addresses
        }
        int perMinute = settings.verifyPerMinute();
        TokenBucket.Decision decision = buckets.computeIfAbsent(address,
                a -> new TokenBucket(perMinute, perMinute / 60.0)).tryTake(clock.instant());
        if (!decision.allowed()) {
            throw new CodedProblem("VERIFY_RATE_LIMITED", DomainProblem.Kind.TOO_MANY,
                    "核验过于频繁，请在 " + Math.max(1, decision.retryAfter().toSeconds()) + " 秒后再试");
        }
    }
}
