package cn.chengxin.account.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.CitizenPasswordRecovery;
import cn.chengxin.account.SmsDispatch;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.ratelimit.LimitCounters;
import cn.chengxin.shared.ratelimit.PerAddressLimit;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.SubjectKind;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 找回密码: identity number and name, then the code texted to the phone on file and the new password
 * ({@link CitizenPasswordRecovery}). The code page is the answer to every request that was taken, whatever it found.
 */
@Controller
@PublicEndpoint
class CitizenRecoveryPages {

    /** Refusals after which the code page is shown again: the code, or the same code with another password. */
    private static final Set<String> TRY_AGAIN = Set.of("CODE_WRONG", "PASSWORDS_DIFFER");

    private final CitizenPasswordRecovery recovery;
    private final Clock clock;
    private final SmsDispatch sms;
    private final PerAddressLimit limit;

    CitizenRecoveryPages(CitizenPasswordRecovery recovery, Clock clock, SmsDispatch sms, LimitCounters counters,
                         @Value("${chengxin.account.recoveries-per-minute:10}") long perMinute) {
        this.recovery = recovery;
        this.clock = clock;
        this.sms = sms;
        this.limit = new PerAddressLimit(counters, perMinute, "RECOVERY_RATE_LIMITED", "找回密码尝试过于频繁");
    }

    /**
     * Without an SMS provider no code can be sent: the page says so, and whom to turn to, before any number is typed,
     * and for every number alike (RULES.md §10).
     */
    @ModelAttribute("smsUnavailable")
    boolean smsUnavailable() {
        return !sms.available();
    }

    @ModelAttribute("documentTypes")
    List<DocumentType> documentTypes() {
        return Arrays.stream(DocumentType.values()).filter(t -> t.kind() == SubjectKind.PERSON).toList();
    }

    @GetMapping("/me/recover")
    String form() {
        return "me/recover";
    }

    @PostMapping("/me/recover")
    String start(@RequestParam(required = false) String documentType, @RequestParam String number,
                 @RequestParam String name, HttpServletRequest request, Model model) {
        // Taken before anything is looked at: a client over its limit learns nothing, and one client cannot send codes
        // to many numbers' phones.
        limit.take(request.getRemoteAddr(), clock.instant());
        try {
            return codePage(model, recovery.start(documentType, number, name));
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            // The number typed is not sent back to the page: the citizen types it again.
            model.addAttribute("failureCode", problem.code());
            model.addAttribute("failure", problem.getMessage());
            model.addAttribute("name", name);
            model.addAttribute("documentType", documentType);
            return "me/recover";
        }
    }

    @PostMapping("/me/recover/verify")
    String verify(@RequestParam UUID recovery, @RequestParam String code, @RequestParam String password,
                  @RequestParam String repeated, Model model) {
        try {
            this.recovery.complete(recovery, code, password, repeated);
            return "redirect:/me/login?recovered";
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            model.addAttribute("failureCode", problem.code());
            model.addAttribute("failure", problem.getMessage());
            boolean again = TRY_AGAIN.contains(problem.code()) || problem.code().startsWith("PASSWORD_");
            return again ? codePage(model, recovery) : "me/recover";
        }
    }

    /** The code page, saying until when the code may be typed (the same for every request taken, code sent or not). */
    private String codePage(Model model, UUID recoveryId) {
        model.addAttribute("recovery", recoveryId);
        recovery.codeExpiresAt(recoveryId).ifPresent(at -> model.addAttribute("codeExpiry", CodeExpiry.of(at, clock)));
        return "me/recover-verify";
    }
}
