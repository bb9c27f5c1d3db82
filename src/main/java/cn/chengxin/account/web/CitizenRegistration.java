package cn.chengxin.account.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.CitizenAccounts;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 实名注册: identity number and name checked against the registry, name, number and phone against the real-name provider
 * ({@link cn.chengxin.account.RealNameVerifier}), then the phone proved by a one-time code.
 */
@Controller
@PublicEndpoint
class CitizenRegistration {

    private final CitizenAccounts citizens;
    private final Clock clock;
    private final SmsDispatch sms;
    private final PerAddressLimit limit;

    CitizenRegistration(CitizenAccounts citizens, Clock clock, SmsDispatch sms, LimitCounters counters,
                        @Value("${chengxin.account.registrations-per-minute:10}") long perMinute) {
        this.citizens = citizens;
        this.clock = clock;
        this.sms = sms;
        this.limit = new PerAddressLimit(counters, perMinute, "REGISTRATION_RATE_LIMITED", "注册尝试过于频繁");
    }

    /**
     * Without an SMS provider no code can be sent: the page says so, and whom to turn to, before any number is typed,
     * and for every number alike (RULES.md §10).
     */
    @ModelAttribute("smsUnavailable")
    boolean smsUnavailable() {
        return !sms.available();
    }

    /**
     * Without a real-name provider nobody can prove that the phone is theirs (RULES.md §9): the page sends applicants
     * to the window in the same way.
     */
    @ModelAttribute("realNameUnavailable")
    boolean realNameUnavailable() {
        return sms.available() && !citizens.onlineVerificationAvailable();
    }

    /** The documents a person may register with: a credit code names an organisation, which has no account here. */
    @ModelAttribute("documentTypes")
    List<DocumentType> documentTypes() {
        return Arrays.stream(DocumentType.values()).filter(t -> t.kind() == SubjectKind.PERSON).toList();
    }

    @GetMapping("/me/register")
    String form() {
        return "me/register";
    }

    @PostMapping("/me/register")
    String start(@RequestParam(required = false) String documentType, @RequestParam String number,
                 @RequestParam String name, @RequestParam String phone, @RequestParam String password,
                 @RequestParam(defaultValue = "false") boolean privacyConsent,
                 HttpServletRequest request, Model model) {
        // PIPL Art. 17, 29 (gaps review xxxi M6): the identity number is sensitive; its processing for registration needs
        // the person's separate consent to the published rules (/privacy). Asked before anything is read or counted.
        if (!privacyConsent) {
            return refused(model, "PRIVACY_CONSENT_REQUIRED", "请先阅读《个人信息保护规则》，并勾选同意处理您的身份证件信息后再注册",
                    name, documentType);
        }
        // Each attempt says whether a name goes with an identity number (REAL_NAME_MISMATCH, CITIZEN_EXISTS, or the
        // code page): one client may not try pairs at will. Taken before anything is checked, so that a client over
        // its limit learns nothing; an honest applicant needs a few attempts at most.
        limit.take(request.getRemoteAddr(), clock.instant());
        try {
            UUID registration = citizens.startRegistration(documentType, number, name, phone, password);
            model.addAttribute("registration", registration);
            return "me/register-verify";
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            return refused(model, problem.code(), problem.getMessage(), name, documentType);
        }
    }

    /** The form again with the refusal. The number typed is not sent back to the page: the citizen types it again. */
    private static String refused(Model model, String code, String message, String name, String documentType) {
        model.addAttribute("failure", message);
        model.addAttribute("failureCode", code);
        model.addAttribute("name", name);
        model.addAttribute("documentType", documentType);
        return "me/register";
    }

    @PostMapping("/me/register/verify")
    String verify(@RequestParam UUID registration, @RequestParam String code, Model model,
                  RedirectAttributes redirect) {
        try {
            citizens.completeRegistration(registration, code);
            redirect.addFlashAttribute("registered", true);
            return "redirect:/me/login?registered";
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            model.addAttribute("failure", problem.getMessage());
            model.addAttribute("failureCode", problem.code());
            model.addAttribute("registration", registration);
            return "CODE_WRONG".equals(problem.code()) ? "me/register-verify" : "me/register";
        }
    }
}
