package cn.chengxin.portal.tipoff.web;

import java.time.Clock;

import cn.chengxin.portal.FileTipOff;
import cn.chengxin.portal.TipOffDesk;
import cn.chengxin.portal.tipoff.domain.ReceiptCode;
import cn.chengxin.portal.tipoff.domain.TooManyTipOffs;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.ratelimit.LimitCounters;
import cn.chengxin.shared.ratelimit.PerAddressLimit;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.shared.web.ExpiredForms;
import cn.chengxin.subject.domain.DocumentType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 信用举报 on the public site: the form, the receipt, and the status page for the holder of a receipt code.
 * A refused tip-off is answered with the form again and the reason, with HTTP 429 (and Retry-After) when the
 * address sent too many, 422 otherwise; a typed identity number comes back only into its own field.
 */
@PublicEndpoint
@Controller
class PublicTipOffs {

    private final TipOffDesk desk;
    private final Clock clock;
    private final PerAddressLimit statusLooks;

    PublicTipOffs(TipOffDesk desk, Clock clock, LimitCounters counters) {
        this.desk = desk;
        this.clock = clock;
        this.statusLooks = new PerAddressLimit(counters, desk.settings().statusLooksPerMinute(),
                "TIPOFF_STATUS_RATE_LIMITED", "举报办理情况查询过于频繁");
    }

    @GetMapping("/tipoffs")
    String form(Model model) {
        return form(model, FileTipOff.empty(), null);
    }

    @PostMapping("/tipoffs")
    String file(@ModelAttribute("form") FileTipOff form, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        try {
            model.addAttribute("receipt", desk.file(request.getRemoteAddr(), form));
            return "portal/tipoff-receipt";
        } catch (TooManyTipOffs tooMany) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
            return form(model, form, tooMany);
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, problem);
        }
    }

    /**
     * A tip-off whose page expired (the reporter wrote for longer than the session lasts) or that came from another
     * site ({@link ExpiredForms}) is not filed and counts no attempt. The form comes back with what was written, except
     * the challenge's answer, with a new challenge and a fresh token, to be sent again.
     */
    @PostMapping(ExpiredForms.PREFIX + "/tipoffs")
    String expired(@ModelAttribute("form") FileTipOff form, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("expired", true);
        return form(model, form, null);
    }

    /**
     * The look-up form. A code is asked for in the form and sent in its body, never in the address: an address stays in
     * the browser's history and in the Referer of the next page, and the code tells whoever holds it that its holder
     * reported someone. A code written into the address is not looked up.
     */
    @GetMapping("/tipoffs/status")
    String statusForm(Model model) {
        model.addAttribute("codeLength", ReceiptCode.LENGTH);
        return "portal/tipoff-status";
    }

    /**
     * Looks a receipt code up. Each look-up takes from a per-client limit, as the public lists do against scraping: a
     * holder looks his code up now and then, while trying codes one after another is refused with 429, a page saying
     * when to come back (problem+json to a client asking for JSON).
     */
    @PostMapping("/tipoffs/status")
    String status(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        model.addAttribute("codeLength", ReceiptCode.LENGTH);
        if (!code.isBlank()) {
            statusLooks.take(request.getRemoteAddr(), clock.instant());
            var progress = desk.progress(code);
            model.addAttribute("looked", true);
            model.addAttribute("progress", progress.orElse(null));
            if (progress.isEmpty()) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
            }
        }
        return "portal/tipoff-status";
    }

    /**
     * The form, empty or as sent. Everything typed comes back but the challenge's answer (gaps review xxxv O2, O6):
     * the identity number too, into its own field only, on the page the reporter typed it on — a reporter whose
     * question expired while writing does not type it again. The refusal names its field where it has one.
     */
    private String form(Model model, FileTipOff entered, DomainProblem problem) {
        model.addAttribute("form", new FileTipOff(entered.subjectName(), entered.documentType(),
                entered.subjectNumber(), entered.facts(), entered.reporterName(), entered.reporterContact(), "", ""));
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("challenge", desk.challenge());
        model.addAttribute("problem", problem);
        if (problem != null) {
            model.addAttribute("failure", problem.getMessage());
            model.addAttribute("failureCode", problem.code());
            model.addAttribute("refusedField", TipOffFields.of(problem.code()));
        }
        model.addAttribute("timeLimitMinutes", desk.settings().challengeTtl().toMinutes());
        return "portal/tipoffs";
    }
}
